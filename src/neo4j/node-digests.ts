// The digests a load keeps of a node (catalog.ts, the state file's columns): of its attributes but
// the layout, of its layout, and of its long appendable lists, with whether those lists only grew
// since the last load. Every digest is that of the attributes' JSON, as JSON.stringify writes it;
// each value is serialised once and fed to the digests that cover it. A node named in every report
// (ASEAN: 128,000 mentions, an 8 MB line) changes at every rebuild, and serialising its lists three
// times (attributes, list, the list's old part) was a third of an incremental load's reading.
import crypto from "node:crypto";
import type { Hash } from "node:crypto";
import { isKeptAmong } from "./kept-lists.ts";
import type { KeptItems } from "./kept-lists.ts";

/**
 * The display attributes the build recomputes on every run (ForceAtlas2 positions, sizes from
 * degree, colours by kind): a graph with 100 more articles moves every node. They are compared
 * apart from the rest so that a moved node costs a four-property update, not a rewrite.
 */
export const LAYOUT_KEYS = ["x", "y", "size", "color"] as const;
export type LayoutKey = (typeof LAYOUT_KEYS)[number];

/**
 * The lists that grow as articles are added: an entity named in every report (ASEAN: 128,000
 * mentions in the 10,000-article graph, an 8 MB line) gains items at the end. Rewriting such a node
 * sent every item through the driver again (5.5 s of a 16 s incremental load for 69 organisations);
 * when the old list is a prefix of the new one, only the new items are sent.
 */
export const APPENDABLE_KEYS = ["articles", "mentions"] as const;
export type AppendableKey = (typeof APPENDABLE_KEYS)[number];
/**
 * Lists shorter than this are rewritten whole: their digests would cost more state than they save.
 * At 256, the entities of 16 to 255 mentions that 100 new articles touch (250 of 1,044 changed
 * nodes at 10,000) sent their 25,000 old mentions again; at 16 the state keeps 1,300 list digests
 * instead of 240.
 */
export const APPEND_MIN_ITEMS = 16;

/** One-shot hashing (Node ≥ 20.12) skips a Hash object per line: 150,000 lines a load. */
const sha1Base64: (data: string | Uint8Array) => string =
  typeof crypto.hash === "function" ? (data) => crypto.hash("sha1", data, "base64") : (data) => crypto.createHash("sha1").update(data).digest("base64");

/** 96 bits of SHA-1: a collision among a million rows has a chance of about 10^-17. */
export function digestOf(data: string | Uint8Array): string {
  return sha1Base64(data).slice(0, 16);
}

/** digestOf of what `hash` was fed. */
export const shortDigest = (hash: Hash) => hash.digest("base64").slice(0, 16);

export interface NodeDigests {
  /** Of the attributes but the layout: digestOf(JSON.stringify(those attributes)). */
  digest: string;
  /** Of the layout attributes alone. */
  layoutDigest: string;
  /** `name=length=digest` of each appendable list of at least APPEND_MIN_ITEMS items, in APPENDABLE_KEYS order, joined by `|`; "" when none. */
  lists: string;
  /**
   * The lists that hold the items `oldLists` (the last load's `lists`) describes, by name → how
   * many: at their start, or (for the names in `inserts`) with new articles' items between them.
   */
  appendFrom?: Partial<Record<AppendableKey, number>>;
  /** Lists whose new items (those of new articles) go between old ones: where (InsertRuns). */
  inserts?: Partial<Record<AppendableKey, InsertRuns>>;
  /** The layout attributes. */
  layout: Record<string, unknown>;
}

/**
 * Where the new items of a list go among the old ones, as runs: run i's items are the new items
 * from index `from[i]` (to `from[i + 1]`), placed before the old item at index `at[i]` (after the
 * last one when `at[i]` is the old length). Articles are ids (file names) and lists are in id
 * order, so 100 new articles named other than by date land in the middle of ASEAN's 1.25 million
 * mentions, not at their end: sending only them and where they go spared rewriting the lists
 * through the driver (30 s of a 50–60 s load at 100,000 articles).
 */
export interface InsertRuns {
  at: number[];
  from: number[];
}

/**
 * More runs than this and the list is written whole: each run is a slice and a concatenation in
 * the server's statement (100 runs in 1.25 million items took 0.8–1.2 s there).
 */
export const MAX_INSERT_RUNS = 256;

/** The article an item of appendable list `name` belongs to. */
const articleOf = (name: AppendableKey, item: unknown): unknown => (name === "articles" ? item : (item as { article?: unknown } | null)?.article);

/**
 * `isNewArticle` asked once per run of items of one article: a list is in article order, and
 * asking for each of ASEAN's 1.25 million mentions was 4 s of a 14 s incremental load's reading.
 */
function byArticle(name: AppendableKey, isNewArticle: (id: string) => boolean): (item: unknown) => boolean {
  let last: unknown;
  let answer = false;
  return (item) => {
    const article = articleOf(name, item);
    if (article !== last) [last, answer] = [article, typeof article === "string" && isNewArticle(article)];
    return answer;
  };
}

/**
 * The runs of new articles' items in `list`, when its other items are, in order, the old list
 * (`oldLength` items whose JSON has digest `oldDigest`); else undefined.
 */
