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

const newGraph = (): KnowledgeGraph => new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();

/** How long one slice of the edges' import may hold the page's thread, in milliseconds. */
const SLICE_MS = 25;
/** Edges added between two looks at the clock. */
const EDGES_BETWEEN_CLOCKS = 2_000;

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
      const graph = this.withNodes();
      const view = this.view as ViewGraph;
      const keys = this.edges.keys;
      let start = 0;
      while (start < keys.length) {
        await nextTask();
        // The whole graph may have been made meanwhile (completeNow): that one stays.
        if (this.whole) return this.whole;
        const began = performance.now();
        let end = start;
        do {
          const next = Math.min(keys.length, end + EDGES_BETWEEN_CLOCKS);
          addViewEdges(view, graph, keys, end, next);
          end = next;
        } while (end < keys.length && performance.now() - began < SLICE_MS);
        start = end;
      }
      // The filters' edge sets look keys up through it (edge-set.ts): made now, not on the first hover.
      await nextTask();
      edgeIndex(this.edges);
      this.whole ??= graph;
      return this.whole;
    })();
    return this.building;
  }

  /** A new graph with every node, sharing the attribute objects with `nodes` (positions written on one are the other's). */
  private withNodes(): KnowledgeGraph {
    const graph = newGraph();
    graph.replaceAttributes(this.nodes.getAttributes());
    this.nodes.forEachNode((node, attributes) => graph.addNode(node, attributes));
    return graph;
  }
}

/** Resolves in a task of its own, after the input and rendering the browser has queued (not clamped like nested timeouts). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
