// Mentions (rule 5): the (entity, article) pairs of matched nodes against the articles whose
// body mentions the entity in the answer key.
import type { EntityMatching } from "./match-entities.ts";
import { prf } from "./prf.ts";
import { articlesOf } from "./scored-graph.ts";
import type { GoldEntity, Prf } from "./types.ts";

export interface MentionScore {
  mentions: Prf;
  mentionErrors: string[];
}

export function scoreMentions(goldById: ReadonlyMap<string, GoldEntity>, matching: EntityMatching): MentionScore {
  // All nodes matched to one entity pool their articles.
  const articlesByEntity = new Map<string, Set<string>>();
  for (const node of matching.coreNodes) {
    const id = matching.mapping.get(node.key);
    if (id === undefined) continue;
    const pooled = articlesByEntity.get(id) ?? new Set<string>();
    for (const article of articlesOf(node.attrs)) pooled.add(article);
    articlesByEntity.set(id, pooled);
  }

  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const mentionErrors: string[] = [];
  for (const [id, found] of articlesByEntity) {
    const entity = goldById.get(id);
    if (!entity) continue;
    const wanted = new Set(entity.articles);
    for (const article of found) {
      if (wanted.has(article)) truePositives++;
      else {
        falsePositives++;
        mentionErrors.push(`${entity.name} is not in ${article}`);
      }
    }
    for (const article of wanted) if (!found.has(article)) falseNegatives++;
  }
  return { mentions: prf(truePositives, falsePositives, falseNegatives), mentionErrors };
}
