// One entry point over the formats: a graph in, the text of each file out.
import type { KnowledgeGraph } from "../graph/types.ts";
import { formatCsv } from "./csv.ts";
import type { CsvExport, CsvOptions } from "./csv.ts";
import { formatCypher } from "./cypher.ts";
import { formatGexf } from "./gexf.ts";
import { formatGraphml } from "./graphml.ts";
import { formatJson } from "./json.ts";
import type { ExportFormat, RenderedFile } from "./types.ts";

export type SingleFileFormat = Exclude<ExportFormat, "csv">;

export const MIME_TYPES: Record<ExportFormat, string> = {
  gexf: "application/gexf+xml",
  graphml: "application/graphml+xml",
  json: "application/json",
  csv: "text/csv",
  cypher: "application/x-cypher-query",
};

/** File name extension of each format (CSV files end in -nodes.csv and -relationships.csv). */
export const EXTENSIONS: Record<ExportFormat, string> = { gexf: ".gexf", graphml: ".graphml", json: ".json", csv: ".csv", cypher: ".cypher" };

/** The text of a one-file format. */
export function formatGraph(graph: KnowledgeGraph, format: SingleFileFormat): string {
  switch (format) {
    case "gexf":
      return formatGexf(graph);
    case "graphml":
      return formatGraphml(graph);
    case "json":
      return formatJson(graph);
    case "cypher":
      return formatCypher(graph);
  }
}

/** Every file of an export: one for most formats, two for CSV (suffixes -nodes.csv, -relationships.csv). */
export function renderFiles(graph: KnowledgeGraph, format: ExportFormat, csv: CsvOptions = {}): RenderedFile[] {
  if (format === "csv") return csvFiles(formatCsv(graph, csv));
  return [{ suffix: "", mime: MIME_TYPES[format], text: formatGraph(graph, format) }];
}

/** The two files of a CSV export. */
export function csvFiles({ nodes, relationships }: CsvExport): RenderedFile[] {
  return [
    { suffix: "-nodes.csv", mime: MIME_TYPES.csv, text: nodes },
    { suffix: "-relationships.csv", mime: MIME_TYPES.csv, text: relationships },
  ];
}
