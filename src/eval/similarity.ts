// How alike two names are (rule 2 of the answer key's README): 1 when equal after folding,
// else the Dice coefficient of their syllable multisets, and 0 whenever their numbers differ,
// so "ASEAN 36" never matches "ASEAN 37".
import { foldName } from "../text/fold.ts";

/** A node needs this similarity to an answer-key name to match it. */
export const MATCH_THRESHOLD = 0.8;

/** A name folded once, so that comparing every node with every entity stays cheap. */
export interface FoldedName {
  folded: string;
  syllables: string[];
  /** The syllables holding a digit, sorted and joined: "37", "2021 2025". */
  numbers: string;
}

export function foldedName(name: string): FoldedName {
  const folded = foldName(name);
  const syllables = folded.split(" ").filter(Boolean);
  const numbers = syllables.filter((s) => /\d/.test(s)).sort().join(" ");
  return { folded, syllables, numbers };
}

export function similarity(a: FoldedName, b: FoldedName): number {
  if (!a.folded || !b.folded) return 0;
  if (a.folded === b.folded) return 1;
  if (a.numbers !== b.numbers) return 0;
  return diceOfMultisets(a.syllables, b.syllables);
}

export const nameSimilarity = (a: string, b: string): number => similarity(foldedName(a), foldedName(b));

function diceOfMultisets(a: string[], b: string[]): number {
  const remaining = new Map<string, number>();
  for (const word of a) remaining.set(word, (remaining.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of b) {
    const left = remaining.get(word) ?? 0;
    if (left > 0) {
      common++;
      remaining.set(word, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** The best similarity between any of a node's names and any of an entity's names. */
export function bestSimilarity(names: readonly FoldedName[], candidates: readonly FoldedName[]): number {
  let best = 0;
  for (const a of names) for (const b of candidates) best = Math.max(best, similarity(a, b));
  return best;
}
