// One warning line per file, however many things went wrong in it: a 19 MB page of 2,000 copies
// of one article once printed 2,002 lines. The first reason is given, the rest counted.
import { escapeControls } from "./file-name.ts";
import type { FileWarning } from "./types.ts";

/** The reasons found in one file as one warning: the first, and how many more (by reason, most frequent first). */
export function combineWarnings(file: string, reasons: string[]): FileWarning | undefined {
  if (reasons.length === 0) return undefined;
  if (reasons.length === 1) return { file, reason: reasons[0]! };
  const counts = new Map<string, number>();
  for (const r of reasons.slice(1)) counts.set(r, (counts.get(r) ?? 0) + 1);
  const more = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([r, n]) => `${n.toLocaleString("en-US")} × ${r.length > 80 ? `${r.slice(0, 80)}…` : r}`)
    .join("; ");
  const others = counts.size > 3 ? "; …" : "";
  return { file, reason: `${reasons[0]!} (and ${(reasons.length - 1).toLocaleString("en-US")} more in this file: ${more}${others})` };
}

/** Names longer than this are shown by their two ends: a path 4,000 characters deep is no help on a terminal. */
const NAME_SHOWN = 240;

/** `warning: FILE: reason` as one line: control characters in either escaped, an over-long name shortened. */
export function formatWarning(w: FileWarning): string {
  let file = escapeControls(w.file);
  if (file.length > NAME_SHOWN) file = `${file.slice(0, NAME_SHOWN / 2)}…${file.slice(-NAME_SHOWN / 2)}`;
  return `warning: ${file}: ${escapeControls(w.reason)}`;
}
