// The counts a build prints: nodes by kind and relations by type.
import type { KnowledgeGraph } from "./types.ts";

export interface GraphSummary {
  nodes: Record<string, number>;
  relations: Record<string, number>;
}

export function summarize(graph: KnowledgeGraph): GraphSummary {
  const nodes: Record<string, number> = {};
  const relations: Record<string, number> = {};
  graph.forEachNode((_, a) => (nodes[a.kind] = (nodes[a.kind] ?? 0) + 1));
  graph.forEachEdge((_, a) => (relations[a.type] = (relations[a.type] ?? 0) + 1));
  return { nodes, relations };
}

export function formatSummary(summary: GraphSummary): string {
  const line = (record: Record<string, number>) =>
    Object.entries(record)
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([k, n]) => `${k} ${n}`)
      .join(", ") || "none";
  return `nodes: ${line(summary.nodes)}\nrelations: ${line(summary.relations)}`;
}
