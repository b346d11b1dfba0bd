// A graph's edges by column: keys, ends as node indices, relation types as indices. What the
// first frame of a large graph needs of its edges — the bulk layer's lines (edge-table.ts),
// the filters' kinds and types (filters.ts), node sizes by degree — without graphology's graph
// of them, which the page builds after that frame (graph-data.ts): 200,000 of its `addEdge`
// take more than a second, typed arrays over the view graph's columns a few milliseconds.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { ViewGraph } from "../../src/server/view-graph.ts";

export interface EdgeColumns {
  /** Node keys by node index, in the graph's order (`forEachNode` walks them in this order). */
  nodes: readonly string[];
  /** Edge keys by edge index, in the graph's order. */
  keys: readonly string[];
  /** Each edge's source and target, as node indices. */
  source: Uint32Array;
  target: Uint32Array;
  /** Each edge's relation type, as an index into `types`. */
  type: Uint16Array;
  types: readonly string[];
}

/** The columns of a graphology graph's edges (a small graph, or one built whole). */
export function edgeColumnsOf(graph: KnowledgeGraph): EdgeColumns {
  const nodes = graph.nodes();
  const nodeIndex = new Map<string, number>();
  nodes.forEach((node, i) => nodeIndex.set(node, i));
  const size = graph.size;
  const keys = new Array<string>(size);
  const source = new Uint32Array(size);
  const target = new Uint32Array(size);
  const type = new Uint16Array(size);
  const types: string[] = [];
  const typeIndex = new Map<string, number>();
  let i = 0;
  graph.forEachEdge((edge, attributes, from, to) => {
    keys[i] = edge;
    source[i] = nodeIndex.get(from) ?? 0;
    target[i] = nodeIndex.get(to) ?? 0;
    let index = typeIndex.get(attributes.type);
    if (index === undefined) {
      index = types.length;
      types.push(attributes.type);
      typeIndex.set(attributes.type, index);
    }
    type[i] = index;
    i += 1;
  });
  return { nodes, keys, source, target, type, types };
}

/** The view graph's edge columns as they came (its nodes in the graph's order), with the keys of viewEdgeKeys. */
export function viewEdgeColumns(view: ViewGraph, keys: readonly string[]): EdgeColumns {
  const { source, target, type, types } = view.edges;
  return {
    nodes: view.nodes.map((node) => node.key),
    keys,
    source: Uint32Array.from(source),
    target: Uint32Array.from(target),
    type: Uint16Array.from(type),
    types,
  };
}

/** Each node's degree (edges in and out, a loop twice), by node index. */
export function degrees(columns: EdgeColumns): Uint32Array {
  const degree = new Uint32Array(columns.nodes.length);
  const { source, target } = columns;
  for (let i = 0; i < source.length; i += 1) {
    const [from, to] = [source[i] ?? 0, target[i] ?? 0];
    degree[from] = (degree[from] ?? 0) + 1;
    degree[to] = (degree[to] ?? 0) + 1;
  }
  return degree;
}
