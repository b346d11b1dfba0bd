// The load's mark in the database: one node `(:_DiplographLoad {id: "state"})` holding the
// generation of the last complete load (or `state: "loading"` while one runs), the way
// neo4j-migrations keeps `__Neo4jMigration` nodes. With the database's id and its node and
// relationship counts (read from Neo4j's count store, no scan), it tells whether the database
// is still exactly what the local state file says the last load left.
import type { Session } from "neo4j-driver";
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import { identifier } from "./cypher.ts";
import type { LoadState } from "./load-state.ts";

export const MARKER_LABEL = "_DiplographLoad";

export interface DatabaseSnapshot {
  databaseId: string;
  marker?: { generation: string; state: string };
  /** Nodes other than the marker, by label and in all. */
  nodes: number;
  labels: Record<string, number>;
  relationships: number;
  types: Record<string, number>;
}


/**
 * One query, one round trip: the database's id, the marker and every count (from the count store:
 * a COUNT of one label or one type reads no node). It was 21 queries in a row, each a round trip
 * that a busy host stretches to tens of milliseconds.
 */
export async function snapshotDatabase(session: Session): Promise<DatabaseSnapshot> {
  const labelCounts = ENTITY_KINDS.map((label, i) => `COUNT { MATCH (:${identifier(label)}) } AS label${i}`);
  const typeCounts = RELATION_TYPES.map((type, i) => `COUNT { MATCH ()-[:${identifier(type)}]->() } AS type${i}`);
  const cypher =
    `CALL db.info() YIELD id ` +
    `OPTIONAL MATCH (s:${MARKER_LABEL} {id: 'state'}) WITH id, s LIMIT 1 ` +
    `RETURN id, s.generation AS generation, s.state AS state, COUNT { MATCH (:${MARKER_LABEL}) } AS markers, ` +
    `COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[]->() } AS relationships, ${[...labelCounts, ...typeCounts].join(", ")}`;
  const record = (await session.executeRead((tx) => tx.run(cypher))).records[0]!;
  const number = (name: string) => Number(record.get(name));
  const labels: Record<string, number> = {};
  ENTITY_KINDS.forEach((label, i) => (labels[label] = number(`label${i}`)));
  const types: Record<string, number> = {};
  RELATION_TYPES.forEach((type, i) => (types[type] = number(`type${i}`)));
  const generation = record.get("generation") as unknown;
  return {
    databaseId: String(record.get("id") ?? ""),
    ...(generation !== null && generation !== undefined ? { marker: { generation: String(generation), state: String(record.get("state")) } } : {}),
    nodes: number("nodes") - number("markers"),
    labels,
    relationships: number("relationships"),
    types,
  };
}

/** Why the database cannot be trusted to hold what `state` says, or undefined when it can. */
export function distrust(state: LoadState, db: DatabaseSnapshot): string | undefined {
  if (state.databaseId !== db.databaseId) return "the database is not the one of the last load (its id changed)";
  if (!db.marker) return "the database has no mark of an earlier load";
  if (db.marker.state !== "complete") return "the last load did not finish";
  if (db.marker.generation !== state.generation) return "the database was loaded from elsewhere since";
  const labels: Record<string, number> = {};
  for (const label of state.nodes.labels) labels[label] = (labels[label] ?? 0) + 1;
  const types: Record<string, number> = {};
  for (const type of state.relationships.types) types[RELATION_TYPES[type]!] = (types[RELATION_TYPES[type]!] ?? 0) + 1;
  const [nodes, relationships] = [state.nodes.keys.length, state.relationships.types.length];
  if (db.nodes !== nodes || db.relationships !== relationships) {
    return `the database holds ${db.nodes} nodes and ${db.relationships} relationships where the last load left ${nodes} and ${relationships}`;
  }
  for (const label of ENTITY_KINDS) if ((labels[label] ?? 0) !== db.labels[label]) return `the database's ${label} nodes changed since the last load`;
  for (const type of RELATION_TYPES) if ((types[type] ?? 0) !== db.types[type]) return `the database's ${type} relationships changed since the last load`;
  return undefined;
}

export async function markLoading(session: Session, generation: string): Promise<void> {
  await session.executeWrite((tx) =>
    tx.run(`MERGE (s:${MARKER_LABEL} {id: 'state'}) SET s.generation = $generation, s.state = 'loading', s.startedAt = $now`, { generation, now: new Date().toISOString() }),
  );
}

export async function markComplete(session: Session, generation: string, graph: string): Promise<void> {
  await session.executeWrite((tx) =>
    tx.run(`MERGE (s:${MARKER_LABEL} {id: 'state'}) SET s.generation = $generation, s.state = 'complete', s.graph = $graph, s.loadedAt = $now`, {
      generation,
      graph,
      now: new Date().toISOString(),
    }),
  );
}

/** A load that keeps no state (loadGraph) leaves no generation behind: the next stateful load is a full one. */
export async function clearMark(session: Session): Promise<void> {
  await session.executeWrite((tx) => tx.run(`MATCH (s:${MARKER_LABEL}) DETACH DELETE s`));
}
