// One article → the names it mentions and the relations its sentences state. Recognisers
// run sentence by sentence; then acronyms, bare titles ("Thủ tướng nhấn mạnh") and bare
// meeting heads ("Hội nghị") are tied to what they stand for, and the relation patterns run.
import type { Article } from "../ingest/types.ts";
import { foldName } from "../text/fold.ts";
import { splitSentences, type Sentence } from "../text/sentences.ts";
import { tokenize } from "../text/tokens.ts";
import { groupBySentence, viewSentence, type SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import { meetingFactsOf } from "./meeting-facts.ts";
import { arrangeMentions } from "./nesting.ts";
import { recognizeDates } from "./recognize-dates.ts";
import { reportYear } from "./report-year.ts";
import { recognizeDocuments } from "./recognize-documents.ts";
import { recognizeKnownNames } from "./recognize-gazetteer.ts";
import { recognizeMeetings } from "./recognize-meetings.ts";
import { recognizeOfficials } from "./recognize-officials.ts";
import { recognizeProposalLists, recognizeProposalsAbout } from "./recognize-proposal-lists.ts";
import { meetingsOfSessions } from "./meeting-sessions.ts";
import { recognizeNumberedAcronyms, recognizeSeriesPartners, resolveSeriesNames } from "./series-names.ts";
import { resolveShortNames } from "./short-names.ts";
import { resolveRoleMentions } from "./role-mentions.ts";
import { articleMeeting, resolveBackReferences } from "./article-meeting.ts";
import { findFacts } from "./relations/find-facts.ts";
import { nameAfterAdopters, recognizeGenericDocuments } from "./generic-documents.ts";
import { reportedMeetingsYear } from "./series-calendar.ts";
import { recognizeEventReferences } from "./event-references.ts";
import { bodySessions } from "./body-sessions.ts";
import type { ArticleExtraction, MeetingFacts, MeetingMention, Mention } from "./types.ts";

/** 1. Every recogniser over one sentence; nested names marked. */
function recognize(view: SentenceView, lexicon: Lexicon): Mention[] {
  return arrangeMentions([
    ...recognizeOfficials(view, lexicon),
    ...recognizeProposalLists(view, lexicon),
    ...recognizeProposalsAbout(view, lexicon),
    ...recognizeDocuments(view, lexicon),
    ...recognizeMeetings(view, lexicon),
    ...recognizeEventReferences(view, lexicon),
    ...recognizeKnownNames(view, lexicon),
  ]);
}

/** 2. An acronym given in parentheses ("(JCM)", "(UNCLOS 1982)") names its entity wherever it recurs. */
function spreadAcronyms(views: SentenceView[], mentions: Mention[]): Mention[] {
  // acronyms indexed by their first word, so each token is looked up once
  const byFirstWord = new Map<string, Array<{ words: string[]; source: Mention }>>();
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const a of m.kind === "Meeting" && m.acronym ? [...m.aliases, m.acronym] : m.aliases) {
      if (seen.has(a) || !/^[\p{Lu}][\p{Lu}\p{N}\-+&/ ]+$/u.test(a)) continue;
      seen.add(a);
      const words = tokenize(a).map((t) => t.text);
      const list = byFirstWord.get(words[0]!) ?? [];
      list.push({ words, source: m });
      byFirstWord.set(words[0]!, list);
    }
  }
  if (byFirstWord.size === 0) return mentions;
  const bySentence = groupBySentence(mentions);
  const added: Mention[] = [];
  const replaced = new Set<Mention>();
  for (const view of views) {
    const taken = bySentence.get(view.sentence.index) ?? [];
    view.tokens.forEach((token, i) => {
      for (const { words, source } of byFirstWord.get(token.text) ?? []) {
        if (!words.every((w, k) => view.tokens[i + k]?.text === w)) continue;
        const start = token.start;
        const end = view.tokens[i + words.length - 1]!.end;
        if (view.tokens[i - 1]?.text === "(") continue;
        // "ASEANAPOL 39" for the meeting holds the body "ASEANAPOL": the longer name wins over the names inside it
        const crossing = taken.filter((t) => t.start < end && start < t.end);
        if (crossing.some((t) => t.start < start || t.end > end || t.end - t.start === end - start)) continue;
        for (const t of crossing) replaced.add(t);
        added.push({ ...source, start, end, sentence: view.sentence.index, nested: false } as Mention);
      }
    });
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((x, y) => x.start - y.start);
}

/**
 * A page cut short ("… Kế hoạch Tổng thể ACMECS nh", "… khuyến nghị của Hộ"): a meeting's or a document's
 * name that runs into the end of a text with no closing punctuation, or stops a fragment of a word before
 * it, is cut too and could be any name; it is left out, with what it would have said.
 */
