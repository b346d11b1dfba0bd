// The graph contract (docs/graph-contract.md) as types: what extraction writes to
// graph.json and what the loader, viewer, exporters and scorer read back.
import type { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";

/** The five kinds the answer key scores, plus the article a fact comes from. */
export const ENTITY_KINDS = ["Country", "Organization", "Official", "Meeting", "Document", "Article"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** Relation types; the loader and exporters accept no others (labels are never interpolated from data). */
export const RELATION_TYPES = ["CHAIRED", "ATTENDED", "ADOPTED", "PROPOSED_BY", "OFFICIAL_OF", "MENTIONED_IN"] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** Where a name occurs: offsets are UTF-16 code units into the article's cleaned `body`. */
export interface Mention {
  article: string;
  sentence: number;
  start: number;
  end: number;
}

/** The sentence that states a fact: `quote === body.slice(start, end)` of that article. */
export interface Evidence {
  article: string;
  sentence: number;
  quote: string;
  start: number;
  end: number;
  /** The row of the predicate lexicon that read the fact ("attend.verb", "chair.of"); absent where no row did (an official's state). */
  rule?: string;
}

interface NodeBase {
  kind: EntityKind;
  label: string;
  aliases: string[];
  articles: string[];
  mentions: Mention[];
  /** Display attributes written at build time (ForceAtlas2 position, degree-based size, kind colour). */
  x?: number;
  y?: number;
  size?: number;
  color?: string;
}

export interface CountryAttributes extends NodeBase {
  kind: "Country";
  /** ISO 3166-1 alpha-2 code, from the lexicon. */
  iso?: string;
}

export interface OrganizationAttributes extends NodeBase {
  kind: "Organization";
}

export interface OfficialAttributes extends NodeBase {
  kind: "Official";
  titles: string[];
  /** Key of the Country node the official serves. */
  country?: string;
}

export type MeetingFormat = "online" | "in-person" | "hybrid";

export interface MeetingAttributes extends NodeBase {
  kind: "Meeting";
  date?: string;
  startDate?: string;
  endDate?: string;
  ordinal?: number;
  place?: string;
  format?: MeetingFormat;
  series?: string;
}

export interface DocumentAttributes extends NodeBase {
  kind: "Document";
  docKind?: string;
}

export interface ArticleAttributes extends NodeBase {
  kind: "Article";
  title: string;
  published: string | null;
  publisher: string | null;
  file: string;
  sha256: string;
  /** The cleaned, normalised body that every offset refers to. */
  body: string;
}

export type NodeAttributes =
  | CountryAttributes
  | OrganizationAttributes
  | OfficialAttributes
  | MeetingAttributes
  | DocumentAttributes
  | ArticleAttributes;

export interface EdgeAttributes {
  type: RelationType;
  articles: string[];
  evidence: Evidence[];
  /** 0..1: how sure the pattern that found it is. */
  confidence: number;
  /** Edge display attributes (sigma reads `label`, `size`, `color`). */
  label?: string;
  size?: number;
  color?: string;
}

export interface GraphAttributes {
  name: string;
  /** The contract version graph.json follows. */
  contract: number;
  /** Versions of the tool that wrote it; no clock, so that same input gives the same bytes. */
  generator: string;
}

export type KnowledgeGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
export type SerializedKnowledgeGraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const CONTRACT_VERSION = 1;
