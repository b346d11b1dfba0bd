// Where each node's and edge's line is in the last graph.json, kept in OUT/.diplograph/graph-lines.json
// so that the next build can copy the lines of what did not change, byte for byte, instead of
// serialising the whole graph again (graph-patch.ts). Valid only for the graph.json it was written
// with (same size, modification time and inode, as positions.json) and under the same layout
// setting and survey outcome (documents merged, meetings split by year), and by the same code: anything
// else and the graph is written whole.
//
// Each line also carries the generation of the build that serialised it: a copied line keeps the
// generation it had. Builds that patch one another form a lineage, named by random build ids with
// their generation (the latest LINEAGE_KEPT). `diplograph load` uses it (neo4j/graph-stream.ts):
// if the last load read the graph.json of build B of this lineage, every line of a generation up
// to B's is byte for byte the line it read then, and only the others need reading.
import { randomUUID } from "node:crypto";
import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { dirname, join } from "node:path";
import type { GraphSummary } from "../graph/summary.ts";
import type { RelationType } from "../graph/types.ts";
import { writeFileAtomic } from "../graph/write-atomic.ts";
import { sourceDigest } from "./extractor-version.ts";

export const GRAPH_LINES_FILE = "graph-lines.json";

interface GraphStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** What a graph.json was written under, besides its lines: a patch applies only under the same. */
export interface GraphTerms {
  /** Whether nodes carry positions (`--no-layout`: none). */
  layout: boolean;
  /** The resolver's survey outcome (resolve.ts, `surveyOutcome`). */
  survey: string;
  /** The version of the code that makes the lines (`graphWriterVersion`). */
  writer: string;
}

/**
 * A digest of the code and data a line of graph.json is made with: records, resolution, assembly
 * and serialisation, the lexicon's labels and aliases. A line copied from a graph.json written by
 * other code would mix two formats (an attribute added, a label chosen otherwise) in one file, so
 * a new version writes the whole graph once. Broader than the extractor's version on purpose: a
 * change to resolution re-writes graph.json, not the records.
 */
export const graphWriterVersion = (): string => sourceDigest(["extract", "text", "ingest", "resolve", "graph", "pipeline"]);

/** The builds of a lineage, oldest first: [build id, generation]; the last is the build that wrote the file. */
export type Lineage = Array<[build: string, generation: number]>;

/** How many builds of a lineage the index names: a load older than that reads the whole file. */
export const LINEAGE_KEPT = 64;

/** What a build says of the graph it wrote: said again by a build that keeps that graph.json (`PreviousGraph.kept`). */
export interface WrittenGraph {
  /** The record store it was made from (record-store.ts, `storeStamp`). */
  store: string;
  summary: GraphSummary;
  nodes: number;
  edges: number;
}

interface SavedLines extends GraphTerms {
  graph: GraphStamp;
  /** Absent in an index written before builds kept an unchanged graph.json. */
  written?: WrittenGraph;
  /** Absent in an index written before lines had generations: then no line's generation is known. */
  lineage?: Lineage;
  /** [key, byte offset, byte length, generation that wrote the line] in the file's order. */
  nodes: Array<[string, number, number, number]>;
  /** [type, source node's index in `nodes`, target's, byte offset, byte length, generation]; the key is `type:source->target`. */
  edges: Array<[RelationType, number, number, number, number, number]>;
}

/** The lines of a graph.json being written: collected as they go, saved once the file is in place. */
export class GraphLinesWriter {
  private readonly nodes: SavedLines["nodes"] = [];
  private readonly edges: SavedLines["edges"] = [];
  private readonly nodeIndex = new Map<string, number>();
  /** False once an edge's key is not `type:source->target` (then no index is saved). */
  private regular = true;
  readonly lineage: Lineage;
  /** The generation of the lines this build serialises. */
  private readonly generation: number;

  /** `previous`: the lineage of the graph.json whose lines this build copies (none: a new lineage, every line of this generation). */
  constructor(private readonly previous?: Lineage) {
    const last = previous?.[previous.length - 1];
    this.generation = last ? last[1] + 1 : 1;
    this.lineage = [...(previous ?? []).slice(-(LINEAGE_KEPT - 1)), [randomUUID(), this.generation]];
  }

