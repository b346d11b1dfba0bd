// Tokens: syllables and compact tokens with their offsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isAcronym, isCapitalized, tokenize } from "../../src/text/tokens.ts";

describe("tokenize", () => {
  it.each([
    ["Hội nghị ASEAN+3 (HNCC) lần thứ 37.", ["Hội", "nghị", "ASEAN+3", "(", "HNCC", ")", "lần", "thứ", "37", "."]],
    ["COVID-19, 59-KL/TW và 10,5 triệu; ADMM+ 2021-2025", ["COVID-19", ",", "59-KL/TW", "và", "10,5", "triệu", ";", "ADMM+", "2021-2025"]],
    ["“Hòa bình” – 😀 c’d", ["“", "Hòa", "bình", "”", "–", "😀", "c’d"]],
  ])("%s", (text, expected) => {
    expect(tokenize(text).map((t) => t.text)).toEqual(expected);
  });

  it("marks words, lower-cases them and counts offsets from the given start", () => {
    const [a, b] = tokenize("Việt (", 10);
    expect(a).toEqual({ text: "Việt", start: 10, end: 14, word: true, lower: "việt", firstOf: -1 });
    expect(b).toEqual({ text: "(", start: 15, end: 16, word: false, lower: "(", firstOf: -1 });
  });

  it("gives tokens that are the text at their offsets, in order, covering every non-space character", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."Hội nghị ASEAN+3 (37), 59-KL/TW “Đ” 😀\n\t.".split("")) }), (text) => {
        const tokens = tokenize(text);
        let last = 0;
        for (const t of tokens) {
          if (text.slice(t.start, t.end) !== t.text || t.start < last) return false;
          if (text.slice(last, t.start).trim() !== "") return false;
          last = t.end;
        }
        return text.slice(last).trim() === "";
      }),
    );
  });
});

describe("word shapes", () => {
  it.each([["ASEAN", true, true], ["ACCWG-PHE", true, true], ["Hội", true, false], ["hội", false, false], ["A", true, false], ["2021", false, false]])(
    "%s: capitalised %s, acronym %s",
    (word, capitalised, acronym) => {
      expect(isCapitalized(word)).toBe(capitalised);
      expect(isAcronym(word)).toBe(acronym);
    },
  );
});
