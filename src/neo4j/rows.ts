// graph.json → what the loader writes: node rows grouped by label, relationship rows grouped
// by (type, source label, target label), properties in Neo4j's types. Pure, no I/O.
import neo4j from "neo4j-driver";
import type { Integer } from "neo4j-driver";
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { EntityKind, Evidence, Mention, RelationType, SerializedKnowledgeGraph } from "../graph/types.ts";
import { GraphFileError } from "./errors.ts";

export type PropertyValue = string | number | boolean | Integer | string[] | number[] | boolean[] | Integer[];
export type Properties = Record<string, PropertyValue>;

export interface NodeRow {
  key: string;
  props: Properties;
}
export interface NodeGroup {
  label: EntityKind;
  rows: NodeRow[];
}
export interface RelationshipRow {
  source: string;
  target: string;
  props: Properties;
}
export interface RelationshipGroup {
  type: RelationType;
  sourceLabel: EntityKind;
  targetLabel: EntityKind;
  rows: RelationshipRow[];
}
export interface LoadPlan {
  nodes: NodeGroup[];
  relationships: RelationshipGroup[];
  nodeCount: number;
  relationshipCount: number;
}

const isKind = (value: unknown): value is EntityKind => (ENTITY_KINDS as readonly unknown[]).includes(value);
const isRelationType = (value: unknown): value is RelationType => (RELATION_TYPES as readonly unknown[]).includes(value);

/** Neo4j stores integers and floats apart; JSON does not, so whole numbers become integers. */
function toNeo4jNumber(value: number): number | Integer {
  return Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

/**
 * One attribute as a property: primitives as they are, homogeneous lists of primitives as
 * lists, null dropped (Neo4j has no null property), anything else as a JSON string.
 */
function toProperty(value: unknown): PropertyValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return toNeo4jNumber(value);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === "string")) return value as string[];
    if (value.every((item) => typeof item === "boolean")) return value as boolean[];
    if (value.every((item) => typeof item === "number")) {
      const numbers = value as number[];
      return numbers.every(Number.isSafeInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
    }
  }
  return JSON.stringify(value);
}

/** `mentions` as parallel lists: mentionArticles[i], mentionSentences[i], mentionStarts[i], mentionEnds[i]. */
function mentionProperties(mentions: Mention[]): Properties {
  return {
    mentionArticles: mentions.map((m) => m.article),
    mentionSentences: mentions.map((m) => neo4j.int(m.sentence)),
    mentionStarts: mentions.map((m) => neo4j.int(m.start)),
    mentionEnds: mentions.map((m) => neo4j.int(m.end)),
  };
}

/** `evidence` as parallel lists: evidenceArticles[i], evidenceSentences[i], evidenceQuotes[i], evidenceStarts[i], evidenceEnds[i], and evidenceRules[i] where a lexicon row read any of them. */
function evidenceProperties(evidence: Evidence[]): Properties {
  return {
    evidenceArticles: evidence.map((e) => e.article),
    evidenceSentences: evidence.map((e) => neo4j.int(e.sentence)),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceStarts: evidence.map((e) => neo4j.int(e.start)),
    evidenceEnds: evidence.map((e) => neo4j.int(e.end)),
    ...(evidence.some((e) => e.rule) ? { evidenceRules: evidence.map((e) => e.rule ?? "") } : {}),
  };
}

/** Between the names of `names`: a control character no normalised name contains. */
export const NAME_SEPARATOR = "\u001f";

/**
 * Every name of an entity (label and aliases) in one string, each between separators, for the
 * text index: `n.names CONTAINS ('\u001f' + $name + '\u001f')` finds a node by any of its names
 * with an index scan, where `$name IN n.aliases` scans every node of the label (no Neo4j index
 * serves membership in a list).
 */
export function namesProperty(attributes: Record<string, unknown>): string | undefined {
  if (attributes.kind === "Article") return undefined;
  const names = [attributes.label, ...(Array.isArray(attributes.aliases) ? attributes.aliases : [])].filter((n): n is string => typeof n === "string" && n !== "");
  return names.length > 0 ? `${NAME_SEPARATOR}${names.join(NAME_SEPARATOR)}${NAME_SEPARATOR}` : undefined;
}

/** A node's properties: `key` plus every attribute (mentions as parallel lists), and `names` for the name index. */
export function nodeProperties(key: string, attributes: Record<string, unknown>): Properties {
  const props: Properties = { key };
  const names = namesProperty(attributes);
  if (names !== undefined) props.names = names;
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "key") continue;
    if (name === "mentions" && Array.isArray(value)) {
      Object.assign(props, mentionProperties(value as Mention[]));
      continue;
    }
    const property = toProperty(value);
    if (property !== undefined) props[name] = property;
  }
  return props;
}

