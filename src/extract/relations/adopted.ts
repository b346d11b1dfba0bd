// ADOPTED: a meeting adopts documents: "(các nước / lãnh đạo / Hội nghị) (đã) thông qua <doc>", "ký kết <doc>",
// "<doc> được thông qua tại <meeting>", "nhiều quyết sách được thông qua như: <doc>; <doc>".
// "thông qua" meaning "by means of" ("cung cấp vaccine thông qua thỏa thuận với UNICEF") is not adoption.
import type { Fact, Mention, MeetingMention } from "../types.ts";
import { at, fact, gap, isAgent, type Item, type Pattern, type SentenceScope } from "./sentence-items.ts";

const isDocument = (m: Mention) => m.kind === "Document";
const isMeeting = (m: Mention): m is MeetingMention => m.kind === "Meeting";

/** Words that, just before "thông qua", show it is the verb of adoption. */
const ADOPTING_BEFORE = /(?:đã|được|sẽ|vừa|cùng|nhất trí|đồng ý|chính thức|và|đều|cũng|bên|nước|lãnh đạo|nhà lãnh đạo|Bộ trưởng|Hội nghị|đại biểu|thành viên)\s*$/u;
/** "thông qua" followed by these is "by means of". */
const MEANS_AFTER = /^\s*(?:việc|hình thức|kênh|con đường|nền tảng|các hoạt động|hoạt động|sự|đó|này|mạng|thỏa thuận với|hợp tác)(?![\p{L}\p{N}])/u;

function adoptingMeeting(scope: SentenceScope, verb: number): { meeting: MeetingMention; confidence: number } | undefined {
  const text = scope.sentence.text;
  // 1. a meeting named in the sentence, before the verb ("Hội nghị ... thông qua") or after it ("tại Hội nghị X")
  const before = scope.items.filter((it) => it.end <= verb && isMeeting(it.mention));
  const named = before[before.length - 1];
  if (named && isMeeting(named.mention)) return { meeting: named.mention, confidence: 0.9 };
  const after = scope.items.find((it) => it.start > verb && isMeeting(it.mention) && /(?<![\p{L}\p{N}])tại\s+(?:các\s+)?$/u.test(gap(scope, verb, it.start)));
  if (after && isMeeting(after.mention)) return { meeting: after.mention, confidence: 0.9 };
  // 2. "Tại đây, ..." points at the meeting just named
  if (/^Tại đây(?![\p{L}\p{N}])/u.test(text) && scope.previousMeeting) return { meeting: scope.previousMeeting, confidence: 0.8 };
  // 3. the meeting the sentence before named, in the same paragraph ("Ngày 27/10, Thủ tướng dự Hội nghị X. Các nhà lãnh đạo ra …")
  if (scope.meetingJustNamed) return { meeting: scope.meetingJustNamed, confidence: 0.75 };
  // 4. otherwise the article's own meeting, the one the report is about
  return scope.main ? { meeting: scope.main, confidence: 0.75 } : undefined;
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

function adoption(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  const text = scope.sentence.text;
  for (const m of text.matchAll(/thông qua/gu)) {
    const index = m.index ?? 0;
    const verb = at(scope, index);
    const after = verb + m[0].length;
    if (MEANS_AFTER.test(gap(scope, after, scope.sentence.end))) continue;
    const beforeText = text.slice(0, index);
    const agentRightBefore = scope.items.some((it) => it.end <= verb && (isAgent(it.mention) || isMeeting(it.mention)) && /^\s*(?:đã|sẽ|cùng)?\s*$/u.test(gap(scope, it.end, verb)));
    if (!ADOPTING_BEFORE.test(beforeText) && !agentRightBefore) continue;
    // 1. active or listed: documents after the verb
    let documents = adoptedDocuments(scope, after);
    // 2. passive: "<doc> (đã) được thông qua (tại M)"
    if (documents.length === 0 && /được\s*$/u.test(beforeText)) {
      const before = scope.items.filter((it) => it.end <= verb && isDocument(it.mention));
      const last = before[before.length - 1];
      if (last && /^\s*(?:đã\s+)?(?:chính thức\s+)?được\s*$/u.test(gap(scope, last.end, verb))) {
        // "A và B đã được thông qua": every document of the list before the verb
        documents = [last];
        for (let k = before.length - 2; k >= 0 && /^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, before[k]!.end, documents[0]!.start)); k--) documents.unshift(before[k]!);
      }
    }
    if (documents.length === 0) continue;
    const found = adoptingMeeting(scope, verb);
    if (!found) continue;
    for (const d of documents) facts.push(fact("ADOPTED", found.meeting, d.mention, scope, found.confidence, "M thông qua D"));
  }
  return facts;
}

/** "Hội nghị ra Tuyên bố chung về ...": issuing a named statement is adopting it. */
function issued(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}])(?:đã\s+|sẽ\s+)?ra\s+(?=\p{Lu})/gu)) {
    const after = at(scope, (m.index ?? 0) + m[0].length);
    const document = scope.items.find((it) => it.start === after && isDocument(it.mention));
    const found = document && adoptingMeeting(scope, at(scope, m.index ?? 0));
    if (document && found) facts.push(fact("ADOPTED", found.meeting, document.mention, scope, found.confidence - 0.05, "M ra D"));
  }
  return facts;
}

/** "các nhà lãnh đạo đã ký kết Tuyên bố …": signing a named document at the meeting is adopting it. */
function signed(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}])(?:đã\s+|cùng\s+)?ký(?: kết)?\s+(?=\p{Lu})/gu)) {
    const verb = at(scope, m.index ?? 0);
    // signed "before the leaders" by others ("Trước sự chứng kiến của …, Bộ trưởng … ký kết"): not the meeting's own act
    if (/chứng kiến/u.test(gap(scope, scope.sentence.start, verb))) continue;
    const document = scope.items.find((it) => it.start === verb + m[0].length && isDocument(it.mention));
    const found = document && adoptingMeeting(scope, verb);
    if (document && found) facts.push(fact("ADOPTED", found.meeting, document.mention, scope, found.confidence - 0.05, "M ký kết D"));
  }
  return facts;
}

export const adoptedPatterns: Pattern[] = [
  { applies: /ký/u, find: signed },
  { applies: /thông qua/u, find: adoption },
  { applies: /(?<![\p{L}])ra\s+\p{Lu}/u, find: issued },
];
