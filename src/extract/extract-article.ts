// One article → the names it mentions and the relations its sentences state. Recognisers
// run sentence by sentence; then acronyms, bare titles ("Thủ tướng nhấn mạnh") and bare
// meeting heads ("Hội nghị") are tied to what they stand for, and the relation patterns run.
import type { Article } from "../ingest/types.ts";
import { foldName } from "../text/fold.ts";
import { splitSentences, type Sentence } from "../text/sentences.ts";
import { tokenize } from "../text/tokens.ts";
import { viewSentence, type SentenceView } from "./context.ts";
import type { Lexicon } from "./lexicon.ts";
import { meetingFactsOf } from "./meeting-facts.ts";
import { arrangeMentions } from "./nesting.ts";
import { recognizeDates, dominantYear } from "./recognize-dates.ts";
import { recognizeDocuments } from "./recognize-documents.ts";
import { recognizeKnownNames } from "./recognize-gazetteer.ts";
import { recognizeMeetings } from "./recognize-meetings.ts";
import { recognizeOfficials } from "./recognize-officials.ts";
import { recognizeProposalLists, recognizeProposalsAbout } from "./recognize-proposal-lists.ts";
import { resolveShortNames } from "./short-names.ts";
import { adoptedPatterns } from "./relations/adopted.ts";
import { attendedPatterns } from "./relations/attended.ts";
import { chairedPatterns } from "./relations/chaired.ts";
import { proposedPatterns } from "./relations/proposed.ts";
import type { Item, Pattern, SentenceScope } from "./relations/sentence-items.ts";
import type { ArticleExtraction, DateMention, Fact, MeetingFacts, MeetingMention, Mention, OfficialMention } from "./types.ts";

/** Words that name a meeting as the frame of others, not as what the article reports. */
const FRAME_BEFORE = /(?<![\p{L}])(?:chuỗi|khuôn khổ|bên lề|nhân dịp|chuẩn bị cho)\s*$/iu;

const PATTERNS: Pattern[] = [...chairedPatterns, ...attendedPatterns, ...adoptedPatterns, ...proposedPatterns];

/** 1. Every recogniser over one sentence; nested names marked. */
function recognize(view: SentenceView, lexicon: Lexicon): Mention[] {
  return arrangeMentions([
    ...recognizeOfficials(view, lexicon),
    ...recognizeProposalLists(view, lexicon),
    ...recognizeProposalsAbout(view, lexicon),
    ...recognizeDocuments(view, lexicon),
    ...recognizeMeetings(view, lexicon),
    ...recognizeKnownNames(view, lexicon),
  ]);
}

/** 2. An acronym given in parentheses ("(JCM)", "(UNCLOS 1982)") names its entity wherever it recurs. */
function spreadAcronyms(views: SentenceView[], mentions: Mention[]): Mention[] {
  // acronyms indexed by their first word, so each token is looked up once
  const byFirstWord = new Map<string, Array<{ words: string[]; source: Mention }>>();
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const a of m.aliases) {
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
  for (const view of views) {
    const taken = bySentence.get(view.sentence.index) ?? [];
    view.tokens.forEach((token, i) => {
      for (const { words, source } of byFirstWord.get(token.text) ?? []) {
        if (!words.every((w, k) => view.tokens[i + k]?.text === w)) continue;
        const start = token.start;
        const end = view.tokens[i + words.length - 1]!.end;
        if (view.tokens[i - 1]?.text === "(" || taken.some((t) => t.start < end && start < t.end)) continue;
        added.push({ ...source, start, end, sentence: view.sentence.index, nested: false } as Mention);
      }
    });
  }
  return added.length === 0 ? mentions : [...mentions, ...added].sort((x, y) => x.start - y.start);
}

/** 3. "Thủ tướng nhấn mạnh": a bare title stands for the last official named with that title. */
function resolveTitles(mentions: Mention[]): Mention[] {
  const named: OfficialMention[] = [];
  const out: Mention[] = [];
  for (const m of mentions) {
    if (m.kind !== "Official") {
      out.push(m);
      continue;
    }
    if (!m.coreference) {
      named.push(m);
      out.push(m);
      continue;
    }
    const wanted = m.titles.map(foldName);
    const target = [...named].reverse().find((o) => wanted.every((w) => o.titles.some((t) => foldName(t).startsWith(w))));
    if (target) out.push({ ...target, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, coreference: true });
  }
  return out;
}

/** The head word a meeting's name starts with, folded: "hoi nghi", "dien dan", "cuoc hop". */
const headOf = (name: string) => foldName(name).split(" ").slice(0, 2).join(" ");

/**
 * 4. "Hội nghị" alone: the article's meeting, unless a date says it is another one ("cuộc họp ngày 20/2").
 * When the article's meeting has another head ("Diễn đàn Khu vực ASEAN" and later "Hội nghị"), the
 * last meeting named before with the same head is meant, or, with none, the last named in the paragraph.
 */
function resolveBackReferences(mentions: Mention[], main: MeetingMention | undefined, mainDate: string | undefined, dates: DateMention[], body: string): Mention[] {
  let lastOwn: MeetingMention[] = [];
  return mentions.flatMap((m): Mention[] => {
    if (m.kind !== "Meeting") return [m];
    if (!m.backReference) {
      if (!m.nested) lastOwn = [...lastOwn, m];
      return [m];
    }
    if (!main) return [];
    const dated = dates.find((d) => d.start >= m.end && d.start - m.end <= 8);
    if (dated && dated.date !== mainDate) return [];
    const head = headOf(m.name);
    // "cuộc họp" when no meeting of that head was named: the one named last in the same paragraph
    const inParagraph = lastOwn.filter((o) => !body.slice(o.end, m.start).includes("\n")).pop();
    const meant = headOf(main.name) === head ? main : ([...lastOwn].reverse().find((o) => headOf(o.name) === head) ?? inParagraph ?? main);
    return [{ ...meant, start: m.start, end: m.end, sentence: m.sentence, nested: m.nested ?? false, backReference: true }];
  });
}

