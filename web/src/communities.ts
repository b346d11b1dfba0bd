// Communities of the shown graph (Louvain, graphology-communities-louvain), coloured on
// demand: pure functions from what is shown to a compact input a worker can take, from that
// input to a community per node, and from those to colours and a legend. The same shown
// graph and seed give the same communities, so a shared link shows the same picture.
import { UndirectedGraph } from "graphology";
import louvainModule from "graphology-communities-louvain";
import type { DetailedLouvainOutput, LouvainOptions } from "graphology-communities-louvain";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { clusterLayout } from "./cluster-layout.ts";
import type { Visibility } from "./filters.ts";

// The package is CommonJS with an ES default in its typings: the default import is the
// function in the bundle and under tsx, but typed as the module object under NodeNext (the
// tests' and scripts' settings). Its `detailed` entry, typed here, is the same in both.
type DetailedLouvain = (graph: UndirectedGraph, options: LouvainOptions) => DetailedLouvainOutput;
const louvain = louvainModule as unknown as { detailed: DetailedLouvain };

/** The seed of Louvain's random walk: fixed, so that every browser finds the same communities. */
export const COMMUNITY_SEED = 12;

/** The shown graph by node index: what is sent to the worker (typed arrays transfer without a copy). */
export interface CommunityInput {
  /** Shown node keys, in the graph's order. */
  nodes: string[];
  /** Ends of each shown edge, as indices into `nodes`. */
  sources: Uint32Array;
  targets: Uint32Array;
  seed: number;
}

/** Louvain's answer by node index. */
export interface CommunityAssignment {
  /** Community id of each node of the input, by index (ids are Louvain's, not ranks). */
  community: Int32Array;
  modularity: number;
  /** Time Louvain took where it ran (ms). */
  ms: number;
}

/** What is shown, as the worker's input. */
export function communityInput(graph: KnowledgeGraph, visibility: Visibility, seed = COMMUNITY_SEED): CommunityInput {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((node) => {
    if (!visibility.nodes.has(node)) return;
    index.set(node, nodes.length);
    nodes.push(node);
  });
  const sources: number[] = [];
  const targets: number[] = [];
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (!visibility.edges.has(edge)) return;
    const from = index.get(source);
    const to = index.get(target);
    if (from === undefined || to === undefined || from === to) return;
    sources.push(from);
    targets.push(to);
  });
  return { nodes, sources: Uint32Array.from(sources), targets: Uint32Array.from(targets), seed };
}

/**
 * Louvain on the shown graph taken as undirected, parallel edges (a minister who attended and
 * chaired the same meeting) adding up as weight. Runs wherever it is called: in the worker
 * in the page, directly in tests.
 */
export function detectCommunities(input: CommunityInput): CommunityAssignment {
  const started = performance.now();
  const graph = new UndirectedGraph();
  for (let i = 0; i < input.nodes.length; i += 1) graph.addNode(String(i));
  for (let i = 0; i < input.sources.length; i += 1) {
    const source = String(input.sources[i]);
    const target = String(input.targets[i]);
    graph.updateEdge(source, target, (attributes) => ({ weight: (Number(attributes.weight) || 0) + 1 }));
  }
  const rng = xoroshiro128plus(input.seed);
  const result = louvain.detailed(graph, { getEdgeWeight: "weight", rng: () => uniformFloat64(rng) });
  const community = new Int32Array(input.nodes.length);
  for (let i = 0; i < input.nodes.length; i += 1) community[i] = result.communities[String(i)] ?? -1;
  return { community, modularity: result.modularity, ms: performance.now() - started };
}

/** A community as the legend shows it. */
export interface Community {
  /** 1 for the largest, then by size (ties: the one whose first node comes first). */
  rank: number;
  color: string;
  /** Its nodes, in the graph's order. */
  nodes: string[];
  /** Its most central members (most links inside the community, then most links shown), at most LEGEND_MEMBERS. */
  central: string[];
}

export interface Communities {
  /** Every community with more than one node, largest first. */
  ranked: Community[];
  /** Colour of each shown node: its community's, or OTHER_COMMUNITY_COLOR. */
  colors: Map<string, string>;
  modularity: number;
  /** The clustered view's positions of the shown nodes (cluster-layout.ts): `nodes[i]` at `positions[2i], [2i+1]`. */
  layout: { nodes: string[]; positions: Float64Array };
}

