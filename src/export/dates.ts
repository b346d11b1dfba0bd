// Meetings by date: the days a meeting was held, against a range given by the user.
import type { MeetingAttributes } from "../graph/types.ts";
import { SelectionError } from "./errors.ts";

const PARTIAL_DATE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * A range bound as an ISO day. `YYYY` and `YYYY-MM` are accepted: as a start they mean
 * the first day, as an end the last ("2020-11" → 2020-11-01 … 2020-11-31, which compares
 * correctly as text even for short months).
 */
export function rangeBound(text: string, end: boolean, option: string): string {
  const match = PARTIAL_DATE.exec(text.trim());
  if (!match) throw new SelectionError(`export: ${option} "${text}" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)`);
  const [, year, month, day] = match;
  return `${year}-${month ?? (end ? "12" : "01")}-${day ?? (end ? "31" : "01")}`;
}

/** The days a meeting was held: [startDate or date, endDate or date or startDate]; undefined when undated. */
export function meetingDays(meeting: MeetingAttributes): [string, string] | undefined {
  const start = meeting.startDate ?? meeting.date ?? meeting.endDate;
  const end = meeting.endDate ?? meeting.date ?? meeting.startDate;
  return start && end ? [start, end] : undefined;
}

/** True when the meeting's days overlap [from, to] (ISO days, either open). */
export function heldWithin(meeting: MeetingAttributes, from: string | undefined, to: string | undefined): boolean {
  const days = meetingDays(meeting);
  if (!days) return false;
  return (from === undefined || days[1] >= from) && (to === undefined || days[0] <= to);
}
