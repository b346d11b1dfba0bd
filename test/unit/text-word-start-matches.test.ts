// wordStartMatches: the matches of matchAll, tried only where they can start (text/word-start-matches.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAcronymStart, wordStartMatches } from "../../src/text/word-start-matches.ts";

/** Letters of both cases (Vietnamese and outside the BMP), digits, spaces, joiners and punctuation. */
const UNITS = [..."AMMaĐđƯữ09 -–&+.(,", "𝐀", "𝐚", "😀", "\uD835", "\uDC00", " AIPA", " ASEAN", "-46", " 55", "tham dự", "Dự"];
const text = fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }).map((parts) => parts.join(""));
const asMatchAll = (pattern: RegExp, s: string) => [...s.matchAll(pattern)].map((m) => [m.index, ...m]);
const asWordStarts = (pattern: RegExp, s: string, start?: (t: string, p: number) => boolean) => [...wordStartMatches(pattern, s, start)].map((m) => [m.index, ...m]);

describe("wordStartMatches", () => {
  const acronymNumber = /(?<![\p{L}\p{N}])(\p{Lu}[\p{Lu}&]{1,11})(?: ?[-–] ?| )(\d{1,3})(?![\p{L}\p{N}+])/gu;
  const phrases = /(?<![\p{L}\p{N}])(?<!(?<![\p{L}\p{N}])sự\s+)(?:tham\s+dự|dự|Dự)(?![\p{L}\p{N}])/gu;
  const word = /(?<![\p{L}\p{N}])[\p{L}\p{N}]+/gu;

  it.each([
    ["an acronym and a number", acronymNumber, isAcronymStart],
    ["an acronym and a number, tried at every word start", acronymNumber, undefined],
    ["phrases not after a word", phrases, undefined],
    ["whole words, letters outside the BMP included", word, undefined],
  ])("%s: the same matches as matchAll, in the same order", (_, pattern, start) => {
    fc.assert(fc.property(text, (s) => JSON.stringify(asWordStarts(pattern, s, start)) === JSON.stringify(asMatchAll(pattern, s))), { numRuns: 3000 });
  });

  it("finds what matchAll finds in a sentence", () => {
    const s = "Chủ tịch AIPA-46 và AMM 55, không phải NAM-2 hay xAMM 5 hay 𝐀𝐁 7; Đ&Đ 12.";
    expect(asWordStarts(acronymNumber, s, isAcronymStart)).toEqual(asMatchAll(acronymNumber, s));
    expect(asWordStarts(acronymNumber, s, isAcronymStart).map((m) => m[1])).toEqual(["AIPA-46", "AMM 55", "NAM-2", "𝐀𝐁 7", "Đ&Đ 12"]);
  });

  it("refuses an expression that does not open with the look-behind", () => {
    expect(() => [...wordStartMatches(/\p{Lu}+/gu, "AB")]).toThrow(/not an expression anchored at word starts/);
  });
});
