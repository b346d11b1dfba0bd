// ATTENDED frames: "X tham dự / dự / phát biểu tại M" (each meeting of a list), "X dẫn đầu đoàn Y
// tham dự M" (X and Y), "M với sự tham dự của X, Y", "Tham dự M có X, Y", "Phát biểu tại M, X …",
// "Đoàn Y do X dẫn đầu tham dự M", "X cũng tham dự.", "M nghe báo cáo do X trình bày", "khách mời … gồm X, Y". Their wordings are rows of lexicon/predicates.json.
import type { Fact, Mention } from "../types.ts";
import { agentsOf, coordinated, isMeeting, LEADER_GAP, listedAfter, meetingAfter, meetingsListedBefore, meetingsPointedBack } from "./clause.ts";
import { agentTitleMeetings, meetingDoAgentVerb } from "./chaired.ts";
import { fact, type Frames, type Occurrence } from "./frame.ts";
import { loadPredicates } from "./predicates.ts";
import { heardAgentReport } from "./heard.ts";
import { occasionVerbMeeting } from "./occasion.ts";
import { gap, isAgent, itemRightAfter, itemRightBefore, mainSubject, stateOf, type Item, type SentenceScope } from "./sentence-items.ts";

/** "dẫn đầu đoàn (đại biểu) (cấp cao) (Quân đội nhân dân) <state>": a delegation, perhaps of a state's body. */
const DELEGATION = /^\s*(?:đã\s+|sẽ\s+)?(?:dẫn đầu|làm [Tt]rưởng) [Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?(?:\s+[\p{L}]+){0,4}?\s*$/u;

/** "các nhà lãnh đạo của Campuchia, Lào …", "Bộ trưởng Tư pháp (hoặc đại diện) của Nhật Bản": the states whose leaders or ministers are listed are no mere possessors. */
const LEADERS_OF = /(?<![\p{L}])(?:lãnh đạo(?:\s+cấp cao)?|[Bb]ộ trưởng(?:\s+\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)?)?(?:\s+\(hoặc đại diện\))?|[Nn]goại trưởng|đại diện|[Tt]rưởng đoàn)\s+của\s*$/u;

/** The bodies and people of a list, not the possessors inside it ("các quan chức của Cộng đồng ASEAN"), but the states whose leaders it lists. */
function agentsAfter(scope: SentenceScope, from: number, to = scope.sentence.end): Item[] {
  return scope.items.filter((it) => it.start >= from && it.end <= to && isAgent(it.mention) &&
    (!/(?:của|thuộc)\s*$/u.test(gap(scope, from, it.start)) || (it.mention.kind === "Country" && LEADERS_OF.test(gap(scope, from, it.start)))));
}

/** "X tham dự M1, M2": the verb's agents attend every meeting of the list. */
function agentVerbMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  // "… tham dự phiên khai mạc.": a part of the meeting reported, named no further
  const meeting = meetingAfter(scope, o.end) ?? (endsOnEventPart(scope, o.end) ? standIn(scope.meetingJustNamed ?? scope.main) : undefined);
  if (!meeting) return pointedBack(o);
  // the verb opens the clause: the opening frame's
  if (!scope.items.some((it) => it.end <= o.start && isAgent(it.mention)) && /^(?:[^,]{0,40},\s*)?$/u.test(gap(scope, scope.sentence.start, o.start))) return [];
  const found = attendees(o, meeting);
  return atEach(found, [meeting, ...listedAfter(scope, meeting)].map((m) => m.mention));
}

/** What is found of the first meeting of a list, said of each (the attendance; OFFICIAL_OF once per meeting is deduplicated later). */
function atEach(found: Fact[], meetings: Mention[]): Fact[] {
  return meetings.flatMap((m) => found.map((f) => (f.type === "ATTENDED" ? { ...f, to: m } : f)));
}

/** "X dẫn đầu đoàn Việt Nam dự các hội nghị trên": each meeting of the sentence before. */
function pointedBack(o: Occurrence): Fact[] {
  const meetings = meetingsPointedBack(o.scope, o.end);
  if (meetings.length === 0) return [];
  const stand = { mention: meetings[0]!, start: o.end, end: o.end };
  const found = attendees(o, stand);
  return atEach(found, meetings);
}

