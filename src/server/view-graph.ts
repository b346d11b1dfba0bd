// The graph as the viewer's first frame needs it: every node and edge with what is drawn,
// searched and filtered on (keys, labels, aliases, kinds, positions, colours, dates, titles,
// article ids), without what only a panel shows: article bodies, evidence sentences, mention
// offsets. On 10,000 articles that is most of graph.json's 168 MB; the panel asks for a
// node's or an edge's full attributes when it opens (graph-store.ts).
import type { SerializedGraph } from "graphology-types";
import type { SerializedKnowledgeGraph } from "../graph/types.ts";

/**
 * Node attributes left out of the view: fetched with the node when its panel opens (bodies,
 * mentions), or not used by the viewer (`size`: it has its own scale; `color`: the kind's).
 */
const HEAVY_NODE_ATTRIBUTES = new Set(["mentions", "body", "sha256", "file", "size", "color"]);
/** Edge attributes left out: `evidence` on demand; `label` repeats `type`. */
const HEAVY_EDGE_ATTRIBUTES = new Set(["evidence", "label"]);

/** Positions to a hundredth of a layout unit: a layout spans hundreds of units, a pixel is more. */
const round = (value: unknown): unknown => (typeof value === "number" ? Math.round(value * 100) / 100 : value);

function without(attributes: object | undefined, heavy: ReadonlySet<string>): Record<string, unknown> {
  const slim: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (heavy.has(name)) continue;
    slim[name] = name === "x" || name === "y" ? round(value) : value;
  }
  return slim;
}

/** The key the contract gives an edge (`TYPE:source->target`), which the view leaves out when it is that. */
export function contractEdgeKey(type: unknown, source: string, target: string): string {
  return `${String(type)}:${source}->${target}`;
}

/**
 * graph.json without bodies, evidence and mentions: the same nodes and edges, the same shape.
 * An edge key that is the contract's `TYPE:source->target` is left out (a third of an edge's
 * bytes); the viewer puts it back (web/src/graph-data.ts).
 */
export function viewGraph(data: SerializedKnowledgeGraph): SerializedGraph {
  return {
    ...data,
    nodes: data.nodes.map((node) => ({ key: node.key, attributes: without(node.attributes, HEAVY_NODE_ATTRIBUTES) })),
    edges: data.edges.map((edge) => {
      const attributes = without(edge.attributes, HEAVY_EDGE_ATTRIBUTES);
      const derived = edge.key === contractEdgeKey(edge.attributes?.type, edge.source, edge.target);
      return derived ? { source: edge.source, target: edge.target, attributes } : { key: edge.key, source: edge.source, target: edge.target, attributes };
    }),
  };
}
