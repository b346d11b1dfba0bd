// What the search's worker and the page share: the messages between them, and the index
// over a list of names — the server's, packed once per build and fetched by the worker while
// the page loads its view graph, or one built from the page's names when the server's does not
// fit (another version of graph.json, an older server, no worker). No React here: the
// worker's bundle takes this file alone.
import { NameIndex } from "../../src/graph/search.ts";
import type { PackedNameIndex, SearchHit } from "../../src/graph/search.ts";
import { GRAPH_VERSION_HEADER } from "../../src/server/types.ts";

export type Suggestion = SearchHit;

/** What the index needs of a node. */
export interface SearchableNode {
  key: string;
  label: string;
  kind: string;
  aliases: string[];
}

/**
 * Where the worker fetches the server's index, given as the worker's name (`self.name`), not in
 * a message: a message posted to a worker that is still starting is handed over by the page's
 * thread, which is busy drawing the graph by then, so the fetch would start only after the
 * first frame. A worker with no name waits for the page's names.
 */
export interface IndexSource {
  url: string;
  headers: Record<string, string>;
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
/** Posted once the server's index is in (IndexSource): the version of graph.json it was made from; null when there is none. */
export interface IndexLoaded {
  loaded: string | null;
}
export type WorkerMessage = SearchResponse | IndexLoaded;

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

/**
 * The server's name index (/api/graph/search-index) and the version of graph.json it was made
 * from; null, with one line on the console, when there is none to take (a failed request, an
 * older server, another format): the page then sends its names instead.
 */
export async function fetchNameIndex({ url, headers }: IndexSource): Promise<{ index: NameIndex; version: string } | null> {
  try {
    const response = await fetch(url, { headers });
    const version = response.headers.get(GRAPH_VERSION_HEADER);
    if (!response.ok || !version) throw new Error(`${response.status} ${response.statusText}${version ? "" : ", no graph version"}`);
    return { index: NameIndex.unpack((await response.json()) as PackedNameIndex), version };
  } catch (error) {
    console.warn(`search: the server's name index is not used (${url}: ${error instanceof Error ? error.message : String(error)}); the page's names are indexed instead`);
    return null;
  }
}
