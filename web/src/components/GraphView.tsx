// The canvas: sigma v3 over the loaded graph. Everything the user does (filters, hover,
// search, selection, Cypher results) reaches it as reducers; the graph is never changed.
import { SigmaContainer, useRegisterEvents, useSigma } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { memo, useEffect, useMemo, useRef, useState } from "react";
import type Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram } from "sigma/rendering";
import type { EdgeProgramType, NodeProgramType } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../../src/graph/types.ts";
import type { Visibility } from "../filters.ts";
import type { NodeLook } from "../graph-data.ts";
import { DIMMED_COLOR, RELATION_COLORS } from "../kinds.ts";
import { NodeDiscProgram } from "../node-program.ts";

/** Elements to bring forward; everything else is dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  /** Edges to show strongly; when absent, edges between highlighted nodes are. */
  edges?: ReadonlySet<string>;
}

type ViewerSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

type ViewerEdgeProgram = EdgeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;
type ViewerNodeProgram = NodeProgramType<NodeAttributes, EdgeAttributes, GraphAttributes>;

// Edges carry their relation in `type`, which sigma also reads as the program's name: the
// reducers pick the program. Arrows cost fill rate; past BULK_EDGES edges the mass is drawn
// as thin lines (first render of 30,000 edges: ~3× faster) and only focused edges as arrows.
const BULK_EDGES = 2_000;
const BASE_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
  nodeProgramClasses: { circle: NodeDiscProgram as unknown as ViewerNodeProgram },
  defaultEdgeType: "arrow",
  edgeProgramClasses: { arrow: EdgeArrowProgram as unknown as ViewerEdgeProgram, line: EdgeLineProgram as unknown as ViewerEdgeProgram },
  renderEdgeLabels: false,
  labelRenderedSizeThreshold: 5,
  labelFont: "system-ui, 'Noto Sans', sans-serif",
  zIndex: true,
  hideEdgesOnMove: false,
};

export interface GraphViewProps {
  graph: KnowledgeGraph;
  looks: Map<string, NodeLook>;
  visibility: Visibility;
  selected: string | null;
  searchMatches: ReadonlySet<string> | null;
  cypherHighlight: Highlight | null;
  onSelect(node: string | null): void;
  onSigma(sigma: ViewerSigma | null): void;
}

/** Everything the reducers read; replaced (never mutated) when the view changes. */
interface DisplayState {
  looks: Map<string, NodeLook>;
  visibility: Visibility;
  selected: string | null;
  hovered: string | null;
  focus: Highlight | null;
}

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
function reducerSettings(graph: KnowledgeGraph, state: { current: DisplayState }): Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> {
  // The reducers build the display data from the few fields sigma reads, not from a copy of
  // every attribute (aliases, articles, evidence…): 40,000 objects at start, every one of
  // them in the same shape.
  const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
    const { looks, visibility, selected, hovered, focus } = state.current;
    const look = looks.get(node);
    const display: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.label,
      size: look?.size ?? data.size,
      color: look?.color ?? data.color,
      hidden: false,
      highlighted: false,
      zIndex: focus ? 1 : 0,
    };
    if (!visibility.nodes.has(node)) {
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
  const bulkType = graph.size > BULK_EDGES ? "line" : "arrow";
  const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
    const { visibility, focus } = state.current;
    const display: Partial<EdgeDisplayData> = { type: bulkType, color: RELATION_COLORS[data.type] ?? data.color, size: 1.5, hidden: false, zIndex: 0 };
    if (!visibility.edges.has(edge)) display.hidden = true;
    else if (focus) {
      const strong = focus.edges ? focus.edges.has(edge) : focus.nodes.has(graph.source(edge)) && focus.nodes.has(graph.target(edge));
      if (strong) {
        display.type = "arrow";
        display.size = 2.5;
        display.zIndex = 1;
      } else display.color = DIMMED_COLOR;
    }
    return display;
  };
  return { ...BASE_SETTINGS, nodeReducer, edgeReducer };
}

// Memoised: the page re-renders when sigma is created or Neo4j answers; the canvas need not.
export const GraphView = memo(function GraphView({ graph, looks, visibility, selected, searchMatches, cypherHighlight, onSelect, onSigma }: GraphViewProps) {
  const [hovered, setHovered] = useState<string | null>(null);

  // What to bring forward, by priority: the hovered neighbourhood, a Cypher result,
  // the selected node's neighbourhood, search matches while looking for one.
  const focus: Highlight | null = useMemo(() => {
    if (hovered && graph.hasNode(hovered)) return { nodes: neighbourhood(graph, hovered, visibility) };
    if (cypherHighlight) return cypherHighlight;
    if (selected && graph.hasNode(selected)) return { nodes: neighbourhood(graph, selected, visibility) };
    if (searchMatches) return { nodes: searchMatches };
    return null;
  }, [graph, hovered, cypherHighlight, searchMatches, selected, visibility]);

  const display = useMemo<DisplayState>(() => ({ looks, visibility, selected, hovered, focus }), [looks, visibility, selected, hovered, focus]);
  const state = useRef(display);
  state.current = display;
  const settings = useMemo(() => reducerSettings(graph, state), [graph]);

  return (
    <SigmaContainer<NodeAttributes, EdgeAttributes, GraphAttributes> graph={graph} settings={settings} className="graph-canvas">
      <GraphBehaviour graph={graph} display={display} selected={selected} onSelect={onSelect} onSigma={onSigma} onHover={setHovered} />
    </SigmaContainer>
  );
});

interface GraphBehaviourProps {
  graph: KnowledgeGraph;
  display: DisplayState;
  selected: string | null;
  onSelect(node: string | null): void;
  onSigma(sigma: ViewerSigma | null): void;
  onHover(node: string | null): void;
}

function GraphBehaviour({ graph, display, selected, onSelect, onSigma, onHover }: GraphBehaviourProps) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const registerEvents = useRegisterEvents<NodeAttributes, EdgeAttributes, GraphAttributes>();

  useEffect(() => {
    onSigma(sigma);
    return () => onSigma(null);
  }, [sigma, onSigma]);

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
      clickStage: () => onSelect(null),
      enterNode: ({ node }) => onHover(node),
      leaveNode: () => onHover(null),
    });
  }, [registerEvents, onSelect, onHover]);

  // The reducers read the new state from their ref; sigma drew the first state itself.
  const drawn = useRef(display);
  useEffect(() => {
    if (drawn.current === display) return;
    drawn.current = display;
    sigma.refresh();
  }, [sigma, display]);

  // Bring the selected node to the middle of the screen (display data are in camera space).
  useEffect(() => {
    if (!selected || !graph.hasNode(selected)) return;
    const position = sigma.getNodeDisplayData(selected);
    if (position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio: 0.6 }, { duration: 300 });
  }, [sigma, graph, selected]);

  return null;
}
