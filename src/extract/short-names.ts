// "Ông Huy đề xuất …", "Bà Villanueva kêu gọi …", "ngoại trưởng Villanueva cho rằng …": after an
// official is named in full, Vietnamese reports call them by the last word of the name (the
// given name of a Vietnamese, the family name of most others) after "ông", "bà" or a title. A
// document known by its acronym ("COC") is the one the article gave that acronym.
import { isCapitalized, type Token } from "../text/tokens.ts";
import { groupBySentence, type SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { DocumentMention, Mention, OfficialMention } from "./types.ts";

const HONORIFICS = new Set(["ông", "bà", "ngài"]);

/** Where the words calling someone by a short name begin: the honorific or title just before token k, or -1. */
function calledFrom(tokens: readonly Token[], k: number, lexicon: Lexicon): number {
  if (HONORIFICS.has(tokens[k - 1]?.lower ?? "")) return k - 1;
  // "Bộ trưởng Dato' Seri Khairul …": an honorific between the title and the name
  for (let from = k - 1; from >= Math.max(0, k - 3); from--) {
    const honorific = lexicon.honorificMatcher.matchAt(tokens, from);
    if (honorific && from + honorific.length === k) {
      k = from;
      break;
    }
  }
  for (let from = k - 1; from >= Math.max(0, k - 4); from--) {
    const title = lexicon.titleMatcher.matchAt(tokens, from);
    if (title && from + title.length === k) return from;
  }
  return -1;
}

/** Officials indexed by the words that can call them, each list in body order, coreferences left out. */
interface OfficialIndex {
  /** By the full name, words joined by one space. */
  byName: Map<string, OfficialMention[]>;
  /** By the last word of the name. */
  byLastWord: Map<string, OfficialMention[]>;
  /** Words in the longest name. */
  longest: number;
}

function indexOfficials(officials: OfficialMention[]): OfficialIndex {
  const index: OfficialIndex = { byName: new Map(), byLastWord: new Map(), longest: 0 };
  const add = (map: Map<string, OfficialMention[]>, key: string, o: OfficialMention) => {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  };
  for (const o of officials) {
    if (o.coreference) continue;
    const words = o.name.split(/\s+/u);
    if (words.length < 2) continue;
    add(index.byName, words.join(" "), o);
    add(index.byLastWord, words[words.length - 1]!, o);
    index.longest = Math.max(index.longest, words.length);
  }
  return index;
}

/** The last official of a list (in body order) named before `offset`, by binary search, and its place in the list. */
function lastBefore(list: OfficialMention[] | undefined, offset: number): OfficialMention | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? list[lo - 1] : undefined;
}

/**
 * The most recent of the officials named before `offset` who is called at token k by the full
 * name ("Bộ trưởng Ahmad Rizal Hamzah") or by its last word alone ("Ông Huy", not "Ông Huy Hoàng");
 * the full name wins over the last word for the same official. Looked up in an index rather than
 * by trying every official named before: a page listing thousands of officials stays linear.
 */
function calledOfficial(tokens: readonly Token[], k: number, index: OfficialIndex, offset: number, order: Map<OfficialMention, number>): { official: OfficialMention; length: number } | null {
  const alone = !(tokens[k + 1]?.word && isCapitalized(tokens[k + 1]!.text));
  let best: { official: OfficialMention; length: number } | null = null;
  const rank = (o: OfficialMention) => order.get(o)!;
  let words = tokens[k]!.text;
  for (let length = 2; length <= index.longest && k + length - 1 < tokens.length; length++) {
    words += ` ${tokens[k + length - 1]!.text}`;
    const o = lastBefore(index.byName.get(words), offset);
    if (o && (!best || rank(o) > rank(best.official))) best = { official: o, length };
  }
  if (alone) {
    const o = lastBefore(index.byLastWord.get(tokens[k]!.text), offset);
    if (o && (!best || rank(o) > rank(best.official))) best = { official: o, length: 1 };
  }
  return best;
}

/** Mentions of officials named before, called again by their full name or its last word; the others unchanged. */
export function resolveShortNames(views: SentenceView[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  return officialShortNames(views, documentAcronyms(mentions), lexicon);
}

const ACRONYM = /^[\p{Lu}][\p{Lu}\p{N}\-+&/ ]+$/u;

/**
 * "Bộ Quy tắc ứng xử của các bên trên Biển Đông (COC)", later "COC" alone: a document known by its
 * acronym (documents.json known) is the article's document given that acronym, when only one is.
 */
function documentAcronyms(mentions: Mention[]): Mention[] {
  const named = new Map<string, DocumentMention | null>();
  for (const m of mentions) {
    if (m.kind !== "Document" || ACRONYM.test(m.name)) continue;
    for (const a of m.aliases) {
      if (!ACRONYM.test(a)) continue;
      const other = named.get(a);
      named.set(a, other === undefined || other?.name === m.name ? m : null);
    }
  }
  if (named.size === 0) return mentions;
  return mentions.map((m) => {
    const meant = m.kind === "Document" ? named.get(m.name) : undefined;
    if (!meant) return m;
    return { ...m, name: meant.name, aliases: [...new Set([...m.aliases, m.name])] };
  });
}

function officialShortNames(views: SentenceView[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const officials = mentions.filter((m): m is OfficialMention => m.kind === "Official" && m.name !== "");
  if (officials.length === 0) return mentions;
  // only a word that begins or ends an official's name can call one
  const nameWords = new Set(officials.flatMap((o) => {
    const words = o.name.split(/\s+/u);
    return words.length > 1 ? [words[0]!, words[words.length - 1]!] : [];
  }));
  // mentions come in body order; `order` keeps it where an index list is searched by offset
  const index = indexOfficials(officials);
  const order = new Map(officials.map((o, i) => [o, i]));
  // a mention lies within its sentence: only those of the same sentence can overlap a new one
  const bySentence = groupBySentence(mentions);
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  for (const view of views) {
    const { tokens, sentence } = view;
    const inSentence = bySentence.get(sentence.index) ?? [];
    tokens.forEach((token, k) => {
      if (!nameWords.has(token.text)) return;
      const from = calledFrom(tokens, k, lexicon);
      if (from < 0) return;
      const target = calledOfficial(tokens, k, index, tokens[from]!.start, order);
      if (!target) return;
      const start = tokens[from]!.start;
      const end = tokens[k + target.length - 1]!.end;
      const crossing = inSentence.filter((m) => m.start < end && start < m.end);
      // "Tổng thư ký Kao Kim Hourn" after "Kao Kim Hourn" was named in full: the title's reading ("Tổng thư ký Kao"
      // and a person "Kim Hourn") gives way to the official named before, whose name ends the same way
      if (!crossing.every((m) => m.kind === "Official" && m.start >= start && m.end <= end && m.name !== target.official.name &&
        target.official.name.endsWith(` ${m.name}`))) return;
      for (const m of crossing) replaced.add(m);
      added.push({ ...target.official, start, end, sentence: sentence.index, nested: false, coreference: true });
    });
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((x, y) => x.start - y.start);
}
