// The clustered view on the canvas: the shown nodes moved to their community's disc (the
// positions made in the communities' worker, cluster-layout.ts) while it is on, and put back
// exactly where they were when it goes off or the communities change. Sigma v3 takes node
// positions from the graph, not from the reducers, so the positions are written on the
// nodes' attribute objects themselves — in place, without an event per node, since the
// drawn part of a large graph shares those objects (drawn-graph.ts) and one refresh redraws
// all — and the stored ones are kept to be written back.
import { useEffect, useState } from "react";
import type Sigma from "sigma";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { fitInto } from "./cluster-layout.ts";
import type { Box } from "./cluster-layout.ts";
import type { CommunityState } from "./use-communities.ts";

/** off: the stored positions; waiting: asked for, the communities not found yet; on: clustered. */
export type ClusterViewStatus = "off" | "waiting" | "on";

/** The box of the given nodes' stored positions: the clustered picture takes their place. */
function storedBox(stored: Float64Array): Box {
  const box = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  for (let i = 0; i < stored.length; i += 2) {
    box.minX = Math.min(box.minX, stored[i] ?? 0);
    box.maxX = Math.max(box.maxX, stored[i] ?? 0);
    box.minY = Math.min(box.minY, stored[i + 1] ?? 0);
    box.maxY = Math.max(box.maxY, stored[i + 1] ?? 0);
  }
  return box;
}

/** Moves the nodes to the clustered positions; returns the function that puts them back. */
// Every drawn node has a position (sigma refuses a graph without), so x and y are numbers here.
export function applyClusterLayout(sigma: Sigma, graph: KnowledgeGraph, nodes: readonly string[], positions: Float64Array): () => void {
  const stored = new Float64Array(nodes.length * 2);
  nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    stored[i * 2] = attributes.x ?? 0;
    stored[i * 2 + 1] = attributes.y ?? 0;
  });
  const fitted = fitInto(positions, storedBox(stored));
  nodes.forEach((node, i) => {
    const attributes = graph.getNodeAttributes(node);
    attributes.x = fitted[i * 2] ?? 0;
    attributes.y = fitted[i * 2 + 1] ?? 0;
  });
  sigma.refresh();
  return () => {
    nodes.forEach((node, i) => {
      if (!graph.hasNode(node)) return;
      const attributes = graph.getNodeAttributes(node);
      attributes.x = stored[i * 2] ?? 0;
      attributes.y = stored[i * 2 + 1] ?? 0;
    });
    // Sigma may be gone already (the page closing): then there is nothing to redraw.
    if (sigma.getContainer().isConnected) sigma.refresh();
  };
}

export function useClusterView(sigma: Sigma | null, graph: KnowledgeGraph | null, communities: CommunityState, on: boolean): ClusterViewStatus {
  const [applied, setApplied] = useState(false);
  const ready = communities.status === "ready" ? communities.communities : null;
  useEffect(() => {
    if (!on || !sigma || !graph || !ready) return;
    const started = performance.now();
    const restore = applyClusterLayout(sigma, graph, ready.layout.nodes, ready.layout.positions);
    performance.measure("diplograph:cluster-apply", { start: started, end: performance.now() });
    setApplied(true);
    return () => {
      restore();
      setApplied(false);
    };
  }, [sigma, graph, ready, on]);
  return !on ? "off" : applied ? "on" : "waiting";
}
