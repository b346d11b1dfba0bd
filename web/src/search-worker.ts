// The search index's thread (see search.ts): takes the server's packed index (fetched while
// the page loads its view graph) or builds one from the names the page posts, then answers
// each query in two steps (search-index.ts). Messages are handled one after another, so a
// query posted while the index is still arriving waits for it.
import type { NameIndex } from "../../src/graph/search.ts";
import { answer, fetchNameIndex, indexOf } from "./search-index.ts";
import type { SearchRequest, WorkerMessage } from "./search-index.ts";

// A dedicated worker's global scope (the DOM library types `self` as a window).
const scope = self as unknown as { postMessage(message: WorkerMessage): void; addEventListener(type: "message", listener: (event: MessageEvent<SearchRequest>) => void): void };

let index: NameIndex | null = null;

async function handle(data: SearchRequest): Promise<void> {
  if (data.type === "load") {
    const fetched = await fetchNameIndex(data.url, data.headers);
    if (fetched) index = fetched.index;
    scope.postMessage({ loaded: fetched?.version ?? null });
  } else if (data.type === "index") index = indexOf(data.nodes).prepareWords();
  else if (index) answer(index, data.id, data.query, data.limit, (response) => scope.postMessage(response));
  else scope.postMessage({ id: data.id, hits: [], final: true });
}

let queue = Promise.resolve();
scope.addEventListener("message", ({ data }) => {
  queue = queue.then(() => handle(data)).catch((error: unknown) => console.error("search worker:", error));
});
