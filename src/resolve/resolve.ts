// Entity resolution across sentences and articles: mentions with the same canonical name
// become one entity (an acronym in parentheses is an alias, "HNCC" = "Hội nghị Cấp cao",
// "lần thứ 37" = "37", titles stripped from names); different ordinals or years never
// merge. Facts are re-pointed at entities; a fact stated twice gains evidence, not an edge.
// Resolution reads article records (pipeline/article-record.ts), twice: a survey for what
// depends on the whole corpus (documents named two ways, meetings held in different years),
// then the entities and relations. The records can come from memory or from the on-disk store.
// Mentions and evidence become rows of a Details table (details.ts), not objects.
import type { RelationType } from "../graph/types.ts";
import type { Article } from "../ingest/types.ts";
import type { Lexicon } from "../extract/lexicon.ts";
import type { ArticleExtraction } from "../extract/types.ts";
import { filedName, toRecord, type ArticleRecord, type RecordMention } from "../pipeline/article-record.ts";
import { foldName } from "../text/fold.ts";
import { Details, emptyList } from "./details.ts";
import { bump, materializeEntity, materializeRelation, newEntity, type EntityDraft, type MaterialEntity, type MaterialRelation, type RelationDraft } from "./entities.ts";
import { entityKey } from "./keys.ts";

export interface ExtractedArticle {
  article: Article;
  extraction: ArticleExtraction;
}

/** What resolution leaves for assembly: entities and relations whose mentions and evidence are rows of `details`. */
export interface Resolution {
  entities: Map<string, EntityDraft>;
  relations: RelationDraft[];
  details: Details;
}

/** The same with mentions and evidence as objects (tests, small corpora). */
export interface MaterialResolution {
  entities: Map<string, MaterialEntity>;
  relations: MaterialRelation[];
}

/** Which kinds a relation type joins; a fact outside them is a misreading and is dropped. */
const SIGNATURE: Record<Exclude<RelationType, "MENTIONED_IN">, [string[], string[]]> = {
  CHAIRED: [["Official", "Country", "Organization"], ["Meeting"]],
  ATTENDED: [["Official", "Country", "Organization"], ["Meeting"]],
  ADOPTED: [["Meeting"], ["Document"]],
  PROPOSED_BY: [["Document", "Meeting"], ["Country", "Official"]],
  OFFICIAL_OF: [["Official"], ["Country"]],
};

/**
 * A document named once in full and once without its body's name ("Khung phục hồi tổng thể" /
 * "Khung phục hồi tổng thể ASEAN") is one document, when the longer name is the only such one.
 */
function documentMerges(keys: Map<string, string>, lexicon: Lexicon): Map<string, string> {
  const bodyNames = new Set(lexicon.organizations.flatMap((o) => [o.name, ...o.aliases]).map(foldName));
  const keyByName = new Map([...keys.entries()].map(([k, n]) => [n, k]));
  // for every name that ends with a body's name, the shorter name without it is a candidate
  const longerOf = new Map<string, string[]>();
  for (const [longKey, name] of keys) {
    const words = name.split(" ");
    for (let cut = 1; cut < words.length; cut++) {
      if (!bodyNames.has(words.slice(cut).join(" "))) continue;
      const shortKey = keyByName.get(words.slice(0, cut).join(" "));
      if (shortKey && shortKey !== longKey) longerOf.set(shortKey, [...(longerOf.get(shortKey) ?? []), longKey]);
    }
  }
  const merges = new Map<string, string>();
  for (const [shortKey, longer] of longerOf) if (longer.length === 1) merges.set(shortKey, longer[0]!);
  return merges;
}

/** What the survey needs of one record (small enough to send from a worker with the record's line). */
export interface RecordSurvey {
  article: string;
  /** Documents: key and the matching form of the name, in the record's order. */
  documents: Array<[key: string, name: string]>;
  /** Meetings named without an ordinal or a year: key and the year the article dates them in. */
  meetings: Array<[key: string, year: string]>;
}

