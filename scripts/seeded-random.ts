// mulberry32: a tiny seeded generator of numbers in [0, 1). The benchmarks and the synthetic
// corpus use it so that the same seed gives the same corpus and graphs, run after run; changing
// it would change every recorded benchmark input, so it stays this one function.

/** A generator of numbers in [0, 1). */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
