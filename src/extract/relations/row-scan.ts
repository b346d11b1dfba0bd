// The searches the predicate rows make in a sentence, made cheaper without changing what they find.
// - Which rows run: those with a phrase whose first word is a word of the sentence, the sentence
//   cut at spaces and the punctuation that sticks to words. Asked in one pass over the sentence,
//   without making each of its words a string.
// - Where a row matches: its expression starts with look-behinds ("not after a letter", "not
//   after sự"), which keep the regular-expression engine from skipping ahead, so run over the
//   whole sentence it tries every position. A match can only start where a word starts with the
//   first word of one of the row's phrases: the expression is tried there only (sticky), leftmost
//   first and never inside a match already found — the same matches, in the same order, as matchAll.

import { isWordStart } from "../../text/word-start-matches.ts";

/** Per UTF-16 code unit: 1 a word break, 2 not; 0 not yet known. */
const breaks = new Uint8Array(65_536);
/** Spaces and the punctuation that sticks to words: where a sentence is cut into words for the rows' look-up. */
const BREAK = /[\s,.;:!?()[\]"“”'‘’/–-]/;

function isBreak(code: number): boolean {
  let c = breaks[code]!;
  if (c === 0) breaks[code] = c = BREAK.test(String.fromCharCode(code)) ? 1 : 2;
  return c === 1;
}

/** A first word that starts with a letter or a digit. */
const LETTER = /^[\p{L}\p{N}]/u;

/**
 * Which of a fixed list of (lower-case) words are words of a text as `text.split(/[…]+/)` with
 * BREAK's class would cut it: the same answers as a set of all the pieces.
 */
export class WordLookup {
  private readonly byFirst = new Map<number, string[]>();
  private readonly empty: boolean;

  constructor(words: readonly string[]) {
    for (const w of new Set(words)) {
      if (w === "") continue;
      const list = this.byFirst.get(w.charCodeAt(0)) ?? [];
      list.push(w);
      this.byFirst.set(w.charCodeAt(0), list);
    }
    this.empty = words.includes("");
  }

  present(text: string): Set<string> {
    const found = new Set<string>();
    const n = text.length;
    // the split gives an empty piece for an empty text, or one that starts or ends with a break
    if (this.empty && (n === 0 || isBreak(text.charCodeAt(0)) || isBreak(text.charCodeAt(n - 1)))) found.add("");
    let i = 0;
    while (i < n) {
      while (i < n && isBreak(text.charCodeAt(i))) i++;
      let j = i;
      while (j < n && !isBreak(text.charCodeAt(j))) j++;
      for (const w of this.byFirst.get(text.charCodeAt(i)) ?? []) if (w.length === j - i && text.startsWith(w, i)) found.add(w);
      i = j;
    }
    return found;
  }
}

/** One row's expression: global, unicode, case-sensitive, over phrases (each a match's start). */
export interface ScannedRow {
  pattern: RegExp;
  phrases: readonly string[];
}

/** The matches of every row's expression in a sentence, found only where they can start. */
export class RowScanner {
  private readonly sticky: RegExp[];
  /** First words of phrases by their first code unit, with the rows whose phrases start with them. */
  private readonly byFirst = new Map<number, Array<{ word: string; rows: number[] }>>();
  /** Rows searched whole (a phrase that starts with something other than a letter or a digit). */
  private readonly whole = new Set<number>();

  constructor(private readonly rows: readonly ScannedRow[]) {
    this.sticky = rows.map(({ pattern }) => {
      if (!pattern.global || !pattern.unicode || pattern.ignoreCase || pattern.multiline || pattern.sticky) throw new Error(`RowScanner: unexpected flags ${pattern.flags}`);
      return new RegExp(pattern.source, "uy");
    });
    rows.forEach((row, r) => {
      for (const phrase of row.phrases) {
        const word = phrase.split(/\s+/u)[0]!;
        if (!LETTER.test(word)) {
          this.whole.add(r);
          continue;
        }
        const list = this.byFirst.get(word.charCodeAt(0)) ?? [];
        const entry = list.find((e) => e.word === word) ?? { word, rows: [] };
        if (!list.includes(entry)) list.push(entry);
        if (!entry.rows.includes(r)) entry.rows.push(r);
        this.byFirst.set(word.charCodeAt(0), list);
      }
    });
  }

  /** For each row asked (`wanted[r]`), in row order, its matches in the order matchAll gives them: [row, index, matched text]. */
  matches(text: string, wanted: readonly boolean[]): Array<[row: number, index: number, match: string]> {
    // the places each row may match at, in order: a word's start, where one of its first words stands
    const places: number[][] = this.rows.map(() => []);
    const n = text.length;
    for (let p = 0; p < n; p++) {
      if (!isWordStart(text, p)) continue;
      for (const { word, rows } of this.byFirst.get(text.charCodeAt(p)) ?? []) {
        if (!text.startsWith(word, p)) continue;
        for (const r of rows) if (wanted[r] && places[r]![places[r]!.length - 1] !== p) places[r]!.push(p);
      }
    }
    const found: Array<[number, number, string]> = [];
    this.rows.forEach((row, r) => {
      if (!wanted[r]) return;
      if (this.whole.has(r)) {
        for (const m of text.matchAll(row.pattern)) found.push([r, m.index, m[0]]);
        return;
      }
      const sticky = this.sticky[r]!;
      let from = 0;
      for (const at of places[r]!) {
        if (at < from) continue;
        sticky.lastIndex = at;
        const m = sticky.exec(text);
        if (!m) continue;
        found.push([r, at, m[0]]);
        // a match is never empty (a phrase starts with a letter), so the next search starts after it, as matchAll's does
        from = at + m[0].length;
      }
    });
    return found;
  }
}
