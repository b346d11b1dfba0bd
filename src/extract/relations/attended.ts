// ATTENDED: "X tham dự / dự / phát biểu tại <meeting>", "X dẫn đầu đoàn Y tham dự <meeting>"
// (both X and Y attend), "Phát biểu tại <meeting>, X ...", "<meeting> với sự tham dự của X, Y",
// "Tham dự <meeting> có X, Y và Z", "Phát biểu bế mạc, X ...".
import type { Fact, Mention } from "../types.ts";
import { at, fact, gap, isAgent, itemRightAfter, itemRightBefore, mainSubject, type Item, type Pattern, type SentenceScope } from "./sentence-items.ts";

const isMeeting = (m: Mention) => m.kind === "Meeting";
const VERB = /(?<![\p{L}])(?:tham dự|dự|tham gia|có mặt tại|(?:có bài )?phát biểu tại|phát biểu trong|phát biểu khai mạc|phát biểu bế mạc|phát biểu)\s+/gu;
/** Between a subject and its verb: a few words, after the comma that closes an apposition ("X, Phó Chủ tịch …, đã có bài phát biểu"). */
const SUBJECT_GAP = /^,?[^,.;:]{0,30}$/u;
/** "dẫn đầu đoàn (đại biểu) (cấp cao) (Quân đội nhân dân) <state>": a delegation, perhaps of a state's body. */
const DELEGATION = /^\s*(?:đã\s+|sẽ\s+)?dẫn đầu [Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?(?:\s+[\p{L}]+){0,4}?\s*$/u;

/** The bodies and people of a list, not the possessors inside it ("các quan chức của Cộng đồng ASEAN"). */
function agentsAfter(scope: SentenceScope, from: number): Item[] {
  return scope.items.filter((it) => it.start >= from && isAgent(it.mention) && !/(?:của|thuộc)\s*$/u.test(gap(scope, from, it.start)));
}

const PLACE_BEFORE = /(?<![\p{L}])(?:tại|ở)\s+[^,;]{0,30}(?:,\s*)?$/u;

/** "X và Y tham dự": the agents joined to the subject by "và" or a comma. */
function coordinated(scope: SentenceScope, subject: Item): Item[] {
  const all = [subject];
  for (;;) {
    const first = all[0]!;
    const before = scope.items.filter((it) => it.end <= first.start && isAgent(it.mention));
    const previous = before[before.length - 1];
    if (!previous || !/^\s*(?:,|và|cùng|,\s*và)\s*$/u.test(gap(scope, previous.end, first.start))) return all;
    // "tại Kuala Lumpur, Malaysia, Phó Thủ tướng X dự …": a place before the subject is not one of its list
    if (PLACE_BEFORE.test(gap(scope, scope.sentence.start, previous.start))) return all;
    all.unshift(previous);
  }
}

/** The meetings listed after the first one: "tham dự M1, M2 và M3". */
function listedAfter(scope: SentenceScope, first: Item): Item[] {
  const listed: Item[] = [];
  let current = first;
  for (;;) {
    const next = scope.items.find((it) => it.start >= current.end && isMeeting(it.mention) && !it.mention.backReference &&
      /^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, current.end, it.start)));
    if (!next) return listed;
    listed.push(next);
    current = next;
  }
}

function verbFirst(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(VERB)) {
    const verb = at(scope, m.index ?? 0);
    // "dự Hội nghị", "dự và phát biểu tại Hội nghị"
    const meeting = itemRightAfter(scope, verb + m[0].length, isMeeting, /^\s*(?:và\s+phát biểu(?:\s+(?:khai mạc|bế mạc))?\s+(?:tại\s+)?)?(?:các\s+|cuộc\s+)?$/u);
    if (!meeting) continue;
    const found = attendedAt(scope, verb, meeting);
    facts.push(...found);
    // what is said of the first meeting of a list is said of each
    for (const next of listedAfter(scope, meeting)) {
      for (const f of found) if (f.type === "ATTENDED") facts.push({ ...f, to: next.mention });
    }
  }
  return facts;
}

