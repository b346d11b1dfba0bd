// The rows of the predicate lexicon run sentence by sentence over the names that stand on their
// own, each read by its frame, with what the sentences before said: the last meeting named (in the
// article, in the paragraph, every one of the last sentence) and the last proposal. Facts about a
// pair of meetings named together are said of both; the state of an attending official attends.
import type { Sentence } from "../../text/sentences.ts";
import { groupBySentence } from "../context.ts";
import type { Fact, MeetingMention, Mention } from "../types.ts";
import { adoptedFrames } from "./adopted.ts";
import { attendedFrames } from "./attended.ts";
import { chairedFrames } from "./chaired.ts";
import type { Frame, Frames } from "./frame.ts";
import { loadPredicates, type Predicate } from "./predicates.ts";
import { proposedFrames } from "./proposed.ts";
import { RowScanner, WordLookup } from "./row-scan.ts";
import { stateOf, type Item, type SentenceScope } from "./sentence-items.ts";

const FRAMES: Record<Predicate["relation"], Frames> = {
  CHAIRED: chairedFrames,
  ATTENDED: attendedFrames,
  ADOPTED: adoptedFrames,
  PROPOSED_BY: proposedFrames,
};

/** Every row of the predicate lexicon with the frame that reads it, and the words one of its phrases starts with. */
function readers(): Array<{ row: Predicate; frame: Frame; firstWords: string[] }> {
  return loadPredicates().predicates.map((row) => {
    const frame = FRAMES[row.relation][row.frame];
    if (!frame) throw new Error(`lexicon/predicates.json: row ${row.id}: no frame ${row.frame} for ${row.relation}`);
    return { row, frame, firstWords: [...new Set(row.phrases.map((p) => p.split(/\s+/u)[0]!.toLowerCase()))] };
  });
}

/**
 * The facts every row of the predicate lexicon finds in one sentence. A row's expression runs only
 * where one of its phrases' first words is a word of the sentence (cut at spaces and the
 * punctuation that sticks to words: `[\s,.;:!?()[\]"“”'‘’/–-]+`): most sentences state no
 * relation, and a set look-up is far cheaper than the row's expression.
 */
function readSentence(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  const { text, start } = scope.sentence;
  // the sentence's words (row-scan.ts: cut at spaces and punctuation), asked only about the rows' first words
  const words = FIRST_WORDS.present(text.toLowerCase());
  const wanted = READERS.map(({ firstWords }) => firstWords.some((w) => words.has(w)));
  for (const [r, index, match] of SCANNER.matches(text, wanted)) {
    const { row, frame } = READERS[r]!;
    const at = start + index;
    facts.push(...frame({ scope, row, start: at, end: at + match.length, text: match }));
  }
  return facts;
}

const READERS = readers();
const SCANNER = new RowScanner(READERS.map(({ row }) => row));
const FIRST_WORDS = new WordLookup(READERS.flatMap((r) => r.firstWords));

