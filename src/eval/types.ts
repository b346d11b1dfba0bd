// The answer key (gold-seeds.json) and the scoring report as types: what `diplograph eval`
// reads and what it prints, in the same shape as the reference scorer's `--json`.

/** The kinds the answer key scores; Article nodes are only read for their dates. */
export const CORE_KINDS: ReadonlySet<string> = new Set(["Country", "Organization", "Official", "Meeting", "Document"]);

/** The four relation types the answer key scores; OFFICIAL_OF is scored as a role instead. */
export const CORE_RELATIONS: ReadonlySet<string> = new Set(["CHAIRED", "ATTENDED", "ADOPTED", "PROPOSED_BY"]);

/** Edge types that tie an official to the country they serve. */
export const ROLE_RELATIONS: ReadonlySet<string> = new Set(["OFFICIAL_OF", "REPRESENTS", "SERVES"]);

export interface GoldArticle {
  id: string;
  title: string;
  published: string | null;
  publisher: string | null;
}

export interface GoldEntityAttrs {
  titles?: string[];
  country?: string;
  date?: string;
  startDate?: string;
  endDate?: string;
  altKinds?: string[];
}

export interface GoldEntity {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  articles: string[];
  /** false: a reasonable entity the graph may or may not have; never counted against it. */
  required: boolean;
  attrs?: GoldEntityAttrs;
}

export interface GoldRelation {
  type: string;
  from: string;
  to: string;
  article: string;
  required: boolean;
  quote?: string;
}

export interface GoldRole {
  official: string;
  country: string;
  titles: string[];
}

export interface GoldKey {
  version?: number;
  articles: GoldArticle[];
  entities: GoldEntity[];
  relations: GoldRelation[];
  roles?: GoldRole[];
  /** Names found only in page furniture: none may become an entity. */
  negatives?: string[];
}

/** Precision, recall and F1, rounded to three decimals as the reference scorer does. */
export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface RelationPrf extends Prf {
  /** Share of true relations whose edge names the article that states them. */
  evidence: number;
}

export interface EvalReport {
  entities: Prf;
  relations: RelationPrf;
  mentions: Prf;
  roles: { countries: string; titles: string };
  dates: string;
  negativeHits: string[];
  kindErrors: string[];
  duplicates: string[];
  unmatched: string[];
  missedEntities: string[];
  wrongRelations: string[];
  missedRelations: string[];
  mentionErrors: string[];
  roleErrors: string[];
  dateErrors: string[];
}
