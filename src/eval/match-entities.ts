// Maps each core-kind node to the answer-key entity it stands for (rule 2): the entity of a
// compatible kind with the most similar name, at least MATCH_THRESHOLD. On the way it notes
// nodes whose name matches an entity of another kind and nodes named after page furniture.
import { foldName } from "../text/fold.ts";
import { CORE_KINDS, type GoldEntity, type GoldKey } from "./types.ts";
import { kindOf, labelOf, labelOrKey, namesOf, type ScoredGraph, type ScoredNode } from "./scored-graph.ts";
import { bestSimilarity, foldedName, MATCH_THRESHOLD } from "./similarity.ts";

export interface EntityMatching {
  /** The nodes the answer key scores, in graph order. */
  coreNodes: ScoredNode[];
  /** node key → answer-key entity id, in graph order. */
  mapping: Map<string, string>;
  kindErrors: string[];
  negativeHits: string[];
}

const kindFits = (entity: GoldEntity, kind: unknown): boolean =>
  entity.kind === kind || (entity.attrs?.altKinds ?? []).includes(kind as string);

export function matchEntities(gold: GoldKey, graph: ScoredGraph): EntityMatching {
  const coreNodes = graph.nodes.filter((n) => CORE_KINDS.has(kindOf(n) as string));
  const negatives = (gold.negatives ?? []).map(foldName);
  const mapping = new Map<string, string>();
  const kindErrors: string[] = [];
  const negativeHits: string[] = [];
  const entityNames = new Map(gold.entities.map((e) => [e, [e.name, ...e.aliases].map(foldedName)]));

  for (const node of coreNodes) {
    const names = namesOf(node.attrs).map(foldedName);
    if (names.some((name) => negatives.includes(name.folded))) negativeHits.push(labelOrKey(node));

    let best: GoldEntity | undefined;
    let bestScore = 0;
    let bestAnyKind: GoldEntity | undefined;
    let bestAnyKindScore = 0;
    for (const entity of gold.entities) {
      const score = bestSimilarity(names, entityNames.get(entity) ?? []);
      if (score > bestAnyKindScore) [bestAnyKind, bestAnyKindScore] = [entity, score];
      if (!kindFits(entity, kindOf(node))) continue;
      // On a tie a required entity wins over an optional one, so optional entries never hide a miss.
      const requiredWinsTie = score === bestScore && best !== undefined && !best.required && entity.required;
      if (score > bestScore || requiredWinsTie) [best, bestScore] = [entity, score];
    }

    if (best && bestScore >= MATCH_THRESHOLD) mapping.set(node.key, best.id);
    else if (bestAnyKind && bestAnyKindScore >= MATCH_THRESHOLD) {
      kindErrors.push(
        `${labelOf(node)} is ${String(kindOf(node))}, answer key says ${bestAnyKind.kind} (${bestAnyKind.name})`,
      );
    }
  }
  return { coreNodes, mapping, kindErrors, negativeHits };
}

/** The node keys matched to one answer-key entity, in graph order. */
export function nodesMatching(mapping: ReadonlyMap<string, string>, entityId: string): string[] {
  return [...mapping].filter(([, id]) => id === entityId).map(([key]) => key);
}