/** "X và đoàn đại biểu Y đã về nước, kết thúc chuyến tham dự M": the clause's subject and its delegation attended. */
function subjectTripMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  const meeting = meetingAfter(scope, o.end);
  const subject = mainSubject(scope, o.start);
  if (!meeting || !subject) return [];
  const companions = scope.items.filter((it) => it.start > subject.end && it.end <= o.start && isAgent(it.mention) &&
    /^\s*(?:và|cùng)\s*(?:(?:các\s+)?(?:phái\s+)?đoàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+)?$/u.test(gap(scope, subject.end, it.start)));
  // "và đoàn đại biểu cấp cao Quốc hội Việt Nam": the delegation of a state's body is the state's
  const states = companions.flatMap((c) => {
    const inside = scope.nested.filter((n) => n.kind === "Country" && n.start >= c.start && n.end <= c.end);
    const own = c.mention.kind === "Organization" ? stateOf(c.mention) : undefined;
    return inside.length > 0 ? inside : own ? [own] : [];
  });
  return [meeting, ...listedAfter(scope, meeting)].flatMap((m) => [...[subject, ...companions].map((a) => a.mention), ...states].map((a) => fact(o, a, m.mention)));
}

function attendees(o: Occurrence, meeting: Item): Fact[] {
  const { scope } = o;
  // "X dẫn đầu đoàn đại biểu Y tham dự M"
  const before = scope.items.filter((it) => it.end <= o.start);
  const country = before[before.length - 1];
  if (country && country.mention.kind === "Country" && /^\s*(?:nhận lời mời\s+)?$/u.test(gap(scope, country.end, o.start))) {
    // "dẫn đầu đoàn đại biểu cấp cao Bộ Quốc phòng Việt Nam": the delegation may be a body's of that state
    const body = itemRightBefore(scope, country.start, (x) => x.kind === "Organization", /^\s*$/u);
    const near = itemRightBefore(scope, (body ?? country).start, isAgent, DELEGATION);
    const far = delegationLeaderFar(scope, (body ?? country).start);
    // "Trung tướng X, Phó Thủ trưởng … Cơ quan … Bộ Công an dẫn đầu Đoàn …": a body closing the leader's
    // apposition is not the leader
    const leader = near && near.mention.kind !== "Official" && far ? far : near ?? far;
    if (leader) {
      const facts = [fact(o, leader.mention, meeting.mention), fact(o, country.mention, meeting.mention, 0.05)];
      if (leader.mention.kind === "Official") facts.push(fact(o, leader.mention, country.mention, 0.05, "OFFICIAL_OF"));
      return facts;
    }
  }
  const agents = agentsOf(scope, o.start);
  const near = agents[agents.length - 1];
  if (near && isDestination(scope, near)) return travellers(o, near, meeting);
  const side = agents.length > 0 ? sideOpening(scope) : undefined;
  return [...agents.map((a) => fact(o, a.mention, meeting.mention)), ...delegationsHeaded(o, agents, meeting), ...(side ? [fact(o, side.mention, meeting.mention, 0.05)] : [])];
}

/** "Về phía Việt Nam, X … tham dự": the state whose side the sentence opens on attends with its people. */
function sideOpening(scope: SentenceScope): Item | undefined {
  const opening = /^(?:[^,]{0,40},\s*)?(?:Về phía|Phía)\s+(?=\S)/u.exec(scope.sentence.text);
  if (!opening) return undefined;
  return itemRightAfter(scope, scope.sentence.start + opening[0].length, (m) => m.kind === "Country", /^\s*$/u);
}

