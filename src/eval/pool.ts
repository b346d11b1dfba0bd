// Several answer keys read side by side (the samples, the blind sets, the real-text
// development set): each set's figures, and the pooled ones. Pooling adds the counts
// (micro-average), so a set of 40 articles weighs more than a set of 5, as it should.
import { prf } from "./prf.ts";
import { summaryLine } from "./report.ts";
import type { EvalReport, Prf } from "./types.ts";

export interface SetReport {
  /** The set's name: its answer key's file name without `.json`. */
  name: string;
  /** Articles of the key that were found and built, of those the key lists. */
  found: number;
  listed: number;
  report: EvalReport;
}

export interface PooledFigures {
  entities: Prf;
  mentions: Prf;
  relations: Prf;
  furnitureHits: number;
}

const add = (parts: Prf[]): Prf => prf(
  parts.reduce((n, p) => n + p.tp, 0),
  parts.reduce((n, p) => n + p.fp, 0),
  parts.reduce((n, p) => n + p.fn, 0),
);

export function pool(sets: SetReport[]): PooledFigures {
  return {
    entities: add(sets.map((s) => s.report.entities)),
    mentions: add(sets.map((s) => s.report.mentions)),
    relations: add(sets.map((s) => s.report.relations)),
    furnitureHits: sets.reduce((n, s) => n + s.report.negativeHits.length, 0),
  };
}

/** One block per set (its summary lines), then the pooled lines. */
export function formatSets(sets: SetReport[]): string {
  const lines: string[] = [];
  for (const s of sets) {
    const r = s.report;
    lines.push(
      `== ${s.name}: ${s.found} of ${s.listed} articles found`,
      summaryLine("entities", r.entities),
      summaryLine("mentions", r.mentions),
      `officials  countries ${r.roles.countries}, titles ${r.roles.titles}; dates ${r.dates}; furniture hits ${r.negativeHits.length}`,
      summaryLine("relations", r.relations),
      "",
    );
  }
  const pooled = pool(sets);
  lines.push(
    `== pooled over ${sets.length} sets, ${sets.reduce((n, s) => n + s.found, 0)} articles`,
    summaryLine("entities", pooled.entities),
    summaryLine("mentions", pooled.mentions),
    `furniture hits ${pooled.furnitureHits}`,
    summaryLine("relations", pooled.relations),
  );
  return lines.join("\n") + "\n";
}
