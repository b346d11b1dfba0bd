// The load's mark in the database: one node `(:_DiplographLoad {id: "state"})` holding the
// generation of the last complete load (or `state: "loading"` while one runs), the way
// neo4j-migrations keeps `__Neo4jMigration` nodes. With the database's id and its node and
// relationship counts (read from Neo4j's count store, no scan), it tells whether the database
// is still exactly what the local state file says the last load left.
import type { ManagedTransaction, Session } from "neo4j-driver";
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

const count = async (tx: ManagedTransaction, cypher: string): Promise<number> => Number((await tx.run(cypher)).records[0]!.get(0));

export async function snapshotDatabase(session: Session): Promise<DatabaseSnapshot> {
  return session.executeRead(async (tx) => {
    const info = await tx.run("CALL db.info() YIELD id RETURN id");
    const marker = await tx.run(`MATCH (s:${MARKER_LABEL} {id: 'state'}) RETURN s.generation AS generation, s.state AS state LIMIT 1`);
    const markerRecord = marker.records[0];
    const markers = await count(tx, `MATCH (s:${MARKER_LABEL}) RETURN count(s)`);
    const labels: Record<string, number> = {};
    for (const label of ENTITY_KINDS) labels[label] = await count(tx, `MATCH (n:${identifier(label)}) RETURN count(n)`);
    const types: Record<string, number> = {};
    for (const type of RELATION_TYPES) types[type] = await count(tx, `MATCH ()-[r:${identifier(type)}]->() RETURN count(r)`);
    return {
      databaseId: String(info.records[0]?.get("id") ?? ""),
      ...(markerRecord ? { marker: { generation: String(markerRecord.get("generation")), state: String(markerRecord.get("state")) } } : {}),
      nodes: (await count(tx, "MATCH (n) RETURN count(n)")) - markers,
      labels,
      relationships: await count(tx, "MATCH ()-[r]->() RETURN count(r)"),
      types,
    };
  });
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
