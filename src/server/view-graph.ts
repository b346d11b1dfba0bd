// The graph as the viewer's first frame needs it: every node and edge with what is drawn,
// searched and filtered on (keys, labels, aliases, kinds, positions, dates, titles, article
// ids), without what only a panel shows: article bodies, evidence sentences, mention offsets
// (fetched when a panel opens, graph-store.ts). On 10,000 articles that is most of
// graph.json's 168 MB.
//
// Edges are sent by column, not as one object each: a node's index for its source and target
// (not its 50-character key, twice), an index into a table of relation types and of article
// ids, and the key only where it is not the contract's `TYPE:source->target`. The 100,000
// edges of a 10,000-article build take 3 MB this way against 18 MB as graphology's export,
// and the page parses arrays of numbers instead of 100,000 objects it would copy anyway.
// Browser-safe: the viewer decodes with `readViewGraph` from this same file.
import type { Attributes, GraphOptions } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "../graph/types.ts";

/** Names the layout below; a page that gets another shape says so instead of drawing nonsense. */
export const VIEW_GRAPH_FORMAT = "diplograph-view-graph/2";

export interface ViewGraphEdges {
  /** Index of each edge's source and target in `nodes`. */
  source: number[];
  target: number[];
  /** Index of each edge's relation type in `types`. */
  type: number[];
  types: string[];
  /** The edge's confidence, null where it has none. */
  confidence: Array<number | null>;
  /** Each edge's articles, as indices into `articleIds`. */
  articles: number[][];
  articleIds: string[];
  /** Edge index → key, only for edges whose key is not the contract's `TYPE:source->target`. */
  keys: Record<number, string>;
  /** Edge index → any other attribute the edge carries (none in graph.json today). */
  extra: Record<number, Attributes>;
}

export interface ViewGraph {
  format: typeof VIEW_GRAPH_FORMAT;
  attributes: Partial<GraphAttributes>;
  options?: Partial<GraphOptions>;
  /**
   * As in graph.json, without the heavy attributes; positions to a hundredth; `articles` as
   * indices into `edges.articleIds` (a country is cited by thousands of articles).
   */
  nodes: Array<{ key: string; attributes: Attributes }>;
  edges: ViewGraphEdges;
}

export class ViewGraphFormatError extends Error {
  override name = "ViewGraphFormatError";
}

/**
 * Node attributes left out of the view: fetched with the node when its panel opens (bodies,
 * mentions), or not used by the viewer (`size`: it has its own scale; `color`: the kind's).
 */
const HEAVY_NODE_ATTRIBUTES = new Set(["mentions", "body", "sha256", "file", "size", "color"]);
/** Edge attributes that are columns of their own, or left out: `evidence` on demand; `label` repeats `type`. */
const EDGE_COLUMNS = new Set(["type", "articles", "confidence", "evidence", "label"]);

/** Positions to a hundredth of a layout unit: a layout spans hundreds of units, a pixel is more. */
const round = (value: unknown): unknown => (typeof value === "number" ? Math.round(value * 100) / 100 : value);

function slimNode(attributes: object | undefined, articleIds: StringTable): Attributes {
  const slim: Attributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (HEAVY_NODE_ATTRIBUTES.has(name)) continue;
    if (name === "articles" && Array.isArray(value)) slim[name] = value.map((article) => articleIds.index(String(article)));
    else slim[name] = name === "x" || name === "y" ? round(value) : value;
  }
  return slim;
}

/** The key the contract gives an edge (`TYPE:source->target`), which the view leaves out when it is that. */
export function contractEdgeKey(type: unknown, source: string, target: string): string {
  return `${String(type)}:${source}->${target}`;
}

/** A table of distinct strings, each given the index of its first appearance. */
class StringTable {
  readonly values: string[] = [];
  private readonly indices = new Map<string, number>();
  index(value: string): number {
    let index = this.indices.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indices.set(value, index);
    }
    return index;
  }
}

/** graph.json as the view graph: the same nodes and edges, in the same order, slimmed and by column. */
export function viewGraph(data: SerializedKnowledgeGraph): ViewGraph {
  const articleIds = new StringTable();
  const nodeIndex = new Map<string, number>();
  const nodes = data.nodes.map((node, index) => {
    nodeIndex.set(node.key, index);
    return { key: node.key, attributes: slimNode(node.attributes, articleIds) };
  });
  const types = new StringTable();
  const edges: ViewGraphEdges = { source: [], target: [], type: [], types: types.values, confidence: [], articles: [], articleIds: articleIds.values, keys: {}, extra: {} };
  data.edges.forEach((edge, index) => {
    const attributes: Partial<EdgeAttributes> = edge.attributes ?? {};
    const source = nodeIndex.get(edge.source);
    const target = nodeIndex.get(edge.target);
    if (source === undefined || target === undefined) throw new ViewGraphFormatError(`view graph: edge ${index} joins a node that is not in the graph (${edge.source} → ${edge.target})`);
    edges.source.push(source);
    edges.target.push(target);
    edges.type.push(types.index(String(attributes.type)));
    edges.confidence.push(typeof attributes.confidence === "number" ? attributes.confidence : null);
    edges.articles.push((attributes.articles ?? []).map((article) => articleIds.index(article)));
    if (edge.key !== undefined && edge.key !== contractEdgeKey(attributes.type, edge.source, edge.target)) edges.keys[index] = String(edge.key);
    const extra = Object.entries(attributes).filter(([name]) => !EDGE_COLUMNS.has(name));
    if (extra.length > 0) edges.extra[index] = Object.fromEntries(extra);
  });
  return { format: VIEW_GRAPH_FORMAT, attributes: data.attributes ?? {}, options: data.options, nodes, edges };
}