function dropCutNames(body: string, mentions: Mention[]): Mention[] {
  const text = body.trimEnd();
  if (/[.!?…"”’)\]:;»]$/u.test(text)) return mentions;
  // only the names of open length, which a cut shortens into another name: meetings' and documents'
  return mentions.filter((m) => (m.kind !== "Meeting" && m.kind !== "Document") || !/^[^\S\n]*\p{L}{0,3}$/u.test(text.slice(m.end)));
}

function meetingKey(m: MeetingMention): string {
  return foldName(m.name);
}

/** `checkpoint` is called between sentences and stages; it throws to abandon an article past its file's time budget. */
export function extractArticle(article: Article, lexicon: Lexicon, checkpoint: () => void = () => {}): ArticleExtraction {
  const sentences: Sentence[] = splitSentences(article.body);
  const views = sentences.map(viewSentence);

  let mentions = views.flatMap((v) => {
    checkpoint();
    return recognize(v, lexicon);
  });
  checkpoint();
  mentions = dropCutNames(article.body, spreadAcronyms(views, mentions));
  mentions = recognizeSeriesPartners(views, mentions, lexicon); // "ATM+Trung Quốc lần thứ 11" after "(ATM) lần thứ 18"
  mentions = resolveRoleMentions(mentions, lexicon); // "Thủ tướng nhấn mạnh", "Thủ tướng Campuchia cho biết"
  mentions = resolveShortNames(views, mentions, lexicon); // "Ông Huy", "bà Villanueva"
  mentions = meetingsOfSessions(mentions, lexicon); // "Phiên họp hẹp Hội nghị X" stands for X
  mentions = bodySessions(article.body, mentions); // "Ủy ban X đã họp phiên thứ 7": the body's seventh session
  mentions = resolveSeriesNames(mentions); // "Hội nghị AMM" in a report of AMM-55
  mentions = recognizeNumberedAcronyms(views, mentions); // "tham dự AIPA-46" in a report of Đại hội đồng AIPA lần thứ 46

  // 4. the meeting the article reports, which a bare "Hội nghị" means (article-meeting.ts)
  const main = articleMeeting(mentions, sentences);

  // 5. dates: a day without a year takes the publication's, else the year the report states, else the
  //    year its numbered meetings were held in (series-calendar.ts)
  const stated = article.published ? null : reportYear(article.body);
  const fallbackYear = article.published || article.crawled || stated !== null ? stated : reportedMeetingsYear(main, mentions);
  const years = { published: article.published, crawled: article.crawled ?? null, fallbackYear };
  const dates = sentences.flatMap((s) => recognizeDates(s, years));

  // 6. dates, places and formats of the meetings, from the sentences that name them (first statement wins)
  const meetingFacts = new Map<MeetingMention, MeetingFacts>();
  const factsByName = new Map<string, MeetingFacts>();
  const record = (meeting: MeetingMention, facts: MeetingFacts) => {
    const key = meetingKey(meeting);
    const known = factsByName.get(key) ?? {};
    const merged = { ...facts, ...known };
    // "bế mạc ngày 9-7" then "trong hai ngày 8 và 9-7": the span that holds the day first read is the better date
    if (known.date && !known.endDate && facts.date && facts.endDate && facts.date <= known.date && known.date <= facts.endDate) {
      merged.date = facts.date;
      merged.endDate = facts.endDate;
    }
    factsByName.set(key, merged);
  };
  const datesBySentence = groupBySentence(dates);
  const meetingsBySentence = groupBySentence(mentions.filter((m): m is MeetingMention => m.kind === "Meeting" && !m.nested));
  for (const [index, inSentence] of meetingsBySentence) {
    const s = sentences[index]!;
    const sentenceDates = datesBySentence.get(index) ?? [];
    for (const m of inSentence) {
      if (m.backReference) continue;
      record(m, meetingFactsOf(s, m, sentenceDates, lexicon, inSentence));
    }
    const back = inSentence.find((m) => m.backReference);
    if (back && main && inSentence.every((m) => m.backReference)) record(main, meetingFactsOf(s, back, sentenceDates, lexicon, inSentence));
  }
  mentions = resolveBackReferences(mentions, main, main ? factsByName.get(meetingKey(main))?.date : undefined, dates, article.body);
  const generic = recognizeGenericDocuments(sentences, mentions); // "đã ký Thông cáo chung": the meeting's own
  mentions = generic.mentions;

  // 7. relations, sentence by sentence (relations/find-facts.ts)
  checkpoint();
  const found = nameAfterAdopters(mentions, findFacts(article.body, sentences, mentions, main), generic.generic);
  mentions = found.mentions;
  const facts = found.facts;

  for (const m of mentions) if (m.kind === "Meeting" && !m.backReference) {
    const f = factsByName.get(meetingKey(m));
    if (f) meetingFacts.set(m, f);
  }
  return { sentences, mentions, facts, meetingFacts };
}
