// ForceAtlas2 positions computed at build time, so the viewer and Gephi open the graph laid
// out. Deterministic: nodes start on a circle in key order and the iteration count depends
// only on the graph's size, so the same input gives the same positions.
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "./types.ts";

/** Fewer iterations on larger graphs keep the build linear in practice; small graphs settle fully. */
export function iterationsFor(order: number): number {
  if (order <= 500) return 300;
  if (order <= 5_000) return 100;
  if (order <= 50_000) return 30;
  return 10;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function assignLayout(graph: KnowledgeGraph): void {
  const order = graph.order;
  if (order === 0) return;
  let i = 0;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i++) / order;
    graph.mergeNodeAttributes(node, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  const settings = forceAtlas2.inferSettings(graph);
  const positions = forceAtlas2(graph, {
    iterations: iterationsFor(order),
    settings: { ...settings, barnesHutOptimize: order > 2_000 },
  });
  graph.forEachNode((node) => {
    const p = positions[node]!;
    graph.mergeNodeAttributes(node, { x: round(p.x), y: round(p.y) });
  });
}
