// Where a predicate's arguments stand in its clause: the agents before the verb (through
// appositions and "cùng …" companions), the meetings after it (through event parts such as
// "lễ khai mạc"), lists joined by commas and "và". Shared by every frame.
import type { Mention } from "../types.ts";
import { alternation, loadPredicates } from "./predicates.ts";
import { gap, isAgent, itemRightBefore, mainSubject, openingsEnd, type Item, type SentenceScope } from "./sentence-items.ts";

export const isMeeting = (m: Mention) => m.kind === "Meeting";
export const LIST_GAP = /^\s*(?:,|và|,\s*và)\s*$/u;
/** (… "và các Hội nghị Cấp cao ASEAN+3 …": a plural item of the list) */
const LIST_ITEM_GAP = /^\s*(?:,|và|,\s*và)\s*(?:(?:các|những)\s+)?(?:\p{Lu}\p{L}*\s+(?:\p{Ll}+\s+)?)?$/u;

/**
 * Between a subject and its verb: a few words, after the comma that closes an apposition ("X, Phó Chủ
 * tịch …, đã có bài phát biểu") or the period of an abbreviation that ends the name ("… Marcos Jr. đã dự":
 * the sentence did not end there).
 */
const NEAR_SUBJECT_GAP = /^\.?,?[^,.;:]{0,30}$/u;
/**
 * Appositions after a name, each opening on a capital after a comma or a dash (", Ủy viên Bộ Chính
 * trị, Bộ trưởng Bộ Quốc phòng,", " - Quyền Trưởng SOM ASEAN", ", quyền Trưởng SOM …") or on a role (", trong vai trò Chủ tịch …,",
 * ", với tư cách …,"); the name's own span may have
 * taken the first words of one ("X, Chủ tịch ASEAN| năm 2030,"), so a tail up to the next comma may lead.
 */
const APPOSITIONS = String.raw`(?:[^,.;:]{0,40}(?=,))?(?:\s*(?:,|\s[-–])\s*(?:\p{Lu}|quyền\s+\p{Lu}|(?:trong|với) vai trò|với tư cách|là\s)[^,.;:]{0,90})*\s*,?\s*`;
const AUXILIARIES = String.raw`(?:(?:đã|sẽ|cũng|đều|vừa|đến|tới|trực tiếp|lần đầu tiên|được mời|bắt đầu|chính thức|nhận lời mời)\s+)*`;
/** "dẫn đầu đoàn công tác của Tập đoàn X": the delegation the subject leads, whatever it is named (no punctuation within). */
const DELEGATION_LED = String.raw`(?:(?:dẫn đầu|làm [Tt]rưởng)\s+(?:[Pp]hái\s+)?[Đđ]oàn(?:\s[^.;:,]{1,80}?)?\s+)?`;
/**
 * Between the clause's subject and its verb, further away: appositions, then one phrase of companions
 * ("đã cùng các nhà lãnh đạo ASEAN và Tổng thống Nga", ", lãnh đạo các ban, bộ, ngành Trung ương").
 */
const FAR_SUBJECT_GAP = new RegExp(String.raw`^${APPOSITIONS}${AUXILIARIES}(?:(?:cùng|cùng với|và các|và những|,\s*(?:các\s+)?(?:lãnh đạo|đại diện|cán bộ)\s+(?:các|của)\s)\s*[^.;:]{1,200}?\s+)?${DELEGATION_LED}${AUXILIARIES}$`, "u");
/**
 * Between the clause's subject and a second predicate: a first one on a meeting, then a comma ("X sẽ đồng
 * chủ trì M1, tham dự M2 và M3"): the subject's verbs listed one after another. The first verb is any
 * phrase of the rows that read an agent, a verb and a meeting (predicates.json), so a new wording there
 * is one here too.
 */
let firstPredicate: RegExp | undefined;
function firstPredicateGap(): RegExp {
  if (firstPredicate) return firstPredicate;
  const phrases = loadPredicates().predicates.filter((p) => p.frame === "agent-verb-meeting").flatMap((p) => p.phrases);
  firstPredicate = new RegExp(String.raw`^${APPOSITIONS}${AUXILIARIES}(?:${alternation([...new Set(phrases)])})\s[^.;:]{1,200}?,\s*(?:và\s+)?${AUXILIARIES}$`, "u");
  return firstPredicate;
}

