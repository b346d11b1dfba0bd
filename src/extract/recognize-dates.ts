// Dates written in Vietnamese news: "ngày 9/4", "Ngày 14/4/2020", "từ ngày 12 - 15/11", "sáng 24.6", "ngày 29-8",
// "ngày 12 tháng 11 năm 2020", "Chiều 9/11". A day without a year takes the article's year,
// or the year before when that would put it well after the article was published.
import type { Sentence } from "../text/sentences.ts";
import type { DateMention } from "./types.ts";

const PREFIX = String.raw`(?:(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|[Hh]ôm)\s+(?:ngày\s+)?)`;
// "ngày 12-14/11", "từ 5 đến 7/9", "trong hai ngày 8 và 9-7", "từ ngày 14 đến 17-11": the month after "/" or,
// as some papers write it, after "-" or "."
const RANGE = new RegExp(String.raw`(?:${PREFIX}|từ\s+)(\d{1,2})\s*(?:[-–]|đến(?:\s+ngày)?|và)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])`, "gu");
// "ngày 9/4", "sáng 24.6", "ngày 29-8", "ngày 10-7-2021": after a word of time, any of the three separators
// ("ngày 3.5 triệu" is an amount, not the 3rd of May)
const SLASHED = new RegExp(String.raw`${PREFIX}(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?(?![\d/.-]\d)(?!\s*(?:triệu|tỷ|nghìn|ngàn|%|lần|USD))`, "gu");
const WORDED = new RegExp(String.raw`${PREFIX}(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`, "gu");

/** Days after publication beyond which a yearless date is taken to be from the year before. */
const FUTURE_SLACK_DAYS = 60;

export interface YearContext {
  /** The article's publication date, ISO, when known. */
  published: string | null;
  /** The year the article's text mentions most, when it has no publication date. */
  fallbackYear: number | null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function resolveYear(month: number, day: number, context: YearContext): number | null {
  if (context.published) {
    const published = new Date(`${context.published}T00:00:00Z`);
    const year = published.getUTCFullYear();
    const candidate = Date.UTC(year, month - 1, day);
    return candidate - published.getTime() > FUTURE_SLACK_DAYS * 86_400_000 ? year - 1 : year;
  }
  return context.fallbackYear;
}

/** The year an undated article speaks of: the most frequent four-digit year in a date or after "năm". */
export function dominantYear(body: string): number | null {
  const counts = new Map<number, number>();
  for (const m of body.matchAll(/(?:\/|năm\s+|Chủ tịch\s+|quý\s+\w+\/)((?:19|20)\d{2})(?![\p{L}\p{N}])/gu)) {
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

export function recognizeDates(sentence: Sentence, context: YearContext): DateMention[] {
  const found: DateMention[] = [];
  if (!/\d\s*[/.-]\s*\d|\d\s+tháng\s+\d/u.test(sentence.text)) return found;
  const taken: Array<[number, number]> = [];
  const overlaps = (a: number, b: number) => taken.some(([s, e]) => a < e && b > s);
  const add = (m: RegExpMatchArray, date: string, endDate?: string) => {
    const start = sentence.start + (m.index ?? 0);
    const end = start + m[0].length;
    if (overlaps(start, end)) return;
    taken.push([start, end]);
    const mention: DateMention = { start, end, sentence: sentence.index, date };
    if (endDate) mention.endDate = endDate;
    found.push(mention);
  };
  for (const m of sentence.text.matchAll(RANGE)) {
    const [d1, d2, month] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const year = m[4] ? Number(m[4]) : resolveYear(month, d1, context);
    if (year === null || !valid(year, month, d1) || !valid(year, month, d2) || d2 <= d1) continue;
    add(m, iso(year, month, d1), iso(year, month, d2));
  }
  const single = (m: RegExpMatchArray, day: number, month: number, written: string | undefined) => {
    const year = written ? Number(written) : resolveYear(month, day, context);
    if (year !== null && valid(year, month, day)) add(m, iso(year, month, day));
  };
  for (const m of sentence.text.matchAll(SLASHED)) single(m, Number(m[1]), Number(m[3]), m[4]);
  for (const m of sentence.text.matchAll(WORDED)) single(m, Number(m[1]), Number(m[2]), m[3]);
  return found.sort((a, b) => a.start - b.start);
}
