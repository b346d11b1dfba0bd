// CHAIRED frames: "X (đã) chủ trì M", "M do X (và Y) chủ trì", "M dưới sự chủ trì của X",
// "X … Chủ tịch M1, M2". Their wordings are rows of lexicon/predicates.json.
import type { Fact } from "../types.ts";
import { agentsOf, isMeeting, LIST_GAP, listedAfter, meetingAfter, meetingsListedBefore } from "./clause.ts";
import { fact, type Frames, type Occurrence } from "./frame.ts";
import { meetingByAcronymAfter } from "./title-meeting.ts";
import { gap, isAgent, itemRightAfter, itemRightBefore, mainSubject, type Item, type SentenceScope } from "./sentence-items.ts";

/** "X chủ trì M", "X đồng chủ trì M" (a co-chair may stand far: the clause's subject). */
function agentVerbMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  // "M do X chủ trì" is the passive frame's
  if (/(?<![\p{L}])do\s+[^,;]{1,60}$/u.test(gap(scope, scope.sentence.start, o.start))) return [];
  const meeting = meetingAfter(scope, o.end);
  if (!meeting) return [];
  let agents = agentsOf(scope, o.start);
  if (agents.length === 0 && o.row.id === "chair.co-verb") {
    const subject = mainSubject(scope, o.start);
    if (subject) agents = [subject];
  }
  return [meeting, ...listedAfter(scope, meeting)].flatMap((m) => agents.map((a) => fact(o, a.mention, m.mention)));
}

/** Where the agent before this item ends, to tell a list ("X và Y") from an aside. */
function previousAgentEnd(scope: SentenceScope, item: { start: number }): number {
  const before = scope.items.filter((it) => it.end <= item.start && isAgent(it.mention));
  return before[before.length - 1]?.end ?? item.start;
}

/**
 * "M do X chủ trì", "M do X làm Chủ tịch", "M do X, trong vai trò Chủ tịch …, chủ trì", "M do X và Y
 * đồng chủ trì"; attendance reads it too ("Hội nghị đã nghe báo cáo do X trình bày").
 */
export function meetingDoAgentVerb(o: Occurrence): Fact[] {
  const { scope } = o;
  // the last "do" (or "được", "M được X đồng chủ trì") before the verb, in its clause ("Hội đồng Khu vực
  // Thương mại tự do ASEAN …, cũng do X chủ trì")
  const before = gap(scope, scope.sentence.start, o.start);
  const marker = [...before.matchAll(/(?<![\p{L}])(?:do|được)\s+/gu)].filter((m) => !/^(?:tự|tự\s)$/u.test(before.slice(Math.max(0, (m.index ?? 0) - 3), m.index).trim())).pop();
  const doAt = marker?.index ?? -1;
  if (!marker || doAt < 0 || before.length - doAt > 160 || /[.;]/u.test(before.slice(doAt))) return [];
  const afterDo = scope.sentence.start + doAt + marker[0].length;
  // "do Nước Chủ tịch Brunei chủ trì": the state named after its role
  const first = itemRightAfter(scope, afterDo, isAgent, /^\s*(?:[Nn]ước\s+(?:[Cc]hủ tịch\s+(?:ASEAN\s+)?)?|ông\s+|bà\s+)?$/u);
  if (!first || first.end > o.start) return [];
  // the agents joined by "và" or commas before the verb, not those inside an aside ("trong vai trò Chủ tịch Nhóm …")
  const agents = scope.items.filter((it) => it.start >= first.start && it.end <= o.start && isAgent(it.mention) &&
    (it === first || /^\s*(?:,|và|,\s*và)\s*(?:ông|bà|[Nn]gài)?\s*$/u.test(gap(scope, previousAgentEnd(scope, it), it.start))));
  // "M, cũng do X chủ trì", "M đã khai mạc tại P do X chủ trì": the last meeting named in the clause before "do"
  const meeting = itemRightBefore(scope, scope.sentence.start + doAt, isMeeting, /^[^.;]{0,120}$/u);
  if (!meeting) return [];
  const cochair = /đồng/u.test(o.text) || agents.length > 1;
  return agents.map((a) => fact(o, a.mention, meeting.mention, cochair ? 0.05 : 0));
}

