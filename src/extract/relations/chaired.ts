// CHAIRED: "X (đã) chủ trì <meeting>", "<meeting> do X chủ trì", "<meeting> do X làm Chủ tịch",
// "<meeting> dưới sự chủ trì của X", "X ... (đảm nhiệm) Chủ tịch <meeting>, <meeting>, ...".
import type { Fact } from "../types.ts";
import { at, fact, gap, isAgent, itemRightAfter, itemRightBefore, mainSubject, type Pattern, type SentenceScope } from "./sentence-items.ts";

const isMeeting = (m: { kind: string }) => m.kind === "Meeting";
/** What may stand between a subject and its verb: auxiliaries and short adverbs, no clause break. */
const SUBJECT_GAP = /^[^,.;:]{0,30}$/u;

function active(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?<!dưới sự |cơ quan |đồng |(?<![\p{L}\p{N}])do [^,]{1,60})chủ trì\s+/gu)) {
    const verb = at(scope, m.index ?? 0);
    // "chủ trì Hội nghị", "chủ trì và phát biểu khai mạc Hội nghị"
    const object = itemRightAfter(scope, verb + m[0].length, isMeeting, /^\s*(?:và\s+phát biểu(?:\s+(?:khai mạc|bế mạc|tại))?\s+)?(?:các\s+|những\s+|cuộc\s+)?$/u);
    if (!object) continue;
    const subject = itemRightBefore(scope, verb, isAgent, SUBJECT_GAP);
    if (subject) facts.push(fact("CHAIRED", subject.mention, object.mention, scope, 0.95, "X chủ trì M"));
  }
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}\p{N}])đồng chủ trì\s+/gu)) {
    const verb = at(scope, m.index ?? 0);
    const object = itemRightAfter(scope, verb + m[0].length, isMeeting);
    const subject = object && (itemRightBefore(scope, verb, isAgent, SUBJECT_GAP) ?? mainSubject(scope, verb));
    if (object && subject) facts.push(fact("CHAIRED", subject.mention, object.mention, scope, 0.8, "X đồng chủ trì M"));
  }
  return facts;
}

/** Where the agent before this item ends, to tell a list ("X và Y") from an aside. */
function previousAgentEnd(scope: SentenceScope, item: { start: number }): number {
  const before = scope.items.filter((it) => it.end <= item.start && isAgent(it.mention));
  return before[before.length - 1]?.end ?? item.start;
}

function passive(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  // "M do X chủ trì", "M do X làm Chủ tịch", "M do X, trong vai trò Chủ tịch ..., chủ trì", "M do X và Y đồng chủ trì"
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}])do\s+/gu)) {
    const afterDo = at(scope, (m.index ?? 0) + m[0].length);
    const first = itemRightAfter(scope, afterDo, isAgent, /^\s*(?:nước\s+)?$/u);
    if (!first) continue;
    const rest = scope.sentence.text.slice(first.start - scope.sentence.start);
    const verb = /^[^.;]{0,160}?(?<![\p{L}])(?:đã\s+|sẽ\s+)?(đồng chủ trì|chủ trì|làm Chủ tịch|làm chủ tịch|giữ vai trò Chủ tịch|đăng cai và chủ trì)(?![\p{L}])/u.exec(rest);
    if (!verb) continue;
    const verbAt = first.start + verb[0].length - verb[1]!.length;
    // the agents joined by "và" or commas before the verb, not those inside an aside ("trong vai trò Chủ tịch Nhóm ...")
    const agents = scope.items.filter((it) => it.start >= first.start && it.end <= verbAt && isAgent(it.mention) &&
      (it === first || /^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, previousAgentEnd(scope, it), it.start))));
    // "M, cũng do X chủ trì": the meeting just named
    // "M với Trung Quốc, Nhật Bản và Hàn Quốc, cũng do X chủ trì", "M đã khai mạc tại P do X chủ trì": the last
    // meeting named in the clause, whatever is said of it before "do"
    const meeting = itemRightBefore(scope, at(scope, m.index ?? 0), isMeeting, /^[^.;]{0,120}$/u);
    if (!meeting) continue;
    const cochair = verb[1] === "đồng chủ trì" || agents.length > 1;
    for (const a of agents) facts.push(fact("CHAIRED", a.mention, meeting.mention, scope, cochair ? 0.85 : 0.9, "M do X chủ trì"));
  }
  // "M dưới sự chủ trì của X", "M … với sự chủ trì của X"
  for (const m of scope.sentence.text.matchAll(/(?:dưới|với) sự chủ trì của\s+/gu)) {
    const phrase = at(scope, m.index ?? 0);
    // the meeting is the last one named before, in the same clause ("M đã khai mạc ... dưới sự chủ trì của X")
    const meeting = itemRightBefore(scope, phrase, isMeeting, /^[^.;]{0,80}$/u);
    const agent = scope.items.find((it) => it.start >= phrase + m[0].length && isAgent(it.mention) &&
      /^[^,.;]{0,40}$/u.test(gap(scope, phrase + m[0].length, it.start)));
    if (meeting && agent) facts.push(fact("CHAIRED", agent.mention, meeting.mention, scope, 0.9, "M dưới sự chủ trì của X"));
  }
  return facts;
}

/** "(X ...) Chủ tịch Hội nghị A, Hội nghị B, ...": X chaired each meeting of the list. */
function chairOfList(scope: SentenceScope): Fact[] {
  const facts: Fact[] = [];
  for (const m of scope.sentence.text.matchAll(/(?<![\p{L}\p{N}])Chủ tịch\s+(?:của\s+)?/gu)) {
    const start = at(scope, (m.index ?? 0) + m[0].length);
    const first = itemRightAfter(scope, start, isMeeting, /^\s*$/u);
    if (!first || first.mention.kind !== "Meeting" || first.mention.backReference) continue;
    const subject = mainSubject(scope, at(scope, m.index ?? 0));
    if (!subject) continue;
    let current = first;
    for (;;) {
      facts.push(fact("CHAIRED", subject.mention, current.mention, scope, 0.8, "X ... Chủ tịch M1, M2"));
      const next = scope.items.find((it) => it.start >= current.end && isMeeting(it.mention) && /^\s*(?:,|và|,\s*và)\s*$/u.test(gap(scope, current.end, it.start)));
      if (!next) break;
      current = next;
    }
  }
  return facts;
}

export const chairedPatterns: Pattern[] = [active, passive, chairOfList].map((find) => ({ applies: /chủ trì|Chủ tịch|chủ tịch/u, find }));
