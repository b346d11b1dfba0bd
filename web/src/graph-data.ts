// Fetching graph.json from the server and deriving what the canvas needs from it:
// a position for every node (the build's ForceAtlas2 one, or a client-side fallback),
// a size from the degree and a colour from the kind.
import { MultiDirectedGraph } from "graphology";
import { circular } from "graphology-library/layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { EdgeAttributes, EntityKind, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import { readViewGraph } from "../../src/server/view-graph.ts";
import type { ViewGraph } from "../../src/server/view-graph.ts";
import { authHeaders } from "./api-token.ts";
import { rememberGraphVersion } from "./graph-version.ts";
import { FALLBACK_COLOR, KIND_COLORS } from "./kinds.ts";
import { displaySize, sizeScale } from "./node-size.ts";

export class GraphLoadError extends Error {
  override name = "GraphLoadError";
}

/** Base display of each node before reducers: derived once per loaded graph. */
export interface NodeLook {
  size: number;
  color: string;
}

/**
 * The view graph (src/server/view-graph.ts): every node and edge, without article bodies,
 * evidence and mention offsets, which the panels fetch when they open (api.ts); edges by
 * column. Typed as the knowledge graph for the attributes it does carry; `body`, `evidence`
 * and `mentions` are absent.
 */
export async function fetchGraph(url = "api/graph/view"): Promise<KnowledgeGraph> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    const error = new GraphLoadError(`could not load ${url}: ${body?.message ?? response.statusText}`);
    if (body?.error) error.name = body.error;
    throw error;
  }
  const data = (await response.json()) as ViewGraph;
  performance.mark("diplograph:graph-parsed");
  const graph = readViewGraph(data, new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>());
  rememberGraphVersion(graph, response);
  ensurePositions(graph);
  return graph;
}

/** Graphs built before layout existed, or by hand, get a layout here: circle, then a short FA2. */
export function ensurePositions(graph: KnowledgeGraph): void {
  let missing = false;
  graph.forEachNode((_key, attributes) => {
    if (typeof attributes.x !== "number" || typeof attributes.y !== "number") missing = true;
  });
  if (!missing) return;
  circular.assign(graph, { scale: 100 });
  if (graph.order <= 5_000) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations: 100, settings });
  }
}

/**
 * Size from the degree on the viewer's capped scale (node-size.ts; the build's `size` is
 * uncapped, meant for Gephi), colour by kind.
 */
export function nodeLooks(graph: KnowledgeGraph): Map<string, NodeLook> {
  const looks = new Map<string, NodeLook>();
  let maxDegree = 0;
  graph.forEachNode((key) => {
    maxDegree = Math.max(maxDegree, graph.degree(key));
  });
  const scale = sizeScale(graph.order, maxDegree);
  graph.forEachNode((key, attributes) => {
    looks.set(key, { size: displaySize(graph.degree(key), scale), color: attributes.color ?? KIND_COLORS[attributes.kind] ?? FALLBACK_COLOR });
  });
  return looks;
}

/** The colour each kind is drawn with, read back from the nodes so the legend matches. */
export function legendColors(graph: KnowledgeGraph, looks: Map<string, NodeLook>): Map<EntityKind, string> {
  const colors = new Map<EntityKind, string>();
  graph.forEachNode((key, attributes) => {
    if (!colors.has(attributes.kind)) colors.set(attributes.kind, looks.get(key)?.color ?? KIND_COLORS[attributes.kind]);
  });
  return colors;
}
