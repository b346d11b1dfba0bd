// "Ông Huy đề xuất …", "Bà Villanueva kêu gọi …", "ngoại trưởng Villanueva cho rằng …": after an
// official is named in full, Vietnamese reports call them by the last word of the name (the
// given name of a Vietnamese, the family name of most others) after "ông", "bà" or a title.
import { isCapitalized, type Token } from "../text/tokens.ts";
import type { SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import type { Mention, OfficialMention } from "./types.ts";

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

/**
 * The most recent of the officials named before who is called at token k by the full name
 * ("Bộ trưởng Ahmad Rizal Hamzah") or by its last word alone ("Ông Huy", not "Ông Huy Hoàng").
 */
function calledOfficial(tokens: readonly Token[], k: number, before: OfficialMention[]): { official: OfficialMention; length: number } | null {
  const alone = !(tokens[k + 1]?.word && isCapitalized(tokens[k + 1]!.text));
  for (let i = before.length - 1; i >= 0; i--) {
    const words = before[i]!.name.split(/\s+/u);
    if (words.length < 2) continue;
    if (words.every((w, n) => tokens[k + n]?.text === w)) return { official: before[i]!, length: words.length };
    if (alone && words[words.length - 1] === tokens[k]!.text) return { official: before[i]!, length: 1 };
  }
  return null;
}

/** Mentions of officials named before, called again by their full name or its last word; the others unchanged. */
export function resolveShortNames(views: SentenceView[], mentions: Mention[], lexicon: Lexicon): Mention[] {
  const officials = mentions.filter((m): m is OfficialMention => m.kind === "Official" && m.name !== "");
  if (officials.length === 0) return mentions;
  // only a word that begins or ends an official's name can call one
  const nameWords = new Set(officials.flatMap((o) => {
    const words = o.name.split(/\s+/u);
    return words.length > 1 ? [words[0]!, words[words.length - 1]!] : [];
  }));
  const added: Mention[] = [];
  for (const view of views) {
    const { tokens, sentence } = view;
    tokens.forEach((token, k) => {
      if (!nameWords.has(token.text)) return;
      const from = calledFrom(tokens, k, lexicon);
      if (from < 0) return;
      const target = calledOfficial(tokens, k, officials.filter((o) => o.start < tokens[from]!.start && !o.coreference));
      if (!target) return;
      const start = tokens[from]!.start;
      const end = tokens[k + target.length - 1]!.end;
      if (mentions.some((m) => m.start < end && start < m.end)) return;
      added.push({ ...target.official, start, end, sentence: sentence.index, nested: false, coreference: true });
    });
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((x, y) => x.start - y.start);
}
