// Where each node's and edge's line is in the last graph.json, kept in OUT/.diplograph/graph-lines.json
// so that the next build can copy the lines of what did not change, byte for byte, instead of
// serialising the whole graph again (graph-patch.ts). Valid only for the graph.json it was written
// with (same size, modification time and inode, as positions.json) and under the same layout
// setting and survey outcome (documents merged, meetings split by year): anything else and the
// graph is written whole.
import { closeSync, fstatSync, openSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RelationType } from "../graph/types.ts";
import { writeFileAtomic } from "../graph/write-atomic.ts";

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
}

interface SavedLines extends GraphTerms {
  graph: GraphStamp;
  /** [key, byte offset, byte length] in the file's order. */
  nodes: Array<[string, number, number]>;
  /** [type, source node's index in `nodes`, target's, byte offset, byte length]; the key is `type:source->target`. */
  edges: Array<[RelationType, number, number, number, number]>;
}

/** The lines of a graph.json being written: collected as they go, saved once the file is in place. */
export class GraphLinesWriter {
  private readonly nodes: SavedLines["nodes"] = [];
  private readonly edges: SavedLines["edges"] = [];
  private readonly nodeIndex = new Map<string, number>();
  /** False once an edge's key is not `type:source->target` (then no index is saved). */
  private regular = true;

  node(key: string, offset: number, length: number): void {
    this.nodeIndex.set(key, this.nodes.length);
    this.nodes.push([key, offset, length]);
  }

  edge(key: string, type: RelationType, source: string, target: string, offset: number, length: number): void {
    const s = this.nodeIndex.get(source);
    const t = this.nodeIndex.get(target);
    if (s === undefined || t === undefined || key !== edgeKey(type, source, target)) this.regular = false;
    else this.edges.push([type, s, t, offset, length]);
  }

  /** Saves the index for `graphFile` as just written (or removes a stale one). */
  async save(storeDir: string, graphFile: string, terms: GraphTerms): Promise<void> {
    const path = join(storeDir, GRAPH_LINES_FILE);
    const s = statSync(graphFile, { throwIfNoEntry: false });
    if (!s || !this.regular) {
      rmSync(path, { force: true });
      return;
    }
    const saved: SavedLines = { graph: { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino }, ...terms, nodes: this.nodes, edges: this.edges };
    await writeFileAtomic(path, JSON.stringify(saved));
  }
}

export const edgeKey = (type: RelationType, source: string, target: string) => `${type}:${source}->${target}`;

/** An old edge: its line and its ends. */
export interface OldEdge {
  offset: number;
  length: number;
  source: string;
  target: string;
}

/** The previous graph.json, open, with its lines by key. */
export class PreviousGraph {
  private constructor(
    private readonly fd: number,
    readonly nodes: Map<string, [offset: number, length: number]>,
    readonly edges: Map<string, OldEdge>,
  ) {}

  /** The previous graph.json with its index, if both are there, belong together and were written under `terms`. */
  static open(storeDir: string, graphFile: string, terms: GraphTerms): PreviousGraph | undefined {
    let saved: SavedLines;
    try {
      saved = JSON.parse(readFileSync(join(storeDir, GRAPH_LINES_FILE), "utf8")) as SavedLines;
    } catch {
      return undefined;
    }
    if (saved.layout !== terms.layout || saved.survey !== terms.survey) return undefined;
    let fd: number;
    try {
      fd = openSync(graphFile, "r");
    } catch {
      return undefined;
    }
    // the stamp is checked on the open file: the file read is the file the index describes
    const s = fstatSync(fd);
    if (!saved.graph || s.size !== saved.graph.size || s.mtimeMs !== saved.graph.mtimeMs || s.ino !== saved.graph.ino) {
      closeSync(fd);
      return undefined;
    }
    const nodes = new Map<string, [number, number]>();
    for (const [key, offset, length] of saved.nodes) nodes.set(key, [offset, length]);
    const edges = new Map<string, OldEdge>();
    for (const [type, s, t, offset, length] of saved.edges) {
      const source = saved.nodes[s]![0];
      const target = saved.nodes[t]![0];
      edges.set(edgeKey(type, source, target), { offset, length, source, target });
    }
    return new PreviousGraph(fd, nodes, edges);
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
