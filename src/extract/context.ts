// The view of one sentence that every recogniser works on: its tokens and a few
// questions about them (is this a word, where does it stand in the body).
import type { Sentence } from "../text/sentences.ts";
import { tokenize, type Token } from "../text/tokens.ts";

export interface SentenceView {
  sentence: Sentence;
  tokens: Token[];
}

export function viewSentence(sentence: Sentence): SentenceView {
  return { sentence, tokens: tokenize(sentence.text, sentence.start) };
}

export const lowerAt = (tokens: readonly Token[], i: number): string => tokens[i]?.lower ?? "";

/** "(ACC)", "(UNCLOS 1982)", "(ASEAN SHIELD)", "(ACCWG-PHE)": an acronym in parentheses at token i. */
export function parenthesisedAcronym(tokens: readonly Token[], i: number): { acronym: string; length: number } | null {
  if (tokens[i]?.text !== "(") return null;
  let j = i + 1;
  const words: string[] = [];
  while (j < tokens.length && tokens[j]!.text !== ")" && words.length < 5) {
    words.push(tokens[j]!.text);
    j++;
  }
  if (tokens[j]?.text !== ")" || words.length === 0) return null;
  const acronym = words.join(" ").replace(/\s*([+\-/])\s*/g, "$1");
  const ok = /^[\p{Lu}][\p{Lu}\p{N}\-+&/ ]*$/u.test(acronym) && /\p{Lu}.*\p{Lu}/u.test(acronym) && !/^(?:[IVX]+)$/.test(acronym);
  return ok ? { acronym, length: j - i + 1 } : null;
}

/** Items by the index of the sentence they stand in. */
export function groupBySentence<T extends { sentence: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.sentence);
    if (group) group.push(item);
    else groups.set(item.sentence, [item]);
  }
  return groups;
}
