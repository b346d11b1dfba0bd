// The year a numbered meeting of a well-known series was held (lexicon/series-calendar.json):
// general knowledge, kept as data, that dates a report which gives no year of its own.
// "Sáng 9/9, … khai mạc Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 53" has a day and a month;
// the 53rd meeting of the series was held in 2020, so the day is 9 September 2020.
import { readFileSync } from "node:fs";
import { canonicalName } from "../resolve/keys.ts";
import type { MeetingMention, Mention } from "./types.ts";

interface Stretch {
  from: number;
  to?: number;
  year: number;
  /** Editions a year in this stretch (1 when absent). */
  perYear?: number;
}

interface CalendarFile {
  series: Array<{ series: string; name: string; stretches: Stretch[] }>;
}

let calendar: Map<string, Stretch[]> | undefined;

function load(): Map<string, Stretch[]> {
  if (calendar) return calendar;
  const file = JSON.parse(readFileSync(new URL("./lexicon/series-calendar.json", import.meta.url), "utf8")) as CalendarFile;
  calendar = new Map(file.series.map((s) => [s.series, s.stretches]));
  return calendar;
}

/** The year edition `edition` of a series was held, or null outside the stretches the calendar knows. */
export function seriesEditionYear(series: string, edition: number): number | null {
  const stretch = load().get(series)?.find((s) => edition >= s.from && (s.to === undefined || edition <= s.to));
  return stretch ? stretch.year + Math.floor((edition - stretch.from) / (stretch.perYear ?? 1)) : null;
}

/** "Hội nghị Cấp cao ASEAN lần thứ 37" → 2020; a meeting of no known series, or with no number, → null. */
export function meetingYear(name: string): number | null {
  const key = canonicalName("Meeting", name);
  const numbered = /^(.+) (\d{1,3})$/u.exec(key);
  return numbered ? seriesEditionYear(numbered[1]!, Number(numbered[2])) : null;
}

/**
 * The year of the meetings a report names, for a report that states none: the year of the
 * meeting it reports when the calendar knows it, else the one year all its known meetings share
 * (two years → none: a wrong year is worse than none).
 */
export function reportedMeetingsYear(main: MeetingMention | undefined, mentions: readonly Mention[]): number | null {
  const own = main ? meetingYear(main.name) : null;
  if (own !== null) return own;
  const years = new Set<number>();
  for (const m of mentions) {
    if (m.kind !== "Meeting" || m.backReference) continue;
    const year = meetingYear(m.name);
    if (year !== null) years.add(year);
  }
  return years.size === 1 ? [...years][0]! : null;
}