/**
 * Each edge's key, in the file's order: the file's where it is not the contract's, else the
 * contract's, made here. Throws ViewGraphFormatError on another shape or an edge whose node or
 * type is not in the file, so that a page finds out as it loads, not when the edges are added.
 */
export function viewEdgeKeys(view: ViewGraph): string[] {
  checkFormat(view);
  const { source, target, type, types, keys: fileKeys } = view.edges;
  const nodes = view.nodes;
  const keys = new Array<string>(source.length);
  for (let i = 0; i < source.length; i += 1) {
    const from = nodes[source[i] ?? -1]?.key;
    const to = nodes[target[i] ?? -1]?.key;
    const relation = types[type[i] ?? -1];
    if (from === undefined || to === undefined || relation === undefined) throw new ViewGraphFormatError(`view graph: edge ${i} refers to a node or type that is not in the file`);
    keys[i] = fileKeys[i] ?? contractEdgeKey(relation, from, to);
  }
  return keys;
}

function checkFormat(view: ViewGraph): void {
  if (view?.format !== VIEW_GRAPH_FORMAT) throw new ViewGraphFormatError(`view graph: expected format ${VIEW_GRAPH_FORMAT}, got ${String(view?.format)}: reload the page after the server restarts`);
}

/**
 * The view graph's attributes and nodes into `graph` (no edges), typed as the knowledge graph
 * for the attributes they carry (`body` and `mentions` are absent). Each node's attribute
 * object is the one `view` holds, its articles as ids: another graph given the same objects
 * (addViewEdges's) shares them. Throws ViewGraphFormatError on another shape.
 */
export function readViewNodes(view: ViewGraph, graph: KnowledgeGraph): KnowledgeGraph {
  checkFormat(view);
  graph.replaceAttributes(view.attributes as GraphAttributes);
  const articleIds = view.edges.articleIds;
  for (const node of view.nodes) {
    const attributes = node.attributes;
    if (Array.isArray(attributes.articles) && typeof attributes.articles[0] === "number") attributes.articles = attributes.articles.map((article: number) => articleIds[article] ?? "");
    graph.addNode(node.key, attributes as NodeAttributes);
  }
  return graph;
}

/**
 * Edges `start` to `end` (exclusive) of the view graph into `graph`, which holds its nodes,
 * with `keys` from viewEdgeKeys. A large graph's page adds them in slices after its first
 * frame (graph-data.ts): 200,000 of graphology's `addEdge` take more than a second.
 */
export function addViewEdges(view: ViewGraph, graph: KnowledgeGraph, keys: readonly string[], start = 0, end = keys.length): void {
  const { source, target, type, types, confidence, articles, articleIds, extra } = view.edges;
  const nodes = view.nodes;
  for (let i = start; i < end; i += 1) {
    const from = nodes[source[i] ?? -1]?.key ?? "";
    const to = nodes[target[i] ?? -1]?.key ?? "";
    const relation = types[type[i] ?? -1] ?? "";
    const cited = articles[i] ?? [];
    const ids = new Array<string>(cited.length);
    for (let j = 0; j < cited.length; j += 1) ids[j] = articleIds[cited[j] ?? -1] ?? "";
    // Made whole as one literal of a fixed shape, not grown property by property: 100,000
    // objects of two shapes are quicker to build and to read than many of varying ones.
    const weight = confidence[i];
    const attributes = (typeof weight === "number" ? { type: relation, articles: ids, confidence: weight } : { type: relation, articles: ids }) as EdgeAttributes;
    const more = extra[i];
    if (more) Object.assign(attributes, more);
    graph.addDirectedEdgeWithKey(keys[i] ?? "", from, to, attributes);
  }
}

/**
 * The view graph as a graphology graph, typed as the knowledge graph for the attributes it
 * carries (`body`, `evidence` and `mentions` are absent). One pass over each column; edge
 * keys the contract's, rebuilt here. Throws ViewGraphFormatError on another shape.
 */
export function readViewGraph(view: ViewGraph, graph: KnowledgeGraph): KnowledgeGraph {
  const keys = viewEdgeKeys(view);
  readViewNodes(view, graph);
  addViewEdges(view, graph, keys);
  return graph;
}
