// The viewer's search: the same name index as `diplograph export --around` (case,
// diacritics and abbreviations such as "HNCC" ignored). Folding 30,000 names takes a few
// tenths of a second and a query scans many of them, so the index lives in a Web Worker
// (search-worker.ts), started with the page: it fetches the index the server packed once per
// build while the page fetches and draws the view graph, and each query is a message. Only
// when that index is not for the page's graph (a rebuild in between, an older server) does
// the page post the worker its names to index; the page's thread never folds or scans.
import { useEffect, useState } from "react";
import type { NameIndex } from "../../src/graph/search.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { authHeaders } from "./api-token.ts";
import { graphVersion } from "./graph-version.ts";
import { answer, indexOf } from "./search-index.ts";
import type { IndexSource, SearchableNode, SearchRequest, Suggestion, WorkerMessage } from "./search-index.ts";

export type { Suggestion } from "./search-index.ts";

function searchableNodes(graph: KnowledgeGraph): SearchableNode[] {
  const nodes: SearchableNode[] = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, label: attributes.label, kind: attributes.kind, aliases: attributes.aliases ?? [] }));
  return nodes;
}

/** A search worker; given `source`, it fetches the server's index from there as it starts (search-index.ts). */
const newWorker = (source?: IndexSource) => new Worker(new URL("./search-worker.ts", import.meta.url), { type: "module", name: source ? JSON.stringify(source) : "" });

/** A worker asked for the server's index at the page's start, and the version of graph.json it got (null: none). */
interface StartedWorker {
  worker: Worker;
  loaded: Promise<string | null>;
}

let started: StartedWorker | null = null;

/**
 * Starts the search's worker and its request for the server's name index, alongside the
 * view graph's (main.tsx): the index is ready, off the page's thread, by the time the graph
 * is drawn. The first GraphSearch takes this worker.
 */
export function startSearchWorker(): void {
  if (started || typeof Worker === "undefined") return;
  const worker = newWorker({ url: new URL("api/graph/search-index", document.baseURI).href, headers: authHeaders() });
  const loaded = new Promise<string | null>((resolve) => {
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      if ("loaded" in event.data) resolve(event.data.loaded);
    });
    worker.addEventListener("error", () => resolve(null));
  });
  started = { worker, loaded };
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
  /** Settled once the worker holds an index of this graph: queries are posted after it. */
  private ready: Promise<void> = Promise.resolve();
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly graph: KnowledgeGraph) {}

  /**
   * Takes the worker started with the page, or starts one (once; called when the page is idle,
   * or by the first query). The worker keeps the server's index when it was made from the
   * same version of graph.json as this graph; otherwise it is handed this graph's names.
   */
  prepare(): void {
    if (this.worker || this.local) return;
    if (typeof Worker === "undefined") {
      this.local = indexOf(searchableNodes(this.graph));
      return;
    }
    const early = started;
    started = null;
    const worker = early?.worker ?? newWorker();
    this.worker = worker;
    worker.addEventListener("message", (event: MessageEvent<WorkerMessage>) => {
      if ("loaded" in event.data) return;
      const { id, hits, final } = event.data;
      const waiting = this.pending.get(id);
      if (!final) return waiting?.partial?.(hits);
      this.pending.delete(id);
      waiting?.resolve(hits);
    });
    const version = graphVersion(this.graph);
    this.ready = (early?.loaded ?? Promise.resolve(null)).then((loaded) => {
      if (loaded === null || loaded !== version) worker.postMessage({ type: "index", nodes: searchableNodes(this.graph) } satisfies SearchRequest);
    });
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
      // Asked in order: each waits for the same `ready`, whose callbacks run in turn.
      void this.ready.then(() => this.worker?.postMessage({ type: "search", id, query, limit } satisfies SearchRequest));
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
