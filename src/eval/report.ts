// The eval report as text: the lists of misses and false facts first, then the summary lines,
// laid out as the reference scorer prints them.
import type { EvalReport, Prf } from "./types.ts";

/** Lists longer than this are cut unless `verbose`; page-furniture hits are always shown in full. */
const LIST_LIMIT = 25;

const fixed = (x: number): string => x.toFixed(3);

export function summaryLine(name: string, m: Prf): string {
  return `${name.padEnd(10)} P=${fixed(m.precision)} R=${fixed(m.recall)} F1=${fixed(m.f1)}  (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
}

function listBlock(title: string, items: string[], showAll: boolean): string[] {
  if (items.length === 0) return [];
  const shown = showAll ? items : items.slice(0, LIST_LIMIT);
  const lines = ["", `${title} (${items.length})`, ...shown.map((x) => `  - ${x}`)];
  if (!showAll && items.length > LIST_LIMIT) lines.push(`  ... ${items.length - LIST_LIMIT} more (--verbose)`);
  return lines;
}

export function formatReport(r: EvalReport, options: { verbose?: boolean } = {}): string {
  const verbose = options.verbose ?? false;
  const lines = [
    ...listBlock("relations missed", r.missedRelations, verbose),
    ...listBlock("relations not in the answer key", r.wrongRelations, verbose),
    ...listBlock("entities missed", r.missedEntities, verbose),
    ...listBlock("entities not in the answer key", r.unmatched, verbose),
    ...listBlock("duplicate nodes for one entity", r.duplicates, verbose),
    ...listBlock("wrong kind", r.kindErrors, verbose),
    ...listBlock("page furniture taken for entities", r.negativeHits, true),
    ...listBlock("mentions in the wrong article", r.mentionErrors, verbose),
    ...listBlock("officials", r.roleErrors, verbose),
    ...listBlock("dates", r.dateErrors, verbose),
    "",
    summaryLine("entities", r.entities),
    summaryLine("mentions", r.mentions),
    `officials  countries ${r.roles.countries}, titles ${r.roles.titles}; dates ${r.dates}; ` +
      `furniture hits ${r.negativeHits.length}; relation evidence in the right article ${r.relations.evidence}`,
    summaryLine("relations", r.relations),
  ];
  return lines.join("\n") + "\n";
}
