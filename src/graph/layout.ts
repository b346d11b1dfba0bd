// ForceAtlas2 positions computed at build time, so the viewer and Gephi open the graph laid
// out. Deterministic: nodes start on a circle in key order and the iteration count depends
// only on the graph's size, so the same input gives the same positions. Articles are laid
// out beside what they mention: the layout runs on the relations plus article links.
import { UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import type { KnowledgeGraph } from "./types.ts";

// The package is CommonJS whose typings declare an ES default export; under NodeNext the
// default import is the module object's type, but at run time it is the layout function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** Fewer iterations on larger graphs keep the build linear in practice; small graphs settle fully. */
export function iterationsFor(order: number): number {
  if (order <= 1_000) return 200;
  if (order <= 5_000) return 30;
  if (order <= 20_000) return 6;
  return 3;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** The graph the layout sees: every node, every relation, and a link from each entity to its articles. */
function layoutGraph(graph: KnowledgeGraph): UndirectedGraph {
  const g = new UndirectedGraph();
  let i = 0;
  const order = graph.order;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i++) / order;
    g.addNode(node, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  graph.forEachEdge((_, __, source, target) => {
    if (source !== target) g.mergeEdge(source, target);
  });
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "Article") return;
    for (const article of attrs.articles) {
      const key = `article:${article}`;
      if (g.hasNode(key)) g.mergeEdge(node, key);
    }
  });
  return g;
}

export function assignLayout(graph: KnowledgeGraph): void {
  const order = graph.order;
  if (order === 0) return;
  const g = layoutGraph(graph);
  const settings = forceAtlas2.inferSettings(g);
  const positions = forceAtlas2(g, {
    iterations: iterationsFor(order),
    settings: { ...settings, barnesHutOptimize: order > 1_000 },
  });
  graph.forEachNode((node) => {
    const p = positions[node]!;
    graph.mergeNodeAttributes(node, { x: round(p.x), y: round(p.y) });
  });
}