  /** A line written now, or copied from the previous graph.json with the generation it had there. */
  node(key: string, offset: number, length: number, copiedFrom?: number): void {
    this.nodeIndex.set(key, this.nodes.length);
    this.nodes.push([key, offset, length, this.generationOf(copiedFrom)]);
  }

  edge(key: string, type: RelationType, source: string, target: string, offset: number, length: number, copiedFrom?: number): void {
    const s = this.nodeIndex.get(source);
    const t = this.nodeIndex.get(target);
    if (s === undefined || t === undefined || key !== edgeKey(type, source, target)) this.regular = false;
    else this.edges.push([type, s, t, offset, length, this.generationOf(copiedFrom)]);
  }

  /** A copied line keeps its generation only within the lineage it was copied from. */
  private generationOf(copiedFrom: number | undefined): number {
    return copiedFrom !== undefined && this.previous !== undefined ? copiedFrom : this.generation;
  }

  /** Saves the index for `graphFile` as just written (or removes a stale one). */
  async save(storeDir: string, graphFile: string, terms: GraphTerms, written: WrittenGraph): Promise<void> {
    const path = join(storeDir, GRAPH_LINES_FILE);
    const s = statSync(graphFile, { throwIfNoEntry: false });
    if (!s || !this.regular) {
      rmSync(path, { force: true });
      return;
    }
    const saved: SavedLines = { graph: stampOf(s), ...terms, written, lineage: this.lineage, nodes: this.nodes, edges: this.edges };
    await writeFileAtomic(path, JSON.stringify(saved));
  }
}

export const edgeKey = (type: RelationType, source: string, target: string) => `${type}:${source}->${target}`;

const stampOf = (s: Stats): GraphStamp => ({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });

/** Whether the open file `fd` is the graph.json `saved` was written with (checked on the open file: the file read is the file described). */
function describes(saved: SavedLines, fd: number): boolean {
  const s = fstatSync(fd);
  return saved.graph !== undefined && s.size === saved.graph.size && s.mtimeMs === saved.graph.mtimeMs && s.ino === saved.graph.ino;
}

function readSaved(storeDir: string): SavedLines | undefined {
  try {
    return JSON.parse(readFileSync(join(storeDir, GRAPH_LINES_FILE), "utf8")) as SavedLines;
  } catch {
    return undefined;
  }
}

/** An old edge: its line, its ends and the generation that wrote it. */
export interface OldEdge {
  offset: number;
  length: number;
  source: string;
  target: string;
  generation: number;
}

/** The previous graph.json, open, with its lines by key. */
export class PreviousGraph {
  private constructor(
    private readonly fd: number,
    readonly nodes: Map<string, [offset: number, length: number, generation: number]>,
    readonly edges: Map<string, OldEdge>,
    /** Undefined for an index written before lines had generations. */
    readonly lineage: Lineage | undefined,
  ) {}

  /**
   * The previous graph.json with its index, if both are there, belong together, were written under
   * `terms` and from the store this build found (`store`: its stamp before this build changed it).
   */
  static open(storeDir: string, graphFile: string, terms: GraphTerms, store: string | undefined): PreviousGraph | undefined {
    const saved = savedFor(storeDir, terms, store);
    if (!saved || saved.survey !== terms.survey) return undefined;
    let fd: number;
    try {
      fd = openSync(graphFile, "r");
    } catch {
      return undefined;
    }
    if (!describes(saved, fd)) {
      closeSync(fd);
      return undefined;
    }
    const lineage = validLineage(saved);
    const nodes = new Map<string, [number, number, number]>();
    for (const [key, offset, length, generation] of saved.nodes) nodes.set(key, [offset, length, generation ?? 0]);
    const edges = new Map<string, OldEdge>();
    for (const [type, s, t, offset, length, generation] of saved.edges) {
      const source = saved.nodes[s]![0];
      const target = saved.nodes[t]![0];
      edges.set(edgeKey(type, source, target), { offset, length, source, target, generation: generation ?? 0 });
    }
    return new PreviousGraph(fd, nodes, edges, lineage);
  }