/** Between a leader and "dẫn đầu đoàn": appositions and auxiliaries only. */
export const LEADER_GAP = new RegExp(String.raw`^${APPOSITIONS}${AUXILIARIES}$`, "u");

/** Where a verb's clause begins: after the last semicolon before it. */
function clauseStart(scope: SentenceScope, verb: number): number {
  const before = gap(scope, scope.sentence.start, verb);
  const semicolon = before.lastIndexOf(";");
  return semicolon < 0 ? scope.sentence.start : scope.sentence.start + semicolon + 1;
}

/** "X và Y tham dự": the agents joined to the subject by "và" or a comma. */
export function coordinated(scope: SentenceScope, subject: Item): Item[] {
  const all = [subject];
  for (;;) {
    const first = all[0]!;
    const before = scope.items.filter((it) => it.end <= first.start && isAgent(it.mention));
    const previous = before[before.length - 1];
    // "X và Y", "X cùng Y", "X và đoàn đại biểu cấp cao Y": the state of the delegation with its leader
    if (!previous || !/^\s*(?:,|và|cùng|,\s*và)\s*(?:(?:các\s+)?(?:phái\s+)?đoàn(?:\s+đại biểu)?(?:\s+cấp cao)?\s+)?$/u.test(gap(scope, previous.end, first.start))) return all;
    // "tại Kuala Lumpur, Malaysia, Phó Thủ tướng X dự …": a place before the subject is not one of its list
    if (/(?<![\p{L}])(?:tại|ở)\s+[^,;]{0,30}(?:,\s*)?$/u.test(gap(scope, scope.sentence.start, previous.start))) return all;
    // "nhận lời mời của X, Thủ tướng Y sẽ tham dự …": the host in an opening phrase is not one of the subject's list
    if (previous.start < openingsEnd(scope) && first.start >= openingsEnd(scope)) return all;
    all.unshift(previous);
  }
}

/**
 * The agents of a verb: the agent right before it and its list; and the clause's subject when
 * appositions or companions stand between it and the verb ("Đại tướng X, Bộ trưởng Bộ Quốc
 * phòng, Trưởng đoàn Việt Nam dự …", "Thủ tướng X đã cùng lãnh đạo các nước … tham dự").
 */
export function agentsOf(scope: SentenceScope, verb: number): Item[] {
  const near = itemRightBefore(scope, verb, isAgent, NEAR_SUBJECT_GAP);
  const agents = near ? coordinated(scope, near) : [];
  const from = clauseStart(scope, verb);
  const subject = mainSubject(scope, verb);
  if (subject && subject.start >= from && !agents.includes(subject) && subject.mention.kind === "Official" && verb - subject.end <= 300) {
    const between = gap(scope, subject.end, verb);
    if (FAR_SUBJECT_GAP.test(between)) agents.unshift(subject);
    // (the first predicate's object is a meeting, closed by the comma)
    else if (firstPredicateGap().test(between) && scope.items.some((it) => isMeeting(it.mention) && it.end <= verb && /^\s*,\s*(?:và\s+)?\S*\s*\S*\s*$/u.test(gap(scope, it.end, verb)))) agents.unshift(subject);
  }
  return agents;
}

