// GraphML with typed <key> declarations, read by Gephi, yEd and Neo4j's APOC
// (`apoc.import.graphml(file, {readLabels: true})`): the node's kind in `labels=":Kind"`, the
// relationship type in the edge's `label`, as APOC writes them. Built as a DOM by @xmldom/xmldom,
// whose serialiser escapes text and attributes, so no value is ever pasted into markup.
import { DOMImplementation, XMLSerializer } from "@xmldom/xmldom";
import type { KnowledgeGraph } from "../graph/types.ts";
import { columnsOf, conform, flatEdge, flatNode } from "./properties.ts";
import type { Column, FlatRecord, FlatValue, ValueType } from "./properties.ts";
import { xmlSafeText } from "./xml-text.ts";

const GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
const XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";
const SCHEMA = `${GRAPHML_NS} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd`;
/** Where the serialised nodes and edges go in the serialised skeleton. */
const PLACEHOLDER = "nodes and edges";

/** GraphML's attr.type; whole numbers as `long` (Neo4j's integers are 64-bit). */
const ATTR_TYPE: Record<ValueType, string> = { string: "string", int: "long", double: "double", boolean: "boolean" };

interface Key extends Column {
  id: string;
}

/** A value as GraphML text: a list as a JSON array (APOC's `attr.list` convention), numbers in full precision. */
function dataText(value: FlatValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value);
}

/**
 * Nodes: id = key, `labels=":Kind"`, one <data> per property (`key` and `kind` included).
 * Edges: id = edge key, `label` = relationship type, one <data> per property plus `label`.
 * Lists: attr.type "string" with attr.list naming the item type, the value a JSON array;
 * Gephi and yEd show the JSON text, APOC reads it back as a list.
 */
export function formatGraphml(graph: KnowledgeGraph): string {
  const nodeRecords: Array<[string, string, FlatRecord]> = graph.mapNodes((key, attributes) => [key, attributes.kind, flatNode(key, attributes)]);
  const edgeRecords: Array<[string, string, string, string, FlatRecord]> = graph.mapEdges((key, attributes, source, target) => [
    key,
    source,
    target,
    attributes.type,
    { label: attributes.type, ...flatEdge(attributes) },
  ]);
  // Key ids are unique across nodes and edges (the GraphML schema asks it); names stay free text.
  const nodeKeys = columnsOf(nodeRecords.map((r) => r[2])).map((c, i): Key => ({ ...c, id: `n${i}` }));
  const edgeKeys = columnsOf(edgeRecords.map((r) => r[4])).map((c, i): Key => ({ ...c, id: `e${i}` }));

  const doc = new DOMImplementation().createDocument(GRAPHML_NS, "graphml", null);
  const root = doc.documentElement;
  if (!root) throw new Error("graphml: the XML document has no root");
  root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xsi", XSI_NS);
  root.setAttributeNS(XSI_NS, "xsi:schemaLocation", SCHEMA);
  const element = (parent: Element, name: string, attributes: Record<string, string>, text?: string): Element => {
    const owner = parent.ownerDocument ?? doc;
    const child = owner === doc ? doc.createElementNS(GRAPHML_NS, name) : owner.createElement(name);
    for (const [attribute, value] of Object.entries(attributes)) child.setAttribute(attribute, value);
    if (text !== undefined) child.appendChild(owner.createTextNode(text));
    parent.appendChild(child);
    return child;
  };

  for (const [domain, keys] of [["node", nodeKeys], ["edge", edgeKeys]] as const) {
    for (const key of keys) {
      const declaration: Record<string, string> = { id: key.id, for: domain, "attr.name": key.name, "attr.type": key.list ? "string" : ATTR_TYPE[key.type] };
      if (key.list) declaration["attr.list"] = ATTR_TYPE[key.type];
      element(root, "key", declaration);
    }
  }
  const graphElement = element(root, "graph", { id: "G", edgedefault: "directed" });
  graphElement.appendChild(doc.createComment(PLACEHOLDER));

  // Each node and edge is serialised as soon as it is built and then dropped: a DOM of the
  // whole graph costs several times the file in memory and most of the time in collection
  // (3× slower on 50,000 relationships). They are built in a namespace-free scratch document,
  // so that none carries an xmlns of its own; in the file they sit inside <graphml>, in its namespace.
  const serializer = new XMLSerializer();
  const chunks: string[] = [];
  const holder = new DOMImplementation().createDocument(null, "graph", null).documentElement;
  if (!holder) throw new Error("graphml: the scratch document has no root");
  const emit = (name: "node" | "edge", attributes: Record<string, string>, keys: Key[], record: FlatRecord) => {
    const child = element(holder, name, attributes);
    for (const key of keys) {
      const value = record[key.name];
      if (value !== undefined) element(child, "data", { key: key.id }, dataText(conform(value, key)));
    }
    chunks.push(serializer.serializeToString(child));
    holder.removeChild(child);
  };
  for (const [key, kind, record] of nodeRecords) emit("node", { id: key, labels: `:${kind}` }, nodeKeys, record);
  for (const [key, source, target, type, record] of edgeRecords) emit("edge", { id: key, source, target, label: type }, edgeKeys, record);
  const skeleton = serializer.serializeToString(doc);
  const [head, tail] = skeleton.split(`<!--${PLACEHOLDER}-->`);
  // Markup is plain ASCII, so cleaning the whole file cleans every key, name and value in it.
  return xmlSafeText(`<?xml version="1.0" encoding="UTF-8"?>\n${head}${chunks.join("")}${tail}\n`);
}
