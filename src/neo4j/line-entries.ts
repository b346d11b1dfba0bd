// Rows whose attributes stay in graph.json until they are written. A first load writes every row,
// and holding every row's parsed attributes until then (article bodies, mention lists, evidence
// quotes) made the loading client the largest process of the pipeline at 100,000 articles: 4.1 GB
// online and 4.7 GB with `--bulk`, against the build's 1.9 GB. The scan parses each line once to
// check and digest it and keeps only where the line is; the writer reads it again, one batch at a
// time. The file descriptor is the one the scan read, so a graph.json replaced meanwhile (the build
// renames a new file over it) is not mixed with the old one.
import { closeSync, readSync } from "node:fs";
import type { EntityKind, RelationType } from "../graph/types.ts";
import type { NodeEntry, RelationshipEntry } from "./catalog.ts";
import { GraphFileError } from "./errors.ts";

/** Where one node or edge is in graph.json: its JSON, without the separator. */
export interface LineRef {
  offset: number;
  length: number;
}

/** The `length` bytes at `offset` of an open file, or undefined when the file is shorter. */
export function readBytes(fd: number, offset: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  for (let read = 0; read < length; ) {
    const n = readSync(fd, bytes, read, length - read, offset + read);
    if (n === 0) return undefined;
    read += n;
  }
  return bytes;
}

/** graph.json held open, for rows read again when they are written. */
export class GraphLines {
  private closed = false;
  constructor(
    private readonly fd: number,
    readonly file: string,
  ) {}

  /** The attributes of the item at `at` (they were checked when the file was scanned). */
  attributes(at: LineRef): Record<string, unknown> {
    if (this.closed) throw new Error(`load: ${this.file} was closed before its rows were written`);
    const bytes = readBytes(this.fd, at.offset, at.length);
    let item: unknown;
    try {
      item = bytes && JSON.parse(bytes.toString("utf8"));
    } catch {
      item = undefined;
    }
    if (typeof item !== "object" || item === null) throw new GraphFileError(`load: ${this.file}: changed while it was being loaded (byte ${at.offset} no longer holds the line read there)`);
    return ((item as { attributes?: unknown }).attributes ?? {}) as Record<string, unknown>;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/** Attributes read from graph.json each time they are asked for. */
abstract class LineAttributes {
  constructor(
    private readonly lines: GraphLines,
    private readonly at: LineRef,
  ) {}
  get attributes(): Record<string, unknown> {
    return this.lines.attributes(this.at);
  }
}

/** A node whose attributes stay in graph.json. */
export class LineNodeEntry extends LineAttributes implements NodeEntry {
  constructor(
    readonly key: string,
    readonly label: EntityKind,
    lines: GraphLines,
    at: LineRef,
  ) {
    super(lines, at);
  }
}

/** An edge of graph.json whose attributes stay there. */
export class LineRelationshipEntry extends LineAttributes implements RelationshipEntry {
  readonly derived = false;
  constructor(
    readonly type: RelationType,
    readonly source: string,
    readonly target: string,
    readonly sourceLabel: EntityKind,
    readonly targetLabel: EntityKind,
    lines: GraphLines,
    at: LineRef,
  ) {
    super(lines, at);
  }
}