/** Fillers between a verb and its meeting: "và phát biểu khai mạc", "các", an event part ("lễ khai mạc", "phiên họp toàn thể thứ nhất của"). */
function meetingFiller(text: string): boolean {
  const { eventParts, auxiliaries } = loadPredicates();
  let rest = text.replace(auxiliaries, "").trimStart();
  rest = rest.replace(/^và\s+phát biểu(?:\s+(?:khai mạc|bế mạc|chào mừng))?\s+(?:tại\s+)?/u, "");
  // "lễ khai mạc", "Phiên toàn thể và Phiên họp hẹp" (parts joined by "và")
  for (let part = eventParts.exec(rest); part; part = eventParts.exec(rest)) {
    rest = rest.slice(part[0].length).replace(/^\s*(?:(?:thứ|lần thứ)\s+\S+\s*)?(?:của|trong khuôn khổ|trong|tại)?\s*/u, "");
    const joined = /^và\s+/u.exec(rest);
    if (!joined || !eventParts.test(rest.slice(joined[0].length))) break;
    rest = rest.slice(joined[0].length);
  }
  // an event part joined by "và" to the meeting's own ("lễ khai mạc và Phiên họp hẹp M")
  return /^\s*(?:và\s+)?(?:các\s+|những\s+|cuộc\s+)?$/u.test(rest);
}

/** "M1 và M2 … dưới sự chủ trì của X": the meeting named last before a phrase and those listed with it. */
export function meetingsListedBefore(scope: SentenceScope, last: Item): Item[] {
  const listed = [last];
  for (;;) {
    const first = listed[0]!;
    const before = scope.items.filter((it) => it.end <= first.start);
    const previous = before[before.length - 1];
    if (!previous || !isMeeting(previous.mention) || !LIST_GAP.test(gap(scope, previous.end, first.start))) return listed;
    listed.unshift(previous);
  }
}

/**
 * "dự các hội nghị trên": the meetings of the sentence before, when the words after the verb point back
 * at them; "dự các hội nghị và …", "dự các hội nghị." (no name after the plural) points back too.
 */
const POINTING_BACK = /^\s*(?:(?:các|những)\s+(?:[Hh]ội nghị|cuộc họp|phiên họp|sự kiện)\s+(?:trên|này|nói trên|kể trên)(?![\p{L}\p{N}])|các\s+[Hh]ội nghị(?=\s*(?:[.;]|và\s|$)))/u;
export function meetingsPointedBack(scope: SentenceScope, offset: number): Mention[] {
  return POINTING_BACK.test(gap(scope, offset, scope.sentence.end)) ? scope.previousMeetings : [];
}

/** The first meeting after `offset` with only fillers before it. */
export function meetingAfter(scope: SentenceScope, offset: number): Item | undefined {
  return scope.items.find((it) => it.start >= offset && isMeeting(it.mention) && it.start - offset <= 120 && meetingFiller(gap(scope, offset, it.start)));
}

/** After an announced list ("… gồm M2; M3"), a semicolon separates its items too. */
const ANNOUNCED_ITEM_GAP = /^\s*(?:;|,|và|,\s*và|;\s*và)\s*$/u;
/** "M (3 nước Đối tác … gồm X, Y và Z);": an aside in parentheses right after a list item, skipped. */
const ASIDE = /^\s*\([^()]{0,160}\)/u;

/**
 * The meetings listed after the first one: "tham dự M1, M2 và M3", "M1 và các hội nghị liên quan
 * gồm M2; M3". The list goes on through other names in it ("M1, Ủy ban Hiệp ước … (SEANWFZ), M2 và
 * M3": a body that meets is listed as a meeting) and over an aside in parentheses after an item.
 */
export function listedAfter(scope: SentenceScope, first: Item, accept: (m: Mention) => boolean = isMeeting): Item[] {
  const listed: Item[] = [];
  let current = first;
  let announced = false;
  for (;;) {
    const aside = ASIDE.exec(gap(scope, current.end, scope.sentence.end));
    const from = current.end + (aside ? aside[0].length : 0);
    const next = scope.items.find((it) => it.start >= from);
    if (!next) return listed;
    const between = gap(scope, from, next.start);
    // a list item whose first words were not read as part of its name ("Ủy ban Hiệp ước …") still continues the list
    if (isMeeting(next.mention) && loadPredicates().relatedMeetings.test(between)) announced = true;
    else if (!LIST_ITEM_GAP.test(between) && !(announced && ANNOUNCED_ITEM_GAP.test(between))) return listed;
    if (accept(next.mention) && !(next.mention.kind === "Meeting" && next.mention.backReference)) listed.push(next);
    else if (next.mention.kind === "Official" || next.mention.kind === "Country") return listed;
    current = next;
  }
}
