// The meetings by month, for the timeline strip: counts per month from the first dated
// meeting to the last, and how many meetings have no date (shown apart: a date filter
// cannot place them, so it hides them).
import type { KnowledgeGraph } from "../../src/graph/types.ts";

export interface MonthBin {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

export interface MeetingTimeline {
  bins: MonthBin[];
  undated: number;
  dated: number;
}

const monthIndex = (month: string): number => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number): string => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

export function meetingTimeline(graph: KnowledgeGraph): MeetingTimeline {
  const counts = new Map<number, number>();
  let undated = 0;
  graph.forEachNode((_key, attributes) => {
    if (attributes.kind !== "Meeting") return;
    const day = attributes.date ?? attributes.startDate;
    if (!day || !/^\d{4}-\d{2}/.test(day)) {
      undated += 1;
      return;
    }
    const index = monthIndex(day);
    counts.set(index, (counts.get(index) ?? 0) + 1);
  });
  if (counts.size === 0) return { bins: [], undated, dated: 0 };
  const first = Math.min(...counts.keys());
  const last = Math.max(...counts.keys());
  const bins: MonthBin[] = [];
  for (let index = first; index <= last; index += 1) bins.push({ month: monthOf(index), count: counts.get(index) ?? 0 });
  return { bins, undated, dated: [...counts.values()].reduce((sum, count) => sum + count, 0) };
}

/** The first and last day of a month (`2021-02` → `2021-02-01`, `2021-02-28`). */
export function monthSpan(month: string): { from: string; to: string } {
  const [year, mon] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const lastDay = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, "0")}` };
}
