// Fetching graph.json from the server and deriving what the canvas needs from it:
// a position for every node (the build's ForceAtlas2 one, or a client-side fallback),
// a size from the degree and a colour from the kind.
import { circular } from "graphology-library/layout";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { EntityKind, KnowledgeGraph } from "../../src/graph/types.ts";
import type { ViewGraph } from "../../src/server/view-graph.ts";
import { authHeaders } from "./api-token.ts";
import { LoadedGraph } from "./loaded-graph.ts";

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
export async function fetchGraph(url = "api/graph/view"): Promise<LoadedGraph> {
  const response = await fetch(url, { headers: authHeaders() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    const error = new GraphLoadError(`could not load ${url}: ${body?.message ?? response.statusText}`);
    if (body?.error) error.name = body.error;
    throw error;
  }
  const data = (await response.json()) as ViewGraph;
  performance.mark("diplograph:graph-parsed");
  const loaded = LoadedGraph.read(data);
  rememberGraphVersion(loaded.nodes, response);
  // A layout made here runs on the edges: the whole graph, now (positions are shared with `nodes`).
  if (!hasPositions(loaded.nodes)) ensurePositions(loaded.completeNow());
  return loaded;
}

function hasPositions(graph: KnowledgeGraph): boolean {
  return graph.everyNode((_key, attributes) => typeof attributes.x === "number" && typeof attributes.y === "number");
}

/** Graphs built before layout existed, or by hand, get a layout here: circle, then a short FA2. */
export function ensurePositions(graph: KnowledgeGraph): void {
  if (hasPositions(graph)) return;
  circular.assign(graph, { scale: 100 });
  if (graph.order <= 5_000) {
    const settings = forceAtlas2.inferSettings(graph);
    forceAtlas2.assign(graph, { iterations: 100, settings });
  }
}

/**
 * Size from the degree (`degrees`, by node index) on the viewer's capped scale (node-size.ts;
 * the build's `size` is uncapped, meant for Gephi), colour by kind.
 */
export function nodeLooks(graph: KnowledgeGraph, degrees: Uint32Array): Map<string, NodeLook> {
  const looks = new Map<string, NodeLook>();
  const scale = sizeScale(graph.order, degrees.reduce((max, degree) => Math.max(max, degree), 0));
  let i = 0;
  graph.forEachNode((key, attributes) => {
    looks.set(key, { size: displaySize(degrees[i] ?? 0, scale), color: attributes.color ?? KIND_COLORS[attributes.kind] ?? FALLBACK_COLOR });
    i += 1;
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
