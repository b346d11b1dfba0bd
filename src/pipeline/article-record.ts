// One article's extraction as resolution needs it, in plain JSON: the article's metadata (not
// its body), its mentions with their keys, and its facts with their evidence already quoted.
// The record is what a worker sends back, what the on-disk store and the cache hold, and what
// a shard of `diplograph extract` contains: resolution reads it without the article's text.
import type { Evidence, RelationType } from "../graph/types.ts";
import type { Article } from "../ingest/types.ts";
import type { ArticleExtraction, Mention, MeetingFacts } from "../extract/types.ts";
import { evidenceOf } from "../resolve/evidence.ts";
import { canonicalName, entityKey } from "../resolve/keys.ts";

/** An article without its body: what the graph's Article node holds besides the text. */
export type ArticleMeta = Omit<Article, "body">;

/** A mention with what resolution derives from it alone, computed where it was extracted. */
export type RecordMention = Mention & {
  /** The entity key of the name it is filed under (before merges across articles). */
  key: string;
  /** Documents: the matching form of the name, for merging documents named two ways. */
  docName?: string;
  /** Meetings: the date, place and format its sentence gives. */
  meeting?: MeetingFacts;
  /** Officials: the quote that backs the official's state, where this mention may supply it. */
  evidence?: Evidence;
  /** Named by a fact but not among the article's mentions: not counted as a mention of its entity. */
  loose?: boolean;
};

export interface RecordFact {
  type: RelationType;
  /** Index into the record's mentions. */
  from: number;
  to: number;
  confidence: number;
  evidence: Evidence;
}

export interface ArticleRecord {
  article: ArticleMeta;
  mentions: RecordMention[];
  facts: RecordFact[];
}

/** The name under which a mention is filed: the lexicon's for known countries and bodies. */
export function filedName(m: Mention | RecordMention): string {
  if (m.kind === "Organization" && m.canonical) return m.canonical;
  return m.name;
}

export function articleMeta(article: Article): ArticleMeta {
  const meta: Partial<Article> = { ...article };
  delete meta.body;
  return meta as ArticleMeta;
}

/** The record of one extracted article. Pure: the same article and extraction give the same record. */
export function toRecord(article: Article, extraction: ArticleExtraction): ArticleRecord {
  const { sentences } = extraction;
  const mentions: RecordMention[] = [];
  const indexOf = new Map<Mention, number>();
  const officialsSeen = new Set<string>();
  const add = (m: Mention): number => {
    const known = indexOf.get(m);
    if (known !== undefined) return known;
    const record: RecordMention = { ...m, key: entityKey(m.kind, filedName(m)) };
    delete record.nested;
    if (m.kind === "Document") record.docName = canonicalName("Document", m.name);
    if (m.kind === "Meeting") {
      const facts = extraction.meetingFacts.get(m);
      if (facts) record.meeting = facts;
    }
    // an official's state is backed by the mention that states it, else by the official's first
    // mention in the corpus: the first in each article is kept, the corpus's first is among them
    if (m.kind === "Official" && ((m.countryIso && !m.coreference) || !officialsSeen.has(record.key))) {
      record.evidence = evidenceOf(article, sentences[m.sentence]!, m.start, m.end);
    }
    if (m.kind === "Official") officialsSeen.add(record.key);
    indexOf.set(m, mentions.length);
    mentions.push(record);
    return mentions.length - 1;
  };
  for (const m of extraction.mentions) add(m);
  const facts = extraction.facts.map((f): RecordFact => {
    const evidence = evidenceOf(article, sentences[f.sentence]!, Math.min(f.from.start, f.to.start), Math.max(f.from.end, f.to.end));
    // a fact's mention is normally one of the article's; one that is not is added (after them, so
    // that it never counts as a mention of its entity)
    return { type: f.type, from: indexOf.get(f.from) ?? addLoose(f.from), to: indexOf.get(f.to) ?? addLoose(f.to), confidence: f.confidence, evidence: { ...evidence, rule: f.pattern } };
  });
  function addLoose(m: Mention): number {
    const at = add(m);
    mentions[at]!.loose = true;
    return at;
  }
  return { article: articleMeta(article), mentions, facts };
}
