// Folding for matching, never for display: case, diacritics (đ → d), dashes and
// punctuation go, so "pham binh minh" finds "Phạm Bình Minh" and "hncc 37" finds
// "Hội nghị Cấp cao ASEAN lần thứ 37". Browser-safe: the viewer uses it too.
import { memoized } from "./memo.ts";

/** Common Vietnamese abbreviations spelled out, applied to folded text. */
const FOLDED_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bhncc\b/g, "hoi nghi cap cao"],
  [/\blhq\b/g, "lien hop quoc"],
];

/** Lower case, no diacritics, đ → d, punctuation and dashes as single spaces (`+` and `/` kept). */
export const foldDiacritics = memoized(fold);

function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s*\+\s*/g, "+")
    .replace(/[\u2010-\u2015\u2212-]/g, " ")
    .replace(/[^\p{L}\p{N}+/\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The matching key of a name: folded, "lần thứ 37" → "37", abbreviations spelled out and
 * a leading "các/những/cuộc/việc" dropped. Two names with the same key are the same name.
 */
export const foldName = memoized((text: string): string => {
  let folded = foldDiacritics(text).replace(/\blan thu (\d+)\b/g, "$1");
  for (const [pattern, replacement] of FOLDED_ABBREVIATIONS) folded = folded.replace(pattern, replacement);
  return folded.replace(/^(?:(?:cac|nhung|cuoc|viec)\s+)+/, "");
});
