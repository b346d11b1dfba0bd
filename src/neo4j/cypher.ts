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
 * A text index on `names` (label and aliases, rows.ts namesProperty) per entity label: the saved
 * queries find an entity by any of its names with an index scan instead of a label scan.
 */
export function nameIndexStatement(label: Exclude<EntityKind, "Article">): string {
  return `CREATE TEXT INDEX diplograph_${label.toLowerCase()}_names IF NOT EXISTS FOR (n:${identifier(label)}) ON (n.names)`;
}

/** `SET n = row.props` replaces every property, so a reload leaves exactly the file's contents. */
export function mergeNodesStatement(label: EntityKind): string {
  return `UNWIND $rows AS row MERGE (n:${identifier(label)} {key: row.key}) SET n = row.props`;
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

/** Deletes every node and relationship of the database, in chunks so that memory stays small. */
export const WIPE_STATEMENT = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS";
