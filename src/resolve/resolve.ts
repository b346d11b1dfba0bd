// Entity resolution across sentences and articles: mentions with the same canonical name
// become one entity (an acronym in parentheses is an alias, "HNCC" = "Hội nghị Cấp cao",
// "lần thứ 37" = "37", titles stripped from names); different ordinals or years never
// merge. Facts are re-pointed at entities; a fact stated twice gains evidence, not an edge.
import type { Evidence, RelationType } from "../graph/types.ts";
import type { Article } from "../ingest/types.ts";
import type { Lexicon } from "../extract/lexicon.ts";
import type { ArticleExtraction, Fact, Mention } from "../extract/types.ts";
import { foldName } from "../text/fold.ts";
import { evidenceOf } from "./evidence.ts";
import { bump, newEntity, type EntityDraft, type RelationDraft } from "./entities.ts";
import { canonicalName, entityKey } from "./keys.ts";

export interface ExtractedArticle {
  article: Article;
  extraction: ArticleExtraction;
}

export interface Resolution {
  entities: Map<string, EntityDraft>;
  relations: RelationDraft[];
}

/** Which kinds a relation type joins; a fact outside them is a misreading and is dropped. */
const SIGNATURE: Record<Exclude<RelationType, "MENTIONED_IN">, [string[], string[]]> = {
  CHAIRED: [["Official", "Country", "Organization"], ["Meeting"]],
  ATTENDED: [["Official", "Country", "Organization"], ["Meeting"]],
  ADOPTED: [["Meeting"], ["Document"]],
  PROPOSED_BY: [["Document", "Meeting"], ["Country", "Official"]],
  OFFICIAL_OF: [["Official"], ["Country"]],
};

/** The name under which a mention is filed: the lexicon's for known countries and bodies. */
function filedName(m: Mention): string {
  if (m.kind === "Organization" && m.canonical) return m.canonical;
  return m.name;
}

const keys = new WeakMap<Mention, string>();

function keyOf(m: Mention): string {
  let key = keys.get(m);
  if (key === undefined) {
    key = entityKey(m.kind, filedName(m));
    keys.set(m, key);
  }
  return key;
}

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

/**
 * Meetings named alike with no ordinal to tell them apart ("Hội nghị hẹp Bộ trưởng Ngoại giao ASEAN") are different
 * meetings when the articles date them in different years: for those names only, each article's
 * mentions are filed under the name and the year it gives ("…-2015", "…-2022"). Returns
 * "article|key" → year for the mentions to re-file.
 */
function meetingYears(articles: ExtractedArticle[]): Map<string, string> {
  const yearsByKey = new Map<string, Set<string>>();
  const yearInArticle = new Map<string, string>();
  for (const { article, extraction } of articles) {
    for (const m of extraction.mentions) {
      if (m.kind !== "Meeting" || m.backReference || m.ordinal !== undefined || /(?<!\d)(?:19|20)\d{2}(?!\d)/u.test(m.name)) continue;
      const date = extraction.meetingFacts.get(m)?.date;
      if (!date) continue;
      const key = keyOf(m);
      const year = date.slice(0, 4);
      const id = `${article.id}|${key}`;
      if (!yearInArticle.has(id)) yearInArticle.set(id, year);
      const years = yearsByKey.get(key) ?? new Set<string>();
      years.add(year);
      yearsByKey.set(key, years);
    }
  }
  for (const [id, year] of yearInArticle) {
    const key = id.slice(id.indexOf("|") + 1);
    if ((yearsByKey.get(key)?.size ?? 0) < 2) yearInArticle.delete(id);
    else yearInArticle.set(id, year);
  }
  return yearInArticle;
}

