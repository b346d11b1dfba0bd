// The rows' search in a sentence (relations/row-scan.ts) against the plain one it replaces: a set of
// every word of the sentence, then matchAll of each row whose first word is among them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadPredicates } from "../../src/extract/relations/predicates.ts";
import { RowScanner, WordLookup } from "../../src/extract/relations/row-scan.ts";
import { readArticles } from "../../src/ingest/read-file.ts";
import { splitSentences } from "../../src/text/sentences.ts";

const rows = loadPredicates().predicates;
const firstWords = rows.map((row) => [...new Set(row.phrases.map((p) => p.split(/\s+/u)[0]!.toLowerCase()))]);
const WORD_BREAKS = /[\s,.;:!?()[\]"“”'‘’/–-]+/;

function plain(text: string): Array<[number, number, string]> {
  const words = new Set(text.toLowerCase().split(WORD_BREAKS));
  const found: Array<[number, number, string]> = [];
  rows.forEach((row, r) => {
    if (!firstWords[r]!.some((w) => words.has(w))) return;
    for (const m of text.matchAll(row.pattern)) found.push([r, m.index, m[0]]);
  });
  return found;
}

const scanner = new RowScanner(rows);
const lookup = new WordLookup(firstWords.flat());
function scanned(text: string): Array<[number, number, string]> {
  const words = lookup.present(text.toLowerCase());
  return scanner.matches(text, firstWords.map((fw) => fw.some((w) => words.has(w))));
}

describe("RowScanner and WordLookup", () => {
  // the rows' own phrases and words, in both cases, with the punctuation and spacing that sits around them
  const phrases = [...new Set(rows.flatMap((r) => [...r.phrases, ...(r.notAfter ?? [])]))];
  const words = [...new Set(phrases.flatMap((p) => p.split(/\s+/u)))];
  const capital = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  const piece = fc.oneof(
    fc.constantFrom(...phrases),
    fc.constantFrom(...phrases).map(capital),
    fc.constantFrom(...phrases).map((p) => `«${p}`),
    fc.constantFrom(...words),
    fc.constantFrom(...words).map(capital),
    fc.constantFrom(" ", "  ", ", ", ".", "(", ")", "“", "”", "«", "-", "–", "+", "\n", "1", "Hội nghị", "X", "𝐀", "😀"),
  );
  const sentence = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(" "));
  const glued = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

  it("finds what the plain search finds, row by row and in order, in random sentences of the rows' words", () => {
    fc.assert(fc.property(sentence, (s) => JSON.stringify(scanned(s)) === JSON.stringify(plain(s))), { numRuns: 2000 });
    fc.assert(fc.property(glued, (s) => JSON.stringify(scanned(s)) === JSON.stringify(plain(s))), { numRuns: 2000 });
    // the sentences are the kind the rows read: most hold matches, and some a match the word look-up rules out
    const samples = fc.sample(fc.oneof(sentence, glued), { numRuns: 500, seed: 1 });
    expect(samples.filter((s) => plain(s).length > 0).length).toBeGreaterThan(250);
    expect(samples.filter((s) => rows.some((row) => [...s.matchAll(row.pattern)].length > 0 && !plain(s).some(([r]) => rows[r] === row))).length).toBeGreaterThan(10);
  });

  it("finds what the plain search finds in every sentence of the sample and fixture articles", () => {
    const dirs = ["graph/articles", "test/fixtures/unseen", "test/fixtures/blind", "test/fixtures/blind2", "test/fixtures/blind3"].map((d) => join(import.meta.dirname, "../..", d));
    const articles = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.(txt|html?|md)$/.test(f)).flatMap((f) => readArticles(f, readFileSync(join(dir, f)))));
    const sentences = articles.flatMap((a) => splitSentences(a.body).map((s) => s.text));
    expect(sentences.length).toBeGreaterThan(300);
    let found = 0;
    for (const s of sentences) {
      const expected = plain(s);
      found += expected.length;
      expect(scanned(s)).toEqual(expected);
    }
    expect(found).toBeGreaterThan(100);
  });

  it("keeps the set look-up's edges: a word glued to other punctuation is no word, an empty piece is one", () => {
    const words = new WordLookup(["dự", "tham", ""]);
    expect(words.present("«tham dự")).toEqual(new Set(["dự"]));
    expect(words.present("tham,dự")).toEqual(new Set(["tham", "dự"]));
    expect(words.present(" thamdự")).toEqual(new Set([""]));
    expect(words.present("")).toEqual(new Set([""]));
    expect(words.present("dựng tham")).toEqual(new Set(["tham"]));
  });
});