/** "X, Bộ trưởng …, Trưởng đoàn Việt Nam dự M": the state whose delegation an attending official heads attends too. */
function delegationsHeaded(o: Occurrence, agents: Item[], meeting: Item): Fact[] {
  const { scope } = o;
  const head = agents.find((a) => a.mention.kind === "Official");
  if (!head) return [];
  const states = scope.items.filter((it) => it.mention.kind === "Country" && it.start >= head.start && it.end <= o.start);
  const nested = scope.nested.filter((m) => m.kind === "Country" && m.start >= head.start && m.end <= o.start);
  return [...states.map((s) => s.mention), ...nested]
    .filter((c) => /[Tt]rưởng đoàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s*$/u.test(gap(scope, Math.max(scope.sentence.start, c.start - 40), c.start)))
    .map((c) => fact(o, c, meeting.mention, 0.05));
}

/** "Đại tướng X, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng dẫn đầu đoàn …": the leader before appositions. */
function delegationLeaderFar(scope: SentenceScope, delegationAt: number): Item | undefined {
  const lead = /(?:dẫn đầu|làm [Tt]rưởng) [Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?(?:\s+[\p{L}]+){0,4}?\s*$/u.exec(gap(scope, scope.sentence.start, delegationAt));
  if (!lead) return undefined;
  const subject = mainSubject(scope, delegationAt);
  const leadAt = delegationAt - lead[0].length;
  return subject && subject.mention.kind === "Official" && LEADER_GAP.test(gap(scope, subject.end, leadAt)) ? subject : undefined;
}

/** "lên đường đi Philippines tham dự M", "đã đến sân bay Changi, Singapore, bắt đầu tham dự M": a state reached by a verb of travel is where the meeting is, not who attends. */
const isDestination = (scope: SentenceScope, item: Item) =>
  /(?<![\p{L}])(?:đi|sang|đến|tới|thăm|rời)(?:\s+(?:sân bay|thủ đô|thành phố)?[^,.;]{0,40},)?\s*$/u.test(gap(scope, scope.sentence.start, item.start));

/** "Thủ tướng X dẫn đầu Đoàn đại biểu cấp cao Việt Nam rời Hà Nội, lên đường đi Y tham dự M": X and the delegation's state attend. */
function travellers(o: Occurrence, destination: Item, meeting: Item): Fact[] {
  const { scope } = o;
  const leader = mainSubject(scope, destination.start);
  if (!leader || leader.mention.kind !== "Official") return [];
  const facts = [fact(o, leader.mention, meeting.mention, 0.1)];
  const delegation = itemRightAfter(scope, leader.end, (m) => m.kind === "Country", /^\s*(?:đã\s+)?dẫn đầu [Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s*$/u);
  if (delegation) facts.push(fact(o, delegation.mention, meeting.mention, 0.1));
  return facts;
}

/**
 * The verb opens the clause: "Tham dự M có X, Y và Z", "Phát biểu tại M, X …", "Chiều 9/11, phát biểu
 * tại M, X …"; with no meeting named, the one reported: "Tham dự còn có X", "Phát biểu bế mạc, X …".
 */
function openingVerbMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  if (scope.items.some((it) => it.end <= o.start && isAgent(it.mention))) return [];
  // (marks such as "** " or "- " before it open no clause)
  if (!/^[*\-–•\s]*(?:[^,]{0,40},\s*)?$/u.test(gap(scope, scope.sentence.start, o.start))) return [];
  const named = meetingAfter(scope, o.end);
  // a meeting named before the list is not this clause's ("Tham dự cùng Hội nghị X …")
  if (!named && scope.items.some((it) => it.start >= o.end && isMeeting(it.mention) && !it.mention.backReference && it.start - o.end < 20)) return [];
  // "Phát biểu sau các cuộc tham vấn, X …": after the event just told of, the meeting last named
  const after = /\ssau\s/u.test(o.text);
  const meeting = named?.mention ?? (after ? scope.previousMeeting : undefined) ?? scope.meetingJustNamed ?? scope.main;
  if (!meeting) return [];
  // "Phát biểu tại lễ bế mạc, X …": a part of the meeting reported, named no further
  const from = named ? named.end : o.end + eventPartLength(gap(scope, o.end, scope.sentence.end));
  const rest = gap(scope, from, scope.sentence.end);
  const listed = /^[^.;:]{0,60}?(?<![\p{L}])(?:còn\s+)?(?:có|gồm)(?:\s+có)?\s*:?\s/u.exec(rest);
  if (listed) return agentsAfter(scope, from + listed[0].length).map((a) => fact(o, a.mention, meeting, 0.05));
  if (!/^\s*,/u.test(rest)) return [];
  // "Phát biểu tại M, X …": the clause's subject after the comma (perhaps called "ông", "bà")
  // ("Tại M, Lãnh đạo các nước ASEAN và Thủ tướng X …": the one named after a group of leaders)
  const subject = scope.items.find((it) => it.start >= from && isAgent(it.mention) &&
    /^\s*,\s*(?:(?:các\s+)?(?:[Ll]ãnh đạo|nhà lãnh đạo|[Bb]ộ trưởng)[^,.;]{0,30}?\s+và\s+)?(?:(?:ông|bà|[Nn]gài)\s+)?$/u.test(gap(scope, from, it.start)));
  // "Tại hội nghị, đoàn Việt Nam nhấn mạnh …", "tại M, lãnh đạo ba nước A, B, C sẽ xem xét …": a state's delegation or leaders
  const group = subject ? undefined : scope.items.find((it) => it.start >= from && it.mention.kind === "Country" &&
    SPEAKING_GROUP.test(gap(scope, from, it.start)));
  if (group) return [group, ...statesListedAfter(scope, group)].map((g) => fact(o, g.mention, named?.mention ?? meeting, 0.05));
  if (!subject) return [];
  // "Phát biểu bế mạc, X khẳng định Hội nghị …": the meeting the speaker's sentence names
  // but "Phát biểu sau các cuộc tham vấn, X …" speaks after the reported event: a meeting named later is the speech's topic
  const spoken = named || after ? meeting : scope.items.find((it) => it.start >= subject.end && isMeeting(it.mention))?.mention ?? meeting;
  return [fact(o, subject.mention, spoken, named ? 0 : 0.05)];
}

/** "Đoàn đại biểu Việt Nam do Đại tướng X, Bộ trưởng Quốc phòng, dẫn đầu đã tham dự M": X and the state attend. */
function delegationLedVerb(o: Occurrence): Fact[] {
  const { scope } = o;
  const before = gap(scope, scope.sentence.start, o.start);
  // "Đoàn Việt Nam do X dẫn đầu." (or "… dẫn đầu tham dự.") closes the sentence: the meeting is the one reported
  const closesSentence = /^\s*(?:[.;]|$)/u.test(gap(scope, o.end, scope.sentence.end));
  const closing = /^(?:dẫn đầu|làm [Tt]rưởng đoàn)$/u.test(o.text) || (closesSentence && !meetingAfter(scope, o.end));
  const led = closing
    ? /(?<![\p{L}])[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+(?=\S)([^.;]{0,160}?)\s*$/u.exec(before)
    : /(?<![\p{L}])[Đđ]oàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+(?=\S)([^.;]{0,160}?)\s+dẫn đầu\s*(?:,\s*)?(?:cùng(?:\s+với)?\s+[^.;]{1,200}?,?\s+)?(?:đã\s+|sẽ\s+)?$/u.exec(before);
  if (!led) return [];
  if (closing && !closesSentence) return [];
  const delegationAt = scope.sentence.start + (led.index ?? 0);
  // "… dẫn đầu đã tham dự và có những đóng góp tại Hội nghị": the verb's clause ends at "và"; the meeting reported
  const joinedClause = /^\s*và\s/u.test(gap(scope, o.end, scope.sentence.end));
  const meeting = closing || endsOnEventPart(scope, o.end) ? standIn(scope.meetingJustNamed ?? scope.main)
    : meetingAfter(scope, o.end) ?? (joinedClause ? standIn(scope.meetingJustNamed ?? scope.main) : undefined);
  if (!meeting) return [];
  const inside = scope.items.filter((it) => it.start >= delegationAt && it.end <= o.start);
  const country = inside.find((it) => it.mention.kind === "Country");
  // the first official after "do", whose titles may stand before it unread ("do Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an Đại tướng X dẫn đầu")
  const doAt = /(?<![\p{L}])do\s+(?=[^.;]*$)/u.exec(gap(scope, delegationAt, o.start));
  const leader = doAt ? inside.find((it) => it.mention.kind === "Official" && it.start >= delegationAt + (doAt.index ?? 0)) : undefined;
  if (!country || !leader) return [];
  // "Đoàn Y do X dẫn đầu, cùng Cục trưởng Z và các đại diện, đã tham dự M": the officials named with the leader attend too
  const ledAt = gap(scope, delegationAt, o.start).lastIndexOf("dẫn đầu");
  const companions = inside.filter((it) => it.mention.kind === "Official" && it.start > delegationAt + ledAt);
  // "… dẫn đầu tham dự M1, M2 và M3": every meeting of the list
  const meetings = closing ? [meeting] : [meeting, ...listedAfter(scope, meeting)];
  return meetings.flatMap((m) => [leader, country, ...companions].map((agent) => fact(o, agent.mention, m.mention)));
}

/** ", đoàn ", ", phái đoàn đại biểu ", ", lãnh đạo ba nước ", ", các nhà lãnh đạo các nước ": who speaks for the states that follow. */
const SPEAKING_GROUP = /^\s*,\s*(?:(?:các\s+)?(?:phái\s+)?[Đđ]oàn(?:\s+đại biểu)?|(?:các\s+)?(?:nhà\s+)?(?:lãnh đạo|[Tt]hủ tướng(?:\s+[Cc]hính phủ)?|[Nn]goại trưởng|[Bb]ộ trưởng(?:\s+\p{L}+){0,3}?)(?:\s+(?:hai|ba|bốn|năm|sáu|các))?\s+nước)\s+$/u;

/** "A, B và C": the states listed right after the first. */
function statesListedAfter(scope: SentenceScope, first: Item): Item[] {
  const listed: Item[] = [];
  for (let last = first; ;) {
    const next = scope.items.find((it) => it.start >= last.end);
    if (!next || next.mention.kind !== "Country" || !/^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, last.end, next.start))) return listed;
    listed.push(next);
    last = next;
  }
}

