// Which version of graph.json the page's view graph was made from (the server's
// GRAPH_VERSION_HEADER), so that the search takes the server's name index only when it was
// made from the same one (search.ts).
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { GRAPH_VERSION_HEADER } from "../../src/server/types.ts";

const versions = new WeakMap<KnowledgeGraph, string>();

/** Notes the version a response says its graph was made from (none: an older server). */
export function rememberGraphVersion(graph: KnowledgeGraph, response: Response): void {
  const version = response.headers.get(GRAPH_VERSION_HEADER);
  if (version) versions.set(graph, version);
}

export function graphVersion(graph: KnowledgeGraph): string | null {
  return versions.get(graph) ?? null;
}
