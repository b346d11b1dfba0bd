// ATTENDED frame "heard-agent-report": the meeting heard someone report ("Tại hội nghị, các đại biểu nghe
// Phó Tổng Thư ký ASEAN X cập nhật tình hình …"): the one heard was there. Its wordings are rows of
// lexicon/predicates.json; the verbs of reporting are its `reportVerbs`.
import type { Fact } from "../types.ts";
import { isMeeting } from "./clause.ts";
import { fact, type Occurrence } from "./frame.ts";
import { loadPredicates } from "./predicates.ts";
import { gap, isAgent, itemRightAfter, itemRightBefore } from "./sentence-items.ts";

/**
 * "nghe X báo cáo / cập nhật / trình bày …": the agent right after the wording, followed by a verb of
 * reporting, attends the meeting named before in the clause ("Tại Hội nghị, …"), else the one reported.
 */
export function heardAgentReport(o: Occurrence): Fact[] {
  const { scope } = o;
  const speaker = itemRightAfter(scope, o.end, isAgent, /^\s*(?:đại diện\s+|ông\s+|bà\s+|[Nn]gài\s+)?$/u);
  if (!speaker || !loadPredicates().reportVerb.test(gap(scope, speaker.end, scope.sentence.end))) return [];
  const named = itemRightBefore(scope, o.start, isMeeting, /^[^.;]{0,120}$/u);
  const meeting = named?.mention ?? scope.meetingJustNamed ?? scope.main;
  return meeting ? [fact(o, speaker.mention, meeting)] : [];
}
