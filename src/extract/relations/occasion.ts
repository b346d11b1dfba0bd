// ATTENDED frame "occasion-verb-meeting": an opening phrase says the clause's subject is at the
// meeting ("Nhân dịp dự M (và …) tại Y, X đã gặp Z", "Thay mặt Đoàn đại biểu Y tham dự M, X bày tỏ …");
// its wordings are rows of lexicon/predicates.json.
import type { Fact, Mention } from "../types.ts";
import { listedAfter, meetingAfter } from "./clause.ts";
import { fact, type Occurrence } from "./frame.ts";
import { loadPredicates } from "./predicates.ts";
import { gap, stateOf, type SentenceScope } from "./sentence-items.ts";

/**
 * "Nhân dịp dự M1 và M2 tại Jakarta, Indonesia, Bộ trưởng X …": the first official after the opening
 * phrase's comma attends each meeting of its list. The phrase must open the sentence (after at most
 * a short date, or a "Thay mặt …" saying for whom), and only an official is taken: a state right
 * after the comma is the meeting's place.
 */
export function occasionVerbMeeting(o: Occurrence): Fact[] {
  const { scope } = o;
  const before = gap(scope, scope.sentence.start, o.start);
  const behalf = loadPredicates().onBehalf.test(before);
  // the occasion's own wordings ("Nhân dịp dự") open the sentence; a bare verb only after "Thay mặt …"
  if (behalf === /^Nhân|^Bên lề/u.test(o.text) || (!behalf && !/^(?:[^,]{0,40},\s*)?$/u.test(before))) return [];
  const meeting = meetingAfter(scope, o.end);
  if (!meeting) return [];
  const meetings = [meeting, ...listedAfter(scope, meeting)];
  const last = meetings[meetings.length - 1]!;
  const subject = scope.items.find((it) => it.start >= last.end && it.mention.kind === "Official");
  // the opening phrase ends at a comma within a few places' words; the official opens the main clause
  if (!subject || subject.start - last.end > 160 || !/^[^.;:]*,\s*$/u.test(gap(scope, last.end, subject.start))) return [];
  const states = behalf ? statesSpokenFor(scope, o.start) : [];
  return meetings.flatMap((m) => [fact(o, subject.mention, m.mention), ...states.map((s) => fact(o, s, m.mention, 0.05))]);
}

/** "Thay mặt Đoàn đại biểu Quốc hội Lào": the state whose delegation or body the opening names. */
function statesSpokenFor(scope: SentenceScope, verb: number): Mention[] {
  const inPhrase = (m: Mention) => m.start >= scope.sentence.start && m.end <= verb;
  const named = scope.items.filter((it) => inPhrase(it.mention)).map((it) => it.mention);
  const countries = [...named.filter((m) => m.kind === "Country"), ...scope.nested.filter((m) => m.kind === "Country" && inPhrase(m))];
  if (countries.length > 0) return countries.slice(0, 1);
  const own = named.map(stateOf).find((s) => s !== undefined);
  return own ? [own] : [];
}
