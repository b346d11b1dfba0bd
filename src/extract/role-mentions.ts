// A title without a name stands for an official named in the same article: "Thủ tướng nhấn mạnh"
// for the last one named with that title, "Thủ tướng Campuchia nhấn mạnh" for the one who holds
// that title for that state (named before or after). With no such official it stands for no
// person; the state it names then stands on its own.
import { foldName } from "../text/fold.ts";
import type { Mention, OfficialMention } from "./types.ts";

const holds = (official: OfficialMention, role: OfficialMention, wanted: string[]) =>
  wanted.every((w) => official.titles.some((t) => foldName(t).startsWith(w))) &&
  (role.countryIso === undefined || official.countryIso === role.countryIso);

/** Mentions with each title-only mention replaced by the official it stands for, or dropped. */
export function resolveRoleMentions(mentions: Mention[]): Mention[] {
  const named = mentions.filter((m): m is OfficialMention => m.kind === "Official" && !m.coreference);
  const out: Mention[] = [];
  const unheld: OfficialMention[] = [];
  for (const m of mentions) {
    if (m.kind !== "Official" || !m.coreference) {
      out.push(m);
      continue;
    }
    const wanted = m.titles.map(foldName);
    const before = named.filter((o) => o.start < m.start && holds(o, m, wanted));
    // a bare title looks back only; a title with its state names one person, wherever the article names them
    let target = before[before.length - 1];
    if (!target && m.countryIso) target = named.find((o) => o.start > m.start && holds(o, m, wanted));
    if (target) out.push({ ...target, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, coreference: true });
    else if (m.countryIso) unheld.push(m);
  }
  return unheld.length === 0 ? out : freeStates(out, unheld);
}

/** "Tổng thống Nga tham dự …" with no president of Russia named: the state itself is what the sentence speaks of. */
function freeStates(mentions: Mention[], unheld: OfficialMention[]): Mention[] {
  const inside = (outer: Mention, inner: Mention) => outer !== inner && outer.start <= inner.start && inner.end <= outer.end;
  return mentions.map((m) => m.kind === "Country" && m.nested && unheld.some((r) => r.countryIso === m.iso && inside(r, m)) &&
    !mentions.some((o) => inside(o, m) && o.end - o.start > m.end - m.start) ? { ...m, nested: false } : m);
}

