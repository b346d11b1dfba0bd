// A frame reads the arguments of one occurrence of a predicate's wording in a sentence.
import type { Fact, Mention } from "../types.ts";
import type { FrameName, Predicate } from "./predicates.ts";
import { fact as makeFact, type SentenceScope } from "./sentence-items.ts";

export interface Occurrence {
  scope: SentenceScope;
  row: Predicate;
  /** Body offsets of the wording. */
  start: number;
  end: number;
  /** The wording as written. */
  text: string;
}

export type Frame = (o: Occurrence) => Fact[];
export type Frames = Partial<Record<FrameName, Frame>>;

/** A fact of this occurrence's relation, at its row's confidence (less `discount` for a weaker reading), named by its row. */
export function fact(o: Occurrence, from: Mention, to: Mention, discount = 0, relation: Fact["type"] = o.row.relation): Fact {
  return makeFact(relation, from, to, o.scope, Math.round((o.row.confidence - discount) * 100) / 100, o.row.id);
}
