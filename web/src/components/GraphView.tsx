// The canvas: sigma v3 over the loaded graph. Everything the user does (filters, hover,
// search, selection, Cypher results) reaches it as reducers; the graph is never changed.
import { SigmaContainer, useRegisterEvents, useSigma } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { fitViewportToNodes } from "@sigma/utils";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type Sigma from "sigma";
import { EdgeArrowProgram } from "sigma/rendering";
import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../../src/graph/types.ts";
import { BulkEdgeLayer } from "../bulk-edge-layer.ts";
import type { BulkLook } from "../bulk-edge-layer.ts";
import { BULK_EDGES, drawnSubgraph, focusEdges, splitFocus, syncEdges } from "../drawn-graph.ts";
import type { Focus, FocusSplit } from "../drawn-graph.ts";
import type { EdgeColumns } from "../edge-columns.ts";
import { edgeTable } from "../edge-table.ts";
import type { EdgeTable } from "../edge-table.ts";
import type { Visibility } from "../filters.ts";
import type { NodeLook } from "../graph-data.ts";
import { edgeAtPoint } from "../edge-picker.ts";
import { DIMMED_COLOR, PALE_RELATION_COLORS, RELATION_COLORS } from "../kinds.ts";
import { LabelPlacer } from "../label-placer.ts";
import { NodeDiscProgram } from "../node-program.ts";
import { CameraControls } from "./CameraControls.tsx";

/** Elements to bring forward; everything else is dimmed. */
export type Highlight = Focus;

type ViewerSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

type ViewerEdgeProgram = EdgeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;
type ViewerNodeProgram = NodeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;

// Edges carry their relation in `type`, which sigma also reads as the program's name: the
// reducers pick the program. Arrows cost fill rate; past BULK_EDGES edges (drawn-graph.ts)
// the mass is drawn as pale lines by the bulk edge layer, and sigma draws only the edges in
// focus, as arrows.
// Past this many edges, panning and zooming (and the camera's animations) draw the nodes
// alone: each frame of 100,000 edges costs ≈ 0.5 s of a software GPU.
const STILL_EDGES = 20_000;
const BULK_LOOK: BulkLook = { pale: PALE_RELATION_COLORS, strong: new Map(Object.entries(RELATION_COLORS)), dimmed: DIMMED_COLOR };
// Forced labels beyond this many (a Cypher result of 1,000 nodes) are left to the grid.
const MAX_FORCED_LABELS = 40;
const BASE_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
  nodeProgramClasses: { circle: NodeDiscProgram as unknown as ViewerNodeProgram },
  defaultEdgeType: "arrow",
  edgeProgramClasses: { arrow: EdgeArrowProgram as unknown as ViewerEdgeProgram },
  renderEdgeLabels: false,
  // Labels: candidates from sigma's grid (one per 140 px cell, big nodes first), then only
  // those that do not overlap another (LabelPlacer).
  labelRenderedSizeThreshold: 3,
  labelDensity: 1,
  labelGridCellSize: 140,
  labelSize: 13,
  labelFont: "system-ui, 'Noto Sans', sans-serif",
  zIndex: true,
  hideEdgesOnMove: false,
  minCameraRatio: 0.02,
  maxCameraRatio: 4,
};

export interface GraphViewProps {
  /**
   * Every node (graph-data.ts LoadedGraph): in a large graph one without edges, which is
   * sigma's and to which the edges in focus are given; in a small one the whole graph.
   */
  nodes: KnowledgeGraph;
  /** The whole graph, or null while a large graph's edges are being added after its first frame. */
  graph: KnowledgeGraph | null;
  /** Every edge by column: the bulk edge layer's (a large graph's first frame has no other). */
  edges: EdgeColumns;
  looks: Map<string, NodeLook>;
  visibility: Visibility;
  selected: string | null;
  selectedEdge: string | null;
  searchMatches: ReadonlySet<string> | null;
  cypherHighlight: Highlight | null;
  onSelect(node: string | null): void;
  onSelectEdge(edge: string): void;
  onSigma(sigma: ViewerSigma | null): void;
}

/** Everything the reducers read; replaced (never mutated) when the view changes. */
interface DisplayState {
  /** Sigma's graph (drawn-graph.ts): every node or a small part, with every edge or (`split`) those in focus. */
  drawn: KnowledgeGraph;
  /** Past BULK_EDGES edges: the edges in focus, split between sigma's arrows and the bulk layer. */
  split: FocusSplit | null;
  looks: Map<string, NodeLook>;
  visibility: Visibility;
  selected: string | null;
  selectedEdge: string | null;
  hovered: string | null;
  focus: Highlight | null;
  /** Nodes whose label shows whatever the density: selected, hovered, results. */
  forced: ReadonlySet<string>;
}

