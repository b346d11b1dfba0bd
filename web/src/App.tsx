// The viewer's page: loads the graph, keeps the view's state (mirrored in the URL and the
// browser's history) and lays out the canvas, the search, the filters, the communities, the
// timeline, the node and edge panels, export and Cypher.
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type Sigma from "sigma";
import type { EdgeAttributes, EntityKind, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import type { CypherResult, Neo4jStatus } from "../../src/server/types.ts";
import { fetchHealth } from "./api.ts";
import { CommunityLegend } from "./components/CommunityLegend.tsx";
import { CypherConsole } from "./components/CypherConsole.tsx";
import { EdgePanel } from "./components/EdgePanel.tsx";
import type { ArticleSpan } from "./components/EvidenceList.tsx";
import { ExportMenu } from "./components/ExportMenu.tsx";
import { FiltersPanel } from "./components/FiltersPanel.tsx";
import { GraphView } from "./components/GraphView.tsx";
import { LayoutToggle } from "./components/LayoutToggle.tsx";
import { NodePanel } from "./components/NodePanel.tsx";
import { SearchBox } from "./components/SearchBox.tsx";
import { Timeline } from "./components/Timeline.tsx";
import { resultOnView, withRevealed } from "./cypher-result.ts";
import { showDashedEdges } from "./dashed-layer.ts";
import { egoVisibility } from "./ego.ts";
import { frameNodes } from "./frame-nodes.ts";
import { filterCounts, needsWholeGraph, visibleIn } from "./filters.ts";
import type { ViewFilters, Visibility } from "./filters.ts";
import { legendColors, nodeLooks } from "./graph-data.ts";
import type { NodeLook } from "./graph-data.ts";
import type { LoadedGraph } from "./loaded-graph.ts";
import { localized, readableError } from "./messages.ts";
import { useAfterPaint } from "./after-paint.ts";
import { GraphSearch, useSuggestions } from "./search.ts";
import type { Suggestion } from "./search.ts";
import { useClusterView } from "./use-cluster-view.ts";
import { useCommunities } from "./use-communities.ts";
import { NO_DEFAULTS, parseViewState, serializeViewState } from "./url-state.ts";
import type { ViewDefaults, ViewState } from "./url-state.ts";
import { recordView } from "./view-history.ts";

type ViewerSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** `graph`: the whole graph, null while a large graph's edges are added after its first frame (graph-data.ts). */
type LoadState = { status: "loading" } | { status: "error"; name: string; message: string } | { status: "ready"; loaded: LoadedGraph; graph: KnowledgeGraph | null };

/** What tests and the benchmark read from the page. */
export interface ViewerProbe {
  /** The whole graph once built; every node (and no edge) before, in a large graph. */
  graph: KnowledgeGraph;
  sigma: ViewerSigma | null;
  visibleNodes: ReadonlySet<string>;
  firstRenderMs: number | null;
  /** When the whole graph was built (the panels, hover and the ego view need it). */
  completeMs: number | null;
  /** Whether the first frame was drawn with the whole graph built (a small graph, a link that needs it), or before. */
  firstFrameWhole: boolean | null;
}

declare global {
  interface Window {
    __diplograph?: ViewerProbe;
  }
}

interface Filtered {
  visibility: Visibility;
  error: string | null;
}

const NOTHING_FILTERED: Filtered = { visibility: { nodes: new Set(), edges: new Set() }, error: null };
const SUGGESTION_LIMIT = 8;
const NO_SUGGESTIONS: Suggestion[] = [];
/** How long the suggestions stay the same before the canvas dims around them (a pause in typing). */
const SEARCH_DIM_SETTLE_MS = 250;
/** Past this many nodes the graph opens without its article nodes (still searchable). */
const LARGE_GRAPH_NODES = 1_000;

/**
 * Blocks until every layer is drawn: what sigma sent the GPU, and the 2D layers' pending
 * drawing (the bulk of the edges: bulk-edge-layer.ts), which the browser rasterises only when
 * the frame is shown. Reading back one pixel of each forces that.
 */
function finishDrawing(sigma: ViewerSigma): void {
  for (const canvas of Object.values(sigma.getCanvases())) {
    const gl = canvas.getContext("webgl2");
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    else canvas.getContext("2d")?.getImageData(0, 0, 1, 1);
  }
}

function viewDefaults(graph: KnowledgeGraph): ViewDefaults {
  return graph.order > LARGE_GRAPH_NODES ? { hiddenKinds: new Set<EntityKind>(["Article"]) } : NO_DEFAULTS;
}

/**
 * Whether a view opened from a link shows something made from the whole graph (a node's or
 * an edge's panel and neighbourhood, the ego view, communities, date or article filters):
 * then the whole graph is built before the first frame, which is to be the final one.
 */
function opensOnWholeGraph(view: ViewState): boolean {
  return Boolean(view.selected || view.selectedEdge || view.ego || view.communities || needsWholeGraph(view.filters));
}

export interface AppProps {
  /** The view graph, requested by main.tsx before the first render (see fetchGraph). */
  graphRequest: Promise<LoadedGraph>;
}

export function App({ graphRequest }: AppProps) {
  const [load, setLoad] = useState<LoadState>({ status: "loading" });
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const [defaults, setDefaults] = useState<ViewDefaults>(NO_DEFAULTS);
  const [neo4j, setNeo4j] = useState<Neo4jStatus | null>(null);
  const [sigma, setSigma] = useState<ViewerSigma | null>(null);
  const [cypherResult, setCypherResult] = useState<CypherResult | null>(null);
  // A query in the link the page was opened with waits for the reader's yes (CypherConsole).
  const [cypherFromLink] = useState(() => view.cypher.trim() !== "");
  // The search dims the graph while a node is being looked for: from an edit of the query
  // until a node is opened from it (closing that node's panel does not bring the dimming back).
  const [searching, setSearching] = useState(() => !view.selected);
  const [drawer, setDrawer] = useState(false);

  useEffect(() => {
    graphRequest.then(
      (loaded) => {
        performance.mark("diplograph:graph-loaded");
        const graphDefaults = viewDefaults(loaded.nodes);
        setDefaults(graphDefaults);
        // The URL is read again now that the defaults of this graph are known.
        const opened = parseViewState(window.location.search, graphDefaults);
        setView(opened);
        setLoad({ status: "ready", loaded, graph: opensOnWholeGraph(opened) ? loaded.completeNow() : loaded.graph });
      },
      (error: unknown) =>
        setLoad({ status: "error", name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error) }),
    );
    fetchHealth().then(
      (health) => setNeo4j(health.neo4j),
      () => setNeo4j({ configured: false, reachable: false, error: "server did not answer /api/health" }),
    );
  }, [graphRequest]);

  // The URL follows the state, so the address bar is always a link to this view, and each
  // deliberate change is a history entry that Back undoes (view-history.ts).
  const recorded = useRef<ViewState | null>(null);
  const fromHistory = useRef(false);
  useEffect(() => {
    const previous = recorded.current;
    recorded.current = view;
    if (fromHistory.current) {
      fromHistory.current = false;
      return;
    }
    // Typing (search, Cypher) replaces the entry; any other change to the link adds one.
    const apart = (state: ViewState) => serializeViewState({ ...state, query: "", cypher: "" }, defaults);
    recordView(serializeViewState(view, defaults), previous !== null && apart(previous) !== apart(view));
  }, [view, defaults]);
  useEffect(() => {
    const onPop = () => {
      fromHistory.current = true;
      setView(parseViewState(window.location.search, defaults));
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [defaults]);

  const loaded = load.status === "ready" ? load.loaded : null;
  /** The whole graph: null while a large graph's edges are being added after its first frame. */
  const graph = load.status === "ready" ? load.graph : null;
  // After the first frame, the whole graph (graph-data.ts): nothing on screen changes with it.
  useEffect(() => {
    if (!loaded || graph || !sigma) return;
    let live = true;
    // A frame after sigma's first (whose time the probe reads in the frame before).
    const frame = requestAnimationFrame(() => {
      void loaded.complete().then((whole) => {
        if (!live) return;
        performance.mark("diplograph:graph-complete");
        setLoad((state) => (state.status === "ready" && state.loaded === loaded ? { ...state, graph: whole } : state));
      });
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
    };
  }, [loaded, graph, sigma]);
  const looks = useMemo(() => (loaded ? nodeLooks(loaded.nodes, loaded.degrees) : new Map()), [loaded]);
  const legend = useMemo(() => (loaded ? legendColors(loaded.nodes, looks) : new Map()), [loaded, looks]);
  // "From" after "to" selects nothing: the filters say so and the view ignores the dates
  // (and export is off) until one of them is changed.
  const datesContradict = Boolean(view.filters.from && view.filters.to && view.filters.from > view.filters.to);
  const filters = useMemo(() => (datesContradict ? { ...view.filters, from: null, to: null } : view.filters), [view.filters, datesContradict]);
  // Kinds and relation types are read from the edges' columns; dates and articles need the
  // whole graph, and only then is it a dependency (its arrival must not redraw the first frame).
  const wholeForFilters = needsWholeGraph(filters) ? graph : null;
  const lastFiltered = useRef<Filtered>(NOTHING_FILTERED);
  const filtered: Filtered = useMemo(() => {
    if (!loaded) return NOTHING_FILTERED;
    const source = { nodes: loaded.nodes, edges: loaded.edges, whole: wholeForFilters };
    try {
      // Null: a date or article filter set in the moment before the whole graph is built; the view stays as it was until then.
      const visibility = visibleIn(source, filters);
      return visibility ? { visibility, error: datesContradict ? readableError("DateOrderError", "from is after to") : null } : lastFiltered.current;
    } catch (error) {
      const visibility = visibleIn(source, { ...filters, from: null, to: null }) ?? lastFiltered.current.visibility;
      return { visibility, error: readableError(error instanceof Error ? error.name : "Error", String(error)) };
    }
  }, [loaded, wholeForFilters, filters, datesContradict]);
  lastFiltered.current = filtered;
  const ego = view.ego ?? null;
  const visibility: Visibility = useMemo(() => (graph && ego ? egoVisibility(graph, ego, filtered.visibility) : filtered.visibility), [graph, ego, filtered.visibility]);
  // The search index lives in a worker (search.ts), started with the page and holding the
  // server's index of this build. The page takes it over once the browser is idle after the
  // first frame, or at the first query (typed, or `?q=` in the URL); only when the server's
  // index is of another build are the names handed over, then.
  const search = useMemo(() => (loaded ? new GraphSearch(loaded.nodes) : null), [loaded]);
  useEffect(() => () => search?.dispose(), [search]);
  useEffect(() => {
    if (!search || !sigma) return;
    const idle = requestIdleCallback(() => search.prepare(), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, [search, sigma]);
  const counts = useMemo(() => (loaded ? filterCounts(loaded, filtered.visibility) : null), [loaded, filtered.visibility]);
  const suggestions = useSuggestions(search, view.query, SUGGESTION_LIMIT);
  // The canvas dims around the matches once the list shows them and the reader pauses: redrawing
  // a large graph takes longer than a keystroke, and the list is what the reader is waiting for.
  const canvasHits = useAfterPaint(searching ? suggestions : NO_SUGGESTIONS, SEARCH_DIM_SETTLE_MS);
  const searchMatches = useMemo(() => (canvasHits.length > 0 ? new Set(canvasHits.map((hit) => hit.key)) : null), [canvasHits]);
  const cypherView = useMemo(() => (graph ? resultOnView(graph, cypherResult, visibility) : null), [graph, cypherResult, visibility]);
  // Result nodes that the filters hide are drawn while the result is shown.
  const shown = useMemo(() => withRevealed(visibility, cypherView?.revealed ?? new Set()), [visibility, cypherView]);

  // Communities of what is shown, on demand (a worker: use-communities.ts); their colours
  // replace the kinds' while they are on, and a legend entry brings one forward.
  const communityState = useCommunities(graph, visibility, Boolean(view.communities));
  const communityFocus = view.communities?.focus ?? null;
  const shownLooks = useMemo(() => {
    if (communityState.status !== "ready") return looks;
    const { colors } = communityState.communities;
    const recoloured = new Map<string, NodeLook>();
    for (const [node, look] of looks as Map<string, NodeLook>) recoloured.set(node, { size: look.size, color: colors.get(node) ?? look.color });
    return recoloured;
  }, [looks, communityState]);
  const focusedCommunity = communityState.status === "ready" && communityFocus ? (communityState.communities.ranked[communityFocus - 1] ?? null) : null;
  const communityHighlight = useMemo(() => (focusedCommunity ? { nodes: new Set(focusedCommunity.nodes) } : null), [focusedCommunity]);

  const select = useCallback((node: string | null) => {
    setSearching(false);
    setView((state) => {
      // In the ego view a click on a node expands the view around it too.
      const expand = node && state.ego && !state.ego.roots.includes(node) ? { ...state.ego, roots: [...state.ego.roots, node] } : state.ego;
      // Opening a node lets a focused community go: the node's neighbourhood is what to see now.
      const communities = state.communities ? { ...state.communities, focus: null } : state.communities;
      return { ...state, selected: node, selectedEdge: null, highlight: null, ego: expand, communities };
    });
  }, []);
  const selectEdge = useCallback((edge: string) => setView((state) => ({ ...state, selected: null, highlight: null, selectedEdge: edge })), []);
  const openArticle = useCallback(
    (span: ArticleSpan) => setView((state) => ({ ...state, selected: `article:${span.article}`, selectedEdge: null, highlight: { start: span.start, end: span.end } })),
    [],
  );
  const showEgo = useCallback((node: string, depth: 1 | 2) => setView((state) => ({ ...state, selected: node, selectedEdge: null, ego: { roots: [node], depth } })), []);
  const setFilters = useCallback((filters: ViewFilters) => setView((state) => ({ ...state, filters })), []);
  const setRange = useCallback((from: string | null, to: string | null) => setView((state) => ({ ...state, filters: { ...state.filters, from, to } })), []);

  const setCommunities = useCallback((on: boolean) => setView((state) => ({ ...state, communities: on ? { focus: null } : null })), []);
  const focusCommunity = useCallback((rank: number | null) => setView((state) => ({ ...state, communities: { ...state.communities, focus: rank } })), []);
  // Grouping by community colours by community too; colouring off ends both.
  const setClustered = useCallback(
    (on: boolean) => setView((state) => ({ ...state, communities: on ? { focus: state.communities?.focus ?? null, clustered: true } : state.communities && { focus: state.communities.focus } })),
    [],
  );
  const clusterStatus = useClusterView(sigma as unknown as Sigma | null, graph, communityState, Boolean(view.communities?.clustered));

  // The camera frames a focused community, and each new Cypher result (once: not again when a
  // filter changes while it is shown). Effects of the page run after the canvas's own framing.
  useEffect(() => {
    if (sigma && communityHighlight) frameNodes(sigma as unknown as Sigma, communityHighlight.nodes);
  }, [sigma, communityHighlight]);
  const framedResult = useRef<CypherResult | null>(null);
  useEffect(() => {
    if (!sigma || framedResult.current === cypherResult) return;
    framedResult.current = cypherResult;
    const nodes = cypherView?.highlight?.nodes;
    if (nodes && nodes.size > 0) frameNodes(sigma as unknown as Sigma, nodes);
  }, [sigma, cypherResult, cypherView]);
  // Relationships of the result that the view does not draw: dashed, until the result goes.
  const dashed = cypherView?.dashed;
  useEffect(() => {
    if (!sigma || !dashed || dashed.length === 0) return;
    return showDashedEdges(sigma as unknown as Sigma, dashed);
  }, [sigma, dashed]);

  // Escape closes the open panel (and the filter drawer on a small screen).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest(".cypher-editor, .search")) return;
      setDrawer(false);
      setView((state) => (state.selected || state.selectedEdge ? { ...state, selected: null, selectedEdge: null, highlight: null } : state));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Expose what tests and the benchmark read: the graph, sigma, and the first frame's time.
  useEffect(() => {
    if (!loaded) return;
    const shownGraph = graph ?? loaded.nodes;
    const probe: ViewerProbe = window.__diplograph ?? { graph: shownGraph, sigma: null, visibleNodes: visibility.nodes, firstRenderMs: null, completeMs: null, firstFrameWhole: null };
    Object.assign(probe, { graph: shownGraph, sigma, visibleNodes: visibility.nodes });
    if (graph) probe.completeMs ??= performance.now();
    window.__diplograph = probe;
    if (sigma && probe.firstRenderMs === null) {
      probe.firstFrameWhole ??= graph !== null;
      // Sigma drew its first frame when it was created; wait until the GPU has finished it.
      requestAnimationFrame(() => {
        finishDrawing(sigma);
        probe.firstRenderMs ??= performance.now();
      });
    }
  }, [loaded, graph, sigma, visibility]);

  if (load.status === "loading") return <div className="splash">Đang tải đồ thị…</div>;
  if (load.status === "error")
    return (
      <div className="splash error" role="alert" data-testid="load-error" title={load.message}>
        {readableError(load.name, load.message)}
      </div>
    );

  const ready = load.loaded.nodes;
  const edgeCount = load.loaded.edges.keys.length;
  // Export is off while the filters contradict, or keep nothing (an empty file helps no one).
  const exportBlocked = datesContradict ? filtered.error : filtered.visibility.nodes.size === 0 ? readableError("EmptySelectionError", "the filters keep no node") : null;
  const panelOpen = Boolean(view.selected || view.selectedEdge);
  return (
    <div
      className={`app${panelOpen ? " with-panel" : ""}${drawer ? " drawer-open" : ""}`}
      data-testid="app"
      data-node-count={ready.order}
      data-edge-count={edgeCount}
      data-visible-node-count={visibility.nodes.size}
    >
      <button type="button" className="drawer-toggle" aria-expanded={drawer} aria-controls="sidebar" onClick={() => setDrawer((open) => !open)}>
        ☰ Tìm và lọc
      </button>
      <aside className="sidebar" id="sidebar" aria-label="Tìm kiếm và bộ lọc">
        <h1>Diplograph</h1>
        <p className="summary" data-testid="summary" id="graph-summary">
          {visibility.nodes.size}/{ready.order} nút · {visibility.edges.size}/{edgeCount} quan hệ
          {defaults.hiddenKinds.has("Article") && view.filters.hiddenKinds.has("Article") && " · bài báo ẩn (đồ thị lớn; vẫn tìm được)"}
        </p>
        <SearchBox
          graph={ready}
          query={view.query}
          suggestions={suggestions}
          onQuery={(query) => {
            setSearching(true);
            setView((state) => ({ ...state, query }));
          }}
          onPick={(node) => select(node)}
          onPickFirst={() => {
            const query = view.query;
            void search?.search(query, 1).then(([first]) => {
              if (first) select(first.key);
            });
          }}
        />
        {ego && (
          <div className="ego-bar" data-testid="ego-bar" role="status">
            Đang xem lân cận {ego.depth} bước của {ego.roots.length} nút ({visibility.nodes.size} nút). Bấm một nút để mở rộng.
            <button type="button" data-testid="ego-exit" onClick={() => setView((state) => ({ ...state, ego: null }))}>
              Xem toàn bộ đồ thị
            </button>
          </div>
        )}
        <CommunityLegend
          graph={ready}
          state={communityState}
          enabled={Boolean(view.communities)}
          focus={communityFocus}
          clustered={clusterStatus}
          onEnabled={setCommunities}
          onClustered={setClustered}
          onFocus={focusCommunity}
        />
        {counts && <FiltersPanel graph={ready} filters={view.filters} counts={counts} legend={legend} onChange={setFilters} />}
        {filtered.error && (
          <p className="filter-error" role="alert" data-testid="filter-error">
            {filtered.error}
          </p>
        )}
        <LayoutToggle graph={graph} />
        <ExportMenu filters={view.filters} sigma={sigma} blocked={exportBlocked} />
      </aside>
      <main className="stage">
        {/* The canvas is a picture to screen readers; its text alternative is the search, the
            filters' counts and the panels' lists, which the label points to. */}
        <section
          className="graph-area"
          aria-label={localized(
            "Đồ thị (bản vẽ). Nội dung dạng chữ: ô tìm kiếm, bộ lọc và bảng chi tiết của từng nút.",
            "Graph (a drawing). As text: the search, the filters and each node's panel.",
          )}
          aria-describedby="graph-summary"
        >
          <GraphView
            nodes={load.loaded.nodes}
            graph={graph}
            edges={load.loaded.edges}
            looks={shownLooks}
            visibility={shown}
            selected={view.selected}
            selectedEdge={view.selectedEdge ?? null}
            searchMatches={searchMatches}
            // The canvas brings forward one set of elements: a focused community, else the Cypher result.
            cypherHighlight={communityHighlight ?? cypherView?.highlight ?? null}
            onSelect={select}
            onSelectEdge={selectEdge}
            onSigma={setSigma}
          />
        </section>
        <Timeline graph={ready} from={view.filters.from} to={view.filters.to} onRange={setRange} />
        <CypherConsole
          graph={ready}
          status={neo4j}
          query={view.cypher}
          onQuery={(cypher) => setView((state) => ({ ...state, cypher }))}
          onResult={setCypherResult}
          confirmFirst={cypherFromLink}
          dashedCount={cypherView?.dashed.length ?? 0}
        />
      </main>
      {view.selected && (
        <NodePanel
          graph={graph}
          node={view.selected}
          highlight={view.highlight ?? null}
          inEgo={Boolean(ego?.roots.includes(view.selected))}
          onSelect={select}
          onOpenArticle={openArticle}
          onEgo={showEgo}
          onSelectEdge={selectEdge}
        />
      )}
      {!view.selected && view.selectedEdge && <EdgePanel graph={graph} edge={view.selectedEdge} onSelect={select} onOpenArticle={openArticle} />}
    </div>
  );
}
