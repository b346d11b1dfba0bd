// What sigma is given to draw. Sigma indexes and processes every node and edge of its graph
// on each refresh, hidden or not, and keeps a display object for each.
// - Past BULK_EDGES edges, sigma is given the nodes and only the edges in focus (the selected
//   edge, those among hovered, selected or result nodes), drawn as arrows; the pale bulk of
//   the edges is drawn from typed arrays by the bulk edge layer (bulk-edge-layer.ts). On the
//   10,000-article build sigma's refresh went from 146,000 elements to 30,000. When more than
//   MAX_ARROWS edges are in focus (a hovered country: 62,000 of that build's 116,000 edges
//   among its neighbours), the layer draws them too, in their full colours over the dimmed
//   rest, as lines: sigma's arrows are instanced, ≈ 3 s of a software GPU for those.
// - When a large graph shows part of itself (its first view without the articles: 20,000 nodes
//   of the 10,000-article build's 30,000; an ego view of 200), sigma is given that part as a
//   graph of its own, built in time proportional to what is shown (graphology's `addNode` is a
//   tenth of what sigma then spends on each node); when nearly all of it is shown, every node,
//   with the reducers hiding what the filters leave out.
// Nodes and edges keep their keys and share their attribute objects with the loaded graph.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Visibility } from "./filters.ts";

/** Past this many edges the bulk of them is drawn outside sigma, as pale lines. */
export const BULK_EDGES = 2_000;
/** Past this many edges in focus they are drawn as lines by the bulk layer, not as arrows by sigma. */
export const MAX_ARROWS = 2_000;
/** Below this many nodes a full pass costs little, and every node stays in sigma's state. */
export const LARGE_GRAPH_NODES = 5_000;
/** A view showing at most this share of a large graph's nodes is drawn as a graph of its own. */
export const SMALL_VIEW_SHARE = 0.9;

/** Elements brought forward; when `edges` is absent, the edges among the nodes are. */
export interface Focus {
  nodes: ReadonlySet<string>;
  edges?: ReadonlySet<string>;
}

/**
 * The part of `graph` to draw on its own (the visible nodes, the selected one even when a
 * filter hides it, and, `withEdges`, the visible edges among them), or null to draw every node.
 */
export function drawnSubgraph(graph: KnowledgeGraph, visibility: Visibility, selected: string | null, withEdges = true): KnowledgeGraph | null {
  if (graph.order < LARGE_GRAPH_NODES || visibility.nodes.size > graph.order * SMALL_VIEW_SHARE) return null;
  const part = graph.nullCopy();
  for (const node of visibility.nodes) if (graph.hasNode(node)) part.addNode(node, graph.getNodeAttributes(node));
  if (selected && graph.hasNode(selected) && !part.hasNode(selected)) part.addNode(selected, graph.getNodeAttributes(selected));
  if (withEdges) copyEdges(part, graph, visibility.edges);
  return part;
}

/** Who draws the edges in focus, past BULK_EDGES edges. */
export interface FocusSplit {
  /** Sigma's, as arrows: the edges in focus, or only the selected edge when they are too many. */
  arrows: ReadonlySet<string>;
  /** The bulk layer's, in full colour, when they are too many for arrows; else null. */
  lines: ReadonlySet<string> | null;
}

export function splitFocus(inFocus: ReadonlySet<string>, selectedEdge: string | null): FocusSplit {
  if (inFocus.size <= MAX_ARROWS) return { arrows: inFocus, lines: null };
  return { arrows: new Set(selectedEdge && inFocus.has(selectedEdge) ? [selectedEdge] : []), lines: inFocus };
}

/** Every node of `graph` and none of its edges: sigma's graph when the bulk edge layer draws them. */
export function nodesOnly(graph: KnowledgeGraph): KnowledgeGraph {
  const nodes = graph.nullCopy();
  graph.forEachNode((node, attributes) => nodes.addNode(node, attributes));
  return nodes;
}

/**
 * The edges sigma draws itself when the bulk edge layer draws the rest: the selected edge
 * and the edges in focus, shown ones only (the rule of the canvas's edge reducer).
 */
export function focusEdges(graph: KnowledgeGraph, visibility: Visibility, focus: Focus | null, selectedEdge: string | null): Set<string> {
  const edges = new Set<string>();
  if (selectedEdge && visibility.edges.has(selectedEdge)) edges.add(selectedEdge);
  if (!focus) return edges;
  if (focus.edges) {
    for (const edge of focus.edges) if (visibility.edges.has(edge)) edges.add(edge);
    return edges;
  }
  for (const node of focus.nodes) {
    if (!graph.hasNode(node)) continue;
    graph.forEachOutEdge(node, (edge, _attributes, _source, target) => {
      if (focus.nodes.has(target) && visibility.edges.has(edge)) edges.add(edge);
    });
  }
  return edges;
}

/**
 * Gives `drawn` exactly the edges `edges` of `graph` whose ends it holds (same keys and
 * attribute objects). Edges are dropped all at once: sigma answers each dropped edge with a
 * full re-indexing of its graph (an added one costs it that edge alone), so dropping the
 * 10,000 edges of a hovered hub one by one took minutes.
 */
export function syncEdges(drawn: KnowledgeGraph, graph: KnowledgeGraph, edges: ReadonlySet<string>): void {
  if (drawn.someEdge((edge) => !edges.has(edge))) drawn.clearEdges();
  copyEdges(drawn, graph, edges);
}

function copyEdges(drawn: KnowledgeGraph, graph: KnowledgeGraph, edges: Iterable<string>): void {
  for (const edge of edges) {
    if (drawn.hasEdge(edge) || !graph.hasEdge(edge)) continue;
    const [source, target] = graph.extremities(edge);
    if (drawn.hasNode(source) && drawn.hasNode(target)) drawn.addDirectedEdgeWithKey(edge, source, target, graph.getEdgeAttributes(edge));
  }
}