/** Length of the event part ("lễ khai mạc", "phiên họp toàn thể") that opens `text` after spaces, 0 when none does. */
function eventPartLength(text: string): number {
  const rest = text.trimStart();
  const part = loadPredicates().eventParts.exec(rest);
  return part ? text.length - rest.length + part[0].length : 0;
}

/** "… đã tham dự lễ khai mạc.": the verb's object is a part of the meeting reported, named no further. */
function endsOnEventPart(scope: SentenceScope, from: number): boolean {
  const rest = gap(scope, from, scope.sentence.end);
  const part = eventPartLength(rest);
  return part > 0 && /^\s*(?:[.;]|$)/u.test(rest.slice(part));
}

/** A meeting named in another sentence, as an argument of this one. */
const standIn = (m: Mention | undefined): Item | undefined => (m ? { mention: m, start: 0, end: 0 } : undefined);

/** "Tổng Thư ký ASEAN X cũng tham dự.", "… dẫn đầu đoàn Việt Nam dự họp.": the verb closes the clause; the meeting is the one reported. */
function agentVerbClosing(o: Occurrence): Fact[] {
  const { scope } = o;
  // "… dự cuộc họp.": the meeting the phrase's own head was resolved to ("cuộc họp" is the cuộc họp named
  // before, not the "Hội nghị" named after it), else the one just named
  const named = scope.items.find((it) => it.start >= o.start && it.end <= o.end && isMeeting(it.mention));
  const meeting = named?.mention ?? scope.meetingJustNamed ?? scope.main;
  if (!meeting) return [];
  // ("… tham dự theo hình thức trực tuyến, trong khi …": how they took part may close it)
  const rest = gap(scope, o.end, scope.sentence.end);
  const manner = loadPredicates().manner.exec(rest);
  // ("… tham dự với vai trò quan sát viên tại hội nghị.": the capacity it came in)
  if (!/^\s*(?:[.;,]|$|với tư cách|với vai trò)/u.test(manner ? rest.slice(manner[0].length) : rest)) return [];
  // "… dẫn đầu đoàn Việt Nam dự họp": the leader and the delegation's state
  const country = itemRightBefore(scope, o.start, (m) => m.kind === "Country", /^\s*$/u);
  const leader = country && (itemRightBefore(scope, country.start, isAgent, DELEGATION) ?? delegationLeaderFar(scope, country.start));
  if (leader && country) return [fact(o, leader.mention, meeting), fact(o, country.mention, meeting, 0.05)];
  // ("Giám đốc Trung tâm … (AHA Centre) cũng tham dự": the body after its acronym's parenthesis)
  const subject = itemRightBefore(scope, o.start, isAgent, /^\)?\s*(?:cũng|đã|cùng|đều|sẽ|trực tiếp|đến|tới)?\s*$/u);
  return subject ? coordinated(scope, subject).map((s) => fact(o, s.mention, meeting)) : [];
}

