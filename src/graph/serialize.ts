// graph.json: the graphology export of the graph, written so that the same graph is always
// the same bytes (insertion order is key order; no clock, no random keys). Compact JSON with
// one node or edge per line: a quarter smaller and faster to write, fetch and parse than
// indented JSON, and a change to one entity is still a one-line diff.
import type { EdgeAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "./types.ts";

/**
 * Completes the attributes of the i-th node or edge (in the graph's order) as it is written: a
 * deferred graph's mentions and evidence (graph/assemble.ts), Article bodies kept on disk.
 */
export interface GraphFill {
  node(attributes: NodeAttributes, index: number): NodeAttributes;
  edge(attributes: EdgeAttributes, index: number): EdgeAttributes;
}

export function serializeGraph(graph: KnowledgeGraph): string {
  const data = graph.export() as SerializedKnowledgeGraph;
  // `{"key":` with bare quotes only occurs where a node or edge begins: inside a JSON string
  // every quote is escaped, and no other object of the contract has a "key" field.
  return `${JSON.stringify(data).replaceAll('[{"key":', '[\n{"key":').replaceAll('},{"key":', '},\n{"key":')}\n`;
}

/**
 * The same bytes as serializeGraph, as pieces (one node or edge each), for a graph whose JSON
 * is too large to be one string. `fill` completes what the graph holds without (a deferred
 * graph's mentions and evidence, Article bodies kept on disk), node by node and edge by edge.
 * `onItem` is told how many nodes and edges are written, for a progress bar.
 */
export function* serializeGraphPieces(graph: KnowledgeGraph, fill?: GraphFill, onItem?: (done: number, total: number) => void): Generator<string> {
  const head = JSON.stringify({ options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() });
  const total = graph.order + graph.size;
  yield `${head.slice(0, -1)},"nodes":[`;
  let i = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const attrs = fill ? fill.node(attributes, i) : attributes;
    yield `${i === 0 ? "\n" : ",\n"}${JSON.stringify(Object.keys(attrs).length > 0 ? { key: node, attributes: attrs } : { key: node })}`;
    if (++i % 1000 === 0) onItem?.(i, total);
  }
  yield '],"edges":[';
  let j = 0;
  for (const { edge, attributes: stored, source, target } of graph.edgeEntries()) {
    const attributes = fill ? fill.edge(stored, j) : stored;
    const item = Object.keys(attributes).length > 0 ? { key: edge, source, target, attributes } : { key: edge, source, target };
    yield `${j === 0 ? "\n" : ",\n"}${JSON.stringify(item)}`;
    if (++j % 1000 === 0) onItem?.(i + j, total);
  }
  onItem?.(total, total);
  yield "]}\n";
}
