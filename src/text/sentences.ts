// Splits an article body into sentences with their offsets. Paragraph breaks always end a
// sentence; inside a paragraph a sentence ends at . ! ? … followed by a space and a capital,
// a digit or a quote, except after abbreviations such as "TP." or "PGS.TS.".

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

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(body[start]!)) start++;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    if (end > start) sentences.push({ index: sentences.length, start, end, text: body.slice(start, end) });
  };
  const paragraph = /[^\n]+/g;
  for (const p of body.matchAll(paragraph)) {
    const pStart = p.index ?? 0;
    const text = p[0];
    let sentenceStart = 0;
    const boundary = /[.!?…]+["”’)]*(?=\s+["“‘(]?[\p{Lu}\p{N}])/gu;
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
