// Which names hold each word: the word tiers of the name search (search.ts) look up the
// names a query can match here instead of scanning every name. Made from the names' words
// as word numbers (`NameWords`), and kept as flat arrays — every word sorted, and for the
// word at i the names holding it at holders[offsets[i]..offsets[i+1]) — which the server
// sends the viewer's worker as they are (search.ts, `pack`) and a lookup reads directly.
// A number out of range in them reads as no name, never outside an array.
// Browser-safe: no Node imports.

/** The words of every name, as numbers into the sorted list of every distinct word. */
export interface NameWords {
  /** Every word of every name, sorted, each once. */
  readonly words: readonly string[];
  /** names + 1 ascending positions in `ids`: name i's words are ids[offsets[i]..offsets[i+1]). */
  readonly offsets: Int32Array;
  readonly ids: Int32Array;
}

export interface WordIndex {
  /** The same words as NameWords'. */
  readonly words: readonly string[];
  /** words.length + 1 ascending positions in `holders`. */
  readonly offsets: Int32Array;
  /** Indices of the names holding each word, ascending, each once per word. */
  readonly holders: Int32Array;
}

/** The words of names given as lists of words (`tokens[i]`: the words of name i, in order). */
export function nameWordsOf(tokens: ReadonlyArray<readonly string[]>): NameWords {
  const distinct = new Set<string>();
  for (const words of tokens) for (const word of words) distinct.add(word);
  const words = [...distinct].sort();
  const number = new Map(words.map((word, i) => [word, i]));
  const offsets = new Int32Array(tokens.length + 1);
  tokens.forEach((words, i) => (offsets[i + 1] = (offsets[i] ?? 0) + words.length));
  const ids = new Int32Array(offsets[tokens.length] ?? 0);
  let at = 0;
  for (const name of tokens) for (const word of name) ids[at++] = number.get(word) ?? 0;
  return { words, offsets, ids };
}

/** The word index of names: each name listed once under each of its words, in name order. */
export function wordIndexOf(names: NameWords): WordIndex {
  const { words, offsets: rows, ids } = names;
  const nameCount = rows.length - 1;
  // A word repeated in a name ("hội nghị … hội nghị") lists the name once: `last` is the
  // last name listed under each word.
  const last = new Int32Array(words.length).fill(-1);
  const offsets = new Int32Array(words.length + 1);
  for (let name = 0; name < nameCount; name += 1) {
    for (let at = rows[name] ?? 0; at < (rows[name + 1] ?? 0); at += 1) {
      const word = ids[at] ?? 0;
      if (last[word] !== name) {
        last[word] = name;
        offsets[word + 1] = (offsets[word + 1] ?? 0) + 1;
      }
    }
  }
  for (let word = 0; word < words.length; word += 1) offsets[word + 1] = (offsets[word + 1] ?? 0) + (offsets[word] ?? 0);
  const holders = new Int32Array(offsets[words.length] ?? 0);
  const next = offsets.slice(0, words.length);
  last.fill(-1);
  for (let name = 0; name < nameCount; name += 1) {
    for (let at = rows[name] ?? 0; at < (rows[name + 1] ?? 0); at += 1) {
      const word = ids[at] ?? 0;
      if (last[word] !== name) {
        last[word] = name;
        const slot = next[word] ?? 0;
        holders[slot] = name;
        next[word] = slot + 1;
      }
    }
  }
  return { words, offsets, holders };
}

/** The names holding `word` (ascending), none when no name holds it. */
export function holdersOf(index: WordIndex, word: string): Int32Array {
  const i = lowerBound(index.words, word);
  return index.words[i] === word ? holdersAt(index, i) : new Int32Array(0);
}

/** The names holding a word that starts with `prefix`, each once, in no particular order. */
export function holdersOfPrefix(index: WordIndex, prefix: string): Set<number> {
  const names = new Set<number>();
  for (let i = lowerBound(index.words, prefix); i < index.words.length && (index.words[i] ?? "").startsWith(prefix); i += 1) {
    for (const name of holdersAt(index, i)) names.add(name);
  }
  return names;
}

const holdersAt = (index: WordIndex, i: number): Int32Array => index.holders.subarray(index.offsets[i] ?? 0, index.offsets[i + 1] ?? 0);

/** The first position in `sorted` whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