function groupBySentence<T extends { sentence: number }>(items: T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.sentence);
    if (group) group.push(item);
    else groups.set(item.sentence, [item]);
  }
  return groups;
}

function meetingKey(m: MeetingMention): string {
  return foldName(m.name);
}

export function extractArticle(article: Article, lexicon: Lexicon): ArticleExtraction {
  const sentences: Sentence[] = splitSentences(article.body);
  const views = sentences.map(viewSentence);
  const years = { published: article.published, fallbackYear: article.published ? null : dominantYear(article.body) };
  const dates = sentences.flatMap((s) => recognizeDates(s, years));

  let mentions = views.flatMap((v) => recognize(v, lexicon));
  mentions = spreadAcronyms(views, mentions);
  mentions = resolveTitles(mentions);
  mentions = resolveShortNames(views, mentions, lexicon);

  // the article's meeting: the first one it names on its own, not one named as the frame of others
  // ("trong chuỗi Hội nghị Cấp cao ASEAN với các đối tác", "bên lề Hội nghị …")
  const own = mentions.filter((m): m is MeetingMention => m.kind === "Meeting" && !m.backReference && !m.nested);
  const main = own.find((m) => !FRAME_BEFORE.test(sentences[m.sentence]!.text.slice(0, m.start - sentences[m.sentence]!.start))) ?? own[0];

  // 5. dates, places and formats of the meetings, from the sentences that name them (first statement wins)
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

  // 6. relations, sentence by sentence, over the names that stand on their own
  const facts: Fact[] = [];
  let previousMeeting: MeetingMention | undefined;
  let previousProposal: Mention | undefined;
  let justNamed: { meeting: MeetingMention; sentence: Sentence } | undefined;
  const standing = groupBySentence(mentions.filter((m) => !m.nested));
  for (const s of sentences) {
    const items: Item[] = (standing.get(s.index) ?? []).map((m) => ({ mention: m, start: m.start, end: m.end }));
    // the last meeting named earlier in the same paragraph
    const sameParagraph = justNamed && !article.body.slice(justNamed.sentence.end, s.start).includes("\n");
    const meetingJustNamed = sameParagraph ? justNamed!.meeting : undefined;
    if (!sameParagraph) justNamed = undefined;
    const own = items.filter((it) => it.mention.kind === "Meeting" && !(it.mention as MeetingMention).backReference);
    if (own.length > 0) justNamed = { meeting: own[own.length - 1]!.mention as MeetingMention, sentence: s };
    else if (justNamed) justNamed = { ...justNamed, sentence: s };
    if (items.length === 0) continue;
    const scope: SentenceScope = { sentence: s, items, main, previousMeeting, meetingJustNamed, previousProposal };
    const found = PATTERNS.flatMap((pattern) => (pattern.applies.test(s.text) ? pattern.find(scope) : []));
    facts.push(...found);
    previousProposal = found.filter((f) => f.type === "PROPOSED_BY").pop()?.from ?? previousProposal;
    const meetings = items.filter((it) => it.mention.kind === "Meeting");
    const last = meetings[meetings.length - 1];
    if (last) previousMeeting = last.mention as MeetingMention;
  }

  for (const m of mentions) if (m.kind === "Meeting" && !m.backReference) {
    const f = factsByName.get(meetingKey(m));
    if (f) meetingFacts.set(m, f);
  }
  return { sentences, mentions, facts: dedupeFacts(spreadOverSiblings(facts, mentions)), meetingFacts };
}

/**
 * "Hội nghị Cấp cao ASEAN lần thứ 38 và 39" names two meetings held together: what is said
 * of one ("dưới sự chủ trì của", "tham dự Hội nghị") is said of both.
 */
function spreadOverSiblings(facts: Fact[], mentions: Mention[]): Fact[] {
  const groups = new Map<number, MeetingMention[]>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || m.backReference) continue;
    const group = groups.get(m.start) ?? [];
    if (!group.some((g) => g.name === m.name)) group.push(m);
    groups.set(m.start, group);
  }
  const siblingsOf = new Map<string, MeetingMention[]>();
  for (const group of groups.values()) if (group.length > 1) for (const m of group) siblingsOf.set(m.name, group);
  if (siblingsOf.size === 0) return facts;
  return facts.flatMap((f) => {
    const fromGroup = f.from.kind === "Meeting" ? siblingsOf.get(f.from.name) : undefined;
    const toGroup = f.to.kind === "Meeting" ? siblingsOf.get(f.to.name) : undefined;
    if (fromGroup) return fromGroup.map((m) => ({ ...f, from: m }));
    if (toGroup) return toGroup.map((m) => ({ ...f, to: m }));
    return [f];
  });
}

/** The same relation found twice in one sentence (two patterns agreeing) is kept once, at its best confidence. */
function dedupeFacts(facts: Fact[]): Fact[] {
  const best = new Map<string, Fact>();
  for (const f of facts) {
    const key = `${f.type}|${f.sentence}|${f.from.kind}:${f.from.name}|${f.to.kind}:${f.to.name}`;
    const known = best.get(key);
    if (!known || known.confidence < f.confidence) best.set(key, f);
  }
  return [...best.values()];
}
