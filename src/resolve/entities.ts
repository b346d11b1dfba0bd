// Entities as resolution builds them: every surface form, mention and attribute gathered
// from all articles under one key.
import type { EntityKind, Evidence, MeetingFormat, Mention as MentionRef, RelationType } from "../graph/types.ts";

export interface EntityDraft {
  key: string;
  kind: Exclude<EntityKind, "Article">;
  /** Surface forms and how often each was written; the label is chosen from them. */
  names: Map<string, number>;
  aliases: Set<string>;
  mentions: MentionRef[];
  titles: string[];
  /** Votes for an official's state: ISO code → weight. */
  countryVotes: Map<string, number>;
  /** Sentences that state the official's state, for the OFFICIAL_OF evidence. */
  countryEvidence: Map<string, Evidence>;
  /** The quote of the entity's first mention (officials), the OFFICIAL_OF evidence when no sentence states the state. */
  firstEvidence?: Evidence;
  iso?: string;
  ordinal?: number;
  date?: string;
  endDate?: string;
  place?: string;
  format?: MeetingFormat;
  docKinds: Map<string, number>;
}

export interface RelationDraft {
  type: RelationType;
  source: string;
  target: string;
  evidence: Evidence[];
  confidence: number;
}

export function newEntity(key: string, kind: EntityDraft["kind"]): EntityDraft {
  return {
    key, kind, names: new Map(), aliases: new Set(), mentions: [], titles: [], countryVotes: new Map(),
    countryEvidence: new Map(), docKinds: new Map(),
  };
}

export const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