/** "M dưới sự chủ trì của X (và Y)", "M … với sự chủ trì của X". */
function meetingPhraseAgents(o: Occurrence): Fact[] {
  const { scope } = o;
  // the meeting is the last one named before, in the same clause; "Dưới sự chủ trì của X, M …": the one the
  // sentence goes on with after the phrase's comma; else the one the paragraph is about
  const named = itemRightBefore(scope, o.start, isMeeting, /^[^.;]{0,200}$/u);
  const first = scope.items.find((it) => it.start >= o.end && isAgent(it.mention) && /^[^,.;]{0,40}$/u.test(gap(scope, o.end, it.start)));
  const opening = !named && first && /^\s*$/u.test(gap(scope, scope.sentence.start, o.start))
    ? itemRightAfter(scope, first.end, isMeeting, /^\s*,\s*$/u) : undefined;
  const meetings = named ? meetingsListedBefore(scope, named).map((it) => it.mention)
    : opening ? [opening.mention] : [scope.meetingJustNamed ?? scope.main].filter((m) => m !== undefined);
  if (meetings.length === 0 || !first) return [];
  // only "X và Y" (co-chairs); a comma after the chair opens an apposition ("Lào - nước Chủ tịch ASEAN, …")
  const chairs = [first];
  for (;;) {
    const last = chairs[chairs.length - 1]!;
    const next = scope.items.find((it) => it.start >= last.end && isAgent(it.mention));
    if (!next || !/^\s*và\s*$/u.test(gap(scope, last.end, next.start))) break;
    chairs.push(next);
  }
  return meetings.flatMap((meeting) => chairs.map((a) => fact(o, a.mention, meeting, chairs.length > 1 ? 0.05 : 0)));
}

/** Between a name and a title in apposition to it: other titles after commas, or "là", "làm". */
const TITLE_HOLDER_GAP = /^(?:\s*,\s*\p{Lu}[^,.;:]{0,90})*\s*(?:,|là|làm|,\s*là)?\s*$/u;
/** The title as the clause's predicate, its holder the subject. */
const PREDICATE_BEFORE = /(?<![\p{L}])(?:là|làm|đảm nhiệm|giữ|như|vai trò|cương vị|tư cách)\s*$/u;

/** "Với tư cách Chủ tịch M, X …", "Với vai trò là nước chủ nhà và Chủ tịch M giai đoạn …, X …": the title in an opening phrase is the main clause's subject's. */
const OPENING_TITLE = /^(?:[^,]{0,40},\s*)?(?:[Vv]ới|[Tt]rong)\s+(?:tư cách|vai trò|cương vị)(?:\s+là)?(?:\s+[^,.;:]{1,40}?\s+và)?\s*$/u;
function openingTitleHolder(scope: SentenceScope, title: number, meetingEnd: number): Item | undefined {
  if (!OPENING_TITLE.test(gap(scope, scope.sentence.start, title))) return undefined;
  const subject = mainSubject(scope);
  return subject && subject.start > meetingEnd ? subject : undefined;
}

/** "(X …) Chủ tịch Hội nghị A, Hội nghị B": X chaired each meeting of the list ("Phó Chủ tịch …": attended it). */
export function agentTitleMeetings(o: Occurrence): Fact[] {
  const { scope } = o;
  // "Chủ tịch Quốc hội Việt Nam, Chủ tịch AIPA 41 Nguyễn Thị X": the meeting inside the official's titles
  const holder = scope.items.find((it) => it.mention.kind === "Official" && it.start <= o.start && it.end >= o.end);
  if (holder) {
    const inTitle = scope.nested.find((m) => m.kind === "Meeting" && /^\s*$/u.test(gap(scope, o.end, m.start))) ??
      itemRightAfter(scope, o.end, isMeeting, /^\s*$/u)?.mention ?? meetingByAcronymAfter(scope, o.end);
    return inTitle ? [fact(o, holder.mention, inTitle)] : [];
  }
  const first = itemRightAfter(scope, o.end, isMeeting, /^\s*$/u);
  if (!first || first.mention.kind !== "Meeting" || first.mention.backReference) return [];
  // the holder: the name the title is an apposition of ("X, Chủ tịch Hạ viện …, Chủ tịch M"), or
  // the clause's subject when the title is its predicate ("X là Chủ tịch M", "… trọng trách như Chủ tịch M")
  // "vai trò Chủ tịch AIPA-43 của Campuchia": the holder named after the meeting, with "của"
  const subject = itemRightAfter(scope, first.end, isAgent, /^\s*của\s*$/u) ?? itemRightBefore(scope, o.start, isAgent, TITLE_HOLDER_GAP) ??
    (PREDICATE_BEFORE.test(gap(scope, scope.sentence.start, o.start)) ? mainSubject(scope, o.start) : undefined) ??
    openingTitleHolder(scope, o.start, first.end);
  if (!subject) return [];
  const facts = [fact(o, subject.mention, first.mention)];
  for (let current = first; ;) {
    const next = scope.items.find((it) => it.start >= current.end && isMeeting(it.mention) && LIST_GAP.test(gap(scope, current.end, it.start)));
    if (!next) return facts;
    facts.push(fact(o, subject.mention, next.mention));
    current = next;
  }
}

export const chairedFrames: Frames = {
  "agent-verb-meeting": agentVerbMeeting,
  "meeting-do-agent-verb": meetingDoAgentVerb,
  "meeting-phrase-agents": meetingPhraseAgents,
  "agent-title-meetings": agentTitleMeetings,
};
