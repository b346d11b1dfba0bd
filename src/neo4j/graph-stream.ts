// graph.json fed to a GraphScan one node or edge at a time, straight from the file's bytes: the
// build writes one item per line (src/graph/serialize.ts), so each line is parsed on its own and
// dropped, and a line's digest is taken from its bytes (a line unchanged since the last load is
// not parsed at all). A file in any other layout (indented,
// hand-made) is read whole by src/graph/read-graph.ts and fed the same way.
//
// When the build's index of the file's lines describes this very file (pipeline/graph-lines.ts)
// and the last load read the graph.json of a build of its lineage, the lines that build already
// had are not even read: only the lines of later generations are (with 100 articles added to
// 10,000, 3,400 of 147,000 lines). Anything unexpected there and the file is read whole.
import { readGraphFile } from "../graph/read-graph.ts";
import { fileLines } from "../pipeline/file-lines.ts";
import { IndexedGraphFile } from "../pipeline/graph-lines.ts";
import type { GraphIndex } from "../pipeline/graph-lines.ts";
import { catalogGraph, GraphScan } from "./catalog.ts";
import { lineKey, splitNodeLine } from "./kept-lists.ts";
import type { Catalog } from "./catalog.ts";
import { GraphFileError } from "./errors.ts";
import type { LoadState } from "./load-state.ts";
import { GraphLines, readBytes } from "./line-entries.ts";
import type { LineRef } from "./line-entries.ts";

const NODES_OPEN = '"nodes":[';
const NODES_CLOSE = '],"edges":[';
/** The last node line of a graph without edges closes the file (serialize.ts). */
const NODES_CLOSE_NO_EDGES = '],"edges":[]}';
const EDGES_CLOSE = "]}";
const COMMA = 0x2c;

/** Thrown inside the line reader when the file is not in the build's layout. */
class NotLineLayout extends Error {}

const endsWith = (line: Buffer, text: string) => line.length >= text.length && line.toString("latin1", line.length - text.length) === text;

async function scanLines(fd: number, scan: GraphScan): Promise<Catalog> {
  type Where = "head" | "nodes" | "edges" | "done";
  let state: Where = "head";
  // where the line starts: fileLines splits at each newline, one byte
  let offset = 0;
  for await (const line of fileLines(fd)) {
    const at = { offset, length: 0 };
    offset += line.length + 1;
    if (state === "done") {
      if (line.toString("utf8").trim() !== "") throw new NotLineLayout();
      continue;
    }
    if (state === "head") {
      const head = line.toString("utf8");
      if (!head.startsWith("{") || !head.endsWith("[")) throw new NotLineLayout();
      if (head.endsWith(NODES_OPEN)) state = "nodes";
      else if (head.endsWith(`${NODES_OPEN}${NODES_CLOSE}`)) state = "edges";
      else throw new NotLineLayout();
      continue;
    }
    let item: Buffer;
    let next: Where = state;
    if (state === "nodes" && endsWith(line, NODES_CLOSE)) [item, next] = [line.subarray(0, line.length - NODES_CLOSE.length), "edges"];
    else if (state === "nodes" && endsWith(line, NODES_CLOSE_NO_EDGES)) [item, next] = [line.subarray(0, line.length - NODES_CLOSE_NO_EDGES.length), "done"];
    else if (state === "edges" && endsWith(line, EDGES_CLOSE)) [item, next] = [line.subarray(0, line.length - EDGES_CLOSE.length), "done"];
    else if (line[line.length - 1] === COMMA) item = line.subarray(0, line.length - 1);
    else throw new NotLineLayout();
    at.length = item.length;
    const digest = state === "edges" ? scan.addEdgeLine(item) : scan.addNodeLine(item);
    if (digest === undefined) {
      state = next;
      continue;
    }
    const parse = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(item.toString("utf8"));
      } catch {
        throw new NotLineLayout();
      }
      if (typeof parsed !== "object" || parsed === null) throw new NotLineLayout();
      return parsed as Record<string, unknown>;
    };
    if (state === "nodes") addChangedNode(scan, item, digest, parse, at);
    else scan.addEdge(parse(), digest, at);
    state = next;
  }
  if (state !== "done") throw new NotLineLayout();
  return scan.finish();
}

/**
 * A node line that differs from the last load's: parsed but for the mentions the database already
 * holds, when it begins with them (kept-lists.ts), else parsed whole by `parse`.
 */