/** After a semicolon, another attendee of the list rather than another clause. */
const LIST_GOES_ON = /^\s*(?:các\s+|những\s+)?(?:[Nn]gài|ông|bà|đại diện|lãnh đạo|[Đđ]ại sứ|[Tt]rưởng đoàn|[Bb]ộ trưởng|[Tt]hứ trưởng|[Tt]ổng [Tt]hư ký|[Pp]hó)(?![\p{L}\p{N}])/u;

/** "M … với sự tham dự của X, Y và Z" / "có sự tham gia của X": the agents to the end of the clause. */
function meetingPhraseAgents(o: Occurrence): Fact[] {
  const { scope } = o;
  const before = scope.items.filter((it) => it.end <= o.start && isMeeting(it.mention));
  // "Gần 500 đại biểu tham dự phiên khai mạc, với sự hiện diện của X": a part of the meeting reported, named no further
  const reported = before.length === 0 && loadPredicates().eventPartWithin.test(gap(scope, scope.sentence.start, o.start)) ? standIn(scope.meetingJustNamed ?? scope.main) : undefined;
  const last = before[before.length - 1] ?? reported;
  if (!last) return [];
  // the clause ends at a semicolon, unless the list of attendees goes on after it ("…; lãnh đạo Bộ Công an; đại diện Interpol")
  const text = scope.sentence.text;
  let clauseEnd = text.indexOf(";", o.start - scope.sentence.start);
  while (clauseEnd >= 0 && LIST_GOES_ON.test(text.slice(clauseEnd + 1, clauseEnd + 40))) clauseEnd = text.indexOf(";", clauseEnd + 1);
  const end = clauseEnd < 0 ? scope.sentence.end : scope.sentence.start + clauseEnd;
  const agents = agentsAfter(scope, o.end, end);
  const meetings = last === reported ? [last] : meetingsListedBefore(scope, last);
  return meetings.flatMap((m) => agents.map((a) => fact(o, a.mention, m.mention)));
}

