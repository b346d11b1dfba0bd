// The statements the loader sends. Labels and types come only from the contract's fixed
// lists (checked here) and values only as parameters, so data never becomes Cypher.
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { EntityKind, RelationType } from "../graph/types.ts";

/** Escapes an identifier for Cypher after checking it is one of the contract's labels or types. */
export function identifier(name: EntityKind | RelationType): string {
  if (!(ENTITY_KINDS as readonly string[]).includes(name) && !(RELATION_TYPES as readonly string[]).includes(name)) {
    throw new RangeError(`cypher: "${name}" is not a label or relationship type of the graph contract`);
  }
  return `\`${name.replaceAll("`", "``")}\``;
}

export function constraintName(label: EntityKind): string {
  return `diplograph_${label.toLowerCase()}_key`;
}

/** One uniqueness constraint on `key` per label (it also gives MERGE and MATCH their index). */
export function constraintStatement(label: EntityKind): string {
  return `CREATE CONSTRAINT ${constraintName(label)} IF NOT EXISTS FOR (n:${identifier(label)}) REQUIRE n.key IS UNIQUE`;
}

/**
 * A text index on `names` (label and aliases, derived-properties.ts namesProperty) per entity label: the saved
 * queries find an entity by any of its names with an index scan instead of a label scan.
 */
export function nameIndexStatement(label: Exclude<EntityKind, "Article">): string {
  return `CREATE TEXT INDEX ${nameIndexName(label)} IF NOT EXISTS FOR (n:${identifier(label)}) ON (n.names)`;
}

export function nameIndexName(label: Exclude<EntityKind, "Article">): string {
  return `diplograph_${label.toLowerCase()}_names`;
}

export const MEETING_ORDER_INDEX = "diplograph_meeting_sortdate";

/** A range index on meetings' `sortDate` (rows.ts sortDateProperty): the paged listings read meetings in date order from it. */
export function meetingOrderIndexStatement(): string {
  return `CREATE RANGE INDEX ${MEETING_ORDER_INDEX} IF NOT EXISTS FOR (n:Meeting) ON (n.sortDate)`;
}

/** `SET n = row.props` replaces every property, so a reload leaves exactly the file's contents. */
export function mergeNodesStatement(label: EntityKind): string {
  return `UNWIND $rows AS row MERGE (n:${identifier(label)} {key: row.key}) SET n = row.props`;
}

/** Properties a load may append to (rows.ts appendedProperties): fixed names, never data. */
const APPENDABLE_PROPERTIES = new Set(["articles", "mentionArticles", "mentionSentences", "mentionStarts", "mentionEnds"]);

/**
 * A changed node whose long lists only grew: every property replaced as in mergeNodesStatement,
 * except the lists, which keep what the database holds and get `row.append`'s items at the end.
 * The old values are read before `SET n = row.props` removes them.
 */
export function appendNodesStatement(label: EntityKind, properties: readonly string[]): string {
  for (const name of properties) if (!APPENDABLE_PROPERTIES.has(name)) throw new RangeError(`cypher: "${name}" is not a property the loader appends to`);
  const kept = properties.map((name, i) => `n.${name} AS kept${i}`).join(", ");
  const sets = properties.map((name, i) => `n.${name} = kept${i} + row.append.${name}`).join(", ");
  return `UNWIND $rows AS row MATCH (n:${identifier(label)} {key: row.key}) WITH n, row, ${kept} SET n = row.props SET ${sets}`;
}

/**
 * As appendNodesStatement, for nodes whose lists gained items between the old ones
 * (node-digests.ts InsertRuns): each list is rebuilt in the server from slices of what it holds and
 * of `row.append`, as `row.runs` says, so that only the new items cross the network.
 */
export function insertNodesStatement(label: EntityKind, properties: readonly string[]): string {
  for (const name of properties) if (!APPENDABLE_PROPERTIES.has(name)) throw new RangeError(`cypher: "${name}" is not a property the loader appends to`);
  const kept = properties.map((name, i) => `n.${name} AS kept${i}`).join(", ");
  const sets = properties.map((name, i) => {
    const [at, from, items] = [`row.runs.${name}.at`, `row.runs.${name}.from`, `row.append.${name}`];
    const old = `kept${i}[CASE r WHEN 0 THEN 0 ELSE ${at}[r - 1] END .. coalesce(${at}[r], size(kept${i}))]`;
    const added = `${items}[coalesce(${from}[r], size(${items})) .. coalesce(${from}[r + 1], size(${items}))]`;
    return `n.${name} = reduce(list = [], r IN range(0, size(${at})) | list + ${old} + ${added})`;
  });
  return `UNWIND $rows AS row MATCH (n:${identifier(label)} {key: row.key}) WITH n, row, ${kept} SET n = row.props SET ${sets.join(", ")}`;
}

/** One relationship per (type, source, target), as the contract says. */
export function mergeRelationshipsStatement(type: RelationType, sourceLabel: EntityKind, targetLabel: EntityKind): string {
  return (
    `UNWIND $rows AS row ` +
    `MATCH (a:${identifier(sourceLabel)} {key: row.source}) ` +
    `MATCH (b:${identifier(targetLabel)} {key: row.target}) ` +
    `MERGE (a)-[r:${identifier(type)}]->(b) SET r = row.props`
  );
}

/**
 * Delete every node and relationship of the database, in chunks so that memory stays small: the
 * relationships first, as DETACH DELETE of 10,000 nodes takes all their relationships in one inner
 * transaction — on a 10,000-article graph the first chunk held a hub's 100,000 and passed the
 * transaction memory pool of a server with a 1 GB heap.
 */
export const WIPE_STATEMENTS = [
  "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
  "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
] as const;

/** Deletes relationships named by their ends' keys (the labels let each end be a seek). */
export function deleteRelationshipsStatement(type: RelationType, sourceLabel: EntityKind, targetLabel: EntityKind): string {
  return (
    `UNWIND $rows AS row ` +
    `MATCH (a:${identifier(sourceLabel)} {key: row.source})-[r:${identifier(type)}]->(b:${identifier(targetLabel)} {key: row.target}) ` +
    `DELETE r`
  );
}

/** Deletes nodes by key, with whatever relationships they still have. */
export function deleteNodesStatement(label: EntityKind): string {
  return `UNWIND $rows AS key MATCH (n:${identifier(label)} {key: key}) DETACH DELETE n`;
}

/** A node that only moved: its four layout properties (null removes one). */
export function moveNodesStatement(label: EntityKind): string {
  return `UNWIND $rows AS row MATCH (n:${identifier(label)} {key: row.key}) SET n.x = row.x, n.y = row.y, n.size = row.size, n.color = row.color`;
}

/** Every node of the database but the load's marker, for a full load to find what graph.json does not hold. */
export const SCAN_NODES_STATEMENT = "MATCH (n) WHERE NOT n:`_DiplographLoad` RETURN elementId(n) AS id, labels(n) AS labels, n.key AS key";
export const SCAN_RELATIONSHIPS_STATEMENT = "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, a.key AS source, b.key AS target";
export const DELETE_NODES_BY_ID_STATEMENT = "UNWIND $rows AS id MATCH (n) WHERE elementId(n) = id DETACH DELETE n";
export const DELETE_RELATIONSHIPS_BY_ID_STATEMENT = "UNWIND $rows AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r";