function insertedRuns(name: AppendableKey, list: readonly unknown[], oldLength: number, oldDigest: string, isNewArticle: (id: string) => boolean): InsertRuns | undefined {
  const kept: unknown[] = [];
  const runs: InsertRuns = { at: [], from: [] };
  let inserted = 0;
  let inRun = false;
  const isNew = byArticle(name, isNewArticle);
  for (const item of list) {
    if (isNew(item)) {
      if (!inRun) {
        runs.at.push(kept.length);
        runs.from.push(inserted);
        inRun = true;
      }
      inserted += 1;
    } else {
      kept.push(item);
      inRun = false;
    }
  }
  if (inserted === 0 || kept.length !== oldLength || runs.at.length > MAX_INSERT_RUNS) return undefined;
  return digestOf(JSON.stringify(kept)) === oldDigest ? runs : undefined;
}

/**
 * The new items of a list of which `oldLength` are old and `runs` (insertedRuns) says where the
 * others are: run r spans indices `at[r] + from[r]` to `at[r] + from[r + 1]` of the new list.
 */
export function insertedItems(list: readonly unknown[], oldLength: number, runs: InsertRuns): unknown[] {
  const { at, from } = runs;
  const inserted = list.length - oldLength;
  return at.flatMap((position, r) => list.slice(position + from[r]!, position + (from[r + 1] ?? inserted)));
}

const isLayoutKey = (name: string) => (LAYOUT_KEYS as readonly string[]).includes(name);
const isAppendableKey = (name: string): name is AppendableKey => (APPENDABLE_KEYS as readonly string[]).includes(name);

/** `name` → [length, digest] of a `lists` string. */
function parseLists(lists: string): Map<string, [number, string]> {
  const parts = new Map<string, [number, string]>();
  for (const part of lists === "" ? [] : lists.split("|")) {
    const [name, length, digest] = part.split("=") as [string, string, string];
    parts.set(name, [Number(length), digest]);
  }
  return parts;
}

/**
 * A node's digests; `oldLists` is the `lists` of the last load of the same node ("" when none).
 * With `kept` (kept-lists.ts), `attributes.mentions` holds only the mentions that are not those:
 * after them, or between them where `kept.runs` says. With
 * `isNewArticle` (not in the last load), a list that does not begin with the old one is checked
 * for the old one with new articles' items between its items (`inserts`).
 */
export function nodeDigests(attributes: Record<string, unknown>, oldLists = "", kept?: KeptItems, isNewArticle?: (id: string) => boolean): NodeDigests {
  const old = parseLists(oldLists);
  const content = crypto.createHash("sha1");
  const layout: Record<string, unknown> = {};
  const lists: Partial<Record<AppendableKey, string>> = {};
  let appendFrom: NodeDigests["appendFrom"];
  let inserts: NodeDigests["inserts"];
  let separator = "{";
  for (const name in attributes) {
    const value = attributes[name];
    if (isLayoutKey(name)) {
      layout[name] = value;
      continue;
    }
    const keptHere = name === "mentions" ? kept : undefined;
    if (isAppendableKey(name) && Array.isArray(value) && (keptHere !== undefined || value.length >= APPEND_MIN_ITEMS)) {
      content.update(`${separator}${JSON.stringify(name)}:`);
      separator = ",";
      if (keptHere && isKeptAmong(keptHere)) {
        // kept-lists.ts found the old items, in order, between new articles' items (`value`)
        content.update(keptHere.list);
        (appendFrom ??= {})[name] = keptHere.count;
        (inserts ??= {})[name] = keptHere.runs;
        const length = keptHere.count + value.length;
        if (length >= APPEND_MIN_ITEMS) lists[name] = `${name}=${length}=${digestOf(keptHere.list)}`;
        continue;
      }
      // the list's JSON in two parts, at the length the last load wrote: its digest then is the
      // digest of the first part closed, and the whole list's that of both
      const [oldLength, oldDigest] = old.get(name) ?? [value.length, ""];
      const cut = keptHere ? keptHere.count : oldLength >= 1 && oldLength <= value.length ? oldLength : value.length;
      // the first `cut` items without the closing bracket
      const open = keptHere ? keptHere.open : JSON.stringify(cut === value.length ? value : value.slice(0, cut)).slice(0, -1);
      const tail = keptHere ? value : value.slice(cut);
      const rest = tail.length === 0 ? "]" : `${cut === 0 ? "" : ","}${JSON.stringify(tail).slice(1)}`;
      const list = keptHere ? keptHere.hash.copy() : crypto.createHash("sha1").update(open);
      const before = shortDigest(list.copy().update("]"));
      list.update(rest);
      content.update(open).update(rest);
      if (keptHere || (oldLength === cut && before === oldDigest)) (appendFrom ??= {})[name] = cut;
      else if (isNewArticle && oldDigest !== "") {
        const runs = insertedRuns(name, value, oldLength, oldDigest, isNewArticle);
        if (runs) {
          (appendFrom ??= {})[name] = oldLength;
          (inserts ??= {})[name] = runs;
        }
      }
      if (cut + tail.length >= APPEND_MIN_ITEMS) lists[name] = `${name}=${cut + tail.length}=${shortDigest(list)}`;
      continue;
    }
    // as JSON.stringify does: a property whose value has no JSON (undefined, a function) is left out
    const json = JSON.stringify(value);
    if (json === undefined) continue;
    content.update(`${separator}${JSON.stringify(name)}:${json}`);
    separator = ",";
  }
  content.update(separator === "{" ? "{}" : "}");
  return {
    digest: shortDigest(content),
    layoutDigest: digestOf(JSON.stringify(layout)),
    lists: APPENDABLE_KEYS.flatMap((name) => (lists[name] !== undefined ? [lists[name]] : [])).join("|"),
    ...(appendFrom ? { appendFrom } : {}),
    ...(inserts ? { inserts } : {}),
    layout,
  };
}
