// A pure function of a string, remembered: names recur through a corpus, so folding or keying each
// distinct one once keeps the work linear in the distinct names. Past `limit` entries everything is
// forgotten at once, so memory stays bounded. Browser-safe (the viewer folds names too).

export function memoized(compute: (text: string) => string, limit = 200_000): (text: string) => string {
  const memo = new Map<string, string>();
  return (text) => {
    let value = memo.get(text);
    if (value === undefined) {
      if (memo.size >= limit) memo.clear();
      value = compute(text);
      memo.set(text, value);
    }
    return value;
  };
}
