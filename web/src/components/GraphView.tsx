// The canvas: sigma v3 over the loaded graph. Everything the user does (filters, hover,
// search, selection, Cypher results) reaches it as reducers; the graph is never changed.
import { SigmaContainer, useRegisterEvents, useSigma } from "@react-sigma/core";
import "@react-sigma/core/lib/style.css";
import { useEffect, useMemo, useState } from "react";
import type Sigma from "sigma";
import { EdgeArrowProgram } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { RELATION_TYPES } from "../../../src/graph/types.ts";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../../src/graph/types.ts";
import type { Visibility } from "../filters.ts";
import type { NodeLook } from "../graph-data.ts";
import { DIMMED_COLOR, RELATION_COLORS } from "../kinds.ts";

/** Elements to bring forward; everything else is dimmed. */
export interface Highlight {
  nodes: ReadonlySet<string>;
  /** Edges to show strongly; when absent, edges between highlighted nodes are. */
  edges?: ReadonlySet<string>;
}

type ViewerSigma = Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;

// Edges carry their relation in `type`, which sigma also reads as the program's name:
// every relation type is drawn as an arrow.
const SIGMA_SETTINGS: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
  defaultEdgeType: "arrow",
  edgeProgramClasses: Object.fromEntries([["arrow", EdgeArrowProgram], ...RELATION_TYPES.map((type) => [type, EdgeArrowProgram])]),
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

export function GraphView(props: GraphViewProps) {
  return (
    <SigmaContainer<NodeAttributes, EdgeAttributes, GraphAttributes> graph={props.graph} settings={SIGMA_SETTINGS} className="graph-canvas">
      <GraphBehaviour {...props} />
    </SigmaContainer>
  );
}

function neighbourhood(graph: KnowledgeGraph, node: string, visibility: Visibility): Set<string> {
  const nodes = new Set([node]);
  graph.forEachNeighbor(node, (neighbour) => {
    if (visibility.nodes.has(neighbour)) nodes.add(neighbour);
  });
  return nodes;
}

function GraphBehaviour({ graph, looks, visibility, selected, searchMatches, cypherHighlight, onSelect, onSigma }: GraphViewProps) {
  const sigma = useSigma<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const registerEvents = useRegisterEvents<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const [hovered, setHovered] = useState<string | null>(null);

  useEffect(() => {
    onSigma(sigma);
    return () => onSigma(null);
  }, [sigma, onSigma]);

  // The canvas changes size when the node panel opens or closes, not only with the window.
  useEffect(() => {
    const observer = new ResizeObserver(() => sigma.refresh());
    observer.observe(sigma.getContainer());
    return () => observer.disconnect();
  }, [sigma]);

  useEffect(() => {
    registerEvents({
      clickNode: ({ node }) => onSelect(node),
      clickStage: () => onSelect(null),
      enterNode: ({ node }) => setHovered(node),
      leaveNode: () => setHovered(null),
    });
  }, [registerEvents, onSelect]);

  // What to bring forward, by priority: the hovered neighbourhood, a Cypher result,
  // the selected node's neighbourhood, search matches while looking for one.
  const focus: Highlight | null = useMemo(() => {
    if (hovered && graph.hasNode(hovered)) return { nodes: neighbourhood(graph, hovered, visibility) };
    if (cypherHighlight) return cypherHighlight;
    if (selected && graph.hasNode(selected)) return { nodes: neighbourhood(graph, selected, visibility) };
    if (searchMatches) return { nodes: searchMatches };
    return null;
  }, [graph, hovered, cypherHighlight, searchMatches, selected, visibility]);

  useEffect(() => {
    const nodeReducer = (node: string, data: NodeAttributes): Partial<NodeDisplayData> => {
      const look = looks.get(node);
      const display: Partial<NodeDisplayData> = { ...data, size: look?.size ?? data.size, color: look?.color ?? data.color };
      if (!visibility.nodes.has(node)) return { ...display, hidden: true };
      if (node === selected || node === hovered) return { ...display, highlighted: true, zIndex: 2 };
      if (focus && !focus.nodes.has(node)) return { ...display, color: DIMMED_COLOR, label: null, zIndex: 0 };
      return { ...display, zIndex: focus ? 1 : 0 };
    };
    const edgeReducer = (edge: string, data: EdgeAttributes): Partial<EdgeDisplayData> => {
      const display: Partial<EdgeDisplayData> = { ...data, type: "arrow", color: RELATION_COLORS[data.type] ?? data.color, size: 1.5 };
      if (!visibility.edges.has(edge)) return { ...display, hidden: true };
      if (!focus) return display;
      const strong = focus.edges ? focus.edges.has(edge) : focus.nodes.has(graph.source(edge)) && focus.nodes.has(graph.target(edge));
      return strong ? { ...display, size: 2.5, zIndex: 1 } : { ...display, color: DIMMED_COLOR, zIndex: 0 };
    };
    sigma.setSettings({ nodeReducer, edgeReducer });
  }, [sigma, graph, looks, visibility, selected, hovered, focus]);

  // Bring the selected node to the middle of the screen.
  useEffect(() => {
    if (!selected || !graph.hasNode(selected)) return;
    // Display data hold framed (camera) coordinates only once sigma has processed the graph.
    sigma.refresh();
    const position = sigma.getNodeDisplayData(selected);
    if (position) void sigma.getCamera().animate({ x: position.x, y: position.y, ratio: 0.6 }, { duration: 300 });
  }, [sigma, graph, selected]);

  return null;
}
