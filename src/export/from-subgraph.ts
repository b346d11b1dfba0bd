// What a Cypher query returned (src/neo4j toSubgraph) as a graph the formats can write: the
// loader's flat properties folded back into the contract's attributes (parallel lists →
// mentions and evidence), so an export of a query reads like an export of graph.json.
import { MultiDirectedGraph } from "graphology";
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { EdgeAttributes, Evidence, GraphAttributes, KnowledgeGraph, Mention, NodeAttributes } from "../graph/types.ts";
import { DERIVED_NODE_PROPERTIES } from "../neo4j/derived-properties.ts";
import type { PlainValue, Subgraph } from "../neo4j/index.ts";
import { SelectionError } from "./errors.ts";

const strings = (value: PlainValue | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Takes the named list properties out of `props` and zips them into objects. */
function zipLists(props: Record<string, PlainValue>, names: Record<string, string>): Array<Record<string, string | number>> {
  const columns = Object.entries(names).map(([field, property]) => {
    const value = props[property];
    delete props[property];
    return [field, value] as const;
  });
  const length = Math.max(0, ...columns.map(([, v]) => (Array.isArray(v) ? v.length : 0)));
  return Array.from({ length }, (_x, i) => Object.fromEntries(columns.map(([field, v]) => [field, Array.isArray(v) ? (v[i] as string | number) : ""])));
}

function nodeAttributes(key: string, labels: string[], properties: Record<string, PlainValue>): NodeAttributes {
  const props = { ...properties };
  delete props.key;
  for (const name of DERIVED_NODE_PROPERTIES) delete props[name]; // the loader's, for its indexes
  const mentions = zipLists(props, { article: "mentionArticles", sentence: "mentionSentences", start: "mentionStarts", end: "mentionEnds" });
  const kind = typeof props.kind === "string" ? props.kind : labels.find((l) => (ENTITY_KINDS as readonly string[]).includes(l));
  if (!kind) throw new SelectionError(`export: node "${key}" from the query has no kind (labels ${labels.join(", ") || "none"})`);
  return {
    ...props,
    kind,
    label: typeof props.label === "string" ? props.label : key,
    aliases: strings(props.aliases),
    articles: strings(props.articles),
    mentions: mentions.map((m) => ({ article: String(m.article), sentence: Number(m.sentence), start: Number(m.start), end: Number(m.end) }) satisfies Mention),
  } as NodeAttributes;
}

function edgeAttributes(type: string, target: string, properties: Record<string, PlainValue>): EdgeAttributes {
  const props = { ...properties };
  const evidence = zipLists(props, {
    article: "evidenceArticles",
    sentence: "evidenceSentences",
    quote: "evidenceQuotes",
    start: "evidenceStarts",
    end: "evidenceEnds",
    rule: "evidenceRules",
  });
  // The loader's MENTIONED_IN carries only a mention count; the article is its target.
  const articles = props.articles === undefined && type === "MENTIONED_IN" ? [target.replace(/^article:/, "")] : strings(props.articles);
  return {
    ...props,
    type,
    articles,
    evidence: evidence.map(
      (e): Evidence => {
        const ev: Evidence = { article: String(e.article), sentence: Number(e.sentence), quote: String(e.quote), start: Number(e.start), end: Number(e.end) };
        if (typeof e.rule === "string" && e.rule) ev.rule = e.rule;
        return ev;
      },
    ),
    confidence: typeof props.confidence === "number" ? props.confidence : 1,
  } as EdgeAttributes;
}

/** A query's nodes and relationships as a KnowledgeGraph; relationships of types outside the contract are refused. */
export function graphFromSubgraph(subgraph: Subgraph, attributes: GraphAttributes): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  graph.replaceAttributes(attributes);
  for (const node of subgraph.nodes) {
    if (!graph.hasNode(node.key)) graph.addNode(node.key, nodeAttributes(node.key, node.labels, node.properties));
  }
  for (const edge of subgraph.edges) {
    if (!(RELATION_TYPES as readonly string[]).includes(edge.type)) {
      throw new SelectionError(`export: the query returned a ${edge.type} relationship, not one of ${RELATION_TYPES.join(", ")}`);
    }
    const key = `${edge.type}:${edge.source}->${edge.target}`;
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, edgeAttributes(edge.type, edge.target, edge.properties));
  }
  return graph;
}

