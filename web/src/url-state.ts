// The view's state in the URL's query string, so that a link reopens the same view:
// selected node, search text, filters and the Cypher query.
import { ENTITY_KINDS, RELATION_TYPES } from "../../src/graph/types.ts";
import type { EntityKind, RelationType } from "../../src/graph/types.ts";
import type { ViewFilters } from "./filters.ts";

export interface ViewState {
  selected: string | null;
  query: string;
  filters: ViewFilters;
  cypher: string;
}

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

/** Reads a query string (`?node=…&hide=Document`); unknown or malformed values are dropped. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    selected: params.get("node") || null,
    query: params.get("q") ?? "",
    cypher: params.get("cypher") ?? "",
    filters: {
      hiddenKinds: new Set(list(params, "hide").filter(isKind)),
      hiddenTypes: new Set(list(params, "hideRel").filter(isType)),
      articles: params.has("articles") ? new Set(list(params, "articles")) : null,
      from: date(params, "from"),
      to: date(params, "to"),
    },
  };
}

/** Writes the state as a query string; defaults are left out so plain links stay short. */
export function serializeViewState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.selected) params.set("node", state.selected);
  if (state.query) params.set("q", state.query);
  const { filters } = state;
  if (filters.hiddenKinds.size > 0) params.set("hide", ENTITY_KINDS.filter((kind) => filters.hiddenKinds.has(kind)).join(","));
  if (filters.hiddenTypes.size > 0) params.set("hideRel", RELATION_TYPES.filter((type) => filters.hiddenTypes.has(type)).join(","));
  if (filters.articles) params.set("articles", [...filters.articles].sort().join(","));
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (state.cypher) params.set("cypher", state.cypher);
  const text = params.toString();
  return text ? `?${text}` : "";
}
