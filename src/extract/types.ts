// What the recognisers find in one article, before entities are resolved across articles.
import type { MeetingFormat, RelationType } from "../graph/types.ts";
import type { Sentence } from "../text/sentences.ts";

export type MentionKind = "Country" | "Organization" | "Official" | "Meeting" | "Document";

interface MentionBase {
  kind: MentionKind;
  /** Offsets into the article body. */
  start: number;
  end: number;
  sentence: number;
  /** The name this mention gives the entity, as a reader would write it. */
  name: string;
  /** Other names it carries: an acronym in parentheses, a longer written-out form. */
  aliases: string[];
  /** Inside another mention's span (an organisation in a title, a plan in a workshop's name). */
  nested?: boolean;
}

export interface CountryMention extends MentionBase {
  kind: "Country";
  iso: string;
}

export interface OrganizationMention extends MentionBase {
  kind: "Organization";
  /** Canonical lexicon name when the organisation is known. */
  canonical?: string;
  countryIso?: string;
}

export interface OfficialMention extends MentionBase {
  kind: "Official";
  titles: string[];
  countryIso?: string;
  /** A bare title ("Thủ tướng nhấn mạnh") standing for an official named earlier. */
  coreference?: boolean;
}

export interface MeetingMention extends MentionBase {
  kind: "Meeting";
  ordinal?: number;
  /** "Hội nghị", "cuộc họp" standing alone: the article's own meeting. */
  backReference?: boolean;
  /** The series' acronym given in parentheses before an ordinal ("(AMM) lần thứ 55"): not an alias of this one meeting, but its later uses in the article mean it. */
  acronym?: string;
}

export interface DocumentMention extends MentionBase {
  kind: "Document";
  docKind: string;
}

export type Mention = CountryMention | OrganizationMention | OfficialMention | MeetingMention | DocumentMention;

/** A date written in the text: one day or a range, resolved to ISO dates. */
export interface DateMention {
  start: number;
  end: number;
  sentence: number;
  date: string;
  endDate?: string;
}

/** Attributes learnt about a meeting from the sentence around it. */
export interface MeetingFacts {
  date?: string;
  endDate?: string;
  place?: string;
  format?: MeetingFormat;
}

/** A relation found in one sentence, between two mentions of this article. */
export interface Fact {
  type: RelationType;
  from: Mention;
  to: Mention;
  sentence: number;
  confidence: number;
  /** Which pattern found it, for debugging and for the evidence panel. */
  pattern: string;
}

export interface ArticleExtraction {
  /** The article's sentences, which every mention's and fact's `sentence` index refers to. */
  sentences: Sentence[];
  mentions: Mention[];
  facts: Fact[];
  /** Per meeting mention (by identity), what its sentence says of its date, place and format. */
  meetingFacts: Map<MeetingMention, MeetingFacts>;
}
