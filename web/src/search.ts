// The viewer's search: the same name index as `diplograph export --around` (case,
// diacritics and abbreviations such as "HNCC" ignored). Folding 40,000 names takes a few
// tenths of a second, and a query scans them all, so the index lives in a Web Worker
// (search-worker.ts): the page posts it the names once, after the first frame, and each
// query is a message; the page's thread never folds or scans.
import { useEffect, useState } from "react";
import type { NameIndex } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { answer, indexOf } from "./search-index.ts";
import type { SearchableNode, SearchRequest, SearchResponse, Suggestion } from "./search-index.ts";

export type { Suggestion } from "./search-index.ts";

function searchableNodes(graph: KnowledgeGraph): SearchableNode[] {
  const nodes: SearchableNode[] = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases ?? [] }));
  return nodes;
}

/** Called with the word tiers of a query's answer before its fuzzy tail is known. */
export type PartialAnswer = (hits: Suggestion[]) => void;

interface Pending {
  partial?: PartialAnswer;
  resolve(hits: Suggestion[]): void;
}

/** Searches a graph's names off the page's thread; answers arrive in the order asked. */
export class GraphSearch {
  private worker: Worker | null = null;
  private local: NameIndex | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

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
      const { id, hits, final } = event.data;
      const waiting = this.pending.get(id);
      if (!final) return waiting?.partial?.(hits);
      this.pending.delete(id);
      waiting?.resolve(hits);
    });
    this.worker.postMessage({ type: "index", nodes } satisfies SearchRequest);
  }

  /**
   * Ranked suggestions for what has been typed so far; none for blank input. `partial`, when
   * given, gets the hits that match by their words as soon as the worker has them (the
   * promise then brings the whole list, which starts with them).
   */
  search(query: string, limit: number, partial?: PartialAnswer): Promise<Suggestion[]> {
    if (!query.trim()) return Promise.resolve([]);
    this.prepare();
    const local = this.local;
    if (local) {
      let whole: Suggestion[] = [];
      answer(local, 0, query, limit, (response) => (response.final ? (whole = response.hits) : partial?.(response.hits)));
      return Promise.resolve(whole);
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { partial, resolve });
      this.worker?.postMessage({ type: "search", id, query, limit } satisfies SearchRequest);
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { resolve } of this.pending.values()) resolve([]);
    this.pending.clear();
  }
}

const sameKeys = (a: readonly Suggestion[], b: readonly Suggestion[]) => a.length === b.length && a.every((hit, i) => hit.key === b[i]?.key && hit.matched === b[i]?.matched);

const NONE: Suggestion[] = [];

/** The suggestions for `query`, replaced when the answer to the latest query arrives. */
export function useSuggestions(search: GraphSearch | null, query: string, limit: number): Suggestion[] {
  const [answer, setAnswer] = useState<{ search: GraphSearch | null; query: string; hits: Suggestion[] }>({ search: null, query: "", hits: NONE });
  useEffect(() => {
    // A blank box lists nothing (below) and asks the worker nothing: no state to set.
    if (!search || !query.trim()) return;
    let current = true;
    // The words' hits show at once; the full list replaces them only if the fuzzy tail added
    // to it (the same list again would redraw the list and, behind it, the canvas's dimming).
    const show = (hits: Suggestion[]) => {
      if (current) setAnswer((previous) => (previous.search === search && previous.query === query && sameKeys(previous.hits, hits) ? previous : { search, query, hits }));
    };
    void search.search(query, limit, show).then(show);
    return () => {
      current = false;
    };
  }, [search, query, limit]);
  // Until the answer for this query arrives, the previous list stays while the reader types on
  // or deletes back from its query (no flicker), but not for another query (a link, the box
  // cleared and a new name typed): a stale list would be dimmed around on the canvas too.
  return query.trim() && answer.search === search && related(answer.query, query) ? answer.hits : NONE;
}

/** Whether one query extends the other, as while typing or deleting. */
function related(previous: string, query: string): boolean {
  const [a, b] = [previous.trim().toLowerCase(), query.trim().toLowerCase()];
  return a.startsWith(b) || b.startsWith(a);
}
