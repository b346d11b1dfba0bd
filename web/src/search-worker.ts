// The search index's thread (see search.ts): takes the server's packed index, fetched as soon
// as the worker starts when its name says where (IndexSource), or builds one from the names
// the page posts; then answers each query in two steps (search-index.ts). Messages are handled
// one after another, after the server's index is in, so a query never finds no index.
import type { NameIndex } from "../../src/graph/search.ts";
import { answer, fetchNameIndex, indexOf } from "./search-index.ts";
import type { IndexSource, SearchRequest, WorkerMessage } from "./search-index.ts";

// A dedicated worker's global scope (the DOM library types `self` as a window).
const scope = self as unknown as {
  name: string;
  postMessage(message: WorkerMessage): void;
  addEventListener(type: "message", listener: (event: MessageEvent<SearchRequest>) => void): void;
};

let index: NameIndex | null = null;

async function load(source: IndexSource): Promise<void> {
  const fetched = await fetchNameIndex(source);
  if (fetched) index = fetched.index;
  scope.postMessage({ loaded: fetched?.version ?? null });
}

function handle(data: SearchRequest): void {
  if (data.type === "index") index = indexOf(data.nodes).prepareWords();
  else if (index) answer(index, data.id, data.query, data.limit, (response) => scope.postMessage(response));
  else scope.postMessage({ id: data.id, hits: [], final: true });
}

let queue = scope.name ? load(JSON.parse(scope.name) as IndexSource) : Promise.resolve();
scope.addEventListener("message", ({ data }) => {
  queue = queue.then(() => handle(data)).catch((error: unknown) => console.error("search worker:", error));
});
