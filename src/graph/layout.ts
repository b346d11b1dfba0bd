// Positions computed at build time, so the viewer and Gephi open the graph laid out. Two ways:
// - a full ForceAtlas2 layout: deterministic (nodes start on a circle in key order and the
//   iteration count depends only on the graph's size), so the same input gives the same picture;
// - a warm start after a small change (an incremental rebuild): every node of the previous
//   picture keeps its place and only the new ones are placed, each near what it is linked to,
//   so that pictures of one corpus from day to day can be compared.
// Either way the layout sees every relation plus a link from each entity to its articles:
// articles are laid out beside what they mention. The full layout's graph is built straight into
// ForceAtlas2's matrices (the library's own layout of them: 10 floats a node, 3 an edge) and
// iterated with the library's `iterate`: as a graphology graph, the article links alone (2.5
// million at 100,000 articles) took over a GB, and copying them cost most of the layout's time.
import forceAtlas2Module from "graphology-layout-forceatlas2";
import FA2_DEFAULTS from "graphology-layout-forceatlas2/defaults.js";
import iterate from "graphology-layout-forceatlas2/iterate.js";
import type { KnowledgeGraph } from "./types.ts";

// The package is CommonJS whose typings declare an ES default export; under NodeNext the
// default import is the module object's type, but at run time it is the layout function.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** A node's place in a picture, by node key. */
export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** Fewer iterations on larger graphs keep the build linear in practice; small graphs settle fully. */
export function iterationsFor(order: number): number {
  if (order <= 1_000) return 200;
  if (order <= 5_000) return 30;
  if (order <= 20_000) return 6;
  return 3;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * A warm start is used when the previous picture holds at least this share of the nodes; past it
 * the change is too large for the old picture to mean much, and the full layout runs.
 */
export const WARM_START_SHARE = 0.9;
/** Rounds in which new nodes linked only to other new nodes settle among them. */
const WARM_ROUNDS = 4;

export interface LayoutOptions {
  /** The previous build's positions: when they cover most of the graph, a warm start. */
  previous?: Positions;
  /** Told of each iteration of the full layout done (of the count `iterationsFor` gives). */
  onProgress?(done: number, total: number): void;
}

/** How a layout was made, for the build's report. */
export type LayoutKind = "full" | "warm";

export function assignLayout(graph: KnowledgeGraph, options: LayoutOptions = {}): LayoutKind {
  if (graph.order === 0) return "full";
  const previous = options.previous;
  if (previous && warmStartApplies(graph, previous)) {
    warmLayout(graph, previous);
    return "warm";
  }
  fullLayout(graph, options.onProgress);
  return "full";
}

export function warmStartApplies(graph: KnowledgeGraph, previous: Positions): boolean {
  let known = 0;
  graph.forEachNode((node) => {
    if (previous.has(node)) known++;
  });
  return known > 0 && known >= WARM_START_SHARE * graph.order;
}

// --- the full layout -------------------------------------------------------------------------

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

function fullLayout(graph: KnowledgeGraph, onProgress?: (done: number, total: number) => void): void {
  const order = graph.order;
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

// --- the warm start --------------------------------------------------------------------------

/** A fraction of the full turn from a node's key: where around its neighbours a new node goes. */
function angleOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) / 2 ** 32) * 2 * Math.PI;
}

/**
 * Old nodes keep their place. A new node goes at the centre of its neighbours that have a place
 * (old ones first, then new ones placed in an earlier round), a short step away in a direction
 * drawn from its key, so that two new nodes with the same neighbours do not overlap; then a few
 * rounds move each new node to the centre of all its neighbours. A new node with no neighbour goes
 * on a ring around the picture. Only new nodes are touched: O(new nodes × their links), however
 * large the graph.
 */
function warmLayout(graph: KnowledgeGraph, previous: Positions): void {
  const placed = new Map<string, { x: number; y: number }>();
  const fresh: string[] = [];
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((node) => {
    const p = previous.get(node);
    if (!p) {
      fresh.push(node);
      return;
    }
    placed.set(node, p);
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  });
  // the typical distance between neighbours in the picture: the side of a node's share of its area
  const step = Math.max(1, Math.sqrt(((maxX - minX) * (maxY - minY)) / Math.max(1, placed.size)));
  const neighbours = newNodeNeighbours(graph, fresh);
  const centre = (node: string, at: ReadonlyMap<string, { x: number; y: number }>) => {
    let x = 0, y = 0, n = 0;
    for (const other of neighbours.get(node)!) {
      const p = at.get(other);
      if (!p) continue;
      x += p.x;
      y += p.y;
      n++;
    }
    if (n === 0) return undefined;
    const angle = angleOf(node);
    return { x: x / n + step * Math.cos(angle), y: y / n + step * Math.sin(angle) };
  };
  // 1. placed in waves from the old picture outwards, each wave from the places of the one before
  let waiting = fresh;
  while (waiting.length > 0) {
    const wave = new Map<string, { x: number; y: number }>();
    const still: string[] = [];
    for (const node of waiting) {
      const p = centre(node, placed);
      if (p) wave.set(node, p);
      else still.push(node);
    }
    if (wave.size === 0) break;
    for (const [node, p] of wave) placed.set(node, p);
    waiting = still;
  }
  // 2. no path to the old picture: a ring around it
  const radius = Math.max(maxX - minX, maxY - minY, 2 * step) / 2 + step;
  const cx = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  const cy = Number.isFinite(minY) ? (minY + maxY) / 2 : 0;
  for (const node of waiting) {
    const angle = angleOf(node);
    placed.set(node, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
  }
  // 3. a few rounds among the new nodes (each round from the last one's places: order-free)
  for (let pass = 0; pass < WARM_ROUNDS; pass++) {
    const next = new Map<string, { x: number; y: number }>();
    for (const node of fresh) {
      const p = centre(node, placed);
      if (p) next.set(node, p);
    }
    for (const [node, p] of next) placed.set(node, p);
  }
  graph.forEachNode((node) => {
    const p = placed.get(node)!;
    graph.mergeNodeAttributes(node, { x: round(p.x), y: round(p.y) });
  });
}

/** The layout's neighbours of each new node: relations either way, an entity's articles, an article's entities. */
function newNodeNeighbours(graph: KnowledgeGraph, fresh: string[]): Map<string, string[]> {
  const neighbours = new Map<string, string[]>(fresh.map((n) => [n, []]));
  const freshArticles = new Set<string>();
  for (const node of fresh) {
    const attrs = graph.getNodeAttributes(node);
    if (attrs.kind === "Article") freshArticles.add(attrs.articles[0]!);
    graph.forEachNeighbor(node, (other) => {
      if (other !== node) neighbours.get(node)!.push(other);
    });
    if (attrs.kind !== "Article") {
      for (const article of attrs.articles) if (graph.hasNode(`article:${article}`)) neighbours.get(node)!.push(`article:${article}`);
    }
  }
  // a new article's entities: every entity's article list is scanned once (old entities mention new articles too)
  if (freshArticles.size > 0) {
    graph.forEachNode((node, attrs) => {
      if (attrs.kind === "Article") return;
      for (const article of attrs.articles) if (freshArticles.has(article)) neighbours.get(`article:${article}`)?.push(node);
    });
  }
  return neighbours;
}
