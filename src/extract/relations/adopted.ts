// ADOPTED frames: a meeting adopts documents: "(các nước / lãnh đạo / Hội nghị) (đã) thông qua D1, D2",
// "ký kết D", "ra Tuyên bố", "như: D1; D2", "D1 và D2 được thông qua (tại M)". Their wordings are rows
// of lexicon/predicates.json. "thông qua" meaning "by means of" ("thông qua thỏa thuận với UNICEF") is not adoption.
import type { Fact, Mention, MeetingMention } from "../types.ts";
import { fact, type Frames, type Occurrence } from "./frame.ts";
import { gap, isAgent, type Item, type SentenceScope } from "./sentence-items.ts";

const isDocument = (m: Mention) => m.kind === "Document";
const isMeeting = (m: Mention): m is MeetingMention => m.kind === "Meeting";

/** Words that, just before the verb, show it is the verb of adoption (for the verbs that are also prepositions). */
const ADOPTING_BEFORE = /(?:đã|được|sẽ|vừa|cùng|nhất trí|đồng ý|chính thức|và|đều|cũng|bên|nước|lãnh đạo|nhà lãnh đạo|Bộ trưởng|bộ trưởng|Hội nghị|hội nghị|đại biểu|thành viên|Đại hội đồng|Ủy ban|Hội đồng)\s*$/iu;
/** A sentence whose subject is the meeting or its members ("Các Bộ trưởng …", "Hội nghị …", "Các nhà lãnh đạo …"). */
const ADOPTERS_OPENING = /^(?:[^,]{0,40},\s*)?(?:(?:Các|Những)\s+(?:Bộ trưởng|bộ trưởng|nhà lãnh đạo|lãnh đạo|nước thành viên)|Hội nghị|Lãnh đạo các nước)(?![\p{L}\p{N}])/u;
/** "thông qua" followed by these is "by means of". */
const MEANS_AFTER = /^\s*(?:việc|hình thức|kênh|con đường|nền tảng|các hoạt động|hoạt động|sự|đó|này|mạng|thỏa thuận với|hợp tác|các cơ chế|cơ chế)(?![\p{L}\p{N}])/u;
/** Verbs that are also a preposition or a common word: "thông qua" adopts only after an adopter or an auxiliary, the others only a document named right after them. */
const AMBIGUOUS = /^(?:thông qua|ra|đưa ra|công bố)$/u;

function adoptingMeeting(scope: SentenceScope, verb: number): { meeting: MeetingMention; discount: number } | undefined {
  // 1. a meeting named in the sentence, before the verb ("Hội nghị … thông qua") or after it ("tại Hội nghị X")
  const before = scope.items.filter((it) => it.end <= verb && isMeeting(it.mention));
  const named = before[before.length - 1];
  if (named && isMeeting(named.mention)) return { meeting: named.mention, discount: 0 };
  const after = scope.items.find((it) => it.start > verb && isMeeting(it.mention) && /(?<![\p{L}\p{N}])tại\s+(?:các\s+)?$/u.test(gap(scope, verb, it.start)));
  if (after && isMeeting(after.mention)) return { meeting: after.mention, discount: 0 };
  // 2. "Tại đây, …" points at the meeting just named
  if (/^Tại đây(?![\p{L}\p{N}])/u.test(scope.sentence.text) && scope.previousMeeting) return { meeting: scope.previousMeeting, discount: 0.1 };
  // 3. "Các hội nghị đã thông qua …": the meetings of the report together, led by its own
  if (/^(?:[^,]{0,40},\s*)?(?:Các|các|Những|những)\s+(?:hội nghị|cuộc họp|phiên họp)(?![\p{L}\p{N}])/u.test(scope.sentence.text) && scope.main) return { meeting: scope.main, discount: 0.15 };
  // 4. the meeting the sentence before named, in the same paragraph ("Ngày 27/10, Thủ tướng dự Hội nghị X. Các nhà lãnh đạo ra …")
  if (scope.meetingJustNamed) return { meeting: scope.meetingJustNamed, discount: 0.15 };
  // 5. otherwise the article's own meeting, the one the report is about
  return scope.main ? { meeting: scope.main, discount: 0.15 } : undefined;
}

