// The viewer's page: loads the graph, keeps the view's state (mirrored in the URL) and
// lays out the canvas, the search, the filters, the node panel, export and Cypher.
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import type Sigma from "sigma";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import type { CypherResult, Neo4jStatus } from "../../src/server/types.ts";
import { fetchHealth } from "./api.ts";
import { CypherConsole } from "./components/CypherConsole.tsx";
import { ExportMenu } from "./components/ExportMenu.tsx";
import { FiltersPanel } from "./components/FiltersPanel.tsx";
import { GraphView } from "./components/GraphView.tsx";
import type { Highlight } from "./components/GraphView.tsx";
import { LayoutToggle } from "./components/LayoutToggle.tsx";
import { NodePanel } from "./components/NodePanel.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { filterCounts, visibleElements } from "./filters.ts";
import type { ViewFilters } from "./filters.ts";
import { legendColors, nodeLooks } from "./graph-data.ts";
import { nameIndex, suggest } from "./search.ts";
import { parseViewState, serializeViewState } from "./url-state.ts";
import type { ViewState } from "./url-state.ts";

type ViewerSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

type LoadState = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; graph: KnowledgeGraph };

/** What tests and the benchmark read from the page. */
export interface ViewerProbe {
  graph: KnowledgeGraph;
  sigma: ViewerSigma | null;
  visibleNodes: ReadonlySet<string>;
  firstRenderMs: number | null;
}

declare global {
  interface Window {
    __diplograph?: ViewerProbe;
  }
}

const SUGGESTION_LIMIT = 8;

/** Blocks until the GPU has drawn what sigma sent it (reading back one pixel forces that). */
function finishDrawing(sigma: ViewerSigma): void {
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = canvas.getContext("webgl2");
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}

/** Nodes and edges of a Cypher result that exist in the loaded graph. */
function cypherHighlightOf(graph: KnowledgeGraph, result: CypherResult | null): Highlight | null {
  if (!result) return null;
  const nodes = new Set(result.subgraph.nodes.filter((key) => graph.hasNode(key)));
  const edges = new Set<string>();
  for (const relationship of result.subgraph.relationships) {
    if (!graph.hasNode(relationship.source) || !graph.hasNode(relationship.target)) continue;
    nodes.add(relationship.source).add(relationship.target);
    graph.forEachDirectedEdge(relationship.source, relationship.target, (edge, attributes) => {
      if (attributes.type === relationship.type) edges.add(edge);
    });
  }
  return nodes.size > 0 ? { nodes, edges } : null;
}

export interface AppProps {
  /** graph.json, requested by main.tsx before the first render (see fetchGraph). */
  graphRequest: Promise<KnowledgeGraph>;
}

