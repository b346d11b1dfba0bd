// A large graph's edges as typed arrays, for the bulk edge layer (bulk-edge-layer.ts): each
// edge's ends as node indices, grouped by relation type. Made once per loaded graph, so that
// drawing 100,000 pale lines is a loop over numbers, not over sigma's per-edge display objects.
import type { KnowledgeGraph } from "../../src/graph/types.ts";

export interface EdgeTable {
  /** Edge keys by edge index, in the graph's order. */
  keys: string[];
  /** Node keys by node index, in the graph's order (`forEachNode` walks them in this order). */
  nodes: string[];
  /** Each edge's source and target, as node indices. */
  source: Uint32Array;
  target: Uint32Array;
  /** Edge indices in groups of one relation type: slices of the graph's order, each by type. */
  order: Uint32Array;
  /** The groups of `order`: a type and the index in `order` where its group ends. */
  groups: Array<{ type: string; end: number }>;
}

/** Into how many slices of the graph's order the edges are cut for drawing (see below). */
const SLICES = 16;

export function edgeTable(graph: KnowledgeGraph): EdgeTable {
  const nodes = graph.nodes();
  const nodeIndex = new Map<string, number>();
  nodes.forEach((node, i) => nodeIndex.set(node, i));
  const size = graph.size;
  const keys = new Array<string>(size);
  const source = new Uint32Array(size);
  const target = new Uint32Array(size);
  const typeOf = new Uint16Array(size);
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  const counts: number[] = [];
  let i = 0;
  graph.forEachEdge((edge, attributes, from, to) => {
    keys[i] = edge;
    source[i] = nodeIndex.get(from) ?? 0;
    target[i] = nodeIndex.get(to) ?? 0;
    let type = typeIndex.get(attributes.type);
    if (type === undefined) {
      type = types.length;
      types.push(attributes.type);
      typeIndex.set(attributes.type, type);
      counts.push(0);
    }
    typeOf[i] = type;
    counts[type] = (counts[type] ?? 0) + 1;
    i += 1;
  });
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
  return { keys, nodes, source, target, order, groups };
}

/** 1 for each edge of the table in `visible`, 0 for the others. */
export function visibleMask(table: EdgeTable, visible: ReadonlySet<string>): Uint8Array {
  const mask = new Uint8Array(table.keys.length);
  // The whole graph shown (no filter): every edge, without a lookup each.
  if (visible.size === table.keys.length) return mask.fill(1);
  table.keys.forEach((key, i) => {
    if (visible.has(key)) mask[i] = 1;
  });
  return mask;
}
