// The view's filters as data, and what they leave visible: pure functions of the graph
// and the filters, so the canvas, the counts and the export all agree on one answer.
import { ENTITY_KINDS, RELATION_TYPES } from "../../src/graph/types.ts";
import type { EntityKind, KnowledgeGraph, RelationType } from "../../src/graph/types.ts";
import { selectSubgraph } from "../../src/export/select.ts";
import type { Selection } from "../../src/export/types.ts";
import { edgeColumnsOf } from "./edge-columns.ts";
import type { EdgeColumns } from "./edge-columns.ts";
import { EdgeMask, maskOf } from "./edge-set.ts";

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

/** The filters as the export's selection: one definition of "what is in view" for both. */
export function toSelection(filters: ViewFilters): Selection {
  const selection: Selection = { mentionLinks: false };
  if (filters.hiddenKinds.size > 0) selection.kinds = ENTITY_KINDS.filter((kind) => !filters.hiddenKinds.has(kind));
  if (filters.hiddenTypes.size > 0) selection.relations = RELATION_TYPES.filter((type) => !filters.hiddenTypes.has(type));
  if (filters.articles) selection.articles = [...filters.articles];
  if (filters.from) selection.from = filters.from;
  if (filters.to) selection.to = filters.to;
  return selection;
}

function isUnfiltered(filters: ViewFilters): boolean {
  return filters.hiddenKinds.size === 0 && filters.hiddenTypes.size === 0 && !filters.articles && !filters.from && !filters.to;
}

/** Whether the filters need graphology's graph of the edges (selectSubgraph), not only their columns. */
export function needsWholeGraph(filters: ViewFilters): boolean {
  return Boolean(filters.articles || filters.from || filters.to);
}

/**
 * A loaded graph as the filters read it: every node, the edges by column (all a large graph's
 * first frame has of them), and the whole graph once it is built (graph-data.ts).
 */
export interface FilterSource {
  nodes: KnowledgeGraph;
  edges: EdgeColumns;
  whole: KnowledgeGraph | null;
}

/** A graph built whole as a filter source. */
export function wholeSource(graph: KnowledgeGraph): FilterSource {
  return { nodes: graph, edges: edgeColumnsOf(graph), whole: graph };
}

/**
 * What the filters keep, computed by the command-line export's own selection
 * (src/export: kinds, relations, articles; dates keep meetings held in the range and
 * whatever is one edge from them), so the view and its export never disagree.
 * Throws SelectionError for filters that contradict (from after to).
 */
export function visibleElements(graph: KnowledgeGraph, filters: ViewFilters): Visibility {
  return visibleIn(wholeSource(graph), filters) ?? { nodes: new Set(), edges: new Set() };
}

/**
 * visibleElements of a loaded graph: kinds and relation types from the edges' columns; article
 * and date filters with the export's selection on the whole graph, or null while it is not built.
 */
export function visibleIn(source: FilterSource, filters: ViewFilters): Visibility | null {
  if (isUnfiltered(filters)) return { nodes: new Set(source.nodes.nodes()), edges: new EdgeMask(source.edges, new Uint8Array(source.edges.keys.length).fill(1), source.edges.keys.length) };
  if (!needsWholeGraph(filters)) return byKindAndType(source, filters);
  if (!source.whole) return null;
  const view = selectSubgraph(source.whole, toSelection(filters));
  return { nodes: new Set(view.nodes()), edges: new Set(view.edges()) };
}

/**
 * Kinds and relation types alone, without selectSubgraph's copy of the graph (≈ 0.2 s on
 * 30,000 edges, paid at start since large graphs open without their articles) and from the
 * edges' columns: the same rule — a node of a kept kind; an edge of a kept type between two
 * kept nodes — which the unit tests check against the export's selection.
 */
function byKindAndType({ nodes: graph, edges: columns }: FilterSource, filters: ViewFilters): Visibility {
  const nodes = new Set<string>();
  const kept = new Uint8Array(columns.nodes.length);
  let i = 0;
  graph.forEachNode((key, attributes) => {
    if (!filters.hiddenKinds.has(attributes.kind)) {
      nodes.add(key);
      kept[i] = 1;
    }
    i += 1;
  });
  const keptTypes = columns.types.map((type) => !filters.hiddenTypes.has(type as RelationType));
  const { source, target, type } = columns;
  const mask = new Uint8Array(source.length);
  let size = 0;
  for (let edge = 0; edge < source.length; edge += 1) {
    if (keptTypes[type[edge] ?? 0] && kept[source[edge] ?? 0] && kept[target[edge] ?? 0]) {
      mask[edge] = 1;
      size += 1;
    }
  }
  return { nodes, edges: new EdgeMask(columns, mask, size) };
}

/** Live counts beside each filter: what is visible now out of what the graph holds. */
export function filterCounts({ nodes: graph, edges: columns }: Pick<FilterSource, "nodes" | "edges">, visibility: Visibility): FilterCounts {
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
  const byType = columns.types.map((type) => types[type as RelationType]);
  const shown = maskOf(columns, visibility.edges);
  const { type } = columns;
  for (let edge = 0; edge < type.length; edge += 1) {
    const count = byType[type[edge] ?? 0];
    if (!count) continue;
    count.total += 1;
    count.visible += shown[edge] ?? 0;
  }
  return { kinds, types, articles };
}
