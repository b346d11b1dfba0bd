// Dates a page gives besides its dateline. A search index puts the crawl date before the text
// it returns (" date 2024-10 Ngày 11/10, …"): a month says when the page was seen, not when it
// was published, but it bounds the year of the day-month dates in the text; a full day is the
// index's publication date. And a lead that says "Sáng nay (15/11)" was written on that day.

export interface CrawlPrefix {
  /** "YYYY-MM" when the prefix gives a month only. */
  month: string | null;
  /** "YYYY-MM-DD" when it gives a day. */
  day: string | null;
  /** The text after the prefix. */
  rest: string;
}

const CRAWL_PREFIX = /^\s*date\s+((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?=\s)\s*/u;

/** Reads and removes the crawl-date prefix at the very start of a page's text. */
export function readCrawlPrefix(text: string): CrawlPrefix {
  const m = CRAWL_PREFIX.exec(text);
  if (!m) return { month: null, day: null, rest: text };
  const rest = text.slice(m[0].length);
  return m[3] ? { month: null, day: `${m[1]}-${m[2]}-${m[3]}`, rest } : { month: `${m[1]}-${m[2]}`, day: null, rest };
}

/** "Sáng nay (15/11)", "Chiều nay (10-1)", "Hôm nay (ngày 3/5)": the day of writing, named in the lead. */
const TODAY = /(?:^|[\s,(])(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm|[Đđ]êm)(?:\s+sớm)?\s+nay\s*\(\s*(?:ngày\s+)?(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*\)/u;
/** Only the opening of the lead is read: "nay" farther on may quote someone's words. */
const TODAY_REACH = 200;

/**
 * The publication day a lead names ("Sáng sớm nay (15/11), …"), with its year from the crawl
 * month: the page was written on or before the month it was crawled in.
 */
export function leadDate(lead: string, crawledMonth: string): string | null {
  const m = TODAY.exec(lead.slice(0, TODAY_REACH));
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const [crawlYear, crawlMonth] = crawledMonth.split("-").map(Number) as [number, number];
  const year = month > crawlMonth ? crawlYear - 1 : crawlYear;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