export function App({ graphRequest }: AppProps) {
  const [load, setLoad] = useState<LoadState>({ status: "loading" });
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const [neo4j, setNeo4j] = useState<Neo4jStatus | null>(null);
  const [sigma, setSigma] = useState<ViewerSigma | null>(null);
  const [cypherResult, setCypherResult] = useState<CypherResult | null>(null);

  useEffect(() => {
    graphRequest.then(
      (graph) => {
        performance.mark("diplograph:graph-loaded");
        setLoad({ status: "ready", graph });
      },
      (error: unknown) => setLoad({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    fetchHealth().then(
      (health) => setNeo4j(health.neo4j),
      () => setNeo4j({ configured: false, reachable: false, error: "server did not answer /api/health" }),
    );
  }, [graphRequest]);

  // The URL follows the state, so the address bar is always a link to this view.
  useEffect(() => {
    const search = serializeViewState(view);
    if (search !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, [view]);

  const graph = load.status === "ready" ? load.graph : null;
  const looks = useMemo(() => (graph ? nodeLooks(graph) : new Map()), [graph]);
  const legend = useMemo(() => (graph ? legendColors(graph, looks) : new Map()), [graph, looks]);
  const filtered = useMemo(() => {
    if (!graph) return { visibility: { nodes: new Set<string>(), edges: new Set<string>() }, error: null };
    try {
      return { visibility: visibleElements(graph, view.filters), error: null };
    } catch (error) {
      // Contradicting filters (from after to): say so, and show the view without dates.
      const visibility = visibleElements(graph, { ...view.filters, from: null, to: null });
      return { visibility, error: error instanceof Error ? error.message : String(error) };
    }
  }, [graph, view.filters]);
  const visibility = filtered.visibility;
  // The search index (~0.1 s on 10,000 nodes) is not needed to draw: it is built once the
  // browser is idle after the first frame, or at once if a query (from the URL, or typed
  // first) needs it.
  const [indexWanted, setIndexWanted] = useState(false);
  useEffect(() => {
    if (!graph || indexWanted) return;
    const idle = requestIdleCallback(() => setIndexWanted(true), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [graph, indexWanted]);
  const indexNeeded = indexWanted || view.query !== "";
  const index = useMemo(() => (graph && indexNeeded ? nameIndex(graph) : null), [graph, indexNeeded]);
  const counts = useMemo(() => (graph ? filterCounts(graph, visibility) : null), [graph, visibility]);
  const suggestions = useMemo(() => (index && view.query ? suggest(index, view.query, SUGGESTION_LIMIT) : []), [index, view.query]);
  // The canvas follows the query a step behind the suggestions: redrawing a large graph
  // takes longer than a keystroke, and the list is what the reader is waiting for.
  const canvasQuery = useDeferredValue(view.query);
  const searchMatches = useMemo(() => {
    const hits = index && canvasQuery ? suggest(index, canvasQuery, SUGGESTION_LIMIT) : [];
    return hits.length > 0 ? new Set(hits.map((hit) => hit.key)) : null;
  }, [index, canvasQuery]);
  const cypherHighlight = useMemo(() => (graph ? cypherHighlightOf(graph, cypherResult) : null), [graph, cypherResult]);

  const select = useCallback((node: string | null) => setView((state) => ({ ...state, selected: node })), []);
  const setFilters = useCallback((filters: ViewFilters) => setView((state) => ({ ...state, filters })), []);

  // Expose what tests and the benchmark read: the graph, sigma, and the first frame's time.
  useEffect(() => {
    if (!graph) return;
    const probe: ViewerProbe = window.__diplograph ?? { graph, sigma: null, visibleNodes: visibility.nodes, firstRenderMs: null };
    Object.assign(probe, { graph, sigma, visibleNodes: visibility.nodes });
    window.__diplograph = probe;
    if (sigma && probe.firstRenderMs === null) {
      // Sigma drew its first frame when it was created; wait until the GPU has finished it.
      requestAnimationFrame(() => {
        finishDrawing(sigma);
        probe.firstRenderMs ??= performance.now();
      });
    }
  }, [graph, sigma, visibility]);

  if (load.status === "loading") return <div className="splash">Đang tải đồ thị…</div>;
  if (load.status === "error")
    return (
      <div className="splash error" role="alert" data-testid="load-error">
        {load.message}
      </div>
    );

  const ready = load.graph;
  return (
    <div className="app" data-testid="app" data-node-count={ready.order} data-edge-count={ready.size} data-visible-node-count={visibility.nodes.size}>
      <aside className="sidebar">
        <h1>Diplograph</h1>
        <p className="summary">
          {visibility.nodes.size}/{ready.order} nút · {visibility.edges.size}/{ready.size} quan hệ
        </p>
        <SearchBox
          graph={ready}
          query={view.query}
          suggestions={suggestions}
          onQuery={(query) => setView((state) => ({ ...state, query }))}
          onPick={(node) => select(node)}
        />
        {counts && <FiltersPanel graph={ready} filters={view.filters} counts={counts} legend={legend} onChange={setFilters} />}
        {filtered.error && (
          <p className="filter-error" role="alert" data-testid="filter-error">
            {filtered.error}
          </p>
        )}
        <LayoutToggle graph={ready} />
        <ExportMenu graph={ready} filters={view.filters} sigma={sigma} />
      </aside>
      <main className="stage">
        <GraphView
          graph={ready}
          looks={looks}
          visibility={visibility}
          selected={view.selected}
          searchMatches={searchMatches}
          cypherHighlight={cypherHighlight}
          onSelect={select}
          onSigma={setSigma}
        />
        <CypherConsole
          graph={ready}
          status={neo4j}
          query={view.cypher}
          onQuery={(cypher) => setView((state) => ({ ...state, cypher }))}
          onResult={setCypherResult}
        />
      </main>
      {view.selected && <NodePanel graph={ready} node={view.selected} onSelect={select} />}
    </div>
  );
}
