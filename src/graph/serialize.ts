// graph.json: the graphology export of the graph, written so that the same graph is always
// the same bytes (insertion order is key order; no clock, no random keys).
import type { KnowledgeGraph, SerializedKnowledgeGraph } from "./types.ts";

export function serializeGraph(graph: KnowledgeGraph): string {
  const data = graph.export() as SerializedKnowledgeGraph;
  return `${JSON.stringify(data, null, 1)}\n`;
}
