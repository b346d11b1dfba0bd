// graph.json: the graphology export of the graph, written so that the same graph is always
// the same bytes (insertion order is key order; no clock, no random keys). Compact JSON with
// one node or edge per line: a quarter smaller and faster to write, fetch and parse than
// indented JSON, and a change to one entity is still a one-line diff.
import type { KnowledgeGraph, SerializedKnowledgeGraph } from "./types.ts";

export function serializeGraph(graph: KnowledgeGraph): string {
  const data = graph.export() as SerializedKnowledgeGraph;
  // `{"key":` with bare quotes only occurs where a node or edge begins: inside a JSON string
  // every quote is escaped, and no other object of the contract has a "key" field.
  return `${JSON.stringify(data).replaceAll('[{"key":', '[\n{"key":').replaceAll('},{"key":', '},\n{"key":')}\n`;
}

/**
 * The same bytes as serializeGraph, as pieces (one node or edge each), for a graph whose JSON
 * is too large to be one string. `articleBody` supplies the text of Article nodes the graph
 * holds without it (the streaming build keeps bodies on disk).
 */
export function* serializeGraphPieces(graph: KnowledgeGraph, articleBody?: (id: string) => string): Generator<string> {
  const head = JSON.stringify({ options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() });
  yield `${head.slice(0, -1)},"nodes":[`;
  let first = true;
  for (const { node, attributes } of graph.nodeEntries()) {
    const attrs = articleBody && attributes.kind === "Article" ? { ...attributes, body: articleBody(attributes.articles[0]!) } : attributes;
    yield `${first ? "\n" : ",\n"}${JSON.stringify(Object.keys(attrs).length > 0 ? { key: node, attributes: attrs } : { key: node })}`;
    first = false;
  }
  yield '],"edges":[';
  first = true;
  for (const { edge, attributes, source, target } of graph.edgeEntries()) {
    const item = Object.keys(attributes).length > 0 ? { key: edge, source, target, attributes } : { key: edge, source, target };
    yield `${first ? "\n" : ",\n"}${JSON.stringify(item)}`;
    first = false;
  }
  yield "]}\n";
}
