// Query results as text for the terminal: an aligned table, JSON, or CSV.
import { stringify } from "csv-stringify/sync";
import { isPlainNode, isPlainPath, isPlainRelationship } from "./values.ts";
import type { PlainValue } from "./values.ts";
import type { ReadQueryResult } from "./read-only.ts";

import type { OutputFormat } from "./output-formats.ts";

export { FORMATS } from "./output-formats.ts";
export type { OutputFormat } from "./output-formats.ts";

/** One value as a cell: nodes by their label (the display name), paths as arrows. */
export function cellText(value: PlainValue): string {
  if (value === null) return "";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map(cellText).join("; ");
  if (isPlainNode(value)) return String(value.properties.label ?? value.properties.key ?? value.elementId);
  if (isPlainRelationship(value)) return value.type;
  if (isPlainPath(value)) {
    return value.nodes
      .map((node, i) => {
        const rel = value.relationships[i - 1];
        const name = cellText(node);
        if (!rel) return name;
        const forward = rel.end === node.elementId;
        return forward ? ` -[${rel.type}]-> ${name}` : ` <-[${rel.type}]- ${name}`;
      })
      .join("");
  }
  return JSON.stringify(value);
}

/** Widest a table column gets: a long evidence quote or body would push every other column off the screen. */
export const MAX_COLUMN_WIDTH = 60;

/** `text` cut to `width` characters (code points, so no emoji is split), the last one an ellipsis. */
export function clip(text: string, width = MAX_COLUMN_WIDTH): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join("")}…`;
}

function table(result: ReadQueryResult): string {
  const header = result.columns.map((column) => clip(column));
  // JSON and CSV give every value whole; the table is for reading on a terminal.
  const body = result.rows.map((row) => result.columns.map((column) => clip(cellText(row[column] ?? null).replace(/\s+/g, " "))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" │ ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("─┼─");
  return [line(header), rule, ...body.map(line)].join("\n");
}

export function formatResult(result: ReadQueryResult, format: OutputFormat): string {
  switch (format) {
    case "json":
      return JSON.stringify(result.rows, null, 2);
    case "csv":
      return stringify([result.columns, ...result.rows.map((row) => result.columns.map((c) => cellText(row[c] ?? null)))]).trimEnd();
    case "table":
      return table(result);
  }
}
