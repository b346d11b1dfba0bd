// The view's state in the URL's query string, so that a link reopens the same view:
// selected node or edge, search text, filters, the ego view, communities and the Cypher query.
import { ENTITY_KINDS, RELATION_TYPES } from "../../src/graph/types.ts";
import type { EntityKind, RelationType } from "../../src/graph/types.ts";
import type { EgoView } from "./ego.ts";
import type { ViewFilters } from "./filters.ts";

export interface ViewState {
  selected: string | null;
  query: string;
  filters: ViewFilters;
  cypher: string;
  /** The edge whose evidence is open (`edge=`), if any. */
  selectedEdge?: string | null;
  /** The ego view (`ego=` once per root, `depth=`), if any. */
  ego?: EgoView | null;
  /** A span of the selected article to highlight (`hl=start-end`): a cited sentence. */
  highlight?: { start: number; end: number } | null;
  /**
   * Nodes coloured by community (`communities=1`), the community in focus by rank
   * (`community=N`), and laid out grouped by community (`clustered=1`, cluster-layout.ts).
   */
  communities?: { focus: number | null; clustered?: boolean } | null;
}

/** What the view shows when the URL says nothing: large graphs open without their articles. */
export interface ViewDefaults {
  hiddenKinds: ReadonlySet<EntityKind>;
}

export const NO_DEFAULTS: ViewDefaults = { hiddenKinds: new Set() };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function list(params: URLSearchParams, name: string): string[] {
  const value = params.get(name);
  return value ? value.split(",").filter((item) => item.length > 0) : [];
}

function isKind(value: string): value is EntityKind {
  return (ENTITY_KINDS as readonly string[]).includes(value);
}

function isType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}

function date(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value && ISO_DATE.test(value) ? value : null;
}

function highlight(params: URLSearchParams): ViewState["highlight"] {
  const match = /^(\d+)-(\d+)$/.exec(params.get("hl") ?? "");
  return match ? { start: Number(match[1]), end: Number(match[2]) } : null;
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}

/**
 * Reads a query string (`?node=…&hide=Document`); unknown or malformed values are dropped.
 * Without `hide`, the defaults' kinds are hidden; `hide=` (empty) shows every kind.
 */
export function parseViewState(search: string, defaults: ViewDefaults = NO_DEFAULTS): ViewState {
  const params = new URLSearchParams(search);
  const roots = params.getAll("ego").filter((root) => root.length > 0);
  const state: ViewState = {
    selected: params.get("node") || null,
    query: params.get("q") ?? "",
    cypher: params.get("cypher") ?? "",
    filters: {
      hiddenKinds: params.has("hide") ? new Set(list(params, "hide").filter(isKind)) : new Set(defaults.hiddenKinds),
      hiddenTypes: new Set(list(params, "hideRel").filter(isType)),
      articles: params.has("articles") ? new Set(list(params, "articles")) : null,
      from: date(params, "from"),
      to: date(params, "to"),
    },
  };
  // Optional parts are left out when absent, so states without them compare equal to older ones.
  const edge = params.get("edge");
  if (edge) state.selectedEdge = edge;
  if (roots.length > 0) state.ego = { roots, depth: params.get("depth") === "2" ? 2 : 1 };
  const span = highlight(params);
  if (span) state.highlight = span;
  if (params.get("communities") === "1") {
    const focus = /^[1-9]\d{0,5}$/.test(params.get("community") ?? "") ? Number(params.get("community")) : null;
    state.communities = params.get("clustered") === "1" ? { focus, clustered: true } : { focus };
  }
  return state;
}

/** Writes the state as a query string; defaults are left out so plain links stay short. */
export function serializeViewState(state: ViewState, defaults: ViewDefaults = NO_DEFAULTS): string {
  const params = new URLSearchParams();
  if (state.selected) params.set("node", state.selected);
  if (state.highlight) params.set("hl", `${state.highlight.start}-${state.highlight.end}`);
  if (state.selectedEdge) params.set("edge", state.selectedEdge);
  for (const root of state.ego?.roots ?? []) params.append("ego", root);
  if (state.ego?.depth === 2) params.set("depth", "2");
  if (state.communities) params.set("communities", "1");
  if (state.communities?.focus) params.set("community", String(state.communities.focus));
  if (state.communities?.clustered) params.set("clustered", "1");
  if (state.query) params.set("q", state.query);
  const { filters } = state;
  if (!sameSet(filters.hiddenKinds, defaults.hiddenKinds)) params.set("hide", ENTITY_KINDS.filter((kind) => filters.hiddenKinds.has(kind)).join(","));
  if (filters.hiddenTypes.size > 0) params.set("hideRel", RELATION_TYPES.filter((type) => filters.hiddenTypes.has(type)).join(","));
  if (filters.articles) params.set("articles", [...filters.articles].sort().join(","));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (state.cypher) params.set("cypher", state.cypher);
  const text = params.toString();
  return text ? `?${text}` : "";
}
