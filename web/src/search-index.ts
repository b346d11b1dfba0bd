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
export interface SearchResponse {
  id: number;
  hits: Suggestion[];
}

/** The index over a list of nodes (in the worker, or in the page where there are no workers). */
export function indexOf(nodes: readonly SearchableNode[]): NameIndex {
  return new NameIndex({
    forEachNode(callback) {
      for (const node of nodes) callback(node.key, node);
    },
  });
}