/** Who attends `meeting`, the object of the verb at `verb`. */
function attendedAt(scope: SentenceScope, verb: number, meeting: Item): Fact[] {
  const facts: Fact[] = [];
  // the verb opens the clause: "Phát biểu tại M, X ...", "Chiều 9/11, phát biểu tại M, X ..."
  const opening = !scope.items.some((it) => it.end <= verb && isAgent(it.mention)) &&
    /^(?:[^,]{0,40},\s*)?$/u.test(gap(scope, scope.sentence.start, verb));
  if (opening) {
    // "Tham dự Hội nghị có X, Y và Z"
    const rest = gap(scope, meeting.end, scope.sentence.end);
    if (/^\s*có\s/u.test(rest)) {
      for (const a of agentsAfter(scope, meeting.end)) facts.push(fact("ATTENDED", a.mention, meeting.mention, scope, 0.8, "Tham dự M có X"));
      return facts;
    }
    // "Phát biểu tại Hội nghị, X ..."
    const subject = scope.items.find((it) => it.start >= meeting.end && isAgent(it.mention) && /^\s*,\s*$/u.test(gap(scope, meeting.end, it.start)));
    if (subject) facts.push(fact("ATTENDED", subject.mention, meeting.mention, scope, 0.85, "Phát biểu tại M, X"));
    return facts;
  }
  // "X dẫn đầu đoàn đại biểu Y tham dự M"
  const before = scope.items.filter((it) => it.end <= verb);
  const country = before[before.length - 1];
  if (country && country.mention.kind === "Country" && /^\s*$/u.test(gap(scope, country.end, verb))) {
    // "dẫn đầu đoàn đại biểu cấp cao Bộ Quốc phòng Việt Nam": the delegation may be a body's of that state
    const body = itemRightBefore(scope, country.start, (x) => x.kind === "Organization", /^\s*$/u);
    const leader = itemRightBefore(scope, (body ?? country).start, isAgent, DELEGATION);
    if (leader) {
      facts.push(fact("ATTENDED", leader.mention, meeting.mention, scope, 0.9, "X dẫn đầu đoàn Y tham dự M"));
      facts.push(fact("ATTENDED", country.mention, meeting.mention, scope, 0.85, "X dẫn đầu đoàn Y tham dự M"));
      if (leader.mention.kind === "Official") facts.push(fact("OFFICIAL_OF", leader.mention, country.mention, scope, 0.85, "X dẫn đầu đoàn Y"));
      return facts;
    }
  }
  const subject = itemRightBefore(scope, verb, isAgent, SUBJECT_GAP);
  if (subject && isDestination(scope, subject)) {
    facts.push(...travellers(scope, subject, meeting));
    return facts;
  }
  if (subject) for (const s of coordinated(scope, subject)) facts.push(fact("ATTENDED", s.mention, meeting.mention, scope, 0.9, "X tham dự M"));
  return facts;
}

/** "lên đường đi Philippines tham dự M": a state reached by a verb of travel is where the meeting is, not who attends. */
const TRAVEL = /(?:đi|sang|đến|tới|thăm|rời)\s*$/u;
const isDestination = (scope: SentenceScope, item: Item) => TRAVEL.test(gap(scope, scope.sentence.start, item.start));

/** "Thủ tướng X dẫn đầu Đoàn đại biểu cấp cao Việt Nam rời Hà Nội, lên đường đi Y tham dự M": X and the delegation's state attend. */
function travellers(scope: SentenceScope, destination: Item, meeting: Item): Fact[] {
  const leader = mainSubject(scope, destination.start);
  if (!leader || leader.mention.kind !== "Official") return [];
  const facts = [fact("ATTENDED", leader.mention, meeting.mention, scope, 0.8, "X lên đường đi Y tham dự M")];
  const delegation = itemRightAfter(scope, leader.end, (m) => m.kind === "Country", /^\s*(?:đã\s+)?dẫn đầu [Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s*$/u);
  if (delegation) facts.push(fact("ATTENDED", delegation.mention, meeting.mention, scope, 0.8, "X dẫn đầu đoàn Y … tham dự M"));
  return facts;
}

/** "Đoàn đại biểu Việt Nam do Đại tướng X, Bộ trưởng Quốc phòng, dẫn đầu đã tham dự M": X and the state attend. */
function delegationLedBy(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}])[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+/gu)) {
    const country = itemRightAfter(scope, at(scope, (m.index ?? 0) + m[0].length), (x) => x.kind === "Country", /^\s*$/u);
    if (!country) continue;
    const leader = itemRightAfter(scope, country.end, (x) => x.kind === "Official", /^\s*do\s+$/u);
    if (!leader) continue;
    const rest = /^[^.;]{0,60}?dẫn đầu\s+(?:đã\s+|sẽ\s+)?(?:tham dự|dự)\s+/u.exec(gap(scope, leader.end, scope.sentence.end));
    if (!rest) continue;
    const meeting = itemRightAfter(scope, leader.end + rest[0].length, isMeeting, /^\s*(?:các\s+|cuộc\s+)?$/u);
    if (!meeting) continue;
    facts.push(fact("ATTENDED", leader.mention, meeting.mention, scope, 0.85, "Đoàn Y do X dẫn đầu tham dự M"));
    facts.push(fact("ATTENDED", country.mention, meeting.mention, scope, 0.85, "Đoàn Y do X dẫn đầu tham dự M"));
  }
  return facts;
}

