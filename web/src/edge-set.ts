// The edges a filter keeps, as a mask over the loaded graph's edge columns (edge-columns.ts)
// rather than a Set of their keys: a Set of 200,000 keys costs ≈ 0.4 s to fill (each key
// hashed, the table grown), a mask one pass over numbers. It is still a set of keys to whoever
// asks (`has`, iteration); the index from key to edge that `has` needs is made on first use,
// after the first frame (graph-data.ts makes it with the whole graph), since nothing on the
// first frame asks: the bulk edge layer and the counts read the mask itself (maskOf).
import type { EdgeColumns } from "./edge-columns.ts";

const indices = new WeakMap<readonly string[], ReadonlyMap<string, number>>();

/** Edge key → edge index of a graph's columns, made once. */
export function edgeIndex(columns: EdgeColumns): ReadonlyMap<string, number> {
  let index = indices.get(columns.keys);
  if (!index) {
    const made = new Map<string, number>();
    columns.keys.forEach((key, i) => made.set(key, i));
    indices.set(columns.keys, made);
    index = made;
  }
  return index;
}

export class EdgeMask implements ReadonlySet<string> {
  /** `mask[i]` is 1 for the edges kept, by edge index of `columns`; `size` of them. */
  constructor(
    readonly columns: EdgeColumns,
    readonly mask: Uint8Array,
    readonly size: number,
  ) {}

  has(key: string): boolean {
    const i = edgeIndex(this.columns).get(key);
    return i !== undefined && this.mask[i] === 1;
  }

  *keys(): SetIterator<string> {
    const { keys } = this.columns;
    for (let i = 0; i < keys.length; i += 1) if (this.mask[i]) yield keys[i] ?? "";
  }

  values(): SetIterator<string> {
    return this.keys();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.keys();
  }

  *entries(): SetIterator<[string, string]> {
    for (const key of this.keys()) yield [key, key];
  }

  forEach(callback: (value: string, value2: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const key of this.keys()) callback.call(thisArg, key, key, this);
  }
}

/** 1 for each edge of `columns` in `edges`, 0 for the others: the mask itself when `edges` is one over the same columns. */
export function maskOf(columns: EdgeColumns, edges: ReadonlySet<string>): Uint8Array {
  if (edges instanceof EdgeMask && edges.columns.keys === columns.keys) return edges.mask;
  const mask = new Uint8Array(columns.keys.length);
  // The whole graph shown (no filter): every edge, without a lookup each.
  if (edges.size === columns.keys.length) return mask.fill(1);
  columns.keys.forEach((key, i) => {
    if (edges.has(key)) mask[i] = 1;
  });
  return mask;
}
