// What sigma is given to draw. Sigma indexes and processes every node and edge of its graph
// on each refresh, hidden or not: an ego view of 200 nodes in a graph of 30,000 nodes and
// 100,000 edges cost a full pass over all of them (0.5–2.5 s on a software GPU) to hide
// nearly everything. When a large graph shows a small part of itself, sigma is given that
// part as a graph of its own, built in time proportional to what is shown; otherwise the
// whole graph, with the reducers hiding what the filters leave out.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Visibility } from "./filters.ts";

/** Below this many nodes a full pass costs little, and every node stays in sigma's state. */
export const LARGE_GRAPH_NODES = 5_000;
/** A view showing at most this share of a large graph's nodes is drawn as a graph of its own. */
export const SMALL_VIEW_SHARE = 0.1;

/**
 * The part of `graph` to draw on its own (the visible nodes, the selected one even when a
 * filter hides it, and the visible edges among them), or null to draw the whole graph.
 * Nodes and edges keep their keys and share their attribute objects with `graph`.
 */
export function drawnSubgraph(graph: KnowledgeGraph, visibility: Visibility, selected: string | null): KnowledgeGraph | null {
  if (graph.order < LARGE_GRAPH_NODES || visibility.nodes.size > graph.order * SMALL_VIEW_SHARE) return null;
  const part = graph.nullCopy();
  for (const node of visibility.nodes) if (graph.hasNode(node)) part.addNode(node, graph.getNodeAttributes(node));
  if (selected && graph.hasNode(selected) && !part.hasNode(selected)) part.addNode(selected, graph.getNodeAttributes(selected));
  for (const edge of visibility.edges) {
    if (!graph.hasEdge(edge)) continue;
    const [source, target] = graph.extremities(edge);
    if (part.hasNode(source) && part.hasNode(target)) part.addDirectedEdgeWithKey(edge, source, target, graph.getEdgeAttributes(edge));
  }
  return part;
}
