// A large graph's edges as typed arrays, for the bulk edge layer (bulk-edge-layer.ts): each
// edge's ends as node indices, grouped by relation type. Made once per loaded graph, so that
// drawing 100,000 pale lines is a loop over numbers, not over sigma's per-edge display objects.
import type { EdgeColumns } from "./edge-columns.ts";

export interface EdgeTable extends EdgeColumns {
  /** Edge indices in groups of one relation type: slices of the graph's order, each by type. */
  order: Uint32Array;
  /** The groups of `order`: a type and the index in `order` where its group ends. */
  groups: Array<{ type: string; end: number }>;
}

/** Into how many slices of the graph's order the edges are cut for drawing (see below). */
const SLICES = 16;

export function edgeTable(columns: EdgeColumns): EdgeTable {
  const { keys, type: typeOf, types } = columns;
  const size = keys.length;
  const counts = new Array<number>(types.length).fill(0);
  for (let edge = 0; edge < size; edge += 1) {
    const type = typeOf[edge] ?? 0;
    counts[type] = (counts[type] ?? 0) + 1;
  }
  // Sigma drew the edges in the graph's order, types mixed; a path has one colour. So the
  // edges are cut into slices in the graph's order, and each slice drawn type by type, the
  // most frequent first: the types stay mixed as before (no type buried under another),
  // in SLICES × types strokes. The type's name breaks ties, for the same picture every time.
  const ranked = types.map((_type, index) => index).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || (types[a] ?? "").localeCompare(types[b] ?? ""));
  const sliceOf = (edge: number) => Math.floor((edge * SLICES) / Math.max(size, 1));
  const perGroup = new Array<number>(SLICES * types.length).fill(0);
  for (let edge = 0; edge < size; edge += 1) {
    const group = sliceOf(edge) * types.length + (typeOf[edge] ?? 0);
    perGroup[group] = (perGroup[group] ?? 0) + 1;
  }
  const start = new Array<number>(perGroup.length).fill(0);
  const groups: EdgeTable["groups"] = [];
  let end = 0;
  for (let slice = 0; slice < SLICES; slice += 1) {
    for (const type of ranked) {
      const group = slice * types.length + type;
      if ((perGroup[group] ?? 0) === 0) continue;
      start[group] = end;
      end += perGroup[group] ?? 0;
      groups.push({ type: types[type] ?? "", end });
    }
  }
  const order = new Uint32Array(size);
  for (let edge = 0; edge < size; edge += 1) {
    const group = sliceOf(edge) * types.length + (typeOf[edge] ?? 0);
    order[start[group] ?? 0] = edge;
    start[group] = (start[group] ?? 0) + 1;
  }
  return { ...columns, order, groups };
}
