// Words of a Vietnamese text with their offsets. A "word" here is a syllable or a compact
// token such as "COVID-19", "2021-2025", "59-KL/TW", "ASEAN+3", "9/4" or "ADMM+".

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Letters or digits (a word), as opposed to punctuation. */
  word: boolean;
  /** `text` in lower case, computed once: every phrase matcher compares it. */
  lower: string;
}

const TOKEN = /[\p{L}\p{N}]+(?:[-/+.,'’][\p{L}\p{N}]+)*\+?|\S/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const value = m[0];
    const start = offset + m.index;
    // a token of two or more characters is a word by construction; only single characters need the test
    const word = value.length > 1 || WORD_CHAR.test(value);
    tokens.push({ text: value, start, end: start + value.length, word, lower: word ? value.toLowerCase() : value });
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
