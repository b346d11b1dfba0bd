// The quote that backs a fact: its sentence, or, when the sentence is very long, a window of it
// around the fact. Every fact once stored its whole sentence, so a 320 KB sentence listing 10,000
// officials made 10,000 copies of itself and the build ended in "Invalid string length".
import type { Evidence } from "../graph/types.ts";
import type { Article } from "../ingest/types.ts";
import type { Sentence } from "../text/sentences.ts";

/**
 * Sentences up to this length are quoted whole, as a reader would cite them (the longest in
 * the samples and test sets is 555 characters).
 */
export const WHOLE_SENTENCE_QUOTE = 600;
/** Beyond it, the quote is the fact's span with up to this many characters of context on each side. */
export const QUOTE_CONTEXT = 150;

/** A cut at `at` moved to a word boundary within [min, max], so that no word is halved. */
function snap(body: string, at: number, min: number, max: number, forward: boolean): number {
  if (at <= min || at >= max) return Math.min(max, Math.max(min, at));
  const isSpace = (i: number) => /\s/u.test(body[i]!);
  if (forward) {
    // a window's start: move right to the beginning of the next word
    let i = at;
    while (i < max && !isSpace(i - 1)) i++;
    return i < max ? i : at;
  }
  // a window's end: move left to the end of the previous word
  let i = at;
  while (i > min && !isSpace(i)) i--;
  return i > min ? i : at;
}

/** Offsets that do not split a surrogate pair (an emoji) in two. */
function whole(body: string, at: number): number {
  const code = body.charCodeAt(at - 1);
  return code >= 0xd800 && code <= 0xdbff ? at - 1 : at;
}

/**
 * The evidence for a fact stated in `sentence` by the names between `spanStart` and `spanEnd`
 * (offsets into the article body): `quote === body.slice(start, end)`, within the sentence.
 */
export function evidenceOf(article: Article, sentence: Sentence, spanStart: number, spanEnd: number): Evidence {
  if (sentence.end - sentence.start <= WHOLE_SENTENCE_QUOTE) {
    return { article: article.id, sentence: sentence.index, quote: sentence.text, start: sentence.start, end: sentence.end };
  }
  const from = Math.max(sentence.start, Math.min(spanStart, spanEnd));
  const to = Math.min(sentence.end, Math.max(spanStart, spanEnd));
  const start = whole(article.body, snap(article.body, Math.max(sentence.start, from - QUOTE_CONTEXT), sentence.start, from, true));
  const end = whole(article.body, snap(article.body, Math.min(sentence.end, to + QUOTE_CONTEXT), to, sentence.end, false));
  return { article: article.id, sentence: sentence.index, quote: article.body.slice(start, end), start, end };
}
