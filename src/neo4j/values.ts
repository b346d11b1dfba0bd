// Driver values → plain JSON-ready values: integers as numbers, temporal values as ISO
// strings, nodes, relationships and paths as tagged objects a browser can read.
import neo4j from "neo4j-driver";

export interface PlainNode {
  $type: "node";
  elementId: string;
  labels: string[];
  properties: Record<string, PlainValue>;
}
export interface PlainRelationship {
  $type: "relationship";
  elementId: string;
  type: string;
  /** elementId of the start and end node. */
  start: string;
  end: string;
  properties: Record<string, PlainValue>;
}
export interface PlainPath {
  $type: "path";
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}
export type PlainValue =
  | null
  | boolean
  | number
  | string
  | PlainValue[]
  | PlainNode
  | PlainRelationship
  | PlainPath
  | { [key: string]: PlainValue };

function plainProperties(properties: Record<string, unknown>): Record<string, PlainValue> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toPlain(v)]));
}

export function isPlainNode(value: PlainValue): value is PlainNode {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$type === "node";
}
export function isPlainRelationship(value: PlainValue): value is PlainRelationship {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$type === "relationship";
}
export function isPlainPath(value: PlainValue): value is PlainPath {
  return typeof value === "object" && value !== null && !Array.isArray(value) && value.$type === "path";
}

export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? neo4j.integer.toNumber(value) : neo4j.integer.toString(value);
  }
  if (typeof value === "boolean" || typeof value === "number" || typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isNode(value)) {
    return { $type: "node", elementId: value.elementId, labels: [...value.labels], properties: plainProperties(value.properties) };
  }
  if (neo4j.isRelationship(value)) {
    return {
      $type: "relationship",
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: plainProperties(value.properties),
    };
  }
  if (neo4j.isPath(value)) {
    const nodes = [toPlain(value.start) as PlainNode];
    const relationships: PlainRelationship[] = [];
    for (const segment of value.segments) {
      relationships.push(toPlain(segment.relationship) as PlainRelationship);
      nodes.push(toPlain(segment.end) as PlainNode);
    }
    return { $type: "path", nodes, relationships };
  }
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value) ||
    neo4j.isPoint(value)
  ) {
    return String(value);
  }
  if (typeof value === "object") return plainProperties(value as Record<string, unknown>);
  return String(value);
}
