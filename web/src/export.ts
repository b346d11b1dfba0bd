// The viewer's side of export: the filtered view selected and formatted by the very code
// of `diplograph export` (src/export), so a file from the browser matches the command line.
import { renderFiles } from "../../src/export/format.ts";
import { selectSubgraph } from "../../src/export/select.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { toSelection } from "./filters.ts";
import type { ViewFilters } from "./filters.ts";

/** Formats offered as buttons (PNG is drawn from the canvas instead). */
export const VIEW_EXPORT_FORMATS = ["gexf", "graphml", "json"] as const;
export type ViewExportFormat = (typeof VIEW_EXPORT_FORMATS)[number];

export interface ExportedFile {
  text: string;
  fileName: string;
  mime: string;
}

export function exportView(graph: KnowledgeGraph, filters: ViewFilters, format: ViewExportFormat): ExportedFile {
  const view = selectSubgraph(graph, toSelection(filters));
  const [file] = renderFiles(view, format);
  if (!file) throw new Error(`export: nothing rendered for ${format}`);
  return { text: file.text, fileName: `diplograph-view.${format}`, mime: file.mime };
}
