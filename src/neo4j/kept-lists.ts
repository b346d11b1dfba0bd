// A changed node line read without parsing the mentions the database already holds. An entity
// named in many reports (ASEAN: 1.25 million mentions at 100,000 articles, an 80 MB line) changes
// at every rebuild, but only by new articles' mentions: at the end of the list when their ids sort
// last, between the old ones otherwise (lists are in article id order). Parsing the old mentions
// and serialising them again for the digests was most of an incremental load's reading. Here the
// line's bytes are walked; the old mentions' bytes are hashed and compared with the state's digest
// of the list (node-digests.ts), their articles counted, and only the new mentions parsed. The
// build writes graph.json compactly with JSON.stringify; a line in any other shape (spaces,
// another key order in a mention) is parsed whole by the caller.
import { createHash } from "node:crypto";
import type { Hash } from "node:crypto";
import type { Mention } from "../graph/types.ts";
import { MAX_INSERT_RUNS, shortDigest } from "./node-digests.ts";
import type { InsertRuns } from "./node-digests.ts";

/** The mentions that the last load wrote, found unchanged in the new list; how many name each article. */
interface KeptCounts {
  count: number;
  articles: Map<string, number>;
}

/** The old mentions at the head of the new list, the new ones after them. */
export interface KeptAtHead extends KeptCounts {
  /** Their JSON as a list without its closing `]` (`[{…},{…}`): with `]`, byte for byte what the last load digested. */
  open: Buffer;
  /** SHA-1 fed with `open`, not finished (node-digests.ts goes on with the new items). */
  hash: Hash;
}

/** The old mentions in order, with new articles' mentions between them where `runs` says. */
export interface KeptAmong extends KeptCounts {
  /** The whole new list's JSON, as the line holds it. */
  list: Buffer;
  runs: InsertRuns;
}

export type KeptItems = KeptAtHead | KeptAmong;

export const isKeptAmong = (kept: KeptItems): kept is KeptAmong => "runs" in kept;

