// graph.json fed to a GraphScan one node or edge at a time, straight from the file's bytes: the
// build writes one item per line (src/graph/serialize.ts), so each line is parsed on its own and
// dropped, and a line's digest is taken from its bytes (a line unchanged since the last load is
// not parsed at all). A file in any other layout (indented,
// hand-made) is read whole by src/graph/read-graph.ts and fed the same way.
import { createReadStream } from "node:fs";
import { readGraphFile } from "../graph/read-graph.ts";
import { catalogGraph, GraphScan } from "./catalog.ts";
import type { Catalog } from "./catalog.ts";
import { GraphFileError } from "./errors.ts";
import type { LoadState } from "./load-state.ts";

const NODES_OPEN = '"nodes":[';
const NODES_CLOSE = '],"edges":[';
const EDGES_CLOSE = "]}";
const COMMA = 0x2c;

/** Thrown inside the line reader when the file is not in the build's layout. */
class NotLineLayout extends Error {}

/** Lines of a file as byte views, without the newline; a line may span read chunks. */
async function* lines(path: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const piece = chunk.subarray(start, end);
      if (pending.length > 0) {
        pending.push(piece);
        yield Buffer.concat(pending);
        pending = [];
      } else yield piece;
      start = end + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

const endsWith = (line: Buffer, text: string) => line.length >= text.length && line.toString("latin1", line.length - text.length) === text;

async function scanLines(path: string, scan: GraphScan): Promise<Catalog> {
  type Where = "head" | "nodes" | "edges" | "done";
  let state: Where = "head";
  for await (const line of lines(path)) {
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
    else if (state === "edges" && endsWith(line, EDGES_CLOSE)) [item, next] = [line.subarray(0, line.length - EDGES_CLOSE.length), "done"];
    else if (line[line.length - 1] === COMMA) item = line.subarray(0, line.length - 1);
    else throw new NotLineLayout();
    const digest = state === "edges" ? scan.addEdgeLine(item) : scan.addNodeLine(item);
    if (digest === undefined) {
      state = next;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(item.toString("utf8"));
    } catch {
      throw new NotLineLayout();
    }
    if (typeof parsed !== "object" || parsed === null) throw new NotLineLayout();
    if (state === "nodes") scan.addNode(parsed, digest);
    else scan.addEdge(parsed, digest);
    state = next;
  }
  if (state !== "done") throw new NotLineLayout();
  return scan.finish();
}

/** Reads graph.json into a catalog (against `previous`, when given); errors name the file, in one line. */
export async function scanGraphFile(path: string, previous?: LoadState): Promise<Catalog> {
  try {
    return await scanLines(path, new GraphScan(path, previous));
  } catch (error) {
    if (!(error instanceof NotLineLayout)) throw describeReadError(error, path);
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
