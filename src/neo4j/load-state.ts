// What the last load wrote into one database, kept in a file beside graph.json: every node and
// relationship by identity with the digest of its contents, and the generation id that the load
// also left in the database (load-marker.ts). The next load trusts this file only when the
// database still carries that generation and the counts it implies; then it writes the difference.
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writeFileAtomic } from "../graph/write-atomic.ts";
import { RELATION_TYPES } from "../graph/types.ts";
import { digestOf } from "./catalog.ts";
import type { Catalog, Digests } from "./catalog.ts";

/**
 * The version of the property shape rows.ts writes. Bump it whenever nodeProperties,
 * relationshipProperties or the MENTIONED_IN rows change what a given graph.json stores:
 * a state of another shape is not trusted, so the next load rewrites everything.
 */
export const LOAD_SHAPE_VERSION = 2; // 2: meetings' sortDate

const FORMAT = "diplograph-neo4j-load-state";

export interface LoadState {
  format: typeof FORMAT;
  shape: number;
  /** Also on the database's marker node; a load that finds another one does a full load. */
  generation: string;
  /** `CALL db.info()` id: a database dropped and created again, or re-imported, has another. */
  databaseId: string;
  uri: string;
  database: string;
  graph: string;
  /**
   * The build that wrote the graph.json loaded, when it was read with that build's index of its
   * lines (pipeline/graph-lines.ts): the next load of a later build of its lineage reads only the
   * lines written since.
   */
  build?: string;
  loadedAt: string;
  /** The relationship types the type numbers of `relationships` index. */
  types: string[];
  /** Columns: key, label, digest of the attributes but the layout, digest of the layout, digest of the line in graph.json ("" if none), digests of long lists ("" if none). */
  nodes: Digests["nodes"];
  /** Columns: type, indices of the ends in `nodes`, digest. */
  relationships: Digests["relationships"];
}

/** Where the state of a load of `graphFile` into (uri, database) is kept: beside graph.json, one file per database. */
export function defaultStatePath(graphFile: string, uri: string, database: string): string {
  const safe = database.replace(/[^A-Za-z0-9_.-]/g, "_");
  return join(dirname(graphFile), ".diplograph", `neo4j-${basename(graphFile, ".json")}-${safe}-${digestOf(`${uri}\n${database}`).replace(/[^A-Za-z0-9]/g, "").slice(0, 10)}.json`);
}

export function stateOf(catalog: Catalog, fields: Pick<LoadState, "generation" | "databaseId" | "uri" | "database" | "graph">): LoadState {
  return {
    format: FORMAT,
    shape: LOAD_SHAPE_VERSION,
    ...fields,
    ...(catalog.build !== undefined ? { build: catalog.build } : {}),
    loadedAt: new Date().toISOString(),
    types: [...RELATION_TYPES],
    ...catalog.digests,
  };
}

/** The state in `path`, or why there is none to trust (missing, unreadable, another format). */
export async function readState(path: string): Promise<LoadState | { missing: string }> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { missing: code === "ENOENT" ? "no state of an earlier load" : `the state file cannot be read (${code ?? String(error)})` };
  }
  try {
    const state = JSON.parse(text) as Partial<LoadState>;
    if (state.format !== FORMAT || typeof state.generation !== "string") return { missing: "the state file is not a load state" };
    if (state.shape !== LOAD_SHAPE_VERSION || JSON.stringify(state.types) !== JSON.stringify(RELATION_TYPES)) {
      return { missing: "the state is of another version of the loader" };
    }
    if (state.build !== undefined && typeof state.build !== "string") delete state.build;
    // a state written before node lines and long lists were digested: those nodes are parsed and written whole once more
    if (state.nodes && Array.isArray(state.nodes.keys)) {
      state.nodes.lineDigests ??= state.nodes.keys.map(() => "");
      state.nodes.listDigests ??= state.nodes.keys.map(() => "");
    }
    return wellFormed(state as LoadState) ? (state as LoadState) : { missing: "the state file is damaged" };
  } catch {
    return { missing: "the state file is not valid JSON" };
  }
}

/** Columns of equal lengths, ends within the nodes (a relationship named twice is found by catalog.ts). */
function wellFormed(state: LoadState): boolean {
  const { nodes, relationships: r } = state;
  const n = nodes?.keys?.length;
  if (!Array.isArray(nodes?.keys) || ![nodes.labels, nodes.digests, nodes.layoutDigests, nodes.lineDigests, nodes.listDigests].every((c) => Array.isArray(c) && c.length === n)) return false;
  const m = r?.types?.length;
  if (!Array.isArray(r?.types) || ![r.sources, r.targets, r.digests].every((c) => Array.isArray(c) && c.length === m)) return false;
  for (let i = 0; i < m; i++) {
    const [type, source, target] = [r.types[i]!, r.sources[i]!, r.targets[i]!];
    if (!(Number.isInteger(type) && type >= 0 && type < RELATION_TYPES.length && Number.isInteger(source) && source >= 0 && source < n && Number.isInteger(target) && target >= 0 && target < n)) return false;
  }
  return true;
}

export async function writeState(path: string, state: LoadState): Promise<void> {
  await writeFileAtomic(path, JSON.stringify(state));
}
