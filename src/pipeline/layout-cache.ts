// The positions of the last build's picture, kept in OUT/.diplograph/positions.json for the next
// build's warm start (graph/layout.ts): reading them back from graph.json would mean parsing the
// whole graph (1.7 GB at 100,000 articles) for a few megabytes of numbers. They are used only while
// graph.json is the file they were written with (same size, modification time and inode): a
// graph.json replaced or edited by hand since starts a full layout.
import { readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Positions } from "../graph/layout.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { writeFileAtomic } from "../graph/write-atomic.ts";

export const POSITIONS_FILE = "positions.json";

interface SavedPositions {
  /** graph.json as it was written with these positions. */
  graph: { size: number; mtimeMs: number; ino: number };
  /** [node key, x, y] in node order. */
  nodes: Array<[string, number, number]>;
}

function graphStamp(graphFile: string): SavedPositions["graph"] | undefined {
  const s = statSync(graphFile, { throwIfNoEntry: false });
  return s ? { size: s.size, mtimeMs: s.mtimeMs, ino: s.ino } : undefined;
}

/** The previous picture, if graph.json is still the one it belongs to. */
export function readPositions(storeDir: string, graphFile: string): Positions | undefined {
  let saved: SavedPositions;
  try {
    saved = JSON.parse(readFileSync(join(storeDir, POSITIONS_FILE), "utf8")) as SavedPositions;
  } catch {
    return undefined;
  }
  const now = graphStamp(graphFile);
  if (!now || !saved.graph || now.size !== saved.graph.size || now.mtimeMs !== saved.graph.mtimeMs || now.ino !== saved.graph.ino) return undefined;
  return new Map(saved.nodes.map(([key, x, y]) => [key, { x, y }]));
}

/** Saves the positions of the graph just written to `graphFile`; a graph without positions removes them. */
export async function writePositions(storeDir: string, graphFile: string, graph: KnowledgeGraph): Promise<void> {
  const path = join(storeDir, POSITIONS_FILE);
  const stamp = graphStamp(graphFile);
  const nodes: SavedPositions["nodes"] = [];
  graph.forEachNode((node, attrs) => {
    if (attrs.x !== undefined && attrs.y !== undefined) nodes.push([node, attrs.x, attrs.y]);
  });
  if (!stamp || nodes.length !== graph.order || graph.order === 0) {
    rmSync(path, { force: true });
    return;
  }
  await writeFileAtomic(path, JSON.stringify({ graph: stamp, nodes } satisfies SavedPositions));
}