/** A node parsed but for its kept mentions: `attributes.mentions` holds only the new ones. */
export interface SplitNode {
  key: string;
  attributes: Record<string, unknown>;
  kept: KeptItems;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const ARTICLE_FIELD = Buffer.from('{"article":"');
const KEY_FIELD = Buffer.from('{"key":"');
const ATTRIBUTES_FIELD = Buffer.from(',"attributes":');

/** Thrown when the line is not in the compact shape this reader walks; the caller parses it whole. */
class NotCompact extends Error {}

// The walk is a loop over bytes: a call per string (Buffer.indexOf) cost more than the bytes.

/** The index after the string that starts at `start` (a quote). */
function skipString(line: Buffer, start: number): number {
  for (let i = start + 1; i < line.length; i++) {
    const b = line[i];
    if (b === QUOTE) return i + 1;
    if (b === BACKSLASH) i++;
  }
  throw new NotCompact();
}

/** The index after the value that starts at `start`. */
function skipValue(line: Buffer, start: number): number {
  const first = line[start];
  if (first === QUOTE) return skipString(line, start);
  if (first === OPEN_OBJECT || first === OPEN_LIST) {
    let depth = 0;
    for (let i = start; i < line.length; i++) {
      const b = line[i];
      if (b === QUOTE) i = skipString(line, i) - 1;
      else if (b === OPEN_OBJECT || b === OPEN_LIST) depth++;
      else if ((b === CLOSE_OBJECT || b === CLOSE_LIST) && --depth === 0) return i + 1;
    }
    throw new NotCompact();
  }
  let i = start;
  while (i < line.length && line[i] !== COMMA && line[i] !== CLOSE_OBJECT && line[i] !== CLOSE_LIST) i++;
  if (i === start) throw new NotCompact();
  return i;
}

/** Whether `line` holds `bytes` at `at`. */
function holds(line: Buffer, at: number, bytes: Buffer): boolean {
  if (at + bytes.length > line.length) return false;
  for (let i = 0; i < bytes.length; i++) if (line[at + i] !== bytes[i]) return false;
  return true;
}

/** Whether the bytes [a, a + length) and [b, b + length) of `line` are equal. */
function same(line: Buffer, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (line[a + i] !== line[b + i]) return false;
  return true;
}

/** The index of the quote that closes the article id of the mention at `i` (written `{"article":"…",…}`). */
function articleIdEnd(line: Buffer, i: number): number {
  if (!holds(line, i, ARTICLE_FIELD)) throw new NotCompact();
  let idEnd = i + ARTICLE_FIELD.length;
  // an escaped character would need decoding: parse the line instead
  while (idEnd < line.length && line[idEnd] !== QUOTE) if (line[idEnd++] === BACKSLASH) throw new NotCompact();
  if (idEnd >= line.length) throw new NotCompact();
  return idEnd;
}

/**
 * The index after the mention whose article id closes at `idEnd`. A mention's other fields are
 * numbers: its object ends at the next `}` (anything else, and the next item does not begin as a
 * mention, or the digest of the whole differs).
 */
function mentionEnd(line: Buffer, idEnd: number): number {
  let end = idEnd + 1;
  while (end < line.length && line[end] !== CLOSE_OBJECT) end++;
  if (end >= line.length) throw new NotCompact();
  return end + 1;
}

/**
 * The first `limit` mentions of the list at `start` (each written `{"article":"…",…}`), with how
 * many name each article; `rest` is the index of what follows them (`,` or `]`).
 */
function walkMentions(line: Buffer, start: number, limit: number): { count: number; rest: number; articles: Map<string, number> } {
  // no closure over the loop's variables: V8 would keep them in a context object, not in registers
  const articles = new Map<string, number>();
  let runStart = 0;
  let runLength = 0;
  let run = 0;
  let count = 0;
  let rest = start + 1;
  if (line[rest] === CLOSE_LIST) return { count, rest, articles };
  let i = rest;
  while (count < limit) {
    const idStart = i + ARTICLE_FIELD.length;
    const idEnd = articleIdEnd(line, i);
    if (run > 0 && idEnd - idStart === runLength && same(line, runStart, idStart, runLength)) run++;
    else {
      if (run > 0) addRun(articles, line.toString("utf8", runStart, runStart + runLength), run);
      runStart = idStart;
      runLength = idEnd - idStart;
      run = 1;
    }
    const end = mentionEnd(line, idEnd);
    count++;
    rest = end;
    if (line[end] !== COMMA) {
      if (line[end] !== CLOSE_LIST) throw new NotCompact();
      break;
    }
    i = end + 1;
  }
  if (run > 0) addRun(articles, line.toString("utf8", runStart, runStart + runLength), run);
  return { count, rest, articles };
}

function addRun(articles: Map<string, number>, article: string, run: number): void {
  articles.set(article, (articles.get(article) ?? 0) + run);
}

/** What walkAmong found in a list of mentions. */
interface AmongWalk {
  /** The mentions of articles the last load had: how many, and per article. */
  count: number;
  articles: Map<string, number>;
  /** SHA-1 fed with their JSON as a list without its closing `]`, not finished. */
  hash: Hash;
  /** The index after the last of them. */
  keptEnd: number;
  runs: InsertRuns;
  /** The other mentions' JSON, as a list. */
  inserted: string;
  /** The index of the list's `]`. */
  close: number;
}

/**
 * Every mention of the list at `start`, sorted by `isNewArticle` (asked once per run of one
 * article's mentions): the old ones hashed as the list they make, the new ones copied out with
 * where they go. Undefined as soon as there are more runs than an insertion may have.
 */
function walkAmong(line: Buffer, start: number, isNewArticle: (id: string) => boolean): AmongWalk | undefined {
  const articles = new Map<string, number>();
  const hash = createHash("sha1");
  const runs: InsertRuns = { at: [], from: [] };
  const inserted: string[] = [];
  let separator = "[";
  // the old mentions since the last new one: one update of the hash for each such stretch
  let stretch = -1;
  let stretchEnd = -1;
  let keptEnd = start + 1;
  let [runStart, runLength, run, runIsNew] = [0, 0, 0, false];
  let count = 0;
  let inRun = false;
  let i = start + 1;
  let close = i;
  if (line[i] !== CLOSE_LIST) {
    for (;;) {
      const idStart = i + ARTICLE_FIELD.length;
      const idEnd = articleIdEnd(line, i);
      if (run > 0 && idEnd - idStart === runLength && same(line, runStart, idStart, runLength)) run++;
      else {
        if (run > 0 && !runIsNew) addRun(articles, line.toString("utf8", runStart, runStart + runLength), run);
        [runStart, runLength, run] = [idStart, idEnd - idStart, 1];
        runIsNew = isNewArticle(line.toString("utf8", idStart, idEnd));
      }
      const end = mentionEnd(line, idEnd);
      if (runIsNew) {
        if (stretch >= 0) {
          hash.update(separator).update(line.subarray(stretch, stretchEnd));
          separator = ",";
          stretch = -1;
        }
        if (!inRun) {
          if (runs.at.length === MAX_INSERT_RUNS) return undefined;
          runs.at.push(count);
          runs.from.push(inserted.length);
          inRun = true;
        }
        inserted.push(line.toString("utf8", i, end));
      } else {
        if (stretch < 0) stretch = i;
        stretchEnd = keptEnd = end;
        count++;
        inRun = false;
      }
      if (line[end] === CLOSE_LIST) {
        close = end;
        break;
      }
      if (line[end] !== COMMA) throw new NotCompact();
      i = end + 1;
    }
  }
  if (run > 0 && !runIsNew) addRun(articles, line.toString("utf8", runStart, runStart + runLength), run);
  if (stretch >= 0) hash.update(separator).update(line.subarray(stretch, stretchEnd));
  else if (count === 0) hash.update("[");
  return { count, articles, hash, keptEnd, runs, inserted: `[${inserted.join(",")}]`, close };
}

/**
 * The `length` mentions whose JSON as a list has digest `digest`, found in the list at `start`:
 * among new articles' mentions, or (the new mentions then naming old articles too) at its head.
 * Undefined when they are not there.
 */
function keptMentions(line: Buffer, start: number, length: number, digest: string, isNewArticle?: (id: string) => boolean): { kept: KeptItems; mentions: unknown[]; end: number } | undefined {
  const among = isNewArticle ? walkAmong(line, start, isNewArticle) : undefined;
  if (among && among.count === length && shortDigest(among.hash.copy().update("]")) === digest) {
    const { runs, articles } = among;
    const [end, mentions] = [among.close + 1, JSON.parse(among.inserted) as unknown[]];
    // nothing new, or new only after the old: appended, the cheaper write
    if (runs.at.length === 0 || (runs.at.length === 1 && runs.at[0] === length)) return { kept: { count: length, open: line.subarray(start, among.keptEnd), hash: among.hash, articles }, mentions, end };
    return { kept: { count: length, list: line.subarray(start, end), runs, articles }, mentions, end };
  }
  const walked = walkMentions(line, start, length);
  const open = line.subarray(start, walked.rest);
  const hash = createHash("sha1").update(open);
  if (walked.count !== length || shortDigest(hash.copy().update("]")) !== digest) return undefined;
  const end = skipRest(line, walked.rest);
  const mentions = line[walked.rest] === CLOSE_LIST ? [] : (JSON.parse(`[${line.toString("utf8", walked.rest + 1, end)}`) as unknown[]);
  return { kept: { count: length, open, hash, articles: walked.articles }, mentions, end };
}

/** The index after the list whose items continue at `rest` (the `,` before the next item, or its `]`). */
function skipRest(line: Buffer, rest: number): number {
  let i = rest;
  while (line[i] === COMMA) i = skipValue(line, i + 1);
  if (line[i] !== CLOSE_LIST) throw new NotCompact();
  return i + 1;
}

/**
 * The node of `line` with the mentions that `oldLists` (the state's `lists`, node-digests.ts)
 * describes left unparsed, when the line's mentions begin with exactly those, or (given
 * `isNewArticle`) hold exactly those once new articles' mentions are set aside; undefined when
 * they do not, or the line is not compact JSON (parse it whole then).
 */
export function splitNodeLine(line: Buffer, oldLists: string, isNewArticle?: (id: string) => boolean): SplitNode | undefined {
  const was = oldLists.split("|").find((part) => part.startsWith("mentions="))?.split("=");
  const length = Number(was?.[1]);
  if (!was || !Number.isInteger(length) || length < 1) return undefined;
  try {
    return split(line, length, was[2]!, isNewArticle);
  } catch (error) {
    if (error instanceof NotCompact || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function split(line: Buffer, length: number, digest: string, isNewArticle?: (id: string) => boolean): SplitNode | undefined {
  // `{"key":"…","attributes":{…}}`, as the build writes a node
  const key = lineKey(line);
  if (key === undefined) return undefined;
  let i = skipString(line, KEY_FIELD.length - 1);
  if (!holds(line, i, ATTRIBUTES_FIELD) || line[i + ATTRIBUTES_FIELD.length] !== OPEN_OBJECT) return undefined;
  i += ATTRIBUTES_FIELD.length + 1;
  const attributes: Record<string, unknown> = {};
  let kept: KeptItems | undefined;
  while (line[i] !== CLOSE_OBJECT) {
    if (line[i] !== QUOTE) throw new NotCompact();
    const nameEnd = skipString(line, i);
    const name = JSON.parse(line.toString("utf8", i, nameEnd)) as string;
    // a name given twice, or one an object literal treats apart: JSON.parse decides
    if (line[nameEnd] !== COLON || Object.hasOwn(attributes, name) || name === "__proto__") throw new NotCompact();
    const start = nameEnd + 1;
    let end: number;
    if (name === "mentions" && line[start] === OPEN_LIST) {
      const found = keptMentions(line, start, length, digest, isNewArticle);
      if (!found) return undefined;
      [kept, attributes[name], end] = [found.kept, found.mentions, found.end];
    } else {
      end = skipValue(line, start);
      attributes[name] = JSON.parse(line.toString("utf8", start, end));
    }
    if (line[end] === COMMA) i = end + 1;
    else if (line[end] === CLOSE_OBJECT) i = end;
    else throw new NotCompact();
  }
  // the attributes close the node, which closes the line
  if (i + 2 !== line.length || line[i + 1] !== CLOSE_OBJECT || !kept) return undefined;
  return { key, attributes, kept };
}

/** The key of a node line (`{"key":"…",…}`), or undefined when it does not begin so. */
export function lineKey(line: Buffer): string | undefined {
  if (line.compare(KEY_FIELD, 0, KEY_FIELD.length, 0, KEY_FIELD.length) !== 0) return undefined;
  try {
    return JSON.parse(line.toString("utf8", KEY_FIELD.length - 1, skipString(line, KEY_FIELD.length - 1))) as string;
  } catch {
    return undefined;
  }
}

/** Mentions per article of a node's mentions: of the kept items (counted in the line) and of `mentions`, the new ones. */
export function mentionCounts(mentions: readonly Mention[], kept?: KeptItems): Map<string, number> {
  const counts = new Map(kept?.articles ?? []);
  let [article, run] = ["", 0];
  for (const m of mentions) {
    if (run > 0 && m.article === article) {
      run += 1;
      continue;
    }
    if (run > 0) counts.set(article, (counts.get(article) ?? 0) + run);
    [article, run] = [m.article, 1];
  }
  if (run > 0) counts.set(article, (counts.get(article) ?? 0) + run);
  return counts;
}
