// The viewer's side of export: the visible part of the graph, formatted by the same code
// as the command line. PLACEHOLDER until src/export lands.
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import type { Visibility } from "./filters.ts";

export const EXPORT_FORMATS = ["gexf", "graphml", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportedFile {
  text: string;
  fileName: string;
  mime: string;
}

export function exportView(graph: KnowledgeGraph, visibility: Visibility, format: ExportFormat): ExportedFile {
  const view = graph.nullCopy();
  visibility.nodes.forEach((node) => view.addNode(node, graph.getNodeAttributes(node)));
  visibility.edges.forEach((edge) => view.addDirectedEdgeWithKey(edge, graph.source(edge), graph.target(edge), graph.getEdgeAttributes(edge)));
  return { text: JSON.stringify(view.export()), fileName: `diplograph-view.${format}`, mime: "application/json" };
}