export function surveyOf(record: ArticleRecord): RecordSurvey {
  const survey: RecordSurvey = { article: record.article.id, documents: [], meetings: [] };
  for (const m of record.mentions) {
    if (m.loose) continue;
    if (m.kind === "Document") survey.documents.push([m.key, m.docName!]);
    // Meetings named alike with no ordinal to tell them apart ("Hội nghị hẹp Bộ trưởng Ngoại giao
    // ASEAN") are different meetings when the articles date them in different years: for those
    // names only, each article's mentions are filed under the name and the year it gives.
    if (m.kind !== "Meeting" || m.backReference || m.ordinal !== undefined || /(?<!\d)(?:19|20)\d{2}(?!\d)/u.test(m.name)) continue;
    const date = m.meeting?.date;
    if (date) survey.meetings.push([m.key, date.slice(0, 4)]);
  }
  return survey;
}

/**
 * Resolution in two passes over the same records in the same order: `survey` each, then `add`
 * each, then `finish`. Memory holds the entities and relations (the graph), never the records.
 */
export class Resolver {
  private readonly entities = new Map<string, EntityDraft>();
  private readonly relations = new Map<string, RelationDraft>();
  private readonly documentNames = new Map<string, string>();
  private readonly yearsByKey = new Map<string, Set<string>>();
  private readonly yearInArticle = new Map<string, string>();
  private merged = new Map<string, string>();
  /** Meeting keys dated in two years or more: their mentions are filed under key and year. */
  private readonly splitKeys = new Set<string>();
  private surveyed = false;
  /** Each article's place (by number) in the order of articles. */
  private readonly places: number[] = [];
  /** Facts not kept for want of an end, by the key they lack: [article, fact index, vote counted (1/0)] after one another. */
  private readonly waitingFor = new Map<string, number[]>();
  /** Waiting facts whose end an article added late mentions before them: added by `settle`. */
  private due: number[] = [];
  /** Relations with a statement from an article before their last: their confidence is folded again by `settle`. */
  private readonly unordered = new Set<RelationDraft>();

  /** `details` holds the mentions and evidence (give it a FileQuotes to keep the quotes on disk). */
  constructor(
    private readonly lexicon: Lexicon,
    readonly details = new Details(),
  ) {}

  /** Pass 1: document names, and the years meetings named alike without an ordinal are dated in. */
  survey(record: ArticleRecord | RecordSurvey): void {
    const survey = "documents" in record ? record : surveyOf(record);
    for (const [key, name] of survey.documents) this.documentNames.set(key, name);
    for (const [key, year] of survey.meetings) {
      const id = `${survey.article}|${key}`;
      if (!this.yearInArticle.has(id)) this.yearInArticle.set(id, year);
      const years = this.yearsByKey.get(key) ?? new Set<string>();
      years.add(year);
      this.yearsByKey.set(key, years);
    }
  }

  private endSurvey(): void {
    if (this.surveyed) return;
    this.surveyed = true;
    this.merged = documentMerges(this.documentNames, this.lexicon);
    for (const [id, year] of this.yearInArticle) {
      const key = id.slice(id.indexOf("|") + 1);
      if ((this.yearsByKey.get(key)?.size ?? 0) < 2) this.yearInArticle.delete(id);
      else this.yearInArticle.set(id, year);
    }
    for (const [key, years] of this.yearsByKey) if (years.size >= 2) this.splitKeys.add(key);
    this.yearsByKey.clear();
  }

  /**
   * What the survey decided for the whole corpus (documents merged, meetings split by year), as a
   * string: while it is the same, an unchanged record's mentions go to the same keys from build
   * to build, and a rebuild need only rewrite what the changed records touch (pipeline/graph-patch.ts).
   */
  surveyOutcome(): string {
    this.endSurvey();
    return JSON.stringify([[...this.merged].sort(), [...this.splitKeys].sort()]);
  }