export function findFacts(body: string, sentences: Sentence[], mentions: Mention[], main: MeetingMention | undefined): Fact[] {
  const facts: Fact[] = [];
  let previousMeeting: MeetingMention | undefined;
  let previousMeetings: MeetingMention[] = [];
  let previousProposal: Mention | undefined;
  let justNamed: { meeting: MeetingMention; sentence: Sentence } | undefined;
  const standing = groupBySentence(mentions.filter((m) => !m.nested));
  const inside = groupBySentence(mentions.filter((m) => m.nested));
  for (const s of sentences) {
    const items: Item[] = (standing.get(s.index) ?? []).filter((m) => !describesAnother(body, s, m)).map((m) => ({ mention: m, start: m.start, end: m.end }));
    // the last meeting named earlier in the same paragraph
    const sameParagraph = justNamed && !body.slice(justNamed.sentence.end, s.start).includes("\n");
    const meetingJustNamed = sameParagraph ? justNamed!.meeting : undefined;
    if (!sameParagraph) justNamed = undefined;
    // ("hoan nghênh quyết định của Hội nghị X": a meeting named as the owner of something is not what the paragraph goes on about)
    const own = items.filter((it) => it.mention.kind === "Meeting" && !(it.mention as MeetingMention).backReference && !OWNER_BEFORE.test(body.slice(Math.max(s.start, it.start - 30), it.start)));
    if (own.length > 0) justNamed = { meeting: own[own.length - 1]!.mention as MeetingMention, sentence: s };
    else if (justNamed) justNamed = { ...justNamed, sentence: s };
    if (items.length === 0) continue;
    const scope: SentenceScope = { sentence: s, items, nested: inside.get(s.index) ?? [], main, previousMeeting, previousMeetings, meetingJustNamed, previousProposal };
    const found = readSentence(scope);
    facts.push(...found);
    previousProposal = found.filter((f) => f.type === "PROPOSED_BY").pop()?.from ?? previousProposal;
    const meetings = items.filter((it) => it.mention.kind === "Meeting");
    const last = meetings[meetings.length - 1];
    if (last) previousMeeting = last.mention as MeetingMention;
    const ownNamed = meetings.map((it) => it.mention as MeetingMention).filter((m) => !m.backReference);
    const named = ownNamed.filter((m) => !namedAsFrame(body, s, m));
    // a sentence that names meetings only as a frame ("… trong khuôn khổ chuỗi M1 - M2 …, do X chủ trì") is about them
    if (named.length > 0 || ownNamed.length > 0) previousMeetings = named.length > 0 ? named : ownNamed;
  }
  return dedupeFacts(spreadOverSiblings([...facts, ...statesOfAttendees(facts, inside)], mentions));
}

/** "quyết định của M", "kết quả của M": the meeting owns what is spoken of. */
const OWNER_BEFORE = /(?<![\p{L}])(?:quyết định|kết quả|sáng kiến|tinh thần|chủ đề|khuyến nghị|chỉ đạo) của\s+$/u;

/** "SOM … trong khuôn khổ ASEAN+3, EAS và ARF", "bên lề M": a meeting named as the frame of others is not one of the events of its sentence. */
const FRAME_BEFORE = /(?<![\p{L}])(?:khuôn khổ|bên lề|trong chuỗi|chuẩn bị cho)(?![\p{L}])[^.;]{0,150}$/u;
function namedAsFrame(body: string, s: Sentence, m: Mention): boolean {
  return FRAME_BEFORE.test(body.slice(Math.max(s.start, m.start - 160), m.start));
}

/**
 * A body named only to describe something else is no argument of a relation: "vai trò Chủ tịch
 * luân phiên của hợp tác giáo dục ASEAN", "nước Chủ tịch ASEAN", "các nước thành viên AIPA" (not
 * "các nước ASEAN", who act), or the tail of a longer name the recognisers did not read ("Ủy ban
 * Quốc gia ASEAN").
 */
const DESCRIBED = /(?:(?<![\p{L}])(?:vai trò|[Cc]hủ tịch|thành viên|đại diện)[^,.;]{0,40}?(?<![\p{L}])(?:của|thuộc)\s+(?:[\p{Ll}\d-]+\s+){0,5}|(?<![\p{L}])(?:[Cc]hủ tịch|thành viên)\s+|(?<![\p{L}])\p{Lu}\p{Ll}*\s+)$/u;
function describesAnother(body: string, s: Sentence, m: Mention): boolean {
  if (m.kind !== "Organization" || m.start <= s.start) return false;
  return DESCRIBED.test(body.slice(Math.max(s.start, m.start - 60), m.start));
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

/**
 * "Thủ tướng Ấn Độ X tham dự M": the state an attending official's title names attends too, as
 * its delegation's state (a little less sure than the official: the title might be honorary).
 */

function statesOfAttendees(facts: Fact[], nestedBySentence: Map<number, Mention[]>): Fact[] {
  const derived: Fact[] = [];
  for (const f of facts) {
    if (f.type !== "ATTENDED" || f.from.kind !== "Official") continue;
    const official = f.from;
    const state = (nestedBySentence.get(f.sentence) ?? []).find((m) => m.kind === "Country" && m.start >= official.start && m.end <= official.end) ?? stateOf(official);
    if (state) derived.push({ ...f, from: state, confidence: Math.round((f.confidence - 0.1) * 100) / 100, pattern: `${f.pattern}+state` });
  }
  return derived;
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
