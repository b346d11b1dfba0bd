// Dates written in Vietnamese news: "ngày 9/4", "Ngày 14/4/2020", "từ ngày 12 - 15/11", "sáng 24.6", "ngày 29-8",
// "ngày 12 tháng 11 năm 2020", "Chiều 9/11", "Sáng nay (15/11)", "thứ Năm (21/11)". A day without a
// year takes the article's year, or the year before when that would put it well after the article was
// published; without a publication date, the month the page was crawled in bounds it the same way;
// without either, the year the report states as its own (report-year.ts). Date words: lexicon/dates.json.
import type { Sentence } from "../text/sentences.ts";
import { DATE_WORDS } from "./report-year.ts";
import type { DateMention } from "./types.ts";

/** Words with each first letter in either case: "[Tt]hứ\s+[Nn]ăm". */
const word = (w: string) =>
  w
    .split(/\s+/u)
    .map((part) => part.replace(/^./u, (c) => `[${c.toUpperCase()}${c.toLowerCase()}]`))
    .join(String.raw`\s+`);
const words = (list: string[]) => [...list].sort((a, b) => b.length - a.length).map(word).join("|");

const PREFIX = String.raw`(?:(?:${words(DATE_WORDS.partsOfDay)})\s+(?:ngày\s+)?)`;
// "ngày 12-14/11", "từ 5 đến 7/9", "trong hai ngày 8 và 9-7", "từ ngày 14 đến 17-11": the month after "/" or,
// as some papers write it, after "-" or "."
const RANGE = new RegExp(String.raw`(?:${PREFIX}|từ\s+)(\d{1,2})\s*(?:[-–]|đến(?:\s+ngày)?|và)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])`, "gu");
// "ngày 9/4", "sáng 24.6", "ngày 29-8", "ngày 10-7-2021": after a word of time, any of the three separators
// ("ngày 3.5 triệu" is an amount, not the 3rd of May)
const SLASHED = new RegExp(String.raw`${PREFIX}(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}))?(?![\d/.-]\d)(?!\s*(?:triệu|tỷ|nghìn|ngàn|%|lần|USD))`, "gu");
// "Sáng nay (15/11)", "Chiều sớm nay (ngày 2-3)", "thứ Năm (21/11)": the day in brackets after a word naming it
const BRACKETED = new RegExp(
  String.raw`(?:(?:${words(DATE_WORDS.partsOfDay)})(?:\s+sớm)?\s+(?:${words(DATE_WORDS.todayWords)})|${words(DATE_WORDS.weekdays)})\s*\(\s*(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\s*\)`,
  "gu",
);
const WORDED = new RegExp(String.raw`${PREFIX}(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?`, "gu");

/** Days after publication beyond which a yearless date is taken to be from the year before. */
const FUTURE_SLACK_DAYS = 60;

export interface YearContext {
  /** The article's publication date, ISO, when known. */
  published: string | null;
  /** "YYYY-MM": the month a search index crawled the page in, when known (the page was written before its end). */
  crawled?: string | null;
  /** The year the report states as its own (report-year.ts), when it has no publication date. */
  fallbackYear: number | null;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The year of a day-month date written up to FUTURE_SLACK_DAYS after `reference` (a time in ms): its year, or the one before. */
function yearBefore(month: number, day: number, reference: number): number {
  const year = new Date(reference).getUTCFullYear();
  return Date.UTC(year, month - 1, day) - reference > FUTURE_SLACK_DAYS * 86_400_000 ? year - 1 : year;
}

export function resolveYear(month: number, day: number, context: YearContext): number | null {
  if (context.published) return yearBefore(month, day, Date.parse(`${context.published}T00:00:00Z`));
  if (context.crawled) {
    // the crawl month's last day: the page was written by then
    const [y, m] = context.crawled.split("-").map(Number) as [number, number];
    return yearBefore(month, day, Date.UTC(y, m, 0));
  }
  return context.fallbackYear;
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
  for (const m of sentence.text.matchAll(BRACKETED)) single(m, Number(m[1]), Number(m[2]), m[3]);
  for (const m of sentence.text.matchAll(SLASHED)) single(m, Number(m[1]), Number(m[3]), m[4]);
  for (const m of sentence.text.matchAll(WORDED)) single(m, Number(m[1]), Number(m[2]), m[3]);
  return found.sort((a, b) => a.start - b.start);
}