export function resolveEntities(articles: ExtractedArticle[], lexicon: Lexicon): Resolution {
  const entities = new Map<string, EntityDraft>();
  const sentencesOf = new Map(articles.map((a) => [a.article.id, a.extraction.sentences]));
  const articleOf = new Map(articles.map((a) => [a.article.id, a.article]));

  // 1. documents that are one under two names
  const documentNames = new Map<string, string>();
  for (const { extraction } of articles) for (const m of extraction.mentions) if (m.kind === "Document") documentNames.set(keyOf(m), canonicalName("Document", m.name));
  const merged = documentMerges(documentNames, lexicon);
  const heldIn = meetingYears(articles);
  const finalKey = (m: Mention, article: string) => {
    const key = merged.get(keyOf(m)) ?? keyOf(m);
    const year = m.kind === "Meeting" ? heldIn.get(`${article}|${key}`) : undefined;
    return year ? `${key}-${year}` : key;
  };

  // 2. mentions → entities, in article order (articles are sorted by file name)
  for (const { article, extraction } of articles) {
    for (const m of extraction.mentions) {
      const key = finalKey(m, article.id);
      const entity = entities.get(key) ?? newEntity(key, m.kind);
      entities.set(key, entity);
      if (!(m.kind === "Official" && m.coreference) && !(m.kind === "Meeting" && m.backReference)) bump(entity.names, filedName(m));
      if (filedName(m) !== m.name) entity.aliases.add(m.name);
      for (const a of m.aliases) entity.aliases.add(a);
      entity.mentions.push({ article: article.id, sentence: m.sentence, start: m.start, end: m.end });
      switch (m.kind) {
        case "Country":
          entity.iso = m.iso;
          break;
        case "Official":
          for (const t of m.titles) if (!entity.titles.some((x) => foldName(x) === foldName(t))) entity.titles.push(t);
          if (m.countryIso && !m.coreference) {
            bump(entity.countryVotes, m.countryIso, 2);
            const sentence = sentencesOf.get(article.id)![m.sentence]!;
            if (!entity.countryEvidence.has(m.countryIso)) entity.countryEvidence.set(m.countryIso, evidenceOf(article, sentence, m.start, m.end));
          }
          break;
        case "Meeting": {
          if (m.ordinal !== undefined) entity.ordinal = m.ordinal;
          const facts = extraction.meetingFacts.get(m);
          if (facts) {
            if (facts.date && !entity.date) {
              entity.date = facts.date;
              if (facts.endDate) entity.endDate = facts.endDate;
            }
            entity.place ??= facts.place;
            entity.format ??= facts.format;
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
  }

  // 3. facts → relations, one per (type, source, target), evidence gathered
  const relations = new Map<string, RelationDraft>();
  // the sentences each relation already quotes: a fact stated in 100,000 sentences is checked in O(1) per statement
  const quoted = new Map<string, Set<string>>();
  const addRelation = (type: RelationType, source: string, target: string, evidence: Evidence, confidence: number) => {
    if (source === target) return;
    const from = entities.get(source);
    const to = entities.get(target);
    if (!from || !to || type === "MENTIONED_IN") return;
    const [fromKinds, toKinds] = SIGNATURE[type];
    if (!fromKinds.includes(from.kind) || !toKinds.includes(to.kind)) return;
    const key = `${type}|${source}|${target}`;
    const relation = relations.get(key) ?? { type, source, target, evidence: [], confidence: 0 };
    relations.set(key, relation);
    const sentences = quoted.get(key) ?? new Set<string>();
    quoted.set(key, sentences);
    const at = `${evidence.article}\u0000${evidence.sentence}`;
    if (!sentences.has(at)) {
      sentences.add(at);
      relation.evidence.push(evidence);
    }
    // independent statements make a fact surer: 1 - Π(1 - c)
    relation.confidence = 1 - (1 - relation.confidence) * (1 - confidence);
  };
  for (const { article, extraction } of articles) {
    const sentences = sentencesOf.get(article.id)!;
    for (const f of extraction.facts as Fact[]) {
      const ev = { ...evidenceOf(article, sentences[f.sentence]!, Math.min(f.from.start, f.to.start), Math.max(f.from.end, f.to.end)), rule: f.pattern };
      addRelation(f.type, finalKey(f.from, article.id), finalKey(f.to, article.id), ev, f.confidence);
      if (f.type === "OFFICIAL_OF" && f.to.kind === "Country") {
        const official = entities.get(finalKey(f.from, article.id));
        if (official) {
          bump(official.countryVotes, f.to.iso, 1);
          if (!official.countryEvidence.has(f.to.iso)) official.countryEvidence.set(f.to.iso, ev);
        }
      }
    }
  }

  // 4. officials' states: stated in a title or a delegation, else a Vietnamese name in the Vietnamese press
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
    if (!evidence) {
      const first = entity.mentions[0]!;
      evidence = evidenceOf(articleOf.get(first.article)!, sentencesOf.get(first.article)![first.sentence]!, first.start, first.end);
    }
    entity.countryVotes = new Map([[iso, 1]]);
    addRelation("OFFICIAL_OF", entity.key, countryKey, evidence, confidence);
  }

  return { entities, relations: [...relations.values()] };
}
