// Words of a Vietnamese text with their offsets. A "word" here is a syllable or a compact
// token such as "COVID-19", "2021-2025", "59-KL/TW", "ASEAN+3", "9/4" or "ADMM+".

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Letters or digits (a word), as opposed to punctuation. */
  word: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-/+.,'’][\p{L}\p{N}]+)*\+?|\S/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const value = m[0];
    const start = offset + (m.index ?? 0);
    tokens.push({ text: value, start, end: start + value.length, word: /[\p{L}\p{N}]/u.test(value) });
  }
  return tokens;
}

/** True when the word starts with a capital letter or a digit-free acronym ("ASEAN", "Hội"). */
export function isCapitalized(word: string): boolean {
  const first = word[0];
  return first !== undefined && first !== first.toLowerCase() && first === first.toUpperCase();
}

/** All capitals, two or more letters: an acronym such as "ASEAN", "JCM", "ACCWG-PHE". */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{N}&+\-/]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}
