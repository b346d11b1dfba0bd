// Decides which mentions stand on their own in a sentence and which are parts of a longer
// name: an organisation inside an official's title, a plan inside a workshop's name. Only
// mentions that stand on their own take part in relations; nested ones still count as mentions.
import type { Mention } from "./types.ts";

const contains = (outer: Mention, inner: Mention) =>
  outer !== inner && outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
const overlaps = (a: Mention, b: Mention) => a !== b && a.start < b.end && b.start < a.end;

/** Kinds whose spans hold other names, from the widest claim to the narrowest. */
const CONTAINER_RANK: Record<Mention["kind"], number> = { Official: 3, Document: 2, Meeting: 2, Organization: 1, Country: 0 };

export function arrangeMentions(mentions: Mention[]): Mention[] {
  const kept: Mention[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of sorted) {
    const containers = sorted.filter((o) => contains(o, m));
    // 1. a meeting or document named inside a document is part of its title, not a mention of its own
    if ((m.kind === "Meeting" || m.kind === "Document") && containers.some((o) => o.kind === "Document")) continue;
    // 2. inside an official's span only the state of the title counts (a name like "Minh Đức" holds no country)
    if (m.kind === "Country" && containers.some((o) => o.kind === "Official" && !o.coreference && o.countryIso !== m.iso)) continue;
    // an official's title inside a meeting's or document's name ("Hội nghị Bộ trưởng Ngoại giao") is no official
    if (m.kind === "Official" && containers.some((o) => o.kind === "Meeting" || o.kind === "Document")) continue;
    // 3. a country inside a body's name ("Bộ Ngoại giao Nga") is that body's
    if (m.kind === "Country" && containers.some((o) => o.kind === "Organization")) continue;
    // 4. of two names that cross, the one with the wider claim stays
    const crossing = sorted.find((o) => overlaps(o, m) && !contains(o, m) && !contains(m, o));
    if (crossing && (CONTAINER_RANK[crossing.kind] > CONTAINER_RANK[m.kind] ||
      (CONTAINER_RANK[crossing.kind] === CONTAINER_RANK[m.kind] && crossing.start < m.start))) continue;
    const nested = containers.length > 0 && !(m.kind === "Official" && containers.every((o) => o.kind !== "Official"));
    kept.push(nested ? { ...m, nested: true } : m);
  }
  return kept;
}
