// CSV for spreadsheets and `neo4j-admin database import`: a nodes file and a relationships
// file whose headers carry neo4j-admin's types (`key:ID`, `:LABEL`, `aliases:string[]`,
// `:START_ID`, `:END_ID`, `:TYPE`, `confidence:double` …). Quoting by csv-stringify. Text cells
// that a spreadsheet would run as a formula get a leading `'` unless the file is for neo4j-admin.
import { stringify } from "csv-stringify/sync";
import type { KnowledgeGraph } from "../graph/types.ts";
import { guardFormula } from "./csv-formula.ts";
import { ExportFormatError } from "./errors.ts";
import { columnsOf, conform, flatEdge, flatNode } from "./properties.ts";
import type { Column, FlatRecord, FlatValue, ValueType } from "./properties.ts";

/** Tried in order: the first that no list item contains separates list items. */
export const ARRAY_DELIMITERS = ["|", ";", "¦", "\u001f"] as const;

const ADMIN_TYPE: Record<ValueType, string> = { string: "string", int: "long", double: "double", boolean: "boolean" };

export interface CsvExport {
  nodes: string;
  relationships: string;
  /** What separates list items (pass it to neo4j-admin as --array-delimiter). */
  arrayDelimiter: string;
}

export interface CsvOptions {
  /** A fixed delimiter; ExportFormatError when a list item contains it. Default: the first of ARRAY_DELIMITERS the data allows. */
  arrayDelimiter?: string;
  /**
   * For `neo4j-admin database import` (or LOAD CSV): every cell exactly as the data has it.
   * Default false: text cells starting with `= + - @`, tab or CR get a leading `'` (see csv-formula.ts),
   * since a spreadsheet would run them. Numbers in numeric columns are never touched (`-3.5` is no formula).
   */
  neo4jAdmin?: boolean;
}

const header = (column: Column) => `${column.name}:${ADMIN_TYPE[column.type]}${column.list ? "[]" : ""}`;

function listItems(records: FlatRecord[]): string[] {
  return records.flatMap((record) => Object.values(record).flatMap((value) => (Array.isArray(value) ? value.map(String) : [])));
}

function chooseDelimiter(items: string[], wanted: string | undefined): string {
  if (wanted !== undefined) {
    if (wanted.length !== 1) throw new ExportFormatError(`export: the CSV array delimiter must be one character, got "${wanted}"`);
    const clash = items.find((item) => item.includes(wanted));
    if (clash !== undefined) throw new ExportFormatError(`export: the CSV array delimiter "${wanted}" occurs in the list item "${clash}"; choose another`);
    return wanted;
  }
  const free = ARRAY_DELIMITERS.find((d) => !items.some((item) => item.includes(d)));
  if (free === undefined) throw new ExportFormatError(`export: every CSV array delimiter (${ARRAY_DELIMITERS.join(" ")}) occurs in the data; give one with --array-delimiter`);
  return free;
}

/** A cell: lists joined by the delimiter, the rest as text; null (an unquoted empty cell) when missing. */
function cell(value: FlatValue | undefined, column: Column, delimiter: string, text: (cell: string) => string): string | null {
  if (value === undefined) return null;
  const conformed = conform(value, column);
  const written = Array.isArray(conformed) ? conformed.map(String).join(delimiter) : String(conformed);
  return column.type === "string" ? text(written) : written;
}

function table(head: string[], rows: Array<Array<string | null>>): string {
  // An empty text (or list) is written "", a missing value as nothing: readers can tell them apart.
  return stringify([head, ...rows], { record_delimiter: "unix", quoted_empty: true });
}

/**
 * Nodes: `key:ID`, `:LABEL` (the kind), then every flat property typed. Relationships:
 * `:START_ID`, `:END_ID`, `:TYPE`, then every flat property typed. A missing value is an empty
 * cell, an empty text or list a quoted empty cell (`""`). Unless `neo4jAdmin`, text cells that a
 * spreadsheet would evaluate start with `'`.
 */
export function formatCsv(graph: KnowledgeGraph, options: CsvOptions = {}): CsvExport {
  const nodes = graph.mapNodes((key, attributes) => ({ kind: attributes.kind as string, record: flatNode(key, attributes) }));
  const edges = graph.mapEdges((_key, attributes, source, target) => ({ source, target, type: attributes.type as string, record: flatEdge(attributes) }));
  const nodeColumns = columnsOf(nodes.map((n) => n.record)).filter((c) => c.name !== "key");
  const edgeColumns = columnsOf(edges.map((e) => e.record));
  const delimiter = chooseDelimiter(listItems([...nodes.map((n) => n.record), ...edges.map((e) => e.record)]), options.arrayDelimiter);
  // Keys, labels and types are text too: guarded alike, so START_ID and END_ID still match key:ID.
  const text = options.neo4jAdmin ? (t: string) => t : guardFormula;

  const nodesCsv = table(
    ["key:ID", ":LABEL", ...nodeColumns.map(header)],
    nodes.map(({ kind, record }) => [text(String(record.key)), text(kind), ...nodeColumns.map((c) => cell(record[c.name], c, delimiter, text))]),
  );
  const relationshipsCsv = table(
    [":START_ID", ":END_ID", ":TYPE", ...edgeColumns.map(header)],
    edges.map(({ source, target, type, record }) => [text(source), text(target), text(type), ...edgeColumns.map((c) => cell(record[c.name], c, delimiter, text))]),
  );
  return { nodes: nodesCsv, relationships: relationshipsCsv, arrayDelimiter: delimiter };
}
