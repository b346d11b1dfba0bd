// A title without a name stands for an official named in the same article: "Thủ tướng nhấn mạnh"
// for the last one named with that title, "Thủ tướng Campuchia nhấn mạnh" for the one who holds
// that title for that state (named before or after). With no such official it stands for no
// person; the state it names then stands on its own.
import { foldName } from "../text/fold.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Mention, OfficialMention } from "./types.ts";

const holds = (official: OfficialMention, role: OfficialMention, wanted: string[]) =>
  wanted.every((w) => official.titles.some((t) => foldName(t).startsWith(w))) &&
  (role.countryIso === undefined || official.countryIso === role.countryIso);

/** Mentions with each title-only mention replaced by the official it stands for, or dropped. */
export function resolveRoleMentions(mentions: Mention[], lexicon: Lexicon): Mention[] {
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
    let target = before[before.length - 1] ?? (m.countryIso ? named.find((o) => o.start > m.start && holds(o, m, wanted)) : undefined);
    if (!target && m.countryIso) {
      // the holder is only inferred: the state the sentence names stands as well ("Tổng thống Nga tham dự")
      target = soleStatelessHolder(named, m, lexicon);
      unheld.push(m);
    }
    if (target) out.push({ ...target, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, coreference: true });
  }
  const statedOut = giveStates(out, named);
  return unheld.length === 0 ? statedOut : freeStates(statedOut, unheld);
}

/**
 * "Tổng thống Park Min-seo …", then "Tổng thống Hàn Quốc công bố …": when the article names one
 * holder of a leader's title without a state, and no holder of it for another state, the title
 * with its state is that holder's, and so is the state.
 */
function soleStatelessHolder(named: OfficialMention[], role: OfficialMention, lexicon: Lexicon): OfficialMention | undefined {
  // only a leader's title, the same title ("Chủ tịch Malaysia", a chair, is no "Chủ tịch nước")
  const title = role.titles.length === 1 ? role.titles[0]! : "";
  if (!lexicon.titlesBeforeAnyName.has(title)) return undefined;
  const holders = named.filter((o) => o.titles.some((t) => foldName(t) === foldName(title)));
  const names = new Set(holders.map((o) => o.name));
  if (names.size !== 1 || holders.some((o) => o.countryIso !== undefined)) return undefined;
  return { ...holders[0]!, countryIso: role.countryIso! };
}

/** The state a role gave to a holder named without one, on every mention of that holder in the article. */
function giveStates(mentions: Mention[], named: OfficialMention[]): Mention[] {
  const stateOf = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind !== "Official" || !m.coreference || !m.countryIso) continue;
    if (named.some((o) => o.name === m.name && o.countryIso === undefined)) stateOf.set(m.name, m.countryIso);
  }
  if (stateOf.size === 0) return mentions;
  return mentions.map((m) => m.kind === "Official" && !m.coreference && !m.countryIso && stateOf.has(m.name) ? { ...m, countryIso: stateOf.get(m.name)! } : m);
}

/** "Tổng thống Nga tham dự …" with no president of Russia named: the state itself is what the sentence speaks of. */
function freeStates(mentions: Mention[], unheld: OfficialMention[]): Mention[] {
  const inside = (outer: Mention, inner: Mention) => outer !== inner && outer.start <= inner.start && inner.end <= outer.end;
  return mentions.map((m) => m.kind === "Country" && m.nested && unheld.some((r) => r.countryIso === m.iso && inside(r, m)) &&
    !mentions.some((o) => inside(o, m) && o.end - o.start > m.end - m.start && !(o.kind === "Official" && o.coreference)) ? { ...m, nested: false } : m);
}