  /**
   * Every key a record's mentions (those only a fact names included) may be filed under: for a
   * meeting split by year, both the key and the key with the year its mention gives (a record
   * of another build is not in this survey's articles).
   */
  touchedKeys(record: ArticleRecord): Set<string> {
    this.endSurvey();
    const keys = new Set<string>();
    for (const m of record.mentions) {
      const key = this.merged.get(m.key) ?? m.key;
      keys.add(key);
      keys.add(this.finalKey(m, record.article.id));
      const year = m.kind === "Meeting" ? m.meeting?.date?.slice(0, 4) : undefined;
      if (year && this.splitKeys.has(key)) keys.add(`${key}-${year}`);
    }
    return keys;
  }

  private finalKey(m: RecordMention, article: string): string {
    const key = this.merged.get(m.key) ?? m.key;
    const year = m.kind === "Meeting" ? this.yearInArticle.get(`${article}|${key}`) : undefined;
    return year ? `${key}-${year}` : key;
  }

  /**
   * The entities and relations of the records added so far, as they are (call before `finish`,
   * which changes it, and after `settle`): what the next build resumes from (resolver-state.ts),
   * with each article's place in the order of articles and the facts still waiting for an end.
   */
  state(): { entities: Map<string, EntityDraft>; relations: Map<string, RelationDraft>; places: number[]; waiting: Map<string, number[]> } {
    return { entities: this.entities, relations: this.relations, places: this.places, waiting: this.waitingFor };
  }

  /**
   * Resumes where an earlier resolver stopped: its entities, relations and waiting facts (its
   * `state`), with its rows already in `details`, and `places`, where each of its articles (by
   * number) is in this build's order — the earlier build's order kept, new articles anywhere in
   * between. Sound only when this resolver's survey has the same outcome.
   */
  resume(entities: Iterable<EntityDraft>, relations: Iterable<RelationDraft>, places: ArrayLike<number>, waiting: Iterable<[string, number[]]>): void {
    if (this.entities.size > 0 || this.relations.size > 0) throw new Error("Resolver.resume: records were already added");
    for (const entity of entities) this.entities.set(entity.key, entity);
    for (const r of relations) this.relations.set(`${r.type}|${r.source}|${r.target}`, r);
    for (let a = 0; a < places.length; a++) this.places[a] = places[a]!;
    for (const [key, items] of waiting) this.waitingFor.set(key, items);
  }

  /** Article `article`'s (by number) place in the order of articles. */
  placeOf(article: number): number {
    return this.places[article]!;
  }

  /** Whether article `a` comes before article `b` (by number) in the order of articles. */
  private before(a: number, b: number): boolean {
    return this.places[a]! < this.places[b]!;
  }

  /** Whether `key` is mentioned in or before article `article`: a fact is kept only between such ends. */
  private existsAt(key: string, article: number): EntityDraft | undefined {
    const entity = this.entities.get(key);
    return entity && entity.first !== -1 && !this.before(article, entity.first) ? entity : undefined;
  }

