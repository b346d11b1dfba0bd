// Scores a built graph against the answer key: the rules of the answer key's README, giving
// the same figures, in the same shape, as the reference scorer.
import { matchEntities } from "./match-entities.ts";
import { toScoredGraph, type ExportedGraphLike } from "./scored-graph.ts";
import { scoreDates } from "./score-dates.ts";
import { scoreEntities } from "./score-entities.ts";
import { scoreMentions } from "./score-mentions.ts";
import { scoreRelations } from "./score-relations.ts";
import { scoreRoles } from "./score-roles.ts";
import type { EvalReport, GoldKey } from "./types.ts";

export function scoreGraph(gold: GoldKey, exported: ExportedGraphLike): EvalReport {
  const goldById = new Map(gold.entities.map((e) => [e.id, e]));
  const graph = toScoredGraph(exported);
  const matching = matchEntities(gold, graph);
  const entities = scoreEntities(gold, goldById, matching);
  const relations = scoreRelations(gold, goldById, graph, matching.mapping);
  const mentions = scoreMentions(goldById, matching);
  const roles = scoreRoles(gold, goldById, graph, matching.mapping);
  const dates = scoreDates(gold, graph, matching.mapping);
  // Key order follows the reference scorer's JSON, so the two outputs can be diffed.
  return {
    entities: entities.entities,
    relations: relations.relations,
    mentions: mentions.mentions,
    roles: roles.roles,
    dates: dates.dates,
    negativeHits: matching.negativeHits,
    kindErrors: matching.kindErrors,
    duplicates: entities.duplicates,
    unmatched: entities.unmatched,
    missedEntities: entities.missedEntities,
    wrongRelations: relations.wrongRelations,
    missedRelations: relations.missedRelations,
    mentionErrors: mentions.mentionErrors,
    roleErrors: roles.roleErrors,
    dateErrors: dates.dateErrors,
  };
}