const NO_SPLIT: FocusSplit = { arrows: new Set(), lines: null };

function neighbourhood(graph: KnowledgeGraph, node: string, visibility: Visibility): Set<string> {
  const nodes = new Set([node]);
  graph.forEachNeighbor(node, (neighbour) => {
    if (visibility.nodes.has(neighbour)) nodes.add(neighbour);
  });
  return nodes;
}

/**
 * Reducers that read the current display state from a ref: sigma is created once with
 * them, so its first frame is already the right one, and a change costs one refresh.
 */
function reducerSettings(edgeCount: number, state: { current: DisplayState }, placer: LabelPlacer): Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> {
  // The reducers build the display data from the few fields sigma reads, not from a copy of
  // every attribute (aliases, articles, evidence…): 40,000 objects at start, every one of
  // them in the same shape.
  const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
    const { looks, visibility, selected, hovered, focus, forced } = state.current;
    const look = looks.get(node);
    const display: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: look?.size ?? data.size,
      color: look?.color ?? data.color,
      hidden: false,
      highlighted: false,
      forceLabel: forced.has(node),
      zIndex: focus ? 1 : 0,
    };
    // The selected node shows even when a filter hides its kind (an article opened from the search).
    if (!visibility.nodes.has(node) && node !== selected) {
      display.hidden = true;
      display.zIndex = 0;
    } else if (node === selected || node === hovered) {
      display.highlighted = true;
      display.zIndex = 2;
    } else if (focus && !focus.nodes.has(node)) {
      display.color = DIMMED_COLOR;
      display.label = null;
      display.zIndex = 0;
    }
    return display;
  };
  // In a large graph sigma holds only the edges in focus (the same rule: focusEdges).
  const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    const { drawn, visibility, focus, selectedEdge } = state.current;
    const display: Partial<EdgeDisplayData> = { type: "arrow", color: RELATION_COLORS[data.type] ?? data.color, size: 1.5, hidden: false, zIndex: 0 };
    if (!visibility.edges.has(edge)) display.hidden = true;
    else if (edge === selectedEdge) {
      display.size = 4;
      display.zIndex = 2;
    } else if (focus) {
      const strong = focus.edges ? focus.edges.has(edge) : focus.nodes.has(drawn.source(edge)) && focus.nodes.has(drawn.target(edge));
      if (strong) {
        display.size = 2.5;
        display.zIndex = 1;
      } else display.color = DIMMED_COLOR;
    }
    return display;
  };
  return { ...BASE_SETTINGS, hideEdgesOnMove: edgeCount > STILL_EDGES, nodeReducer, edgeReducer, defaultDrawNodeLabel: placer.drawLabel };
}

/** Whether the nodes span at least 85 % of the whole graph's extent in both directions. */
function framesMostOfGraph(graph: KnowledgeGraph, nodes: ReadonlySet<string>): boolean {
  if (nodes.size === graph.order) return true;
  const all = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
  const shown = { ...all };
  graph.forEachNode((node, attributes) => {
    const [x, y] = [attributes.x ?? 0, attributes.y ?? 0];
    for (const box of nodes.has(node) ? [all, shown] : [all]) {
      box.minX = Math.min(box.minX, x);
      box.maxX = Math.max(box.maxX, x);
      box.minY = Math.min(box.minY, y);
      box.maxY = Math.max(box.maxY, y);
    }
  });
  const share = (low: number, high: number, fullLow: number, fullHigh: number) => (fullHigh > fullLow ? (high - low) / (fullHigh - fullLow) : 1);
  return share(shown.minX, shown.maxX, all.minX, all.maxX) >= 0.85 && share(shown.minY, shown.maxY, all.minY, all.maxY) >= 0.85;
}

function forcedLabels(selected: string | null, hovered: string | null, focus: Highlight | null): Set<string> {
  const forced = new Set<string>();
  if (selected) forced.add(selected);
  if (hovered) forced.add(hovered);
  if (focus && focus.nodes.size <= MAX_FORCED_LABELS) for (const node of focus.nodes) forced.add(node);
  return forced;
}