  /**
   * Pass 2: mentions → entities, facts → relations. `place` is the article's place in the order of
   * articles (by default: after every article added so far). Added in that order, each choice that
   * depends on it (first name, first date, a fact's ends mentioned before it …) is made as the
   * records come; an article added after later ones takes the place the order gives it, and the
   * facts of later articles its mentions let in are added by `settle`. Returns the article's number.
   */
  add(record: ArticleRecord, place = this.details.articleIds.length): number {
    this.endSurvey();
    const { entities, details } = this;
    const articleId = record.article.id;
    const article = details.addArticle(articleId);
    this.places[article] = place;
    const quoteId = this.quoteIds();
    let evidenceOfMention: number | undefined;
    for (const m of record.mentions) {
      if (m.loose) continue;
      const key = this.finalKey(m, articleId);
      const entity = entities.get(key) ?? newEntity(key, m.kind);
      entities.set(key, entity);
      if (!(m.kind === "Official" && m.coreference) && !(m.kind === "Meeting" && m.backReference)) this.name(entity, filedName(m), article);
      if (filedName(m) !== m.name) this.alias(entity, m.name, article);
      for (const a of m.aliases) this.alias(entity, a, article);
      evidenceOfMention = m.evidence ? details.evidence(article, m.evidence.sentence, m.evidence.start, m.evidence.end, quoteId(m.evidence.quote), undefined) : undefined;
      if (entity.first === -1 || this.before(article, entity.first)) this.mentionedFirst(entity, article, evidenceOfMention);
      details.addMention(entity.mentions, article, m.sentence, m.start, m.end);
      switch (m.kind) {
        case "Country":
          // the last article's code
          if (entity.isoAt === undefined || !this.before(article, entity.isoAt)) {
            entity.iso = m.iso;
            entity.isoAt = article;
          }
          break;
        case "Official":
          for (const t of m.titles) this.title(entity, t, article);
          if (m.countryIso && !m.coreference) {
            bump(entity.countryVotes, m.countryIso, 2);
            this.stateEvidence(entity, m.countryIso, evidenceOfMention!, article);
          }
          break;
        case "Meeting": {
          if (m.ordinal !== undefined && (entity.ordinalAt === undefined || !this.before(article, entity.ordinalAt))) {
            entity.ordinal = m.ordinal;
            entity.ordinalAt = article;
          }
          const facts = m.meeting;
          if (facts) {
            // the first article's date (with its end date, if it gives one), place and format
            if (facts.date && (!entity.date || this.before(article, entity.dateAt!))) {
              entity.date = facts.date;
              if (facts.endDate) entity.endDate = facts.endDate;
              else delete entity.endDate;
              entity.dateAt = article;
            }
            if (facts.place !== undefined && (entity.place === undefined || this.before(article, entity.placeAt!))) {
              entity.place = facts.place;
              entity.placeAt = article;
            }
            if (facts.format !== undefined && (entity.format === undefined || this.before(article, entity.formatAt!))) {
              entity.format = facts.format;
              entity.formatAt = article;
            }
          }
          break;
        }
        case "Document":
          bump(entity.docKinds, m.docKind);
          break;
        case "Organization":
          break;
      }
    }
    // the sentences of this article each relation already quotes: a fact stated in many sentences is checked in O(1) per statement
    const quoted = new Map<RelationDraft, Set<number>>();
    for (let i = 0; i < record.facts.length; i++) this.fact(record, article, i, false, quoted, quoteId);
    return article;
  }

  /** Each quote once per article: several facts (and officials' states) quote the same sentence. */
  private quoteIds(): (quote: string) => number {
    const quotes = new Map<string, number>();
    return (quote) => {
      let id = quotes.get(quote);
      if (id === undefined) quotes.set(quote, (id = this.details.quotes.put(quote)));
      return id;
    };
  }

  /** A name written in `article`: counted; the first article's first name is the first of the entity's names. */
  private name(entity: EntityDraft, name: string, article: number): void {
    bump(entity.names, name);
    if (entity.nameAt !== undefined && !this.before(article, entity.nameAt)) return;
    entity.nameAt = article;
    if (entity.names.keys().next().value !== name) entity.names = new Map([[name, entity.names.get(name)!], ...entity.names]);
  }

  private alias(entity: EntityDraft, alias: string, article: number): void {
    entity.aliases.add(alias);
    if (entity.aliasAt !== undefined && !this.before(article, entity.aliasAt)) return;
    entity.aliasAt = article;
    if (entity.aliases.values().next().value !== alias) entity.aliases = new Set([alias, ...entity.aliases]);
  }

  /** A title kept once (as first written), in the order titles were first written. */
  private title(entity: EntityDraft, title: string, article: number): void {
    const { titles, titleAt } = entity;
    const folded = foldName(title);
    const known = titles.findIndex((x) => foldName(x) === folded);
    if (known !== -1) {
      if (!this.before(article, titleAt[known]!)) return;
      titles.splice(known, 1);
      titleAt.splice(known, 1);
    }
    let at = titles.length;
    while (at > 0 && this.before(article, titleAt[at - 1]!)) at--;
    titles.splice(at, 0, title);
    titleAt.splice(at, 0, article);
  }

