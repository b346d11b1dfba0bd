// The rows of a load as CSV files for `neo4j-admin database import full`: the same properties, of
// the same types, as the online loader writes (rows.ts). neo4j-admin types a column once per file,
// while the loader stores what each value is (34 an integer, 34.5 a float) and may leave a
// property out, so rows are filed by their signature (names and types of their properties):
// one file per signature, every cell of a file filled. neo4j-admin stores no empty list (an
// empty cell is "no value"), so those are listed apart and set after the import (`emptyLists`);
// so are texts with a line break (`laterValues`), which neo4j-admin reads only with
// --multiline-fields, and that parses every file on one thread: the 10,000-article graph's node
// import took 9–10 s with it (its article bodies), 5 s without.
import { createWriteStream, rmSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import neo4j from "neo4j-driver";
import type { EntityKind, RelationType } from "../graph/types.ts";
import type { Catalog, NodeEntry, RelationshipEntry } from "./catalog.ts";
import { GraphFileError } from "./errors.ts";
import { nodeRow, relationshipRow } from "./rows.ts";
import type { Properties, PropertyValue } from "./rows.ts";

/**
 * Item separators for list cells, tried in this order until one occurs in no list item. A control
 * character first: text almost never holds one, so the files are written once.
 */
const ARRAY_DELIMITERS = ["\u001e", "\u001d", ";", "|", "¦"];
/** neo4j-admin's default read buffer (4 MB) holds one field at most: larger for long article bodies. */
const MIN_READ_BUFFER = 4 * 1024 * 1024;

type ColumnType = "string" | "long" | "double" | "boolean" | "string[]" | "long[]" | "double[]" | "boolean[]";

export interface EmptyLists {
  /** Nodes by label, or relationships by (type, source label, target label), and the list properties they hold empty. */
  label?: EntityKind;
  type?: RelationType;
  sourceLabel?: EntityKind;
  targetLabel?: EntityKind;
  names: string[];
  /** Node keys, or [source, target] keys. */
  rows: Array<string | { source: string; target: string }>;
}

/**
 * A row with properties holding a line break, and their names. The row, not the texts: those are
 * read again when they are set (line-entries.ts), since article bodies are most of a graph's bytes.
 */
export type LaterRow = { node: NodeEntry; names: string[] } | { relationship: RelationshipEntry; names: string[] };

/** Rows with properties holding a line break, by nodes of a label or relationships of a (type, source label, target label). */
export interface LaterValues {
  label?: EntityKind;
  type?: RelationType;
  sourceLabel?: EntityKind;
  targetLabel?: EntityKind;
  rows: LaterRow[];
}

/** What a later row sets: the node's key or the relationship's ends, and its properties that hold a line break. */
export function laterProperties(row: LaterRow): { key: string; props: Properties } | { source: string; target: string; props: Properties } {
  const pick = (props: Properties) => Object.fromEntries(row.names.map((name) => [name, props[name]!]));
  if ("node" in row) {
    const { key, props } = nodeRow(row.node);
    return { key, props: pick(props) };
  }
  const { source, target, props } = relationshipRow(row.relationship);
  return { source, target, props: pick(props) };
}

export interface AdminCsv {
  nodeFiles: string[];
  relationshipFiles: string[];
  arrayDelimiter: string;
  /** For neo4j-admin's --read-buffer-size. */
  readBufferSize: number;
  emptyLists: EmptyLists[];
  laterValues: LaterValues[];
  /** neo4j-admin's --multiline-fields: only when a key itself holds a line break (it cannot be left out). */
  multilineFields: boolean;
}

const LINE_BREAK = /[\r\n]/;

function hasLineBreak(value: PropertyValue): boolean {
  if (Array.isArray(value)) return (value as PropertyValue[]).some((item) => typeof item === "string" && LINE_BREAK.test(item));
  return typeof value === "string" && LINE_BREAK.test(value);
}

function scalarType(value: PropertyValue): ColumnType {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "double";
  return "long"; // a driver Integer
}

/** The column type of a value, or "empty" for a list with no items (neo4j-admin cannot store it). */
function columnType(value: PropertyValue): ColumnType | "empty" {
  if (!Array.isArray(value)) return scalarType(value);
  if (value.length === 0) return "empty";
  return `${scalarType(value[0] as PropertyValue)}[]` as ColumnType;
}

/** A list item holds the separator being written: the files are written again with another. */
class DelimiterInData extends Error {
  constructor(readonly item: string) {
    super("a list item holds the array delimiter");
  }
}

function cell(value: PropertyValue, delimiter: string): string {
  const one = (v: PropertyValue) => (neo4j.isInt(v) ? v.toString() : String(v));
  if (!Array.isArray(value)) return one(value);
  for (const item of value as PropertyValue[]) if (typeof item === "string" && item.includes(delimiter)) throw new DelimiterInData(item);
  return (value as PropertyValue[]).map(one).join(delimiter);
}

/** One CSV file per signature, written as rows come. */
class SignatureFiles {
  private readonly files = new Map<string, { path: string; stream: ReturnType<typeof createWriteStream>; pending: string[][] }>();
  readonly paths: string[] = [];
  longestRow = 0;
  constructor(
    private readonly dir: string,
    private readonly prefix: string,
  ) {}

  async add(signature: string, header: () => string[], row: string[]): Promise<void> {
    let file = this.files.get(signature);
    if (!file) {
      const path = join(this.dir, `${this.prefix}-${this.files.size + 1}.csv`);
      file = { path, stream: createWriteStream(path), pending: [header()] };
      this.files.set(signature, file);
      this.paths.push(path);
    }
    for (const c of row) this.longestRow = Math.max(this.longestRow, c.length);
    file.pending.push(row);
    if (file.pending.length >= 500) await this.flush(file);
  }

  private async flush(file: { stream: ReturnType<typeof createWriteStream>; pending: string[][] }): Promise<void> {
    const text = stringify(file.pending, { record_delimiter: "unix", quoted_empty: true });
    file.pending = [];
    if (!file.stream.write(text)) await once(file.stream, "drain");
  }

  async close(): Promise<void> {
    for (const file of this.files.values()) {
      await this.flush(file);
      file.stream.end();
      await once(file.stream, "finish");
    }
  }

  /** Closes and deletes every file written so far. */
  async discard(): Promise<void> {
    for (const file of this.files.values()) {
      const closed = file.stream.closed ? undefined : once(file.stream, "close");
      file.stream.end();
      await closed;
      rmSync(file.path, { force: true });
    }
  }
}

/** `row` added to the group named `group`, made by `make` at its first row. */
function addRow<G extends { rows: R[] }, R>(groups: Map<string, G>, group: string, make: () => G, row: R): void {
  let entry = groups.get(group);
  if (!entry) groups.set(group, (entry = make()));
  entry.rows.push(row);
}

/**
 * Writes the catalog's rows (every row: a catalog made without a previous state) as neo4j-admin CSV
 * files in `dir`, with the first array delimiter that no list item holds.
 */
export async function writeAdminCsv(catalog: Catalog, dir: string): Promise<AdminCsv> {
  const used = new Set<string>();
  for (;;) {
    const delimiter = ARRAY_DELIMITERS.find((d) => !used.has(d));
    if (delimiter === undefined) throw new GraphFileError(`load --bulk: every list separator neo4j-admin could use (${ARRAY_DELIMITERS.map((d) => JSON.stringify(d)).join(" ")}) occurs in the data; load it online instead`);
    try {
      return await writeWith(catalog, dir, delimiter);
    } catch (error) {
      if (!(error instanceof DelimiterInData)) throw error;
      for (const d of ARRAY_DELIMITERS) if (error.item.includes(d)) used.add(d);
    }
  }
}

async function writeWith(catalog: Catalog, dir: string, delimiter: string): Promise<AdminCsv> {
  const empties = new Map<string, EmptyLists>();
  const noteEmpty = (group: string, make: () => EmptyLists, row: EmptyLists["rows"][number]) => addRow(empties, group, make, row);
  const later = new Map<string, LaterValues>();
  const noteLater = (group: string, make: () => LaterValues, row: LaterValues["rows"][number]) => addRow(later, group, make, row);
  let multilineFields = false;
  const nodeFiles = new SignatureFiles(dir, "nodes");
  const relationshipFiles = new SignatureFiles(dir, "relationships");
  try {
    await writeRows();
  } catch (error) {
    if (error instanceof DelimiterInData) {
      await nodeFiles.discard();
      await relationshipFiles.discard();
    }
    throw error;
  }

  const longest = Math.max(nodeFiles.longestRow, relationshipFiles.longestRow);
  return {
    nodeFiles: nodeFiles.paths,
    relationshipFiles: relationshipFiles.paths,
    arrayDelimiter: delimiter,
    // a UTF-16 length; a UTF-8 field takes up to 3 bytes a unit, and quoting doubles quotes
    readBufferSize: Math.max(MIN_READ_BUFFER, longest * 6 + 1024),
    emptyLists: [...empties.values()],
    laterValues: [...later.values()],
    multilineFields,
  };

  async function writeRows(): Promise<void> {
    for (const node of catalog.nodes) {
      const { key, props } = nodeRow(node);
      const columns: Array<[string, ColumnType]> = [];
      const emptyNames: string[] = [];
      const broken: string[] = [];
      for (const [name, value] of Object.entries(props)) {
        if (name === "key") continue;
        const type = columnType(value);
        if (type === "empty") emptyNames.push(name);
        else if (hasLineBreak(value)) broken.push(name);
        else columns.push([name, type]);
      }
      if (LINE_BREAK.test(key)) multilineFields = true;
      if (broken.length > 0) noteLater(`n|${node.label}`, () => ({ label: node.label, rows: [] }), { node, names: broken });
      const signature = `${node.label}|${columns.map(([n, t]) => `${n}:${t}`).join(",")}`;
      await nodeFiles.add(signature, () => ["key:ID", ":LABEL", ...columns.map(([n, t]) => `${n}:${t}`)], [key, node.label, ...columns.map(([n]) => cell(props[n]!, delimiter))]);
      if (emptyNames.length > 0) {
        noteEmpty(`n|${node.label}|${emptyNames.join(",")}`, () => ({ label: node.label, names: emptyNames, rows: [] }), key);
      }
    }
    await nodeFiles.close();

    for (const relationship of catalog.relationships) {
      const { source, target, props } = relationshipRow(relationship);
      const columns: Array<[string, ColumnType]> = [];
      const emptyNames: string[] = [];
      const broken: string[] = [];
      for (const [name, value] of Object.entries(props)) {
        const type = columnType(value);
        if (type === "empty") emptyNames.push(name);
        else if (hasLineBreak(value)) broken.push(name);
        else columns.push([name, type]);
      }
      if (broken.length > 0) {
        const { type, sourceLabel, targetLabel } = relationship;
        noteLater(`r|${type}|${sourceLabel}|${targetLabel}`, () => ({ type, sourceLabel, targetLabel, rows: [] }), { relationship, names: broken });
      }
      const signature = `${relationship.type}|${columns.map(([n, t]) => `${n}:${t}`).join(",")}`;
      await relationshipFiles.add(signature, () => [":START_ID", ":END_ID", ":TYPE", ...columns.map(([n, t]) => `${n}:${t}`)], [source, target, relationship.type, ...columns.map(([n]) => cell(props[n]!, delimiter))]);
      if (emptyNames.length > 0) {
        const { type, sourceLabel, targetLabel } = relationship;
        noteEmpty(`r|${type}|${sourceLabel}|${targetLabel}|${emptyNames.join(",")}`, () => ({ type, sourceLabel, targetLabel, names: emptyNames, rows: [] }), { source, target });
      }
    }
    await relationshipFiles.close();
  }
}