/** A relationship's properties: every attribute but `type` (evidence as parallel lists). */
export function relationshipProperties(attributes: Record<string, unknown>): Properties {
  const props: Properties = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "type") continue;
    if (name === "evidence" && Array.isArray(value)) {
      Object.assign(props, evidenceProperties(value as Evidence[]));
      continue;
    }
    const property = toProperty(value);
    if (property !== undefined) props[name] = property;
  }
  return props;
}

/** How many of `mentions` fall in each article. */
function mentionCounts(mentions: Mention[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.article, (counts.get(m.article) ?? 0) + 1);
  return counts;
}

/** Checks graph.json's shape and turns it into load groups; `file` names the file in errors. */
export function planLoad(graph: SerializedKnowledgeGraph, file: string): LoadPlan {
  const fail = (reason: string): never => {
    throw new GraphFileError(`load: ${file}: ${reason}`);
  };
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    fail("not a graph export (expected `nodes` and `edges` arrays)");
  }

  const kindOf = new Map<string, EntityKind>();
  const nodeGroups = new Map<EntityKind, NodeGroup>();
  for (const node of graph.nodes) {
    const key = node.key;
    const attributes = (node.attributes ?? {}) as Record<string, unknown>;
    if (typeof key !== "string" || key === "") fail("a node has no key");
    if (kindOf.has(key)) fail(`node "${key}" appears twice`);
    const kind = attributes.kind;
    if (!isKind(kind)) fail(`node "${key}" has kind ${JSON.stringify(kind)}, not one of ${ENTITY_KINDS.join(", ")}`);
    kindOf.set(key, kind as EntityKind);
    const group = nodeGroups.get(kind as EntityKind) ?? { label: kind as EntityKind, rows: [] };
    group.rows.push({ key, props: nodeProperties(key, attributes) });
    nodeGroups.set(kind as EntityKind, group);
  }

  const relGroups = new Map<string, RelationshipGroup>();
  const seen = new Set<string>();
  const addRelationship = (type: RelationType, source: string, target: string, props: Properties, what: string) => {
    const sourceLabel = kindOf.get(source) ?? fail(`${what}: unknown source node "${source}"`);
    const targetLabel = kindOf.get(target) ?? fail(`${what}: unknown target node "${target}"`);
    const id = JSON.stringify([type, source, target]);
    if (seen.has(id)) fail(`${what}: a second ${type} edge from "${source}" to "${target}" (the contract allows one)`);
    seen.add(id);
    const groupId = `${type}|${sourceLabel}|${targetLabel}`;
    const group = relGroups.get(groupId) ?? { type, sourceLabel, targetLabel, rows: [] };
    group.rows.push({ source, target, props });
    relGroups.set(groupId, group);
  };

  graph.edges.forEach((edge, index) => {
    const attributes = (edge.attributes ?? {}) as Record<string, unknown>;
    const what = `edge ${edge.key ?? `#${index}`}`;
    if (!isRelationType(attributes.type)) {
      fail(`${what} has type ${JSON.stringify(attributes.type)}, not one of ${RELATION_TYPES.join(", ")}`);
    }
    addRelationship(attributes.type as RelationType, edge.source, edge.target, relationshipProperties(attributes), what);
  });

  // MENTIONED_IN from every node's `articles`, unless graph.json carries that edge itself.
  for (const node of graph.nodes) {
    const attributes = (node.attributes ?? {}) as Record<string, unknown>;
    if (attributes.kind === "Article" || !Array.isArray(attributes.articles)) continue;
    const mentions = Array.isArray(attributes.mentions) ? (attributes.mentions as Mention[]) : [];
    // counted in one pass: filtering the mentions once per article was quadratic for a node
    // named in thousands of articles (11 s of a 43 s load of 10,000 articles)
    const counts = mentionCounts(mentions);
    for (const article of attributes.articles as string[]) {
      const target = `article:${article}`;
      if (kindOf.get(target) !== "Article") fail(`node "${node.key}" names article "${article}" but there is no node "${target}"`);
      if (seen.has(JSON.stringify(["MENTIONED_IN", node.key, target]))) continue;
      addRelationship("MENTIONED_IN", node.key, target, { mentions: neo4j.int(counts.get(article) ?? 0) }, `node "${node.key}"`);
    }
  }

  const nodes = [...nodeGroups.values()];
  const relationships = [...relGroups.values()];
  return {
    nodes,
    relationships,
    nodeCount: nodes.reduce((sum, g) => sum + g.rows.length, 0),
    relationshipCount: relationships.reduce((sum, g) => sum + g.rows.length, 0),
  };
}
