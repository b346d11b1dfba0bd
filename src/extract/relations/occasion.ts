// ATTENDED frame "occasion-verb-meeting": an opening phrase says the clause's subject is at the
// meeting ("Nhân dịp dự M (và …) tại Y, X đã gặp Z"); its wordings are rows of lexicon/predicates.json.
import type { Fact } from "../types.ts";
import { listedAfter, meetingAfter } from "./clause.ts";
import { fact, type Occurrence } from "./frame.ts";
import { gap } from "./sentence-items.ts";

/**
 * "Nhân dịp dự M1 và M2 tại Jakarta, Indonesia, Bộ trưởng X …": the first official after the opening
 * phrase's comma attends each meeting of its list. The phrase must open the sentence (after at most
 * a short date), and only an official is taken: a state right after the comma is the meeting's place.
 */
export function occasionVerbMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  if (!/^(?:[^,]{0,40},\s*)?$/u.test(gap(scope, scope.sentence.start, o.start))) return [];
  const meeting = meetingAfter(scope, o.end);
  if (!meeting) return [];
  const meetings = [meeting, ...listedAfter(scope, meeting)];
  const last = meetings[meetings.length - 1]!;
  const subject = scope.items.find((it) => it.start >= last.end && it.mention.kind === "Official");
  // the opening phrase ends at a comma within a few places' words; the official opens the main clause
  if (!subject || subject.start - last.end > 160 || !/^[^.;:]*,\s*$/u.test(gap(scope, last.end, subject.start))) return [];
  return meetings.map((m) => fact(o, subject.mention, m.mention));
}
