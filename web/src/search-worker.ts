// The search index's thread (see search.ts): builds the index (its word index included)
// from the names the page posts, then answers each query in two steps (search-index.ts).
import type { NameIndex } from "../../src/graph/search.ts";
import { answer, indexOf } from "./search-index.ts";
import type { SearchRequest, SearchResponse } from "./search-index.ts";

// A dedicated worker's global scope (the DOM library types `self` as a window).
const scope = self as unknown as { postMessage(message: SearchResponse): void; addEventListener(type: "message", listener: (event: MessageEvent<SearchRequest>) => void): void };

let index: NameIndex | null = null;
scope.addEventListener("message", ({ data }) => {
  if (data.type === "index") index = indexOf(data.nodes).prepareWords();
  else if (index) answer(index, data.id, data.query, data.limit, (response) => scope.postMessage(response));
  else scope.postMessage({ id: data.id, hits: [], final: true });
});
