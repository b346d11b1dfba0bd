// Phrase matchers share one look-up of each token's word (Token.firstOf): every matcher must
// still find its own phrases, and only its own, on the same tokens.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseMatcher } from "../../src/extract/phrase-matcher.ts";
import { tokenize } from "../../src/text/tokens.ts";

describe("PhraseMatcher", () => {
  it("finds, on tokens another matcher has looked at, its own longest phrase and nothing else", () => {
    const titles = new PhraseMatcher<string>().add("Bộ trưởng", "title").add("Phó Thủ tướng", "title");
    const ministries = new PhraseMatcher<string>().add("Bộ Ngoại giao", "ministry").add("Bộ", "bare");
    const meetings = new PhraseMatcher<string>().add("Hội nghị", "meeting");
    const tokens = tokenize("Bộ Ngoại giao và Bộ trưởng dự Hội nghị");
    // tokens 0 "Bộ" (Ngoại giao), 3 "và", 4 "Bộ" (trưởng), 7 "Hội" (nghị)
    expect([0, 3, 4, 7].map((i) => titles.matchAt(tokens, i)?.value ?? null)).toEqual([null, null, "title", null]);
    expect([0, 3, 4, 7].map((i) => ministries.matchAt(tokens, i)?.value ?? null)).toEqual(["ministry", null, "bare", null]);
    expect([0, 3, 4, 7].map((i) => meetings.matchAt(tokens, i)?.value ?? null)).toEqual([null, null, null, "meeting"]);
  });

  it("answers the same whichever matcher looks at a token first", () => {
    const words = ["Bộ", "trưởng", "Ngoại", "giao", "Hội", "nghị", "ASEAN", "và"];
    const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 4 }), fc.array(phrase, { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...words), { maxLength: 8 }),
        (aPhrases, bPhrases, text) => {
          const a = new PhraseMatcher<string>();
          const b = new PhraseMatcher<string>();
          for (const p of aPhrases) a.add(p, p);
          for (const p of bPhrases) b.add(p, p);
          const sentence = text.join(" ");
          const fresh = (m: PhraseMatcher<string>) => tokenize(sentence).map((_, i, all) => m.matchAt(all, i)?.value ?? null);
          const shared = tokenize(sentence);
          const bFirst = shared.map((_, i) => b.matchAt(shared, i)?.value ?? null);
          const aAfter = shared.map((_, i) => a.matchAt(shared, i)?.value ?? null);
          expect(aAfter).toEqual(fresh(a));
          expect(bFirst).toEqual(fresh(b));
        }),
      { numRuns: 200 },
    );
  });
});