/** Where the adopting clause ends: a semicolon, or a verb that starts another clause. */
const CLAUSE_END = /;|(?<![\p{L}])(?:nhằm|để|kêu gọi|đồng thời|nhấn mạnh|khẳng định|hoan nghênh|ghi nhận)(?![\p{L}])/u;

/** Documents adopted: every document named after the verb in the same clause ("thông qua A, B và C", "như: A; B"). */
function adoptedDocuments(scope: SentenceScope, from: number): Item[] {
  const rest = gap(scope, from, scope.sentence.end);
  // "như: A; B", "gồm A, B", "nhiều văn kiện quan trọng như: A; B; C"
  const list = /^\s*(?:như|gồm|bao gồm)(?![\p{L}])/u.exec(rest) ?? /^[^.;:]{0,60}?(?<![\p{L}])(?:như|gồm|bao gồm)\s*:/u.exec(rest);
  if (list) return scope.items.filter((it) => it.start >= from && isDocument(it.mention));
  const end = CLAUSE_END.exec(rest);
  const clauseEnd = end ? from + (end.index ?? 0) : scope.sentence.end;
  return scope.items.filter((it) => it.start >= from && it.end <= clauseEnd && isDocument(it.mention)).slice(0, 6);
}

/** "(M / its members) (đã) thông qua D1, D2", "ra Tuyên bố …", "ký kết D" (not signed by others before the leaders). */
function adopterVerbDocuments(o: Occurrence): Fact[] {
  const { scope } = o;
  // "được thông qua" is the passive frame's
  const beforeText = gap(scope, scope.sentence.start, o.start);
  if (/được\s*$/u.test(beforeText)) return [];
  const verbWord = o.text.replace(/\s+/gu, " ");
  if (verbWord === "thông qua" && MEANS_AFTER.test(gap(scope, o.end, scope.sentence.end))) return [];
  // signed "before the leaders" by others ("Trước sự chứng kiến của …, Bộ trưởng … ký kết"): not the meeting's own act
  if (/^(?:cùng )?ký/u.test(verbWord) && /chứng kiến/u.test(beforeText)) return [];
  const documents = adoptedDocuments(scope, o.end);
  if (documents.length === 0 || notDone(scope, o)) return [];
  if (AMBIGUOUS.test(verbWord) || /^(?:cùng )?ký/u.test(verbWord)) {
    const agentRightBefore = scope.items.some((it) => it.end <= o.start && (isAgent(it.mention) || isMeeting(it.mention)) && /^\s*(?:đã|sẽ|cùng|vừa|cũng)?\s*$/u.test(gap(scope, it.end, o.start)));
    // "… đã tham dự M, thông qua “D”": a second verb of the meeting's participants, its document named right after
    const afterMeeting = scope.items.some((it) => it.end <= o.start && isMeeting(it.mention) && /^\s*,\s*$/u.test(gap(scope, it.end, o.start))) &&
      /^\s*["“]?\s*$/u.test(gap(scope, o.end, documents[0]!.start));
    // "ra", "đưa ra", "công bố" name their document right after them (or announce a list)
    const namedRightAfter = /^\s*(?:bản\s+|các\s+)?$/u.test(gap(scope, o.end, documents[0]!.start)) ||
      /^[^.;]{0,60}?(?<![\p{L}])(?:như|gồm|bao gồm)(?![\p{L}])/u.test(gap(scope, o.end, documents[0]!.start));
    // "Các Bộ trưởng hoan nghênh …; thông qua D": a second predicate of adopters, after a semicolon, its document right after it
    const adopterGoesOn = /;\s*$/u.test(beforeText) && ADOPTERS_OPENING.test(scope.sentence.text) && /^\s*$/u.test(gap(scope, o.end, documents[0]!.start));
    if (verbWord === "thông qua" ? !ADOPTING_BEFORE.test(beforeText) && !agentRightBefore && !afterMeeting && !adopterGoesOn : !namedRightAfter) return [];
  }
  const found = adoptingMeeting(scope, o.start);
  if (!found) return [];
  const weaker = /^(?:thông qua|phê duyệt|phê chuẩn|nhất trí thông qua|chính thức thông qua)$/u.test(verbWord) ? 0 : 0.05;
  return documents.map((d) => fact(o, found.meeting, d.mention, found.discount + weaker));
}

/** "A và B (đã) (chính thức) được thông qua (tại M)": every document of the list before the verb. */
function documentsPassive(o: Occurrence): Fact[] {
  const { scope } = o;
  const documents = documentsBefore(scope, o.start) ?? listedAfterVerb(scope, o.end);
  if (documents.length === 0 || notDone(scope, o)) return [];
  const found = adoptingMeeting(scope, o.start);
  return found ? documents.map((d) => fact(o, found.meeting, d.mention, found.discount)) : [];
}

/** A sentence that looks back over a period ("Thời gian qua, … đã đạt được những thành tựu … như ký kết D") tells of past acts, not of this meeting's. */
const RETROSPECT = /^(?:[^,.;]{0,30},\s*)?(?:[Tt]rong\s+)?(?:[Tt]hời gian(?: vừa)? qua|[Nn]hững năm(?: vừa)? qua|[Qq]ua \d+ năm)(?![\p{L}])/u;

/**
 * An adoption still to come or long past is not this meeting's act: "để Hiệp định có thể được ký kết",
 * "sẽ thông qua", "dự kiến thông qua", "được thông qua năm ngoái", "chưa được phê duyệt".
 */
function notDone(scope: SentenceScope, o: Occurrence): boolean {
  const before = gap(scope, Math.max(scope.sentence.start, o.start - 40), o.start);
  const after = gap(scope, o.end, Math.min(scope.sentence.end, o.end + 30));
  return /(?<![\p{L}])(?:để|nhằm|có thể|sẽ|dự kiến|chuẩn bị|hướng tới|chưa|tiến tới|trình)\s+(?:[\p{L}]+\s+){0,3}$/u.test(before) && !/(?<![\p{L}])(?:đã|vừa)\s+(?:[\p{L}]+\s+){0,2}$/u.test(before) ||
    /^\s*(?:vào\s+)?(?:năm ngoái|năm trước|trước đó|trước đây|hồi|năm \d{4}|từ năm)/u.test(after) || RETROSPECT.test(scope.sentence.text);
}

function documentsBefore(scope: SentenceScope, verb: number): Item[] | undefined {
  const before = scope.items.filter((it) => it.end <= verb && isDocument(it.mention));
  const last = before[before.length - 1];
  if (!last || !/^\s*(?:đã\s+)?(?:chính thức\s+|cũng\s+)?$/u.test(gap(scope, last.end, verb))) return undefined;
  const documents = [last];
  for (let k = before.length - 2; k >= 0 && /^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, before[k]!.end, documents[0]!.start)); k--) documents.unshift(before[k]!);
  return documents;
}

/** "nhiều quyết sách quan trọng được thông qua như: A; B": the list announced after the verb. */
function listedAfterVerb(scope: SentenceScope, from: number): Item[] {
  return /^\s*(?:như|gồm|bao gồm)(?![\p{L}])/u.test(gap(scope, from, scope.sentence.end)) ? adoptedDocuments(scope, from) : [];
}

export const adoptedFrames: Frames = {
  "adopter-verb-documents": adopterVerbDocuments,
  "documents-passive": documentsPassive,
};
