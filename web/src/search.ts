// Search for the viewer: suggestions for the query box and the set of matching nodes.
import { foldDiacritics } from "../../src/text/fold.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";

export interface Suggestion {
  key: string;
  label: string;
}

// PLACEHOLDER until src/graph/search.ts lands.
export function suggest(graph: KnowledgeGraph, query: string, limit: number): Suggestion[] {
  const folded = foldDiacritics(query);
  if (!folded) return [];
  const out: Suggestion[] = [];
  graph.forEachNode((key, attributes) => {
    if (out.length < limit && foldDiacritics([attributes.label, ...attributes.aliases].join(" ")).includes(folded)) out.push({ key, label: attributes.label });
  });
  return out;
}
