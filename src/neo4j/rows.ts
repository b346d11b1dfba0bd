// graph.json → what the loader writes: node rows grouped by label, relationship rows grouped
// by (type, source label, target label), properties in Neo4j's types. Pure, no I/O. The checks
// of the contract and the rows' identities are in catalog.ts.
import neo4j from "neo4j-driver";
import type { Integer } from "neo4j-driver";
import type { EntityKind, Evidence, Mention, RelationType, SerializedKnowledgeGraph } from "../graph/types.ts";
import { APPENDABLE_KEYS, catalogGraph, LAYOUT_KEYS } from "./catalog.ts";
import { namesProperty, sortDateProperty } from "./derived-properties.ts";
import type { AppendableKey, LayoutKey, NodeEntry, RelationshipEntry } from "./catalog.ts";

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
/** A node's layout alone, for a node that only moved; null removes the property. */
export type LayoutRow = { key: string } & Partial<Record<LayoutKey, PropertyValue | null>>;
export interface LoadPlan {
  nodes: NodeGroup[];
  relationships: RelationshipGroup[];
  nodeCount: number;
  relationshipCount: number;
}


/** Neo4j stores integers and floats apart; JSON does not, so whole numbers become integers. */
function toNeo4jNumber(value: number): number | Integer {
  return Number.isSafeInteger(value) ? neo4j.int(value) : value;
}

/**
 * One attribute as a property: primitives as they are, homogeneous lists of primitives as
 * lists, null dropped (Neo4j has no null property), anything else as a JSON string.
 */
export function toProperty(value: unknown): PropertyValue | undefined {
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

/** A node's properties: `key` plus every attribute (mentions as parallel lists), `names` for the name index, and a meeting's `sortDate`. */
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
  const sortDate = sortDateProperty(attributes);
  if (sortDate !== undefined) props.sortDate = sortDate;
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

/** The properties one catalogued node is written with. */
export function nodeRow(entry: NodeEntry): NodeRow {
  return { key: entry.key, props: nodeProperties(entry.key, entry.attributes) };
}

/** The properties each appendable attribute is stored in. */
const APPENDED_PROPERTIES: Record<AppendableKey, readonly string[]> = {
  articles: ["articles"],
  mentions: ["mentionArticles", "mentionSentences", "mentionStarts", "mentionEnds"],
};

/** A node whose long lists grew: every other property, and the new items of those lists. */
export interface AppendRow extends NodeRow {
  append: Record<string, PropertyValue>;
  /** For a node with `inserts`: by property, where its new items go (node-digests.ts InsertRuns). */
  runs?: Record<string, { at: Integer[]; from: Integer[] }>;
}

/** The row of a node with `appendFrom`: the kept lists' properties leave `props` and their new items go to `append`. */
export function appendRow(entry: NodeEntry & { appendFrom: NonNullable<NodeEntry["appendFrom"]> }): AppendRow {
  // the entry's lists hold only their new items (ASEAN: 1,200 of 128,000 mentions)
  const props = nodeProperties(entry.key, entry.attributes);
  const append: Record<string, PropertyValue> = {};
  for (const name of Object.keys(entry.appendFrom) as AppendableKey[]) {
    for (const property of APPENDED_PROPERTIES[name]) {
      append[property] = props[property]!;
      delete props[property];
    }
  }
  if (!entry.inserts) return { key: entry.key, props, append };
  // a list that only grew at its end, beside one with insertions, is one run at its end
  const runs: NonNullable<AppendRow["runs"]> = {};
  for (const [name, kept] of Object.entries(entry.appendFrom) as Array<[AppendableKey, number]>) {
    const { at, from } = entry.inserts[name] ?? { at: [kept], from: [0] };
    for (const property of APPENDED_PROPERTIES[name]) runs[property] = { at: at.map((n) => neo4j.int(n)), from: from.map((n) => neo4j.int(n)) };
  }
  return { key: entry.key, props, append, runs };
}

/** The property names `appendRow` puts in `append` for these attributes, in a fixed order. */
export function appendedProperties(appendFrom: NonNullable<NodeEntry["appendFrom"]>): string[] {
  return APPENDABLE_KEYS.filter((name) => name in appendFrom).flatMap((name) => APPENDED_PROPERTIES[name]);
}

/** The properties one catalogued relationship is written with. */
export function relationshipRow(entry: RelationshipEntry): RelationshipRow {
  const props = entry.derived ? { mentions: neo4j.int((entry.attributes as { mentions: number }).mentions) } : relationshipProperties(entry.attributes);
  return { source: entry.source, target: entry.target, props };
}

/** The layout attributes of a node alone; a missing one is null, which removes the property. */
export function layoutRow(entry: NodeEntry): LayoutRow {
  const row: LayoutRow = { key: entry.key };
  for (const name of LAYOUT_KEYS) row[name] = toProperty(entry.attributes[name]) ?? null;
  return row;
}

/** Rows grouped by label and by (type, source label, target label), the groups in first-seen order. */
export function groupRows(nodes: Iterable<NodeEntry>, relationships: Iterable<RelationshipEntry>): LoadPlan {
  const nodeGroups = new Map<EntityKind, NodeGroup>();
  for (const entry of nodes) {
    const group = nodeGroups.get(entry.label) ?? { label: entry.label, rows: [] };
    group.rows.push(nodeRow(entry));
    nodeGroups.set(entry.label, group);
  }
  const relGroups = new Map<string, RelationshipGroup>();
  for (const entry of relationships) {
    const groupId = `${entry.type}|${entry.sourceLabel}|${entry.targetLabel}`;
    const group = relGroups.get(groupId) ?? { type: entry.type, sourceLabel: entry.sourceLabel, targetLabel: entry.targetLabel, rows: [] };
    group.rows.push(relationshipRow(entry));
    relGroups.set(groupId, group);
  }
  const groupedNodes = [...nodeGroups.values()];
  const groupedRelationships = [...relGroups.values()];
  return {
    nodes: groupedNodes,
    relationships: groupedRelationships,
    nodeCount: groupedNodes.reduce((sum, g) => sum + g.rows.length, 0),
    relationshipCount: groupedRelationships.reduce((sum, g) => sum + g.rows.length, 0),
  };
}

/** Checks graph.json's shape and turns every row into load groups; `file` names the file in errors. */
export function planLoad(graph: SerializedKnowledgeGraph, file: string): LoadPlan {
  const catalog = catalogGraph(graph, file);
  return groupRows(catalog.nodes, catalog.relationships);
}
