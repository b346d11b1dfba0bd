// Entities (rule 3): a node matching a required entity is a true positive, a second node for
// the same entity a duplicate (false positive), a node matching nothing a false positive.
import type { EntityMatching } from "./match-entities.ts";
import { prf } from "./prf.ts";
import { labelOf, labelOrKey } from "./scored-graph.ts";
import type { GoldEntity, GoldKey, Prf } from "./types.ts";

export interface EntityScore {
  entities: Prf;
  duplicates: string[];
  unmatched: string[];
  missedEntities: string[];
}

export function scoreEntities(gold: GoldKey, goldById: ReadonlyMap<string, GoldEntity>, matching: EntityMatching): EntityScore {
  const found = new Set<string>();
  let truePositives = 0;
  let falsePositives = 0;
  const duplicates: string[] = [];
  const unmatched: string[] = [];
  for (const node of matching.coreNodes) {
    const id = matching.mapping.get(node.key);
    const entity = id === undefined ? undefined : goldById.get(id);
    if (id === undefined || !entity) {
      falsePositives++;
      unmatched.push(`${String(node.attrs.kind)}: ${labelOrKey(node)}`);
      continue;
    }
    if (found.has(id)) {
      falsePositives++;
      duplicates.push(`${labelOf(node)} ~ ${entity.name}`);
      continue;
    }
    found.add(id);
    if (entity.required) truePositives++;
  }
  const missedEntities = gold.entities.filter((e) => e.required && !found.has(e.id)).map((e) => `${e.kind}: ${e.name}`);
  return { entities: prf(truePositives, falsePositives, missedEntities.length), duplicates, unmatched, missedEntities };
}
