// Finds known phrases (country names, organisations, titles, head words) in a token
// stream, longest first. Acronyms match to the letter; other phrases ignore case except
// that their first word may be required to be capitalised, as a proper name is.
import { isCapitalized, tokenize, type Token } from "../text/tokens.ts";
import { normalizeVietnamese } from "../text/normalize.ts";

export interface PhraseOptions {
  /** Match letter case exactly (acronyms such as "ACC", "UN"). */
  exactCase?: boolean;
  /** The first word must be capitalised in the text ("Lào" the country, not "lào" in a phrase). */
  capitalised?: boolean;
}

interface Entry<T> {
  words: string[];
  lowerWords: string[];
  options: PhraseOptions;
  value: T;
}

export interface PhraseMatch<T> {
  value: T;
  /** Number of tokens matched. */
  length: number;
}

const lower = (s: string) => s.toLowerCase();

/**
 * The first words of every matcher's phrases, with one bit per matcher. A token looks its word
 * up here once (Token.firstOf) and each matcher then tests its bit: most words start no phrase,
 * and the build asks several matchers about every token.
 */
const firstWordBits = new Map<string, number>();
let matchersMade = 0;
/** Bits 0–29 go to the first thirty matchers; later ones (tests) always take the slow path. */
const FAST_MATCHERS = 30;

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  private readonly bit = matchersMade < FAST_MATCHERS ? 1 << matchersMade++ : 0;

  add(phrase: string, value: T, options: PhraseOptions = {}): this {
    const words = tokenize(normalizeVietnamese(phrase)).map((t) => t.text);
    if (words.length === 0) return this;
    const key = lower(words[0]!);
    const list = this.byFirst.get(key) ?? [];
    list.push({ words, lowerWords: words.map(lower), options, value });
    // Longest first, so that "Phó Thủ tướng" wins over "Phó" and "Ban Thư ký ASEAN" over "ASEAN".
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(key, list);
    firstWordBits.set(key, (firstWordBits.get(key) ?? 0) | this.bit);
    return this;
  }

  /** The longest phrase starting at token `i`, if any. */
  matchAt(tokens: readonly Token[], i: number): PhraseMatch<T> | null {
    const first = tokens[i];
    if (!first) return null;
    if (this.bit !== 0) {
      if (first.firstOf < 0) first.firstOf = firstWordBits.get(first.lower) ?? 0;
      if ((first.firstOf & this.bit) === 0) return null;
    }
    const candidates = this.byFirst.get(first.lower);
    if (!candidates) return null;
    for (const entry of candidates) {
      if (this.matches(entry, tokens, i)) return { value: entry.value, length: entry.words.length };
    }
    return null;
  }

  private matches(entry: Entry<T>, tokens: readonly Token[], i: number): boolean {
    if (i + entry.words.length > tokens.length) return false;
    if (entry.options.capitalised && !isCapitalized(tokens[i]!.text)) return false;
    for (let k = 0; k < entry.words.length; k++) {
      const token = tokens[i + k]!;
      if (entry.options.exactCase ? token.text !== entry.words[k] : token.lower !== entry.lowerWords[k]) return false;
    }
    return true;
  }
}
