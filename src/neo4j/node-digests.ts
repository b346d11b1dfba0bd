// The digests a load keeps of a node (catalog.ts, the state file's columns): of its attributes but
// the layout, of its layout, and of its long appendable lists, with whether those lists only grew
// since the last load. Every digest is that of the attributes' JSON, as JSON.stringify writes it;
// each value is serialised once and fed to the digests that cover it. A node named in every report
// (ASEAN: 128,000 mentions, an 8 MB line) changes at every rebuild, and serialising its lists three
// times (attributes, list, the list's old part) was a third of an incremental load's reading.
import crypto from "node:crypto";
import type { Hash } from "node:crypto";
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
  /** The lists that begin with the items `oldLists` (the last load's `lists`) describes, by name → how many. */
  appendFrom?: Partial<Record<AppendableKey, number>>;
  /** The layout attributes. */
  layout: Record<string, unknown>;
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
 * With `kept` (kept-lists.ts), `attributes.mentions` holds only the mentions after those.
 */
export function nodeDigests(attributes: Record<string, unknown>, oldLists = "", kept?: KeptItems): NodeDigests {
  const old = parseLists(oldLists);
  const content = crypto.createHash("sha1");
  const layout: Record<string, unknown> = {};
  const lists: Partial<Record<AppendableKey, string>> = {};
  let appendFrom: NodeDigests["appendFrom"];
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
    layout,
  };
}