// Memoised: the page re-renders when sigma is created or Neo4j answers; the canvas need not.
export const GraphView = memo(function GraphView(props: GraphViewProps) {
  const { nodes, graph, edges, looks, visibility, selected, selectedEdge, searchMatches, cypherHighlight } = props;
  const [hovered, setHovered] = useState<string | null>(null);

  // What to bring forward, by priority: the hovered neighbourhood, a Cypher result,
  // the selected node's neighbourhood, search matches while looking for one. Neighbourhoods
  // wait for the whole graph.
  const focus: Highlight | null = useMemo(() => {
    if (hovered && graph?.hasNode(hovered)) return { nodes: neighbourhood(graph, hovered, visibility) };
    if (cypherHighlight) return cypherHighlight;
    if (selected && graph?.hasNode(selected)) return { nodes: neighbourhood(graph, selected, visibility) };
    if (searchMatches) return { nodes: searchMatches };
    return null;
  }, [graph, hovered, cypherHighlight, searchMatches, selected, visibility]);
  // Results and search matches are labelled; a selected node's whole neighbourhood is too when small.
  const forced = useMemo(() => forcedLabels(selected, hovered, focus), [selected, hovered, focus]);
  // Rebuilt when the selection matters to it: a selected node that the filters hide.
  const selectedHidden = selected && !visibility.nodes.has(selected) ? selected : null;
  // Past BULK_EDGES edges the bulk edge layer draws the edges from this table, and sigma's
  // graph is the nodes with the edges in focus only (drawn-graph.ts).
  const table = useMemo(() => (edges.keys.length > BULK_EDGES ? edgeTable(edges) : null), [edges]);
  const split = useMemo(() => {
    if (!table) return null;
    // Nothing in focus (the first frame): the same value whatever the whole graph, so that its arrival redraws nothing.
    if (!focus && !selectedEdge) return NO_SPLIT;
    return splitFocus(graph ? focusEdges(graph, visibility, focus, selectedEdge) : new Set<string>(), selectedEdge);
  }, [table, graph, visibility, focus, selectedEdge]);
  // `nodes` is the whole graph in a small one, and a large one's part has no edges.
  const part = useMemo(() => drawnSubgraph(nodes, visibility, selectedHidden, !table), [nodes, visibility, selectedHidden, table]);
  const drawn = part ?? nodes;
  // Sigma is made with the graph of its first frame (the part shown, in a large graph that
  // hides its articles), holding the edges in focus then (a link that opens a node): that
  // frame is the final one. Later graphs and edges are given to it before each refresh
  // (GraphBehaviour): a new graph here would make a new sigma.
  const firstDrawn = useRef<KnowledgeGraph | null>(null);
  if (firstDrawn.current === null) {
    if (split && graph) syncEdges(drawn, graph, split.arrows);
    firstDrawn.current = drawn;
  }

  const display = useMemo<DisplayState>(
    () => ({ drawn, split, looks, visibility, selected, selectedEdge, hovered, focus, forced }),
    [drawn, split, looks, visibility, selected, selectedEdge, hovered, focus, forced],
  );
  const state = useRef(display);
  state.current = display;
  const placer = useMemo(() => new LabelPlacer(), []);
  const settings = useMemo(() => reducerSettings(edges.keys.length, state, placer), [edges, placer]);

  return (
    <SigmaContainer<NodeAttributes, EdgeAttributes, GraphAttributes> graph={firstDrawn.current} settings={settings} className="graph-canvas">
      <GraphBehaviour {...props} display={display} table={table} placer={placer} state={state} onHover={setHovered} />
      <CameraControls visibility={visibility} />
    </SigmaContainer>
  );
});

interface GraphBehaviourProps extends GraphViewProps {
  display: DisplayState;
  table: EdgeTable | null;
  state: { current: DisplayState };
  placer: LabelPlacer;
  onHover(node: string | null): void;
}