function addChangedNode(scan: GraphScan, line: Buffer, digest: string, parse: () => Record<string, unknown>, at: LineRef, expected?: string): void {
  const key = lineKey(line);
  if (expected !== undefined && key !== expected) throw new NotLineLayout();
  const old = key === undefined ? undefined : scan.previousNode(key);
  const split = old && old.lists !== "" ? splitNodeLine(line, old.lists, scan.isNewArticle) : undefined;
  if (split && split.key === key && split.attributes.kind === old!.label) scan.addNode(split, digest, split.kept);
  else scan.addNode(parse(), digest, undefined, at);
}

/** The line at `offset`, read from the open file. */
function readLine(fd: number, offset: number, length: number): Buffer {
  const bytes = readBytes(fd, offset, length);
  if (!bytes) throw new NotLineLayout();
  return bytes;
}

/** The line parsed, if it is an object whose `key` is `key` (the index matches the file there), else NotLineLayout. */
function parseLine(line: Buffer, key: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line.toString("utf8"));
  } catch {
    throw new NotLineLayout();
  }
  if (typeof parsed !== "object" || parsed === null || (parsed as { key?: unknown }).key !== key) throw new NotLineLayout();
  return parsed as Record<string, unknown>;
}

/**
 * graph.json through its index, against the state of a load of the same lineage's build of
 * generation `since`: a line of that generation or earlier is the line that load read, and is
 * taken from the state; the others are read, digested and parsed as scanLines does.
 */
function scanIndexed(fd: number, index: GraphIndex, since: number, scan: GraphScan): Catalog {
  let read = 0;
  scan.expectNewArticles((function* () {
    for (const [key] of index.nodes) yield key;
  })());
  for (const [key, offset, length, generation] of index.nodes) {
    if (generation <= since && scan.addUnchangedNode(key)) continue;
    read += 1;
    const line = readLine(fd, offset, length);
    const digest = scan.addIndexedNodeLine(key, line);
    if (digest !== undefined) addChangedNode(scan, line, digest, () => parseLine(line, key), { offset, length }, key);
  }
  const nodes = index.nodes;
  // the index numbers nodes in the file's order, as the scan does
  if (scan.nodeCount !== nodes.length) throw new NotLineLayout();
  for (const [type, s, t, offset, length, generation] of index.edges) {
    if (generation <= since && scan.addUnchangedEdge(type, s, t)) continue;
    read += 1;
    const [source, target] = [nodes[s]![0], nodes[t]![0]];
    const line = readLine(fd, offset, length);
    const digest = scan.addIndexedEdgeLine(type, source, target, line);
    if (digest === undefined) continue;
    const edge = parseLine(line, `${type}:${source}->${target}`);
    if (edge.source !== source || edge.target !== target) throw new NotLineLayout();
    scan.addEdge(edge, digest, { offset, length });
  }
  return { ...scan.finish(), linesRead: { read, of: nodes.length + index.edges.length } };
}

/**
 * Reads graph.json into a catalog (against `previous`, when given); errors name the file, in one
 * line. The catalog names the build that wrote the file when the build's index describes it.
 * When its rows to write are read again from the file (`catalog.lines`), the caller closes it.
 */
export async function scanGraphFile(path: string, previous?: LoadState): Promise<Catalog> {
  let file: IndexedGraphFile;
  try {
    file = IndexedGraphFile.open(path);
  } catch (error) {
    throw describeReadError(error, path);
  }
  // each attempt gets its own GraphLines: rows of a failed one must not keep the file open
  const lines = () => new GraphLines(file.fd, path);
  let kept = false;
  const keep = (catalog: Catalog) => ((kept = catalog.lines !== undefined), catalog);
  try {
    let index = file.index;
    const since = index && previous?.build !== undefined ? index.generationOf(previous.build) : undefined;
    if (index && since !== undefined) {
      try {
        return keep({ ...scanIndexed(file.fd, index, since, new GraphScan(path, previous, lines())), build: index.build });
      } catch (error) {
        if (!(error instanceof NotLineLayout)) throw describeReadError(error, path);
        index = undefined; // the index does not match the file: no build is named for it
      }
    }
    try {
      const catalog = keep(await scanLines(file.fd, new GraphScan(path, previous, lines())));
      return index ? { ...catalog, build: index.build } : catalog;
    } catch (error) {
      if (!(error instanceof NotLineLayout)) throw describeReadError(error, path);
    }
  } finally {
    if (!kept) file.close();
  }
  try {
    return catalogGraph(await readGraphFile(path), path, previous);
  } catch (error) {
    throw describeReadError(error, path);
  }
}

function describeReadError(error: unknown, path: string): unknown {
  if (error instanceof GraphFileError) return error;
  if (error instanceof SyntaxError) return new GraphFileError(`load: ${path}: not valid JSON (${error.message})`);
  const code = (error as NodeJS.ErrnoException).code;
  if (code) return new GraphFileError(`load: ${path}: cannot read it (${code})`);
  return error;
}
