// Query results → a plain {nodes, edges} subgraph keyed by the `key` property, for the
// viewer (draw what a Cypher query returned) and the exporters (export it).
import { isPlainNode, isPlainPath, isPlainRelationship } from "./values.ts";
import type { PlainNode, PlainRelationship, PlainValue } from "./values.ts";

export interface SubgraphNode {
  key: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}
export interface SubgraphEdge {
  type: string;
  source: string;
  target: string;
  properties: Record<string, PlainValue>;
}
export interface Subgraph {
  nodes: SubgraphNode[];
  edges: SubgraphEdge[];
}

/**
 * Collects every node, relationship and path anywhere in the rows (inside lists and maps
 * too). A relationship whose end nodes the query did not return is left out: return the
 * nodes or the path as well.
 */
export function toSubgraph(rows: ReadonlyArray<Record<string, PlainValue>> | readonly PlainValue[]): Subgraph {
  const nodes = new Map<string, PlainNode>();
  const relationships = new Map<string, PlainRelationship>();
  const visit = (value: PlainValue): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) return value.forEach(visit);
    if (isPlainNode(value)) {
      nodes.set(value.elementId, value);
    } else if (isPlainRelationship(value)) {
      relationships.set(value.elementId, value);
    } else if (isPlainPath(value)) {
      value.nodes.forEach(visit);
      value.relationships.forEach(visit);
    } else {
      Object.values(value).forEach(visit);
    }
  };
  for (const row of rows) visit(row as PlainValue);

  const keyOf = (node: PlainNode): string => (typeof node.properties.key === "string" ? node.properties.key : node.elementId);
  const edges: SubgraphEdge[] = [];
  for (const rel of relationships.values()) {
    const start = nodes.get(rel.start);
    const end = nodes.get(rel.end);
    if (start && end) edges.push({ type: rel.type, source: keyOf(start), target: keyOf(end), properties: rel.properties });
  }
  return {
    nodes: [...nodes.values()].map((node) => ({ key: keyOf(node), labels: node.labels, properties: node.properties })),
    edges,
  };
}