/**
 * Colours of the largest communities, in rank order: ColorBrewer's Dark2 then the dark half of
 * Paired — none of them a kind's colour (Tableau 10), so a community never reads as a kind.
 */
export const COMMUNITY_PALETTE = [
  "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d",
  "#1f78b4", "#33a02c", "#e31a1c", "#ff7f00", "#6a3d9a", "#b15928",
] as const;
/** Communities past the palette, and nodes with no link in what is shown. */
export const OTHER_COMMUNITY_COLOR = "#b8bec4";
export const LEGEND_MEMBERS = 3;

/** Communities by node index, as the worker sends them back (typed arrays, no keys). */
export interface RankedCommunities {
  /** Members of each community of 2+ nodes, largest first (indices into the input's nodes). */
  members: Uint32Array[];
  /** The central members of each, by index. */
  central: number[][];
  modularity: number;
  /** The clustered view's positions by node index (interleaved x, y), made beside Louvain. */
  layout: Float64Array;
  /** Time Louvain and the ranking took in the worker (ms). */
  ms: number;
  /** Of which the clustered view's layout (ms). */
  layoutMs: number;
}

/**
 * Ranks Louvain's communities by size and finds their central members, by index: the part
 * of the work that can stay in the worker, since it needs no key and no graph.
 */
export function rankAssignment(input: CommunityInput, assignment: CommunityAssignment): RankedCommunities {
  const started = performance.now();
  const byId = new Map<number, number[]>();
  for (let i = 0; i < input.nodes.length; i += 1) {
    const id = assignment.community[i] ?? -1;
    const members = byId.get(id);
    if (members) members.push(i);
    else byId.set(id, [i]);
  }
  const groups = [...byId.values()].filter((members) => members.length > 1);
  // Indices are in the graph's order, so `members[0]` breaks ties the same way everywhere.
  groups.sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));

  // Links inside each community, per node (the measure of a central member), and all links shown.
  const inside = new Uint32Array(input.nodes.length);
  const degree = new Uint32Array(input.nodes.length);
  for (let i = 0; i < input.sources.length; i += 1) {
    const source = input.sources[i] ?? 0;
    const target = input.targets[i] ?? 0;
    degree[source] = (degree[source] ?? 0) + 1;
    degree[target] = (degree[target] ?? 0) + 1;
    if (assignment.community[source] !== assignment.community[target]) continue;
    inside[source] = (inside[source] ?? 0) + 1;
    inside[target] = (inside[target] ?? 0) + 1;
  }
  const central = groups.map((members) =>
    [...members].sort((a, b) => (inside[b] ?? 0) - (inside[a] ?? 0) || (degree[b] ?? 0) - (degree[a] ?? 0) || a - b).slice(0, LEGEND_MEMBERS),
  );
  const members = groups.map((group) => Uint32Array.from(group));
  // The clustered view's positions cost a pass over the edges and a sort per community
  // (bench:communities): made every time, so that switching the view on waits for nothing.
  const layoutStarted = performance.now();
  const layout = clusterLayout({ count: input.nodes.length, sources: input.sources, targets: input.targets, members });
  const layoutMs = performance.now() - layoutStarted;
  return { members, central, modularity: assignment.modularity, layout, ms: assignment.ms + performance.now() - started, layoutMs };
}

/** Louvain and the ranking in one step: what the worker runs. */
export function findCommunities(input: CommunityInput): RankedCommunities {
  return rankAssignment(input, detectCommunities(input));
}

/** The ranked communities with their keys and colours (by rank): what the page shows. */
export function colourCommunities(input: CommunityInput, ranked: RankedCommunities): Communities {
  // Nodes alone (no link in what is shown) are grey too, not left in their kind's colour.
  const colors = new Map<string, string>(input.nodes.map((node) => [node, OTHER_COMMUNITY_COLOR]));
  const key = (i: number) => input.nodes[i] ?? "";
  const communities = ranked.members.map((members, position): Community => {
    const color = COMMUNITY_PALETTE[position] ?? OTHER_COMMUNITY_COLOR;
    const nodes = Array.from(members, key);
    for (const node of nodes) colors.set(node, color);
    return { rank: position + 1, color, nodes, central: (ranked.central[position] ?? []).map(key) };
  });
  return { ranked: communities, colors, modularity: ranked.modularity, layout: { nodes: input.nodes, positions: ranked.layout } };
}
