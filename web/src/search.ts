// The viewer's search: the same name index as `diplograph export --around` (case,
// diacritics and abbreviations such as "HNCC" ignored). Folding 40,000 names takes a few
// tenths of a second, and a query scans them all, so the index lives in a Web Worker
// (search-worker.ts): the page posts it the names once, after the first frame, and each
// query is a message; the page's thread never folds or scans.
import { useEffect, useState } from "react";
import type { NameIndex } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { indexOf } from "./search-index.ts";
import type { SearchableNode, SearchRequest, SearchResponse, Suggestion } from "./search-index.ts";

export type { Suggestion } from "./search-index.ts";

function searchableNodes(graph: KnowledgeGraph): SearchableNode[] {
  const nodes: SearchableNode[] = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases ?? [] }));
  return nodes;
}

/** Searches a graph's names off the page's thread; answers arrive in the order asked. */
export class GraphSearch {
  private worker: Worker | null = null;
  private local: NameIndex | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (hits: Suggestion[]) => void>();

  constructor(private readonly graph: KnowledgeGraph) {}

  /** Hands the names to the worker (once; called when the page is idle, or by the first query). */
  prepare(): void {
    if (this.worker || this.local) return;
    const nodes = searchableNodes(this.graph);
    if (typeof Worker === "undefined") {
      this.local = indexOf(nodes);
      return;
    }
    this.worker = new Worker(new URL("./search-worker.ts", import.meta.url), { type: "module" });
    this.worker.addEventListener("message", (event: MessageEvent<SearchResponse>) => {
      const resolve = this.pending.get(event.data.id);
      this.pending.delete(event.data.id);
      resolve?.(event.data.hits);
    });
    this.worker.postMessage({ type: "index", nodes } satisfies SearchRequest);
  }

  /** Ranked suggestions for what has been typed so far; none for blank input. */
  search(query: string, limit: number): Promise<Suggestion[]> {
    if (!query.trim()) return Promise.resolve([]);
    this.prepare();
    if (this.local) return Promise.resolve(this.local.search(query, limit));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker?.postMessage({ type: "search", id, query, limit } satisfies SearchRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const resolve of this.pending.values()) resolve([]);
    this.pending.clear();
  }
}

const NONE: Suggestion[] = [];

/** The suggestions for `query`, replaced when the answer to the latest query arrives. */
export function useSuggestions(search: GraphSearch | null, query: string, limit: number): Suggestion[] {
  const [answer, setAnswer] = useState<{ search: GraphSearch | null; query: string; hits: Suggestion[] }>({ search: null, query: "", hits: NONE });
  useEffect(() => {
    // A blank box lists nothing (below) and asks the worker nothing: no state to set.
    if (!search || !query.trim()) return;
    let current = true;
    void search.search(query, limit).then((hits) => {
      if (current) setAnswer({ search, query, hits });
    });
    return () => {
      current = false;
    };
  }, [search, query, limit]);
  // Until the answer for this query arrives, the previous list stays (no flicker while typing),
  // except that a cleared box clears it at once.
  return query.trim() && answer.search === search ? answer.hits : NONE;
}