/** "M ... với sự tham dự của X, Y và Z" / "có sự tham gia của X". */
function withParticipation(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?:với|có) sự (?:tham dự|tham gia|góp mặt) của\s+/gu)) {
    const phrase = at(scope, m.index ?? 0);
    const meetings = scope.items.filter((it) => it.end <= phrase && isMeeting(it.mention));
    const meeting = meetings[meetings.length - 1];
    if (!meeting) continue;
    const clauseEnd = scope.sentence.text.indexOf(";", phrase - scope.sentence.start);
    const end = clauseEnd < 0 ? scope.sentence.end : scope.sentence.start + clauseEnd;
    for (const a of agentsAfter(scope, phrase + m[0].length).filter((it) => it.end <= end)) {
      facts.push(fact("ATTENDED", a.mention, meeting.mention, scope, 0.8, "M với sự tham dự của X"));
    }
  }
  return facts;
}

/** "Phát biểu bế mạc, Thủ tướng X khẳng định Hội nghị ...": the speaker attended the meeting the sentence names. */
function closingSpeech(scope: SentenceScope): Fact[] {
  const m = /^Phát biểu (?:khai mạc|bế mạc|chào mừng|kết luận)\s*,\s*/u.exec(scope.sentence.text);
  if (!m) return [];
  // the speaker is the first official, state or body after the opening phrase
  const speaker = scope.items.find((it) => it.start >= at(scope, m[0].length) && isAgent(it.mention));
  if (!speaker) return [];
  const meeting = scope.items.find((it) => it.start >= speaker.end && isMeeting(it.mention))?.mention ?? scope.main;
  return meeting ? [fact("ATTENDED", speaker.mention, meeting, scope, 0.8, "Phát biểu bế mạc, X")] : [];
}

/** "Tham dự còn có X và Y": the attendance of the article's meeting, the meeting left unsaid. */
function alsoPresent(scope: SentenceScope): Fact[] {
  const m = /^(?:Cùng |Đến )?(?:tham dự|dự)(?: Hội nghị| cuộc họp)?(?: còn)? có\s+/iu.exec(scope.sentence.text);
  // the meeting the paragraph is about, else the article's
  const main = scope.meetingJustNamed ?? scope.main;
  if (!m || !main) return [];
  if (scope.items.some((it) => it.mention.kind === "Meeting" && !(it.mention.backReference) && it.start < at(scope, m[0].length))) return [];
  return agentsAfter(scope, at(scope, m[0].length)).map((a) => fact("ATTENDED", a.mention, main, scope, 0.75, "Tham dự còn có X"));
}

/** "Tổng Thư ký ASEAN X cũng tham dự.": the verb closes the clause; the meeting is the article's. */
function attendedUnsaid(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  const main = scope.main;
  if (!main) return facts;
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}])(?:cũng\s+|đã\s+|cùng\s+)?(?:tham dự|dự)(?:\s+(?:sự kiện|hội nghị))?\s*(?=[.;,]|$|với tư cách)/gu)) {
    const verb = at(scope, m.index ?? 0);
    const subject = itemRightBefore(scope, verb, isAgent, /^\s*$/u);
    if (subject) for (const s of coordinated(scope, subject)) facts.push(fact("ATTENDED", s.mention, main, scope, 0.75, "X cũng tham dự."));
  }
  return facts;
}

export const attendedPatterns: Pattern[] = [verbFirst, delegationLedBy, withParticipation, closingSpeech, alsoPresent, attendedUnsaid].map((find) => ({ applies: /dự|tham gia|phát biểu|Phát biểu|có mặt|góp mặt/u, find }));
