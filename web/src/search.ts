// The viewer's search: the same name index as `diplograph export --around` (case,
// diacritics and abbreviations such as "HNCC" ignored), built once per loaded graph.
import { NameIndex } from "../../src/graph/search.ts";
import type { SearchHit } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

export type Suggestion = SearchHit;

export function nameIndex(graph: KnowledgeGraph): NameIndex {
  return new NameIndex(graph);
}

/** Ranked suggestions for what has been typed so far; none for blank input. */
export function suggest(index: NameIndex, query: string, limit: number): Suggestion[] {
  return query.trim() ? index.search(query, limit) : [];
}