  /** The first sentence (by article) that states an official's state `iso`. */
  private stateEvidence(official: EntityDraft, iso: string, evidence: number, article: number): void {
    const known = official.countryEvidence.get(iso);
    if (known === undefined || this.before(article, this.details.evidenceArticle(known))) official.countryEvidence.set(iso, evidence);
  }

  /**
   * `article` mentions `entity` before any article added so far: its first mention's quote is the
   * entity's first evidence, and the facts of later articles that waited for it are due (`settle`).
   */
  private mentionedFirst(entity: EntityDraft, article: number, evidence: number | undefined): void {
    entity.first = article;
    if (evidence !== undefined) entity.firstEvidence = evidence;
    else delete entity.firstEvidence;
    const waiting = this.waitingFor.get(entity.key);
    if (!waiting) return;
    const still: number[] = [];
    for (let i = 0; i < waiting.length; i += 3) (this.before(waiting[i]!, article) ? still : this.due).push(waiting[i]!, waiting[i + 1]!, waiting[i + 2]!);
    if (still.length > 0) this.waitingFor.set(entity.key, still);
    else this.waitingFor.delete(entity.key);
  }

  /**
   * Fact `index` of `record` (article `article`): a relation when both its ends are mentioned in or
   * before the article, an official's vote for a state when the official is; what cannot be kept
   * yet waits for the end it lacks (an article added later may mention it earlier). `voted`: the
   * vote was counted before.
   */
  private fact(record: ArticleRecord, article: number, index: number, voted: boolean, quoted: Map<RelationDraft, Set<number>>, quoteId: (quote: string) => number): void {
    const f = record.facts[index]!;
    const articleId = record.article.id;
    const from = record.mentions[f.from]!;
    const to = record.mentions[f.to]!;
    const ev = this.details.evidence(article, f.evidence.sentence, f.evidence.start, f.evidence.end, quoteId(f.evidence.quote), f.evidence.rule);
    const source = this.finalKey(from, articleId);
    const target = this.finalKey(to, articleId);
    const official = this.existsAt(source, article);
    const other = this.existsAt(target, article);
    let lacking: string | undefined;
    if (source !== target && f.type !== "MENTIONED_IN") {
      if (official && other) this.addRelation(f.type, source, target, ev, f.confidence, quoted, article);
      else lacking = official ? target : source;
    }
    if (f.type === "OFFICIAL_OF" && to.kind === "Country" && !voted && official) {
      bump(official.countryVotes, to.iso, 1);
      this.stateEvidence(official, to.iso, ev, article);
      voted = true;
    }
    if (lacking === undefined) return;
    const waiting = this.waitingFor.get(lacking) ?? [];
    waiting.push(article, index, voted ? 1 : 0);
    this.waitingFor.set(lacking, waiting);
  }

  /**
   * After records were added out of the order of articles: the facts that waited for an entity an
   * article added later mentions earlier, added from their records (`recordOf`, by article
   * number), and the confidences folded again in the order of articles where a statement came
   * late. Nothing to do when every record came in order. Call before `state` and `finish`.
   */
  settle(recordOf: (article: number) => ArticleRecord): void {
    const due = this.due;
    this.due = [];
    const byArticle = new Map<number, Array<[index: number, voted: boolean]>>();
    for (let i = 0; i < due.length; i += 3) {
      const items = byArticle.get(due[i]!) ?? [];
      items.push([due[i + 1]!, due[i + 2] === 1]);
      byArticle.set(due[i]!, items);
    }
    for (const [article, items] of byArticle) {
      const record = recordOf(article);
      const quoted = new Map<RelationDraft, Set<number>>();
      const quoteId = this.quoteIds();
      for (const [index, voted] of items.sort((a, b) => a[0] - b[0])) this.fact(record, article, index, voted, quoted, quoteId);
    }
    for (const relation of this.unordered) relation.confidence = this.details.reorderWeights(relation.weights, this.places);
    this.unordered.clear();
  }

