// The flat property shape every table-like format writes (GraphML, CSV, Cypher; GEXF for its
// attributes): primitives and lists of primitives only, the same shape `diplograph load`
// gives Neo4j (docs/neo4j.md): node `mentions` and edge `evidence` as parallel lists.
import type { Evidence, Mention } from "../graph/types.ts";

export type FlatScalar = string | number | boolean;
export type FlatValue = FlatScalar | FlatScalar[];
export type FlatRecord = Record<string, FlatValue>;

export type ValueType = "string" | "int" | "double" | "boolean";
/** One property as a column: its name, the type of its values, and whether it is a list. */
export interface Column {
  name: string;
  type: ValueType;
  list: boolean;
}

/** Numbers the contract makes fractional, even when an export happens to hold only whole ones. */
const ALWAYS_DOUBLE = new Set(["x", "y", "size", "confidence"]);

const isScalar = (value: unknown): value is FlatScalar =>
  typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value));

/** Null and undefined dropped (Neo4j has no null property); anything not flat becomes a JSON string. */
function flatValue(value: unknown): FlatValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (isScalar(value)) return value;
  if (Array.isArray(value) && value.every(isScalar)) {
    const types = new Set(value.map((v) => typeof v));
    if (types.size <= 1) return value;
  }
  return JSON.stringify(value);
}

function mentionColumns(mentions: Mention[]): FlatRecord {
  return {
    mentionArticles: mentions.map((m) => m.article),
    mentionSentences: mentions.map((m) => m.sentence),
    mentionStarts: mentions.map((m) => m.start),
    mentionEnds: mentions.map((m) => m.end),
  };
}

function evidenceColumns(evidence: Evidence[]): FlatRecord {
  return {
    evidenceArticles: evidence.map((e) => e.article),
    evidenceSentences: evidence.map((e) => e.sentence),
    evidenceQuotes: evidence.map((e) => e.quote),
    evidenceStarts: evidence.map((e) => e.start),
    evidenceEnds: evidence.map((e) => e.end),
    // the lexicon rows that read the facts, where any did ("" for the others)
    ...(evidence.some((e) => e.rule) ? { evidenceRules: evidence.map((e) => e.rule ?? "") } : {}),
  };
}

/** A node as flat properties: `key`, then every attribute (mentions as parallel lists). */
export function flatNode(key: string, attributes: object): FlatRecord {
  const record: FlatRecord = { key };
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "key") continue;
    if (name === "mentions" && Array.isArray(value)) {
      Object.assign(record, mentionColumns(value as Mention[]));
      continue;
    }
    const flat = flatValue(value);
    if (flat !== undefined) record[name] = flat;
  }
  return record;
}

/** An edge as flat properties: every attribute but `type`, which formats write as the relationship type. */
export function flatEdge(attributes: object): FlatRecord {
  const record: FlatRecord = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "type") continue;
    if (name === "evidence" && Array.isArray(value)) {
      Object.assign(record, evidenceColumns(value as Evidence[]));
      continue;
    }
    const flat = flatValue(value);
    if (flat !== undefined) record[name] = flat;
  }
  return record;
}

function scalarType(value: FlatScalar): ValueType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isSafeInteger(value) ? "int" : "double";
  return "string";
}

/** Widens two types: int and double make double; anything else mixed makes string. */
function widen(a: ValueType | undefined, b: ValueType): ValueType {
  if (a === undefined || a === b) return b;
  if ((a === "int" && b === "double") || (a === "double" && b === "int")) return "double";
  return "string";
}

/**
 * The columns of a set of records, in order of first appearance, each with the narrowest
 * type that fits every value (positions, sizes and confidences are always double).
 */
export function columnsOf(records: Iterable<FlatRecord>): Column[] {
  const columns = new Map<string, { type: ValueType | undefined; list: boolean; mixed: boolean }>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      const list = Array.isArray(value);
      const column = columns.get(name) ?? { type: undefined, list, mixed: false };
      if (column.list !== list) column.mixed = true;
      for (const item of list ? value : [value]) column.type = widen(column.type, scalarType(item));
      columns.set(name, column);
    }
  }
  return [...columns].map(([name, c]) => ({
    name,
    type: c.mixed ? "string" : c.type === "int" && ALWAYS_DOUBLE.has(name) ? "double" : (c.type ?? "string"),
    list: c.list && !c.mixed,
  }));
}

/** A value as its column's type says: a list where a list is expected, text where types were mixed. */
export function conform(value: FlatValue, column: Column): FlatValue {
  if (column.list) return Array.isArray(value) ? value.map((v) => conformScalar(v, column.type)) : [conformScalar(value, column.type)];
  if (Array.isArray(value)) return JSON.stringify(value);
  return conformScalar(value, column.type);
}

function conformScalar(value: FlatScalar, type: ValueType): FlatScalar {
  return type === "string" && typeof value !== "string" ? String(value) : value;
}