/**
 * "… các khách mời của Chủ tịch, bao gồm X, Y và Z", "Khách mời của M gồm X, Y": the guests listed
 * attend; the meeting is one named between the wording and the list, else the one reported.
 */
function guestsListed(o: Occurrence): Fact[] {
  const { scope } = o;
  const listed = /^[^.;:]{0,60}?(?<![\p{L}])(?:bao gồm|gồm|là)\s*:?\s/u.exec(gap(scope, o.end, scope.sentence.end));
  if (!listed) return [];
  const from = o.end + listed[0].length;
  const named = scope.items.find((it) => it.start >= o.end && it.end <= from && isMeeting(it.mention) && !it.mention.backReference);
  const meeting = named?.mention ?? scope.meetingJustNamed ?? scope.main;
  if (!meeting) return [];
  const clauseEnd = scope.sentence.text.indexOf(";", from - scope.sentence.start);
  return agentsAfter(scope, from, clauseEnd < 0 ? scope.sentence.end : scope.sentence.start + clauseEnd).map((a) => fact(o, a.mention, meeting));
}

/** "Đại biểu Việt Nam có: X; Y", "Phía Việt Nam có X", "Đoàn Việt Nam tham dự Hội nghị gồm X, Y": a state's delegation, listed. */
function delegationMembers(o: Occurrence): Fact[] {
  const { scope } = o;
  if (!/^(?:[^,]{0,40},\s*)?$/u.test(gap(scope, scope.sentence.start, o.start))) return [];
  const state = itemRightAfter(scope, o.end, (m) => m.kind === "Country", /^\s*(?:đại biểu\s+)?(?:cấp cao\s+)?$/u);
  if (!state) return [];
  const named = meetingAfter(scope, state.end);
  const from = named ? named.end : state.end;
  const listed = /^\s*(?:(?:tham dự|dự|tại)\s+)?(?:(?:hội nghị|Hội nghị|cuộc họp)\s+)?(?:còn\s+)?(?:có|gồm)(?:\s+có)?\s*:?\s*/u.exec(gap(scope, from, scope.sentence.end));
  const meeting = named?.mention ?? scope.meetingJustNamed ?? scope.main;
  if (!listed || !meeting) return [];
  const members = agentsAfter(scope, from + listed[0].length);
  if (members.length === 0) return [];
  return [fact(o, state.mention, meeting, 0.05), ...members.map((a) => fact(o, a.mention, meeting))];
}