  /**
   * `evidence` is a row of details; `quoted` has the sentences each relation quotes from the
   * article being added (without it, the relation's evidence is searched: once per official).
   * `article`: the statement's article, whose place decides the order its confidence is folded in
   * (none: `finish`'s, after every article).
   */
  private addRelation(type: RelationType, source: string, target: string, evidence: number, confidence: number, quoted?: Map<RelationDraft, Set<number>>, article?: number): void {
    if (source === target) return;
    const from = this.entities.get(source);
    const to = this.entities.get(target);
    if (!from || !to || type === "MENTIONED_IN") return;
    const [fromKinds, toKinds] = SIGNATURE[type];
    if (!fromKinds.includes(from.kind) || !toKinds.includes(to.kind)) return;
    const key = `${type}|${source}|${target}`;
    const relation = this.relations.get(key) ?? { type, source, target, evidence: emptyList(), weights: emptyList(), confidence: 0 };
    this.relations.set(key, relation);
    const { details } = this;
    const sentence = details.evidenceSentence(evidence);
    let known: boolean;
    if (quoted) {
      const sentences = quoted.get(relation) ?? new Set<number>();
      quoted.set(relation, sentences);
      known = sentences.has(sentence);
      sentences.add(sentence);
    } else known = details.quotesSentence(relation.evidence, details.evidenceArticle(evidence), sentence);
    if (!known) details.appendEvidence(relation.evidence, evidence);
    if (article !== undefined) {
      const last = details.lastWeightArticle(relation.weights);
      details.addWeight(relation.weights, article, confidence);
      // a statement from an article before the last one stated: folded again in order by `settle`
      if (last !== -1 && this.before(article, last)) this.unordered.add(relation);
    }
    // independent statements make a fact surer: 1 - Π(1 - c)
    relation.confidence = 1 - (1 - relation.confidence) * (1 - confidence);
  }

  /** Officials' states: stated in a title or a delegation, else a Vietnamese name in the Vietnamese press. */
  finish(): Resolution {
    this.endSurvey();
    const { entities, lexicon } = this;
    for (const entity of entities.values()) {
      if (entity.kind !== "Official") continue;
      let iso = [...entity.countryVotes.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
      let confidence = 0.9;
      let evidence = iso ? entity.countryEvidence.get(iso) : undefined;
      const label = [...entity.names.keys()][0] ?? "";
      if (!iso && lexicon.surnames.has(label.split(" ")[0] ?? "")) {
        iso = "VN";
        confidence = 0.6;
      }
      if (!iso) continue;
      const country = lexicon.countryByIso.get(iso);
      if (!country) continue;
      const countryKey = entityKey("Country", country.name);
      if (!entities.has(countryKey)) {
        const node = newEntity(countryKey, "Country");
        node.iso = iso;
        bump(node.names, country.name);
        entities.set(countryKey, node);
      }
      evidence ??= entity.firstEvidence!;
      entity.countryVotes = new Map([[iso, 1]]);
      this.addRelation("OFFICIAL_OF", entity.key, countryKey, evidence, confidence);
    }
    const relations = [...this.relations.values()];
    this.relations.clear();
    return { entities, relations, details: this.details };
  }
}

/** Resolution of articles extracted in memory (tests, small builds). */
export function resolveEntities(articles: ExtractedArticle[], lexicon: Lexicon): MaterialResolution {
  const { entities, relations, details } = resolveRecords(articles.map(({ article, extraction }) => toRecord(article, extraction)), lexicon);
  return {
    entities: new Map([...entities].map(([key, e]) => [key, materializeEntity(e, details)])),
    relations: relations.map((r) => materializeRelation(r, details)),
  };
}

export function resolveRecords(records: ArticleRecord[], lexicon: Lexicon): Resolution {
  const resolver = new Resolver(lexicon);
  for (const r of records) resolver.survey(r);
  for (const r of records) resolver.add(r);
  return resolver.finish();
}
