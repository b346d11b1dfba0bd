// Splits an article body into sentences with their offsets. Paragraph breaks always end a
// sentence; inside a paragraph a sentence ends at . ! ? … followed by a space and a capital,
// a digit or a quote, except after abbreviations such as "TP." or "PGS.TS.". A run-on "sentence"
// longer than MAX_SENTENCE is cut into windows, so that no later stage works on one unbounded text.

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(["tp", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "st", "no", "vs", "mr", "mrs", "dr"]);

function endsWithAbbreviation(text: string): boolean {
  const m = /([\p{L}.]+)\.$/u.exec(text);
  if (!m) return false;
  const last = m[1]!.split(".").filter(Boolean).pop() ?? "";
  // a known abbreviation, or an initial ("Antony J. Blinken")
  return ABBREVIATIONS.has(last.toLowerCase()) || /^\p{Lu}$/u.test(last);
}

/**
 * Characters in one sentence at most. The longest sentence of the samples and test sets is 555;
 * a list of 10,000 officials or a page without punctuation is not a sentence a reader wrote, and
 * the recognisers and patterns look at a whole sentence at a time.
 */
export const MAX_SENTENCE = 2_000;

/** Where to cut an over-long sentence: after the last comma or semicolon in the window, else at the last space, else anywhere. */
function windowEnd(body: string, start: number, end: number): number {
  const limit = start + MAX_SENTENCE;
  if (end <= limit) return end;
  const window = body.slice(start, limit);
  const clause = Math.max(window.lastIndexOf(", "), window.lastIndexOf("; "));
  if (clause > MAX_SENTENCE / 2) return start + clause + 1;
  const space = window.lastIndexOf(" ");
  if (space > MAX_SENTENCE / 2) return start + space;
  // never between the two halves of a surrogate pair
  const code = body.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    while (end > start) {
      const cut = windowEnd(body, start, end);
      let stop = cut;
      while (stop > start && /\s/.test(body[stop - 1]!)) stop--;
      if (stop > start) sentences.push({ index: sentences.length, start, end: stop, text: body.slice(start, stop) });
      start = cut;
      while (start < end && /\s/.test(body[start]!)) start++;
    }
  };
  const paragraph = /[^\n]+/g;
  for (const p of body.matchAll(paragraph)) {
    const pStart = p.index ?? 0;
    const text = p[0];
    let sentenceStart = 0;
    // a match starts only where a run of end marks starts: tried from inside the run, the pattern
    // would scan the rest of it again at each of its characters (quadratic on 100,000 dots)
    const boundary = /(?<![.!?…])[.!?…]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
    for (const b of text.matchAll(boundary)) {
      const end = (b.index ?? 0) + b[0].length;
      // only the last word can be an abbreviation: look at a short tail, not the whole sentence
      if (b[0] === "." && endsWithAbbreviation(text.slice(Math.max(sentenceStart, end - 24), end))) continue;
      push(pStart + sentenceStart, pStart + end);
      sentenceStart = end;
    }
    push(pStart + sentenceStart, pStart + text.length);
  }
  return sentences;
}
