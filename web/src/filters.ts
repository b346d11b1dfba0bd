// The view's filters as data, and what they leave visible: pure functions of the graph
// and the filters, so the canvas, the counts and the export all agree on one answer.
import { ENTITY_KINDS, RELATION_TYPES } from "../../src/graph/types.ts";
import type { EntityKind, KnowledgeGraph, NodeAttributes, RelationType } from "../../src/graph/types.ts";

export interface ViewFilters {
  hiddenKinds: ReadonlySet<EntityKind>;
  hiddenTypes: ReadonlySet<RelationType>;
  /** Article ids to keep; null keeps every article. */
  articles: ReadonlySet<string> | null;
  /** ISO dates (`YYYY-MM-DD`), inclusive; null leaves that end open. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: ViewFilters = { hiddenKinds: new Set(), hiddenTypes: new Set(), articles: null, from: null, to: null };

export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export interface FilterCounts {
  kinds: Record<EntityKind, { visible: number; total: number }>;
  types: Record<RelationType, { visible: number; total: number }>;
  /** Per article id: visible nodes that cite it. */
  articles: Map<string, number>;
}

/** The id of an article node (`article:<id>` → `<id>`). */
export function articleIdOf(key: string): string {
  return key.startsWith("article:") ? key.slice("article:".length) : key;
}

/** Published date of every article in the graph, by article id. */
export function articleDates(graph: KnowledgeGraph): Map<string, string | null> {
  const dates = new Map<string, string | null>();
  graph.forEachNode((key, attributes) => {
    if (attributes.kind === "Article") dates.set(articleIdOf(key), attributes.published);
  });
  return dates;
}

/** The node's own date span, when it has one: a meeting's dates, an article's publication. */
function ownDates(attributes: NodeAttributes): [string, string] | null {
  if (attributes.kind === "Meeting") {
    const start = attributes.startDate ?? attributes.date;
    const end = attributes.endDate ?? attributes.date ?? start;
    return start && end ? [start, end] : null;
  }
  if (attributes.kind === "Article") return attributes.published ? [attributes.published, attributes.published] : null;
  return null;
}

function overlaps(span: [string, string], from: string | null, to: string | null): boolean {
  return (from === null || span[1] >= from) && (to === null || span[0] <= to);
}

/** Whether any of these articles is kept by the article and date filters. */
function articlesPass(articles: readonly string[], filters: ViewFilters, dates: Map<string, string | null>): boolean {
  const dated = filters.from !== null || filters.to !== null;
  return articles.some((article) => {
    if (filters.articles && !filters.articles.has(article)) return false;
    if (!dated) return true;
    const published = dates.get(article);
    return published ? overlaps([published, published], filters.from, filters.to) : false;
  });
}

function nodePasses(key: string, attributes: NodeAttributes, filters: ViewFilters, dates: Map<string, string | null>): boolean {
  if (filters.hiddenKinds.has(attributes.kind)) return false;
  const articles = attributes.kind === "Article" ? [articleIdOf(key)] : attributes.articles;
  const dated = filters.from !== null || filters.to !== null;
  const span = ownDates(attributes);
  if (dated && span) {
    if (!overlaps(span, filters.from, filters.to)) return false;
    return filters.articles ? articles.some((article) => filters.articles?.has(article)) : true;
  }
  return articlesPass(articles, filters, dates);
}

/** Nodes and edges the filters keep; an edge needs both its ends kept too. */
export function visibleElements(graph: KnowledgeGraph, filters: ViewFilters): Visibility {
  const dates = articleDates(graph);
  const nodes = new Set<string>();
  graph.forEachNode((key, attributes) => {
    if (nodePasses(key, attributes, filters, dates)) nodes.add(key);
  });
  const edges = new Set<string>();
  graph.forEachEdge((edge, attributes, source, target) => {
    if (filters.hiddenTypes.has(attributes.type)) return;
    if (!nodes.has(source) || !nodes.has(target)) return;
    if (!articlesPass(attributes.articles, filters, dates)) return;
    edges.add(edge);
  });
  return { nodes, edges };
}

/** Live counts beside each filter: what is visible now out of what the graph holds. */
export function filterCounts(graph: KnowledgeGraph, visibility: Visibility): FilterCounts {
  const kinds = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, { visible: 0, total: 0 }])) as FilterCounts["kinds"];
  const types = Object.fromEntries(RELATION_TYPES.map((type) => [type, { visible: 0, total: 0 }])) as FilterCounts["types"];
  const articles = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    const count = kinds[attributes.kind];
    if (!count) return;
    count.total += 1;
    if (!visibility.nodes.has(key)) return;
    count.visible += 1;
    for (const article of attributes.articles) articles.set(article, (articles.get(article) ?? 0) + 1);
  });
  graph.forEachEdge((edge, attributes) => {
    const count = types[attributes.type];
    if (!count) return;
    count.total += 1;
    if (visibility.edges.has(edge)) count.visible += 1;
  });
  return { kinds, types, articles };
}