function GraphBehaviour({ nodes, graph, display, table, state, placer, visibility, selected, onSelect, onSelectEdge, onSigma, onHover }: GraphBehaviourProps) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const registerEvents = useRegisterEvents<NodeAttributes, EdgeAttributes, GraphAttributes>();

  useEffect(() => {
    // Sigma has indexed the graph and sent its first frame to the GPU (read by the benchmark:
    // what follows until the first frame is shown is the GPU's drawing).
    if (performance.getEntriesByName("diplograph:sigma-created").length === 0) performance.mark("diplograph:sigma-created");
    onSigma(sigma);
    return () => onSigma(null);
  }, [sigma, onSigma]);

  useEffect(() => {
    const detach = placer.attach(sigma as unknown as Sigma, () => state.current.forced);
    return detach;
  }, [sigma, placer, state]);

  // The bulk of a large graph's edges, drawn under sigma's (bulk-edge-layer.ts).
  const bulk = useRef<BulkEdgeLayer | null>(null);
  useEffect(() => {
    if (!table) return;
    const layer = new BulkEdgeLayer(sigma as unknown as Sigma, nodes, table, BULK_LOOK);
    bulk.current = layer;
    // Sigma drew its first frame when it was made: the layer's comes now, in the same task.
    layer.show(state.current.visibility.edges, state.current.focus !== null, state.current.split?.lines ?? null);
    layer.draw();
    return () => {
      layer.kill();
      bulk.current = null;
    };
  }, [sigma, nodes, table, state]);

  // Positions written on the loaded graph (ForceAtlas2) reach sigma through its graph's events;
  // when sigma draws another graph (drawn-graph.ts), which shares the attribute objects, it is told here.
  useEffect(() => {
    if (!graph) return;
    const forward = () => {
      if (sigma.getGraph() !== graph) sigma.scheduleRefresh();
    };
    graph.on("eachNodeAttributesUpdated", forward);
    return () => {
      graph.removeListener("eachNodeAttributesUpdated", forward);
    };
  }, [sigma, graph]);

  // The canvas changes size when the node panel opens or closes, not only with the window.
  useEffect(() => {
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = sigma.getDimensions();
      if (entry && (Math.round(entry.contentRect.width) !== width || Math.round(entry.contentRect.height) !== height)) sigma.refresh();
    });
    observer.observe(sigma.getContainer());
    return () => observer.disconnect();
  }, [sigma]);

  useEffect(() => {
    registerEvents({
      clickNode: ({ node }) => onSelect(node),
      // A click off the nodes may be on an edge (edge-picker.ts: sigma's own edge picking is
      // off); in a large graph the bulk layer holds every edge shown, those in focus too.
      clickStage: ({ event }) => {
        const edge = bulk.current ? bulk.current.edgeAt(event.x, event.y) : edgeAtPoint(sigma, event.x, event.y);
        if (edge) onSelectEdge(edge);
        else onSelect(null);
      },
      enterNode: ({ node }) => onHover(node),
      leaveNode: () => onHover(null),
    });
  }, [registerEvents, sigma, onSelect, onSelectEdge, onHover]);

  // The reducers read the new state from their ref; sigma drew the first state itself. A
  // small view of a large graph is drawn as a graph of its own (setGraph refreshes with it);
  // the edges in focus are given to sigma's graph here, just before the one refresh (each
  // change to a graph sigma draws schedules a frame, which the refresh replaces); the bulk
  // layer redraws after sigma's frame.
  const drawn = useRef(display);
  useEffect(() => {
    const target = display.drawn;
    if (drawn.current === display && sigma.getGraph() === target) return;
    drawn.current = display;
    if (display.split) syncEdges(target, graph ?? nodes, display.split.arrows);
    bulk.current?.show(display.visibility.edges, display.focus !== null, display.split?.lines ?? null);
    if (sigma.getGraph() !== target) sigma.setGraph(target);
    else sigma.refresh();
  }, [sigma, graph, nodes, display]);

  // The camera frames what is shown: at start (a large graph opens without its articles)
  // and whenever the filters or the ego view change what that is.
  const framed = useRef<Visibility | null>(null);
  useEffect(() => {
    if (framed.current === visibility) return;
    const first = framed.current === null;
    framed.current = visibility;
    if (visibility.nodes.size === 0) return;
    // Sigma's first frame (drawn when it was made) frames the whole graph; refitting costs a
    // second full frame, worth it only when what is shown covers clearly less than that.
    if (first && framesMostOfGraph(nodes, visibility.nodes)) return;
    void fitViewportToNodes(sigma as unknown as Sigma, [...visibility.nodes], { animate: !first });
  }, [sigma, nodes, visibility]);

  // Bring the selected node into view when it is off screen (display data are in camera
  // space). A node already in sight stays where it is, so the framing of an ego view or of
  // a filter, just set above, is kept.
  useEffect(() => {
    if (!selected || !nodes.hasNode(selected)) return;
    const position = sigma.getNodeDisplayData(selected);
    if (!position) return;
    const { x, y } = sigma.framedGraphToViewport(position);
    const { width, height } = sigma.getDimensions();
    const margin = 40;
    if (x > margin && x < width - margin && y > margin && y < height - margin) return;
    void sigma.getCamera().animate({ x: position.x, y: position.y }, { duration: 300 });
  }, [sigma, nodes, selected]);

  return null;
}
