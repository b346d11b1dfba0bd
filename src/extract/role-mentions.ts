// A title without a name stands for an official named in the same article: "Thủ tướng nhấn mạnh"
// for the last one named with that title, "Thủ tướng Campuchia nhấn mạnh" for the one who holds
// that title for that state (named before or after). With no such official it stands for no
// person; the state it names then stands on its own.
// Linear in the article: each named official is tried once per distinct role (2,000 officials and
// 2,000 roles must not make 4 million tries), and spans are compared within a sentence only.
import { foldName } from "../text/fold.ts";
import { groupBySentence } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Mention, OfficialMention } from "./types.ts";

/** What a role asks of its holder: each of its titles begins one of the holder's, and its state if it names one. */
interface Role {
  wanted: string[];
  countryIso: string | undefined;
}

const holds = (official: OfficialMention, role: Role) =>
  role.wanted.every((w) => official.titles.some((t) => foldName(t).startsWith(w))) &&
  (role.countryIso === undefined || official.countryIso === role.countryIso);

/** Per distinct role: the last holder found among the officials searched so far, and how many were searched. */
interface Search {
  role: Role;
  last?: OfficialMention;
  searched: number;
  /** For a role with a state: the first holder in the whole article (null: none), or the inferred one. */
  first?: OfficialMention | null;
  inferred?: OfficialMention | null;
}

/** Mentions with each title-only mention replaced by the official it stands for, or dropped. */
export function resolveRoleMentions(mentions: Mention[], lexicon: Lexicon): Mention[] {
  const all = mentions.filter((m): m is OfficialMention => m.kind === "Official" && !m.coreference);
  const named: OfficialMention[] = [];
  const searches = new Map<string, Search>();
  const out: Mention[] = [];
  const unheld: OfficialMention[] = [];
  for (const m of mentions) {
    if (m.kind !== "Official") {
      out.push(m);
      continue;
    }
    if (!m.coreference) {
      named.push(m);
      out.push(m);
      continue;
    }
    const wanted = m.titles.map(foldName);
    const key = `${wanted.join("\u0000")}\u0001${m.countryIso ?? ""}`;
    const search = searches.get(key) ?? { role: { wanted, countryIso: m.countryIso }, searched: 0 };
    searches.set(key, search);
    // 1. the last holder named before (only officials not searched yet for this role are tried)
    for (let i = named.length - 1; i >= search.searched; i--) {
      if (holds(named[i]!, search.role)) {
        search.last = named[i];
        break;
      }
    }
    search.searched = named.length;
    let target = search.last;
    // 2. a title with its state names one person, wherever the article names them: with none
    // before, the article's first holder is after
    if (!target && m.countryIso) {
      if (search.first === undefined) search.first = all.find((o) => holds(o, search.role)) ?? null;
      target = search.first ?? undefined;
    }
    if (!target && m.countryIso) {
      // 3. the holder is only inferred: the state the sentence names stands as well ("Tổng thống Nga tham dự")
      if (search.inferred === undefined) search.inferred = soleStatelessHolder(all, m, lexicon) ?? null;
      target = search.inferred ?? undefined;
      unheld.push(m);
    }
    if (target) out.push({ ...target, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, coreference: true });
  }
  const stated = giveStates(out, all);
  return unheld.length === 0 ? stated : freeStates(stated, unheld);
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
  const folded = foldName(title);
  const holders = named.filter((o) => o.titles.some((t) => foldName(t) === folded));
  const names = new Set(holders.map((o) => o.name));
  if (names.size !== 1 || holders.some((o) => o.countryIso !== undefined)) return undefined;
  return { ...holders[0]!, countryIso: role.countryIso! };
}

/** The state a role gave to a holder named without one, on every mention of that holder in the article. */
function giveStates(mentions: Mention[], named: OfficialMention[]): Mention[] {
  const stateless = new Set(named.filter((o) => o.countryIso === undefined).map((o) => o.name));
  const stateOf = new Map<string, string>();
  for (const m of mentions) {
    if (m.kind === "Official" && m.coreference && m.countryIso && stateless.has(m.name)) stateOf.set(m.name, m.countryIso);
  }
  if (stateOf.size === 0) return mentions;
  return mentions.map((m) => m.kind === "Official" && !m.coreference && !m.countryIso && stateOf.has(m.name) ? { ...m, countryIso: stateOf.get(m.name)! } : m);
}

/** "Tổng thống Nga tham dự …" with no president of Russia named: the state itself is what the sentence speaks of. */
function freeStates(mentions: Mention[], unheld: OfficialMention[]): Mention[] {
  const inside = (outer: Mention, inner: Mention) => outer !== inner && outer.start <= inner.start && inner.end <= outer.end;
  const rolesBySentence = groupBySentence(unheld);
  const bySentence = groupBySentence(mentions.filter((m) => rolesBySentence.has(m.sentence)));
  const freed = new Set<Mention>();
  for (const [sentence, roles] of rolesBySentence) {
    const inSentence = bySentence.get(sentence) ?? [];
    for (const m of inSentence) {
      if (m.kind !== "Country" || !m.nested || !roles.some((r) => r.countryIso === m.iso && inside(r, m))) continue;
      // still part of some other name than a role's ("Bộ Ngoại giao Nga")
      const held = inSentence.some((o) => inside(o, m) && o.end - o.start > m.end - m.start && !(o.kind === "Official" && o.coreference));
      if (!held) freed.add(m);
    }
  }
  return freed.size === 0 ? mentions : mentions.map((m) => freed.has(m) ? { ...m, nested: false } : m);
}
