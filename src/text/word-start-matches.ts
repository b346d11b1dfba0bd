// matchAll for an expression that opens with "not after a letter or digit" (`(?<![\p{L}\p{N}])`)
// and then a letter or digit: the same matches, found faster. Such a look-behind keeps the
// regular-expression engine from skipping ahead, so over a whole sentence it tries every
// position; a match can only start where a word starts (a letter or digit after none), so the
// expression is tried there only, anchored (sticky), leftmost first and never inside a match
// already found, as matchAll's own search goes.

/**
 * Per UTF-16 code unit: 1 a capital letter, 2 another letter or a digit, 3 a high surrogate (the
 * first half of a character outside the BMP, which may be either), 4 other; 0 not yet known.
 * A low surrogate is "other": no match starts inside a character.
 */
const classes = new Uint8Array(65_536);
const CAPITAL = /\p{Lu}/u;
const LETTER = /[\p{L}\p{N}]/u;

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = code >= 0xd800 && code <= 0xdbff ? 3 : code >= 0xdc00 && code <= 0xdfff ? 4 : CAPITAL.test(ch) ? 1 : LETTER.test(ch) ? 2 : 4;
    classes[code] = c;
  }
  return c;
}

const isLetter = (c: number) => c === 1 || c === 2;

/**
 * Where a word may start: a letter or digit (or a character outside the BMP, which may be one)
 * not after a letter or digit of the BMP. Every place such an expression can match is one.
 */
export function isWordStart(text: string, p: number): boolean {
  return classOf(text.charCodeAt(p)) !== 4 && (p === 0 || !isLetter(classOf(text.charCodeAt(p - 1))));
}

/** Where an acronym may start (`\p{Lu}[\p{Lu}&]` at a word start): two capitals, or a capital and "&". */
export function isAcronymStart(text: string, p: number): boolean {
  if (!isWordStart(text, p)) return false;
  const c = classOf(text.charCodeAt(p));
  if (c !== 1) return c === 3;
  const next = text.charCodeAt(p + 1);
  return next === 0x26 || classOf(next) === 1 || classOf(next) === 3;
}

const stickies = new WeakMap<RegExp, RegExp>();

/**
 * The matches of `pattern` (global, unicode) in `text`, as `text.matchAll(pattern)` gives them, for
 * an expression that can only match where `mayStart` holds — at a word start for one that opens with
 * `(?<![\p{L}\p{N}])` and a letter or a digit. The caller vouches for that; the result is then the same.
 */
export function* wordStartMatches(pattern: RegExp, text: string, mayStart = isWordStart): Generator<RegExpExecArray> {
  let sticky = stickies.get(pattern);
  if (!sticky) {
    if (!pattern.global || !pattern.unicode || pattern.sticky || !pattern.source.startsWith("(?<![\\p{L}\\p{N}])")) throw new Error(`wordStartMatches: not an expression anchored at word starts: /${pattern.source}/${pattern.flags}`);
    sticky = new RegExp(pattern.source, pattern.flags.replace("g", "") + "y");
    stickies.set(pattern, sticky);
  }
  const n = text.length;
  for (let p = 0; p < n; p++) {
    if (!mayStart(text, p)) continue;
    sticky.lastIndex = p;
    const m = sticky.exec(text);
    if (!m) continue;
    // a match holds at least its first letter: the search goes on after it, as matchAll's does
    p += m[0].length - 1;
    yield m;
  }
}
