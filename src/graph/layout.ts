// ForceAtlas2 positions computed at build time, so the viewer and Gephi open the graph laid
// out. Deterministic: nodes start on a circle in key order and the iteration count depends
// only on the graph's size, so the same input gives the same positions.
import forceAtlas2Module from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "./types.ts";

/** Fewer iterations on larger graphs keep the build linear in practice; small graphs settle fully. */
export function iterationsFor(order: number): number {
  if (order <= 1_000) return 200;
  if (order <= 5_000) return 40;
  if (order <= 20_000) return 10;
  return 4;
}

const round = (x: number) => Math.round(x * 100) / 100;

// The package is CommonJS whose typings declare an ES default export; under NodeNext the
// default import is the module object's type, but at run time it is the layout function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

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
    settings: { ...settings, barnesHutOptimize: order > 1_000 },
  });
  graph.forEachNode((node) => {
    const p = positions[node]!;
    graph.mergeNodeAttributes(node, { x: round(p.x), y: round(p.y) });
  });
}
