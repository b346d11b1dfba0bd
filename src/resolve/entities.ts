// Entities as resolution builds them: every surface form, mention and attribute gathered
// from all articles under one key. Mentions and evidence are lists of rows in a Details table
// (details.ts), not objects; `materialize` turns them into arrays where a caller wants them.
import type { EntityKind, Evidence, MeetingFormat, Mention, RelationType } from "../graph/types.ts";
import { emptyList, type Details, type RowList } from "./details.ts";

export interface EntityDraft {
  key: string;
  kind: Exclude<EntityKind, "Article">;
  /** Surface forms and how often each was written; the label is chosen from them. */
  names: Map<string, number>;
  aliases: Set<string>;
  /** Where it is named: rows of Details' mentions. */
  mentions: RowList;
  titles: string[];
  /** Votes for an official's state: ISO code → weight. */
  countryVotes: Map<string, number>;
  /** Sentences that state the official's state, for the OFFICIAL_OF evidence (evidence rows). */
  countryEvidence: Map<string, number>;
  /** The quote of the entity's first mention (officials), the OFFICIAL_OF evidence when no sentence states the state (an evidence row). */
  firstEvidence?: number;
  /**
   * The article (by number) of its first mention in the build's order of articles (-1: none yet):
   * a fact is kept only if both its ends are mentioned in or before the fact's article.
   */
  first: number;
  /**
   * The articles (by number) that decided what depends on the order of articles: the first name
   * and alias given (the first name an official's label when no state is stated, the first alias
   * a label when there is no name), each title's first writing (`titleAt`, beside `titles`), the
   * first date, place and format, the last ordinal and ISO code. With them an article can be
   * resolved after articles that come later in the build's order (Resolver.add) with the result
   * of resolving them in order.
   */
  nameAt?: number;
  aliasAt?: number;
  titleAt: number[];
  dateAt?: number;
  placeAt?: number;
  formatAt?: number;
  ordinalAt?: number;
  isoAt?: number;
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
  /** The sentences that state it: rows of Details' evidence. */
  evidence: RowList;
  /** Each statement's confidence, with its article: rows of Details' weights. */
  weights: RowList;
  /** 1 - Π(1 - c) over its statements, taken in the order of their articles. */
  confidence: number;
}

/** An entity or a relation with its mentions or evidence as objects, in the order they were found. */
export type MaterialEntity = Omit<EntityDraft, "mentions"> & { mentions: Mention[] };
export type MaterialRelation = Omit<RelationDraft, "evidence"> & { evidence: Evidence[] };

export const materializeEntity = (e: EntityDraft, details: Details): MaterialEntity => ({ ...e, mentions: details.mentionsOf(e.mentions) });
export const materializeRelation = (r: RelationDraft, details: Details): MaterialRelation => ({ ...r, evidence: details.evidenceOf(r.evidence) });

export function newEntity(key: string, kind: EntityDraft["kind"]): EntityDraft {
  return {
    key, kind, names: new Map(), aliases: new Set(), mentions: emptyList(), titles: [], countryVotes: new Map(),
    countryEvidence: new Map(), docKinds: new Map(), first: -1, titleAt: [],
  };
}

export const bump = <K>(map: Map<K, number>, key: K, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
