// graph.json read without making it one string: the build writes one node or edge per line
// (serialize.ts), so each line is parsed on its own. graph.json of 100,000 articles is over a
// gigabyte, past the longest string V8 can hold, so `JSON.parse(readFile(…))` cannot read it.
// A file in any other layout (indented, hand-made) is parsed whole, as before.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { SerializedKnowledgeGraph } from "./types.ts";

/** Files up to this size may be read whole when they are not in the build's layout. */
const WHOLE_FILE_LIMIT = 256 * 1024 * 1024;
const NODES_OPEN = '"nodes":[';
const NODES_CLOSE = '],"edges":[';
/** The last node line of a graph without edges closes the file (serialize.ts). */
const NODES_CLOSE_NO_EDGES = '],"edges":[]}';
const EDGES_CLOSE = "]}";

type State = "head" | "nodes" | "edges" | "done";
type Item = SerializedKnowledgeGraph["nodes"][number] | SerializedKnowledgeGraph["edges"][number];

/** The graph in `path`; throws SyntaxError (not JSON) or the read's own error (missing file). */
export async function readGraphFile(path: string): Promise<SerializedKnowledgeGraph> {
  const byLines = await readByLines(path);
  if (byLines) return byLines;
  if ((await stat(path)).size > WHOLE_FILE_LIMIT) throw new SyntaxError("too large to read whole, and not in the one-item-per-line layout the build writes");
  return JSON.parse(await readFile(path, "utf8")) as SerializedKnowledgeGraph;
}

/** The graph parsed line by line, or undefined when the file is not in the build's layout. */
async function readByLines(path: string): Promise<SerializedKnowledgeGraph | undefined> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let graph: SerializedKnowledgeGraph | undefined;
  let into: Item[] | undefined;
  let state = "head" as State;
  try {
    for await (const line of lines) {
      if (state === "done") {
        if (line.trim() !== "") return undefined;
        continue;
      }
      if (state === "head") {
        if (!line.startsWith("{") || !line.endsWith("[")) return undefined;
        graph = JSON.parse(`${line}]}`) as SerializedKnowledgeGraph;
        if (!Array.isArray(graph.nodes) || (line.endsWith(NODES_OPEN) ? false : !Array.isArray(graph.edges))) return undefined;
        graph.edges ??= [];
        state = line.endsWith(NODES_OPEN) ? "nodes" : "edges";
        into = state === "nodes" ? graph.nodes : graph.edges;
        continue;
      }
      const [item, next]: [string | undefined, State] =
        state === "nodes" && line.endsWith(NODES_CLOSE) ? [line.slice(0, -NODES_CLOSE.length), "edges"]
        : state === "nodes" && line.endsWith(NODES_CLOSE_NO_EDGES) ? [line.slice(0, -NODES_CLOSE_NO_EDGES.length), "done"]
        : state === "edges" && line.endsWith(EDGES_CLOSE) ? [line.slice(0, -EDGES_CLOSE.length), "done"]
        : line.endsWith(",") ? [line.slice(0, -1), state]
        : [undefined, state];
      if (item === undefined || !item.startsWith("{")) return undefined;
      into!.push(JSON.parse(item) as Item);
      if (next !== state) {
        state = next;
        into = graph!.edges;
      }
    }
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  } finally {
    lines.close();
  }
  return state === "done" ? graph : undefined;
}
