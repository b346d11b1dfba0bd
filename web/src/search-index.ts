// What the search's worker and the page share: the messages between them, and the index
// over a list of names (built in the worker; in the page only where there are no workers).
// No React here: the worker's bundle takes this file alone.
import { NameIndex } from "../../src/graph/search.ts";
import type { SearchHit } from "../../src/graph/search.ts";

export type Suggestion = SearchHit;

/** What the index needs of a node. */
export interface SearchableNode {
  key: string;
  label: string;
  kind: string;
  aliases: string[];
}

export type SearchRequest = { type: "index"; nodes: SearchableNode[] } | { type: "search"; id: number; query: string; limit: number };
/**
 * The answer to a query, in up to two messages: the word tiers first (`final: false`) when
 * the fuzzy tail is still to come, then the whole ranked list (`final: true`), which starts
 * with the same hits.
 */
export interface SearchResponse {
  id: number;
  hits: Suggestion[];
  final: boolean;
}

/**
 * Answers one query in the order the page shows it: `post` gets the word tiers as soon as
 * they are known, unless they already fill the list, then the full answer. Edit distances,
 * most of a query's cost, no longer hold back the names that match by their words.
 */
export function answer(index: NameIndex, id: number, query: string, limit: number, post: (response: SearchResponse) => void): void {
  const words = index.searchWords(query, limit);
  if (words.length >= limit) return post({ id, hits: words, final: true });
  post({ id, hits: words, final: false });
  post({ id, hits: index.search(query, limit), final: true });
}

/** The index over a list of nodes (in the worker, or in the page where there are no workers). */
export function indexOf(nodes: readonly SearchableNode[]): NameIndex {
  return new NameIndex({
    forEachNode(callback) {
      for (const node of nodes) callback(node.key, node);
    },
  });
}

