// How a Cypher result shows on the canvas: its nodes and the view's edges it returned are
// brought forward; relationships the view has no shown edge for (MENTIONED_IN lives only in
// Neo4j; a type or node the filters hide) are drawn dashed between their ends; result nodes
// that a filter hides are shown anyway, since the query asked for them. Pure.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { CypherResult, ResultRelationship } from "../../src/server/types.ts";
import type { Visibility } from "./filters.ts";

/** Elements to bring forward; everything else is dimmed (the canvas's `Highlight`). */
export interface ResultHighlight {
  nodes: ReadonlySet<string>;
  /** Edges to show strongly; when absent (a result of nodes only), the edges among the nodes. */
  edges?: ReadonlySet<string>;
}

export interface ResultOnView {
  highlight: ResultHighlight | null;
  /** Result relationships with no shown edge of the same type between the same nodes: drawn dashed. */
  dashed: ResultRelationship[];
  /** Result nodes the filters (or the ego view) hide: shown while the result is. */
  revealed: ReadonlySet<string>;
}

export const NO_RESULT: ResultOnView = { highlight: null, dashed: [], revealed: new Set() };

export function resultOnView(graph: KnowledgeGraph, result: CypherResult | null, visibility: Visibility): ResultOnView {
  if (!result) return NO_RESULT;
  const nodes = new Set(result.subgraph.nodes.filter((key) => graph.hasNode(key)));
  const relationships = result.subgraph.relationships;
  const edges = new Set<string>();
  const dashed = new Map<string, ResultRelationship>();
  for (const relationship of relationships) {
    const { source, target, type } = relationship;
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    nodes.add(source).add(target);
    let shown = false;
    graph.forEachDirectedEdge(source, target, (edge, attributes) => {
      if (attributes.type !== type || !visibility.edges.has(edge)) return;
      edges.add(edge);
      shown = true;
    });
    if (!shown) dashed.set(`${type}:${source}->${target}`, { source, target, type });
  }
  if (nodes.size === 0) return NO_RESULT;
  const revealed = new Set([...nodes].filter((node) => !visibility.nodes.has(node)));
  // A result of nodes only (`RETURN p, m`) has no relationships: then the edges among its
  // nodes are the ones to show, which `edges: undefined` means; an empty set would mean none.
  const highlight: ResultHighlight = relationships.length === 0 ? { nodes } : { nodes, edges };
  return { highlight, dashed: [...dashed.values()], revealed };
}

/** What the canvas shows: the filters' choice plus the result nodes it hides (same object when none). */
export function withRevealed(visibility: Visibility, revealed: ReadonlySet<string>): Visibility {
  if (revealed.size === 0) return visibility;
  return { nodes: new Set([...visibility.nodes, ...revealed]), edges: visibility.edges };
}
