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
  /**
   * Which phrase matchers hold a phrase starting with this word, one bit each (see
   * PhraseMatcher); -1 until a matcher first looks. Saves each matcher its own lookup.
   */
  firstOf: number;
}

// A hand-written scanner rather than one regular expression: tokenizing is the build's
// hottest loop, and classifying characters through a cached table is several times faster.
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;
/** Per UTF-16 code unit: 1 letter or digit, 2 white space, 3 other; 0 not yet known. */
const classes = new Uint8Array(65_536);

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = code >= 0xd800 && code <= 0xdfff ? 3 : WORD_CHAR.test(ch) ? 1 : SPACE_CHAR.test(ch) ? 2 : 3;
    classes[code] = c;
  }
  return c;
}

/** Characters that join two runs of letters or digits into one token: "COVID-19", "59-KL/TW", "10,5". */
const JOINERS = new Set(["-", "/", "+", ".", ",", "'", "’"].map((ch) => ch.charCodeAt(0)));
const PLUS = "+".charCodeAt(0);

/**
 * Each distinct word once, with its lower case: the same few thousand words make up every text, and
 * a word met again costs one look-up instead of a new string and its lower case, each hashed anew
 * by every set and map that is asked about it. Forgotten at once past the limit (bounded memory).
 */
const known = new Map<string, { text: string; lower: string }>();
const KNOWN_LIMIT = 100_000;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classOf(text.charCodeAt(i));
    if (c === 2) {
      i++;
      continue;
    }
    let j = i + 1;
    if (c === 1) {
      for (;;) {
        while (j < n && classOf(text.charCodeAt(j)) === 1) j++;
        if (j + 1 < n && JOINERS.has(text.charCodeAt(j)) && classOf(text.charCodeAt(j + 1)) === 1) {
          j += 2;
          continue;
        }
        break;
      }
      if (j < n && text.charCodeAt(j) === PLUS) j++;
    } else if (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && j < n) {
      j++; // a character outside the BMP (an emoji) is one token
    }
    const value = text.slice(i, j);
    const word = c === 1;
    let same = known.get(value);
    if (same === undefined) {
      if (known.size >= KNOWN_LIMIT) known.clear();
      // (a value's first character, and so whether it is a word, is the same every time)
      same = { text: value, lower: word ? value.toLowerCase() : value };
      known.set(value, same);
    }
    tokens.push({ text: same.text, start: offset + i, end: offset + j, word, lower: same.lower, firstOf: -1 });
    i = j;
  }
  return tokens;
}

/** Per UTF-16 code unit: 1 an upper-case letter, 2 not; 0 not yet known. */
const capitals = new Uint8Array(65_536);

/** True when the word starts with a capital letter or a digit-free acronym ("ASEAN", "Hội"). */
export function isCapitalized(word: string): boolean {
  if (word.length === 0) return false;
  const code = word.charCodeAt(0);
  let c = capitals[code]!;
  if (c === 0) {
    const first = String.fromCharCode(code);
    c = first !== first.toLowerCase() && first === first.toUpperCase() ? 1 : 2;
    capitals[code] = c;
  }
  return c === 1;
}

/** All capitals, two or more letters: an acronym such as "ASEAN", "JCM", "ACCWG-PHE". */
export function isAcronym(word: string): boolean {
  return /^[\p{Lu}][\p{Lu}\p{N}&+\-/]+$/u.test(word) && /\p{Lu}.*\p{Lu}/u.test(word);
}
