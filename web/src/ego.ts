// The ego view: a few nodes and their neighbours to depth 1 or 2, the natural way into a
// graph too large to read whole. Pure: a function of the graph, the roots and what the
// filters already leave visible, so the ego view never shows what a filter hides.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Visibility } from "./filters.ts";

export interface EgoView {
  /** The nodes the view is centred on: the first chosen, then each one expanded by a click. */
  roots: readonly string[];
  depth: 1 | 2;
}

/** Nodes within `depth` steps of a root (either direction) among the visible ones, and the edges between them. */
export function egoVisibility(graph: KnowledgeGraph, ego: EgoView, visibility: Visibility): Visibility {
  const nodes = new Set<string>();
  let frontier = ego.roots.filter((root) => graph.hasNode(root));
  // A root stays in view even when a filter hides its kind: it was asked for by name.
  for (const root of frontier) nodes.add(root);
  for (let step = 0; step < ego.depth && frontier.length > 0; step += 1) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (neighbour) => {
        if (nodes.has(neighbour) || !visibility.nodes.has(neighbour)) return;
        nodes.add(neighbour);
        next.push(neighbour);
      });
    }
    frontier = next;
  }
  const edges = new Set<string>();
  for (const node of nodes) {
    graph.forEachOutEdge(node, (edge, _attributes, _source, target) => {
      if (nodes.has(target) && visibility.edges.has(edge)) edges.add(edge);
    });
  }
  return { nodes, edges };
}
