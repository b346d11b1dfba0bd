// Stable node keys, derived from canonical names: same input, same keys, on every machine.
import { foldDiacritics, foldName } from "../text/fold.ts";
import type { EntityKind } from "../graph/types.ts";
import { memoized } from "../text/memo.ts";
import { meetingKeyName } from "./meeting-key.ts";

const PREFIX: Record<EntityKind, string> = {
  Country: "country",
  Organization: "organization",
  Official: "official",
  Meeting: "meeting",
  Document: "document",
  Article: "article",
};

/** "Hội nghị Cấp cao ASEAN lần thứ 37" → "hoi-nghi-cap-cao-asean-37". */
export function slug(text: string): string {
  return foldDiacritics(text).replace(/\+/g, " plus ").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "unnamed";
}

/** The matching form of a name for its kind: meetings and documents fold "lần thứ N" and "HNCC". */
export function canonicalName(kind: EntityKind, name: string): string {
  if (kind !== "Meeting" && kind !== "Document") return foldDiacritics(name);
  const folded = foldName(name.replace(/\s*\([^)]*\)/g, ""));
  // "Tầm nhìn Cộng đồng ASEAN đến năm 2045" is "Tầm nhìn Cộng đồng ASEAN 2045"
  return kind === "Document" ? folded.replace(/\b(?:den nam|den|nam) ((?:19|20)\d{2})\b/g, "$1") : meetingKeyName(folded);
}

/** Keys by kind and name: the same names recur through a corpus, each is folded once (text/memo.ts). */
const keysOf = Object.fromEntries(
  Object.entries(PREFIX).map(([kind, prefix]) => [kind, memoized((name) => `${prefix}:${slug(canonicalName(kind as EntityKind, name))}`)]),
) as Record<EntityKind, (name: string) => string>;

export function entityKey(kind: EntityKind, name: string): string {
  return keysOf[kind](name);
}

export const articleKey = (id: string) => `article:${id}`;