  /**
   * What the previous build wrote, if graph.json is still that very file, made from the store this
   * build found (`store`, as in `open`) under `terms` (its layout setting and this code; the
   * survey's outcome follows from the records): a build whose every record is that store's keeps
   * it as it is. Else undefined.
   */
  static kept(storeDir: string, graphFile: string, terms: Omit<GraphTerms, "survey">, store: string | undefined): WrittenGraph | undefined {
    const saved = savedFor(storeDir, terms, store);
    if (!saved?.written) return undefined;
    let fd: number;
    try {
      fd = openSync(graphFile, "r");
    } catch {
      return undefined;
    }
    try {
      return describes(saved, fd) ? saved.written : undefined;
    } finally {
      closeSync(fd);
    }
  }

  /** The bytes of a span of the old file (lines, with the separators between them), as they are there, in a new buffer. */
  bytes(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = readSync(this.fd, bytes, read, length - read, offset + read);
      if (n === 0) throw new Error(`graph patch: the previous graph.json ends before byte ${offset + length}`);
      read += n;
    }
    return bytes;
  }


  close(): void {
    closeSync(this.fd);
  }
}

/** The saved index, if it was written under the same layout setting and code, from the store stamped `store`. */
function savedFor(storeDir: string, terms: Omit<GraphTerms, "survey">, store: string | undefined): SavedLines | undefined {
  const saved = readSaved(storeDir);
  if (!saved || saved.layout !== terms.layout || saved.writer !== terms.writer) return undefined;
  return store !== undefined && saved.written?.store === store ? saved : undefined;
}

/** The lineage of an index whose every line has a generation of it, else undefined. */
function validLineage(saved: SavedLines): Lineage | undefined {
  const lineage = saved.lineage;
  if (!Array.isArray(lineage) || lineage.length === 0) return undefined;
  if (!lineage.every((b) => Array.isArray(b) && typeof b[0] === "string" && Number.isInteger(b[1]))) return undefined;
  const last = lineage[lineage.length - 1]![1];
  const known = (g: unknown) => Number.isInteger(g) && (g as number) >= 1 && (g as number) <= last;
  return saved.nodes.every((n) => known(n[3])) && saved.edges.every((e) => known(e[5])) ? lineage : undefined;
}

/** The store folder a build keeps beside `graphFile` by default (`OUT/.diplograph`). */
export const defaultStoreDir = (graphFile: string) => join(dirname(graphFile), ".diplograph");

/**
 * A graph.json, open, with the index of its lines when the index describes this very file (a
 * build wrote both and neither changed since) and names its lineage. The loader reads it.
 */
export class IndexedGraphFile {
  private constructor(
    readonly fd: number,
    /** Undefined when there is no trustworthy index of this file. */
    readonly index: GraphIndex | undefined,
  ) {}

  /** Opens `graphFile` (errors as `openSync` throws them) and its index from `storeDir`, if it has a valid one. */
  static open(graphFile: string, storeDir = defaultStoreDir(graphFile)): IndexedGraphFile {
    const fd = openSync(graphFile, "r");
    try {
      const saved = readSaved(storeDir);
      const lineage = saved && describes(saved, fd) ? validLineage(saved) : undefined;
      return new IndexedGraphFile(fd, saved && lineage ? new GraphIndex(saved, lineage) : undefined);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Where every line of one graph.json is, and the generation that wrote it. */
export class GraphIndex {
  /** The build that wrote the file. */
  readonly build: string;
  readonly nodes: ReadonlyArray<readonly [key: string, offset: number, length: number, generation: number]>;
  readonly edges: ReadonlyArray<readonly [type: RelationType, source: number, target: number, offset: number, length: number, generation: number]>;
  private readonly generations: Map<string, number>;

  constructor(saved: SavedLines, lineage: Lineage) {
    this.build = lineage[lineage.length - 1]![0];
    this.nodes = saved.nodes;
    this.edges = saved.edges;
    this.generations = new Map(lineage);
  }

  /** The generation of `build` in this file's lineage, or undefined when it is not one of its last LINEAGE_KEPT builds. */
  generationOf(build: string): number | undefined {
    return this.generations.get(build);
  }
}
