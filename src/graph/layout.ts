// ForceAtlas2 positions computed at build time, so the viewer and Gephi open the graph laid
// out. Deterministic: nodes start on a circle in key order and the iteration count depends
// only on the graph's size, so the same input gives the same positions. Articles are laid
// out beside what they mention: the layout runs on the relations plus article links.
// The layout's graph is built straight into ForceAtlas2's matrices (the library's own layout
// of them: 10 floats a node, 3 an edge) and iterated with the library's `iterate`: as a
// graphology graph, the article links alone (2.5 million at 100,000 articles) took over a GB.
import forceAtlas2Module from "graphology-layout-forceatlas2";
import FA2_DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";
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

/** Floats per node and per edge in ForceAtlas2's matrices (its helpers.js: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed; source, target, weight). */
const PPN = 10;
const PPE = 3;

/** A growable list of floats. */
class Floats {
  data = new Float32Array(PPE * 1024);
  length = 0;
  push(a: number, b: number, c: number): void {
    if (this.length + 3 > this.data.length) {
      const bigger = new Float32Array(Math.ceil(this.data.length * 1.5) + 3);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
    this.data[this.length++] = c;
  }
}

/**
 * The matrices of the graph the layout sees — every node, every relation, and a link from each
 * entity to its articles — exactly as the library builds them from an undirected graphology
 * graph (nodes in order on a circle; each pair of nodes joined once, in the order first met;
 * weight 1; mass 1 + degree), so the positions are the same.
 */
function layoutMatrices(graph: KnowledgeGraph): { nodes: Float32Array; edges: Float32Array } {
  const order = graph.order;
  const nodes = new Float32Array(order * PPN);
  const row = new Map<string, number>();
  let i = 0;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i) / order;
    const j = i * PPN;
    row.set(node, j);
    nodes[j] = 100 * Math.cos(angle);
    nodes[j + 1] = 100 * Math.sin(angle);
    nodes[j + 6] = 1; // mass, plus the degree below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
    i++;
  });
  const edges = new Floats();
  const link = (a: number, b: number) => {
    nodes[a + 6]! += 1;
    nodes[b + 6]! += 1;
    edges.push(a, b, 1);
  };
  // relations: several between two entities (or in both directions) are one link
  const joined = new Set<number>();
  graph.forEachEdge((_, __, source, target) => {
    if (source === target) return;
    const a = row.get(source)!;
    const b = row.get(target)!;
    const pair = Math.min(a, b) * order + Math.max(a, b) / PPN;
    if (joined.has(pair)) return;
    joined.add(pair);
    link(a, b);
  });
  joined.clear();
  // article links: an entity's articles are distinct, and relations never join an article
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "Article") return;
    const a = row.get(node)!;
    for (const article of attrs.articles) {
      const b = row.get(`article:${article}`);
      if (b !== undefined) link(a, b);
    }
  });
  return { nodes, edges: edges.data.subarray(0, edges.length) };
}

/** `onProgress` is told of each iteration done (of the count `iterationsFor` gives). */
export function assignLayout(graph: KnowledgeGraph, onProgress?: (done: number, total: number) => void): void {
  const order = graph.order;
  if (order === 0) return;
  const { nodes, edges } = layoutMatrices(graph);
  const settings = { ...FA2_DEFAULTS, ...forceAtlas2.inferSettings(order), barnesHutOptimize: order > 1_000 };
  const iterations = iterationsFor(order);
  for (let n = 0; n < iterations; n++) {
    iterate(settings, nodes, edges);
    onProgress?.(n + 1, iterations);
  }
  let j = 0;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: round(nodes[j]!), y: round(nodes[j + 1]!) });
    j += PPN;
  });
}
