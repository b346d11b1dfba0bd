// The graph the page loaded (fetched by graph-data.ts): in a large graph, first its nodes and
// its edges by column — all the first frame needs — and the whole graphology graph after it.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import { addViewEdges, readViewNodes, viewEdgeKeys } from "../../src/server/view-graph.ts";
import type { ViewGraph } from "../../src/server/view-graph.ts";
import { BULK_EDGES } from "./drawn-graph.ts";
import { degrees, edgeColumnsOf, viewEdgeColumns } from "./edge-columns.ts";
import type { EdgeColumns } from "./edge-columns.ts";
import { edgeIndex } from "./edge-set.ts";
import { inputQuiet } from "./input-quiet.ts";

const newGraph = (): KnowledgeGraph => new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();

/**
 * How long one slice of the whole graph's build may hold the page's thread, in milliseconds. A
 * search answered meanwhile takes several hops on that thread (the input, the worker's
 * partial and final answers, React's renders), each of which may wait for a slice to end:
 * with 25 ms slices the first query after the first frame took 122–127 ms (docs/benchmarks.md).
 */
const SLICE_MS = 8;
/** Edges, and nodes, added between two looks at the clock. */
const EDGES_BETWEEN_CLOCKS = 2_000;
const NODES_BETWEEN_CLOCKS = 2_000;

/**
 * The graph the page loaded. In a large graph (past BULK_EDGES edges) the first frame is drawn
 * before graphology holds the edges: sigma draws the nodes, the bulk edge layer every edge
 * from their columns, the filters and node sizes read the columns too. The whole graph — the
 * same node attribute objects, and the edges — is built after that frame (`complete`), in
 * slices between which the page answers input; what needs it (panels, hover, the ego view,
 * date filters, communities, ForceAtlas2) waits for it. A small graph is whole at once.
 */
export class LoadedGraph {
  private whole: KnowledgeGraph | null = null;
  private building: Promise<KnowledgeGraph> | null = null;

  private constructor(
    /** Every node, no edge but those sigma draws in focus (drawn-graph.ts); the whole graph in a small one. */
    readonly nodes: KnowledgeGraph,
    readonly edges: EdgeColumns,
    /** Each node's degree, by node index. */
    readonly degrees: Uint32Array,
    private readonly view: ViewGraph | null,
  ) {
    if (!view) this.whole = nodes;
  }

  /**
   * Reads a view graph: at once whole up to `wholeUpTo` edges (the bulk layer's threshold: below
   * it sigma draws the edges itself), else the nodes and the edges' columns. Throws ViewGraphFormatError.
   */
  static read(view: ViewGraph, wholeUpTo: number = BULK_EDGES): LoadedGraph {
    const keys = viewEdgeKeys(view);
    const nodes = readViewNodes(view, newGraph());
    if (keys.length <= wholeUpTo) {
      addViewEdges(view, nodes, keys);
      const edges = edgeColumnsOf(nodes);
      return new LoadedGraph(nodes, edges, degrees(edges), null);
    }
    const edges = viewEdgeColumns(view, keys);
    return new LoadedGraph(nodes, edges, degrees(edges), view);
  }

  /** A graph already built whole (tests, tools). */
  static of(graph: KnowledgeGraph): LoadedGraph {
    const edges = edgeColumnsOf(graph);
    return new LoadedGraph(graph, edges, degrees(edges), null);
  }

  /** The whole graph, or null until it is built. */
  get graph(): KnowledgeGraph | null {
    return this.whole;
  }

  /** The whole graph, built now in one go if it is not yet (a link that opens a node needs it for its first frame). */
  completeNow(): KnowledgeGraph {
    if (this.whole) return this.whole;
    const graph = this.withNodes();
    const view = this.view as ViewGraph;
    addViewEdges(view, graph, this.edges.keys);
    edgeIndex(this.edges);
    this.whole = graph;
    return graph;
  }

  /** The whole graph, built in slices of SLICE_MS, yielding to the page's tasks in between. */
  complete(): Promise<KnowledgeGraph> {
    if (this.whole) return Promise.resolve(this.whole);
    this.building ??= (async () => {
      // The whole graph may be made meanwhile (completeNow): that one stays.
      const madeMeanwhile = () => this.whole !== null;
      const graph = this.withNodes(0);
      const nodes = this.nodes.nodes();
      const addNodes = (from: number, to: number) => this.copyNodes(graph, nodes, from, to);
      const view = this.view as ViewGraph;
      const keys = this.edges.keys;
      const addEdges = (from: number, to: number) => addViewEdges(view, graph, keys, from, to);
      const built = (await inSlices(nodes.length, NODES_BETWEEN_CLOCKS, addNodes, madeMeanwhile)) && (await inSlices(keys.length, EDGES_BETWEEN_CLOCKS, addEdges, madeMeanwhile));
      if (!built) return this.whole ?? graph;
      // The filters' edge sets look keys up through it (edge-set.ts): made now, not on the first hover.
      await nextTask();
      edgeIndex(this.edges);
      this.whole ??= graph;
      return this.whole;
    })();
    return this.building;
  }

  /**
   * A new graph with the graph's attributes and the first `count` nodes (all by default),
   * sharing the attribute objects with `nodes` (positions written on one are the other's).
   */
  private withNodes(count = this.nodes.order): KnowledgeGraph {
    const graph = newGraph();
    graph.replaceAttributes(this.nodes.getAttributes());
    if (count > 0) this.copyNodes(graph, this.nodes.nodes(), 0, count);
    return graph;
  }

  private copyNodes(graph: KnowledgeGraph, nodes: readonly string[], from: number, to: number): void {
    for (let i = from; i < to; i += 1) {
      const node = nodes[i] as string;
      graph.addNode(node, this.nodes.getNodeAttributes(node));
    }
  }
}

/**
 * Runs `work(from, to)` over [0, count) in ranges of `step`, in slices of about SLICE_MS, each
 * in a task of its own; false when `stop` says so before a slice.
 */
async function inSlices(count: number, step: number, work: (from: number, to: number) => void, stop: () => boolean): Promise<boolean> {
  let start = 0;
  while (start < count) {
    await nextTask();
    // A reader typing meanwhile gets the thread and the cores until a pause (input-quiet.ts).
    await inputQuiet();
    if (stop()) return false;
    const began = performance.now();
    let end = start;
    do {
      const next = Math.min(count, end + step);
      work(end, next);
      end = next;
    } while (end < count && performance.now() - began < SLICE_MS);
    start = end;
  }
  return true;
}

/** The Prioritized Task Scheduling API where the browser has it (Chromium; not yet in TypeScript's DOM types). */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: "background" }): Promise<void>;
}

/**
 * Resolves in a task of its own, after the input and rendering the browser has queued (not
 * clamped like nested timeouts): at background priority where the browser can say so, so
 * that the worker's answers and React's renders go before the next slice.
 */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask === "function") return scheduler.postTask(() => undefined, { priority: "background" });
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
