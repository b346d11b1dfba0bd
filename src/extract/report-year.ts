// The year an undated report speaks of, read from its text, for the day-month dates in it
// ("Ngày 11/12, …"). Only the years a report states as its own count: "Năm Chủ tịch ASEAN 2021",
// "Ủy ban Quốc gia ASEAN 2020", "trong năm 2023", and days written in full ("23/11/2016").
// A bare "năm 2016" may be a summit long past ("tại Sochi năm 2016"), "đến năm 2020" a target:
// they are not read, because a wrong year is worse than none. The cue words are data (lexicon/dates.json).
import { readFileSync } from "node:fs";
import { normalizeVietnamese } from "../text/normalize.ts";

interface DateWords {
  partsOfDay: string[];
  weekdays: string[];
  todayWords: string[];
  reportYearCues: string[];
  weakYearCues: string[];
  frameWords: string[];
  prospectWords: string[];
}

export const DATE_WORDS: DateWords = JSON.parse(
  normalizeVietnamese(readFileSync(new URL("./lexicon/dates.json", import.meta.url), "utf8")),
) as DateWords;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join("|");

/** A cue, then "năm" perhaps, then the year: "Chủ tịch ASEAN 2020", "Chủ tịch AICHR năm 2020", "trong năm 2023". */
const cuedYear = (cues: string[]) =>
  new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(cues)})\s+(?:năm\s+)?((?:19|20)\d{2})(?![\p{L}\p{N}])`, "giu");
const STRONG_CUE = cuedYear(DATE_WORDS.reportYearCues);
const WEAK_CUE = cuedYear(DATE_WORDS.weakYearCues);
/** "23/11/2016", "8 - 10/9/2020", "ngày 10-7-2021": a day written with its year. */
const FULL_DATE = /(?<![\d/.-])\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d{2})(?![\p{N}])/gu;
const PROSPECT = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${alternation(DATE_WORDS.prospectWords)})(?![\p{L}\p{N}])`, "iu");
/** How far before a year a word of prospect is looked for: the clause that holds the year. */
const PROSPECT_REACH = 80;

/** The clause before `at`: back to the sentence's start, at most PROSPECT_REACH characters. */
function clauseBefore(body: string, at: number): string {
  const window = body.slice(Math.max(0, at - PROSPECT_REACH), at);
  const stop = Math.max(window.lastIndexOf(". "), window.lastIndexOf(";"), window.lastIndexOf("\n"));
  return stop >= 0 ? window.slice(stop + 1) : window;
}

function mostFrequent(counts: Map<number, number>): number | null {
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y > best)) best = y;
  return best;
}

/** Years after a cue, counted; a year of prospect ("sẽ đảm nhận Chủ tịch ASEAN 2026") left out. */
function cued(body: string, pattern: RegExp): Map<number, number> {
  const counts = new Map<number, number>();
  for (const m of body.matchAll(pattern)) {
    if (PROSPECT.test(clauseBefore(body, m.index!))) continue;
    const y = Number(m[1]);
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  return counts;
}

/**
 * The report's year: the one its strong cues (a chairmanship year) name most often; else the
 * year of the days it writes in full; else the one its weak cues ("trong năm") name; else null.
 */
export function reportYear(body: string): number | null {
  const strong = cued(body, STRONG_CUE);
  if (strong.size > 0) return mostFrequent(strong);
  const written = new Map<number, number>();
  for (const m of body.matchAll(FULL_DATE)) {
    const y = Number(m[1]);
    written.set(y, (written.get(y) ?? 0) + 1);
  }
  if (written.size > 0) return mostFrequent(written);
  return mostFrequent(cued(body, WEAK_CUE));
}
