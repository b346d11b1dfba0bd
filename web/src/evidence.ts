// Evidence as a reader wants it: each sentence once. A fact stated by two wordings of one
// sentence (or the same sentence read by two patterns) carries it twice in graph.json; the
// list shows it once.
import type { Evidence } from "../../src/graph/types.ts";

/** The evidence with each (article, sentence) kept once, first occurrence first. */
export function distinctEvidence(evidence: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const distinct: Evidence[] = [];
  for (const item of evidence) {
    const id = `${item.article}\u0000${item.quote.trim()}`;
    if (seen.has(id)) continue;
    seen.add(id);
    distinct.push(item);
  }
  return distinct;
}
