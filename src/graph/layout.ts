// Positions computed at build time, so the viewer and Gephi open the graph laid out. Two ways:
// - a full ForceAtlas2 layout: deterministic (nodes start on a circle in key order and the
//   iteration count depends only on the graph's size), so the same input gives the same picture;
// - a warm start after a small change (an incremental rebuild): every node of the previous
//   picture keeps its place and only the new ones are placed, each near what it is linked to,
//   so that pictures of one corpus from day to day can be compared.
// Either way the layout sees every relation plus a link from each entity to its articles:
// articles are laid out beside what they mention.
import { createRequire } from "node:module";
import type { KnowledgeGraph } from "./types.ts";

/** A node's place in a picture, by node key. */
export type Positions = ReadonlyMap<string, { x: number; y: number }>;

/** Fewer iterations on larger graphs keep the build linear in practice; small graphs settle fully. */
export function iterationsFor(order: number): number {
  if (order <= 1_000) return 200;
  if (order <= 5_000) return 30;
  if (order <= 20_000) return 6;
  return 3;
}

/**
 * A warm start is used when the previous picture holds at least this share of the nodes; past it
 * the change is too large for the old picture to mean much, and the full layout runs.
 */
export const WARM_START_SHARE = 0.9;
/** Rounds in which new nodes linked only to other new nodes settle among them. */
const WARM_ROUNDS = 4;

const round = (x: number) => Math.round(x * 100) / 100;

export interface LayoutOptions {
  /** The previous build's positions: when they cover most of the graph, a warm start. */
  previous?: Positions;
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
  fullLayout(graph);
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

// ForceAtlas2's own iteration on its flat matrices (graphology-layout-forceatlas2/iterate.js, the
// function its public entry point loops over). The public entry point takes a graphology graph:
// a copy of the knowledge graph with every entity–article link cost 10 of the 13 s of layout at
// 10,000 articles (graphology's edge bookkeeping), so the matrices are filled here directly, with
// the same values in the same order as the package's graphToByteArrays, and the positions are the
// same bytes as the package's.
type Iterate = (settings: Record<string, number | boolean>, nodes: Float32Array, edges: Float32Array) => void;
const require = createRequire(import.meta.url);
const iterate = require("graphology-layout-forceatlas2/iterate.js") as Iterate;
const DEFAULT_SETTINGS = require("graphology-layout-forceatlas2/defaults.js") as Record<string, number | boolean>;
/** Properties per node and per edge in the package's matrices. */
const PPN = 10;
const PPE = 3;

/** The package's inferSettings, with Barnes–Hut from 1,000 nodes. */
function settingsFor(order: number): Record<string, number | boolean> {
  return {
    ...DEFAULT_SETTINGS,
    barnesHutOptimize: order > 1_000,
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 10,
    slowDown: 1 + Math.log(order),
  };
}

/**
 * The layout's links as pairs of node indices, in the order an undirected graphology graph would
 * hold them: the relations in edge order (one link per pair of nodes, none from a node to itself),
 * then each entity's links to its articles in node order.
 */
function layoutLinks(graph: KnowledgeGraph, index: Map<string, number>): number[] {
  const links: number[] = [];
  const order = graph.order;
  const seen = new Set<number>();
  graph.forEachEdge((_, __, source, target) => {
    if (source === target) return;
    const s = index.get(source)!;
    const t = index.get(target)!;
    const pair = Math.min(s, t) * order + Math.max(s, t);
    if (seen.has(pair)) return;
    seen.add(pair);
    links.push(s, t);
  });
  // no relation joins an entity to an article and an entity's articles are distinct: all new pairs
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "Article") return;
    const s = index.get(node)!;
    for (const article of attrs.articles) {
      const t = index.get(`article:${article}`);
      if (t !== undefined) links.push(s, t);
    }
  });
  return links;
}

function fullLayout(graph: KnowledgeGraph): void {
  const order = graph.order;
  const index = new Map<string, number>();
  const nodes = new Float32Array(order * PPN);
  let i = 0;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i) / order;
    const j = i * PPN;
    nodes[j] = 100 * Math.cos(angle);
    nodes[j + 1] = 100 * Math.sin(angle);
    nodes[j + 6] = 1; // mass: 1 + degree, below
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
    index.set(node, i++);
  });
  const links = layoutLinks(graph, index);
  const edges = new Float32Array((links.length / 2) * PPE);
  for (let e = 0; e < links.length; e += 2) {
    const s = links[e]! * PPN;
    const t = links[e + 1]! * PPN;
    nodes[s + 6]! += 1;
    nodes[t + 6]! += 1;
    const k = (e / 2) * PPE;
    edges[k] = s;
    edges[k + 1] = t;
    edges[k + 2] = 1;
  }
  const settings = settingsFor(order);
  for (let n = iterationsFor(order); n > 0; n--) iterate(settings, nodes, edges);
  i = 0;
  graph.forEachNode((node) => {
    const j = i++ * PPN;
    graph.mergeNodeAttributes(node, { x: round(nodes[j]!), y: round(nodes[j + 1]!) });
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
