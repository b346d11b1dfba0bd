// graphology JSON in the contract's shape (docs/graph-contract.md): what `diplograph build`
// writes as graph.json, for a subgraph; `diplograph load` and the viewer read it back.
import { serializeGraph } from "../graph/serialize.ts";
import type { KnowledgeGraph } from "../graph/types.ts";

export function formatJson(graph: KnowledgeGraph): string {
  return serializeGraph(graph);
}