/** "Các Bộ trưởng ASEAN họp với các đối tác X, Y và Z trong khuôn khổ M": the partners and the subject attend M. */
function agentWithPartnersMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  const rest = gap(scope, o.end, scope.sentence.end);
  const frame = /^[^.;]{0,300}?(?<![\p{L}])trong khuôn khổ\s+/u.exec(rest);
  // "Trong khuôn khổ M, (ngày …,) X tham vấn với Y, Z": the frame opens the sentence, the partners run to the clause's end
  const opening = frame ? undefined : /^(?:[^,]{0,40},\s*)?[Tt]rong khuôn khổ\s+/u.exec(gap(scope, scope.sentence.start, o.start));
  if (!frame && !opening) return [];
  const meeting = frame ? meetingAfter(scope, o.end + frame[0].length) : meetingAfter(scope, scope.sentence.start + opening![0].length);
  if (!meeting || (opening && meeting.end > o.start)) return [];
  const partners = frame ? agentsAfter(scope, o.end, o.end + frame[0].length) : partnerList(scope, o.end);
  const subjects = agentsOf(scope, o.start);
  return [...subjects, ...partners].map((a) => fact(o, a.mention, meeting.mention));
}

/** "tham vấn với các đối tác gồm Y, Z và W": the partners named right after the wording, and those listed with them. */
function partnerList(scope: SentenceScope, from: number): Item[] {
  const first = scope.items.find((it) => it.start >= from && isAgent(it.mention));
  if (!first || !/^[^,.;:]{0,60}:?\s*$/u.test(gap(scope, from, first.start))) return [];
  const listed = [first];
  for (let next = scope.items.find((it) => it.start >= first.end); next && isAgent(next.mention); next = scope.items.find((it) => it.start >= next!.end)) {
    if (!/^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, listed[listed.length - 1]!.end, next.start))) break;
    listed.push(next);
  }
  return listed;
}

export const attendedFrames: Frames = {
  // "X, Phó Chủ tịch M": a vice-chair's title names a meeting attended
  "agent-title-meetings": agentTitleMeetings,
  "agent-with-partners-meeting": agentWithPartnersMeeting,
  "delegation-members": delegationMembers,
  "agent-verb-meeting": agentVerbMeeting,
  "opening-verb-meeting": openingVerbMeeting,
  "delegation-led-verb": delegationLedVerb,
  "subject-trip-meeting": subjectTripMeeting,
  "agent-verb-closing": agentVerbClosing,
  "meeting-phrase-agents": meetingPhraseAgents,
  "meeting-do-agent-verb": meetingDoAgentVerb,
  "guests-listed": guestsListed,
  "occasion-verb-meeting": occasionVerbMeeting,
  "heard-agent-report": heardAgentReport,
};
