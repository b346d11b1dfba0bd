// Finding nodes by name as people type them: case, diacritics and "HNCC"-style abbreviations
// ignored, over labels and aliases. Shared by `export --around` and the viewer's search box.
// Browser-safe: no Node imports.
import { distance } from "fastest-levenshtein";
import { foldName } from "../text/fold.ts";
import { holdersOf, holdersOfPrefix, nameWordsOf, wordIndexOf } from "./word-index.ts";
import type { NameWords, WordIndex } from "./word-index.ts";

/** How a name matched, best first. */
export const MATCH_TIERS = ["exact", "prefix", "tokens", "fuzzy"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

export interface SearchHit {
  key: string;
  label: string;
  kind: string;
  /** The label or alias that matched best (as written, not folded). */
  matched: string;
  tier: MatchTier;
  /** 0..1 within the tier: how much of the matched name the query covers. */
  score: number;
}

/** What search reads of a node's attributes. */
export interface NodeNames {
  label?: unknown;
  aliases?: unknown;
  kind?: unknown;
}

/** What search needs of a graph: graphology's node iteration, with `label`, `aliases` and `kind` attributes. */
export interface SearchableGraph {
  forEachNode(callback: (key: string, attributes: NodeNames) => void): void;
}

interface IndexedName {
  key: string;
  label: string;
  kind: string;
  name: string;
  folded: string;
  tokens: string[];
}

/** Below this similarity a fuzzy match is noise (0.75 ≈ one typo in four letters). */
const FUZZY_THRESHOLD = 0.75;

const tokensOf = (folded: string): string[] => folded.split(" ").filter(Boolean);

/** A name is unknown: `closest` lists the nearest names, for the message and for callers. */
export class UnknownNameError extends Error {
  override name = "UnknownNameError";
  constructor(
    readonly query: string,
    readonly closest: SearchHit[],
  ) {
    super(`search: no node is named "${query}"${describeHits(closest, "; closest names: ")}`);
  }
}

/** A name fits several nodes equally well: `candidates` lists them. */
export class AmbiguousNameError extends Error {
  override name = "AmbiguousNameError";
  constructor(
    readonly query: string,
    readonly candidates: SearchHit[],
  ) {
    super(`search: "${query}" names ${candidates.length} nodes${describeHits(candidates, ": ")}; give more of the name or the node key`);
  }
}

function describeHits(hits: SearchHit[], prefix: string): string {
  if (hits.length === 0) return "";
  return prefix + hits.map((hit) => `${hit.label} [${hit.kind}, ${hit.key}]`).join("; ");
}

/**
 * The index as the server sends it to the viewer's worker (`pack`, `NameIndex.unpack`): the
 * names already folded and the word index already made, which is most of the cost of making
 * the index (folding 30,000 names takes a few tenths of a second), by column.
 */
export const PACKED_NAME_INDEX_FORMAT = "diplograph-name-index/1";

export interface PackedNameIndex {
  format: typeof PACKED_NAME_INDEX_FORMAT;
  /** Every node: its key, its label (the key when it has none), its kind as an index into `kindNames`. */
  keys: string[];
  labels: string[];
  kinds: number[];
  kindNames: string[];
  /** Every searchable name: its node (an index into `keys`), as written (null: the node's label), folded. */
  nameNodes: number[];
  names: Array<string | null>;
  folded: string[];
  /**
   * Every word of every name, sorted; the words of name i as numbers into it at
   * nameWords[nameWordOffsets[i]..nameWordOffsets[i+1]) (splitting 30,000 folded names again
   * would cost a browser's cold worker tens of milliseconds); and the word index, the names
   * holding word w at wordHolders[wordOffsets[w]..wordOffsets[w+1]) (word-index.ts): numbers
   * that JSON.parse reads faster than a cold worker could work them out.
   */
  words: string[];
  nameWordOffsets: number[];
  nameWords: number[];
  wordOffsets: number[];
  wordHolders: number[];
}

/** A packed index that is not one (another format, or arrays that do not fit together). */
export class NameIndexFormatError extends Error {
  override name = "NameIndexFormatError";
}

function indexedName(key: string, label: string, kind: string, name: string, folded: string, tokens = tokensOf(folded)): IndexedName {
  return { key, label, kind, name, folded, tokens };
}

/** Folded names of every node, built once per graph; search and resolve run on it. */
export class NameIndex {
  private readonly names: IndexedName[] = [];
  private readonly keys = new Map<string, { label: string; kind: string }>();
  /** Which names hold each word, for the word tiers (made on the first search). */
  private words: WordIndex | null = null;

  constructor(graph: SearchableGraph) {
    graph.forEachNode((key, attributes) => this.add(key, attributes));
  }

  /**
   * The same index, made a slice of nodes at a time with `pause()` between slices: a server
   * folding 30,000 names (a few tenths of a second) still answers other requests meanwhile.
   */
  static async inSlices(nodes: Iterable<[key: string, attributes: NodeNames]>, pause: () => Promise<void>, slice = 500): Promise<NameIndex> {
    const index = new NameIndex({ forEachNode: () => {} });
    let count = 0;
    for (const [key, attributes] of nodes) {
      index.add(key, attributes);
      if (++count % slice === 0) await pause();
    }
    return index;
  }

  private add(key: string, attributes: NodeNames): void {
    const label = typeof attributes.label === "string" ? attributes.label : key;
    const kind = typeof attributes.kind === "string" ? attributes.kind : "";
    this.keys.set(key, { label, kind });
    const aliases = Array.isArray(attributes.aliases) ? attributes.aliases.filter((a): a is string => typeof a === "string") : [];
    const seen = new Set<string>();
    for (const name of [label, ...aliases]) {
      const folded = foldName(name);
      if (!folded || seen.has(folded)) continue;
      seen.add(folded);
      this.names.push(indexedName(key, label, kind, name, folded));
    }
  }

  /** The index with its word index, by column: what `unpack` reads back as the same index. */
  pack(): PackedNameIndex {
    const nameWords = nameWordsOf(this.names.map((entry) => entry.tokens));
    const { words, offsets, holders } = (this.words ??= wordIndexOf(nameWords));
    const nodeOf = new Map<string, number>();
    const kindNames: string[] = [];
    const packed: PackedNameIndex = {
      format: PACKED_NAME_INDEX_FORMAT,
      keys: [],
      labels: [],
      kinds: [],
      kindNames,
      nameNodes: [],
      names: [],
      folded: [],
      words: [...words],
      nameWordOffsets: [...nameWords.offsets],
      nameWords: [...nameWords.ids],
      wordOffsets: [...offsets],
      wordHolders: [...holders],
    };
    for (const [key, { label, kind }] of this.keys) {
      nodeOf.set(key, packed.keys.length);
      packed.keys.push(key);
      packed.labels.push(label);
      if (!kindNames.includes(kind)) kindNames.push(kind);
      packed.kinds.push(kindNames.indexOf(kind));
    }
    for (const entry of this.names) {
      packed.nameNodes.push(nodeOf.get(entry.key) ?? -1);
      packed.names.push(entry.name === entry.label ? null : entry.name);
      packed.folded.push(entry.folded);
    }
    return packed;
  }

  /**
   * The index `pack` gave, without folding a name or making the word index again (what the
   * viewer's worker does with the server's). It comes from the server that served the page's
   * code, so it is checked for its format and the lengths of its arrays (NameIndexFormatError),
   * not number by number: a number out of range reads as no name or word.
   */
  static unpack(packed: PackedNameIndex): NameIndex {
    const fail = (reason: string) => new NameIndexFormatError(`name index: ${reason}`);
    if (packed?.format !== PACKED_NAME_INDEX_FORMAT) throw fail(`expected format ${PACKED_NAME_INDEX_FORMAT}, got ${String(packed?.format)}`);
    const { keys, labels, kinds, kindNames, nameNodes, names, folded, words } = packed;
    const arrays = (length: number, ...values: unknown[]) => values.every((value) => Array.isArray(value) && value.length === length);
    if (!Array.isArray(keys) || !arrays(keys.length, labels, kinds) || !Array.isArray(kindNames)) throw fail("its keys, labels and kinds are not arrays of one length");
    if (!Array.isArray(folded) || !arrays(folded.length, nameNodes, names) || !arrays(folded.length + 1, packed.nameWordOffsets)) throw fail("its names are not arrays of one length");
    if (!Array.isArray(words) || !arrays(words.length + 1, packed.wordOffsets) || !Array.isArray(packed.nameWords) || !Array.isArray(packed.wordHolders)) {
      throw fail("its words are not arrays of the lengths of its names and words");
    }
    const nameWords: NameWords = { words, offsets: Int32Array.from(packed.nameWordOffsets), ids: Int32Array.from(packed.nameWords) };
    const index = new NameIndex({ forEachNode: () => {} });
    const nodes = keys.map((key, i) => ({ label: String(labels[i] ?? key), kind: String(kindNames[kinds[i] ?? -1] ?? "") }));
    keys.forEach((key, i) => index.keys.set(key, nodes[i] as { label: string; kind: string }));
    for (let i = 0; i < folded.length; i += 1) {
      const node = nameNodes[i] ?? -1;
      const { label, kind } = nodes[node] ?? { label: "", kind: "" };
      index.names.push(indexedName(keys[node] ?? "", label, kind, names[i] ?? label, String(folded[i]), wordsOfName(nameWords, i)));
    }
    index.words = { words, offsets: Int32Array.from(packed.wordOffsets), holders: Int32Array.from(packed.wordHolders) };
    return index;
  }

  /**
   * Ranked suggestions: exact > prefix > every query word in the name > fuzzy; one hit per node.
   * Edit distances (the costly part) are computed only when fewer than `limit` nodes matched
   * otherwise — a fuzzy hit ranks below every other, so it could not enter the list — and only
   * for names whose length allows a similarity over the threshold.
   */
  search(query: string, limit = 10): SearchHit[] {
    return this.ranked(query, limit, true);
  }

  /**
   * Makes the word index now instead of on the first search (a one-off command needs it only
   * if it searches; the viewer's worker makes it before the reader types, so that the first
   * query does not wait for it).
   */
  prepareWords(): this {
    this.wordIndex();
    return this;
  }

  private wordIndex(): WordIndex {
    return (this.words ??= wordIndexOf(nameWordsOf(this.names.map((entry) => entry.tokens))));
  }

  /**
   * The word tiers alone (exact, prefix, every query word): the head of `search`'s answer,
   * since a fuzzy hit ranks below all of them, without the edit distances that make up most
   * of a query's cost. The viewer shows it while the fuzzy tail is still being computed.
   */
  searchWords(query: string, limit = 10): SearchHit[] {
    return this.ranked(query, limit, false);
  }

  private ranked(query: string, limit: number, fuzzy: boolean): SearchHit[] {
    const folded = foldName(query);
    if (!folded) return [];
    const queryTokens = tokensOf(folded);
    const best = new Map<string, SearchHit>();
    const keep = (hit: SearchHit | undefined) => {
      if (!hit) return;
      const previous = best.get(hit.key);
      if (!previous || compareHits(hit, previous) < 0) best.set(hit.key, hit);
    };
    for (const entry of this.wordCandidates(queryTokens)) keep(matchWords(entry, folded, queryTokens));
    if (fuzzy && best.size < limit) for (const entry of this.names) keep(matchFuzzy(entry, folded, queryTokens));
    return [...best.values()].sort(compareHits).slice(0, limit);
  }

  /**
   * The names that can match in a word tier, in index order: they hold every query word but
   * the last, and a word that starts with the last. An exact or prefix match holds them too
   * (the query's words are the name's first words), so no other name needs looking at.
   */
  private wordCandidates(queryTokens: string[]): IndexedName[] {
    const words = this.wordIndex();
    let candidates = holdersOfPrefix(words, queryTokens.at(-1) ?? "");
    for (const token of queryTokens.slice(0, -1)) {
      const holding = new Set(holdersOf(words, token));
      candidates = new Set([...candidates].filter((name) => holding.has(name)));
    }
    const entries: IndexedName[] = [];
    for (const name of [...candidates].sort((a, b) => a - b)) {
      const entry = this.names[name];
      if (entry) entries.push(entry);
    }
    return entries;
  }

  /**
   * The one node a name means. A key (`official:pham-binh-minh`) is taken as is. Otherwise
   * the best hit wins when it is alone in the best tier, or clearly covers more of its
   * name than the runner-up; else AmbiguousNameError, and UnknownNameError for no hit.
   */
  resolve(name: string): SearchHit {
    const byKey = this.keys.get(name);
    if (byKey) return { key: name, label: byKey.label, kind: byKey.kind, matched: name, tier: "exact", score: 1 };
    const hits = this.search(name, 50);
    const [first, second] = hits;
    if (!first) throw new UnknownNameError(name, this.closest(name, 5));
    if (!second || second.tier !== first.tier) return first;
    // Same tier: an exact or prefix tie is a true ambiguity; among word matches the name
    // the query covers far better wins ("hncc 37" → the summit, not its press briefing).
    if (first.tier === "tokens" && first.score - second.score >= 0.2) return first;
    const tied = hits.filter((hit) => hit.tier === first.tier && first.score - hit.score < 0.2);
    throw new AmbiguousNameError(name, tied.slice(0, 10));
  }

  /** The nearest names by edit similarity, whatever the tier (for "did you mean"). */
  closest(query: string, limit: number): SearchHit[] {
    const folded = foldName(query);
    const best = new Map<string, SearchHit>();
    for (const entry of this.names) {
      const score = similarity(folded, entry.folded);
      const previous = best.get(entry.key);
      if (!previous || score > previous.score) {
        best.set(entry.key, { key: entry.key, label: entry.label, kind: entry.kind, matched: entry.name, tier: "fuzzy", score });
      }
    }
    return [...best.values()].sort(compareHits).slice(0, limit);
  }
}

function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** Every query word is a word of the name; the last may be the start of one (typing). */
function containsTokens(nameTokens: string[], queryTokens: string[]): boolean {
  return queryTokens.every((token, i) =>
    i === queryTokens.length - 1 ? nameTokens.some((t) => t.startsWith(token)) : nameTokens.includes(token),
  );
}

function hitOf(entry: IndexedName, tier: MatchTier, score: number): SearchHit {
  return { key: entry.key, label: entry.label, kind: entry.kind, matched: entry.name, tier, score: Math.round(score * 1000) / 1000 };
}

/** The exact, prefix and word tiers: string comparisons only. */
function matchWords(entry: IndexedName, folded: string, queryTokens: string[]): SearchHit | undefined {
  if (entry.folded === folded) return hitOf(entry, "exact", 1);
  if (entry.folded.startsWith(folded)) return hitOf(entry, "prefix", folded.length / entry.folded.length);
  if (containsTokens(entry.tokens, queryTokens)) return hitOf(entry, "tokens", queryTokens.length / entry.tokens.length);
  return undefined;
}

/**
 * An edit distance is at least the difference of the lengths, so a name whose length differs
 * from the query's by more than (1 − threshold) of the longer cannot reach the threshold.
 */
const mayReach = (a: number, b: number): boolean => Math.abs(a - b) <= (1 - FUZZY_THRESHOLD) * Math.max(a, b);

/** The length of a name's first `count` words (all, if it has fewer) joined by spaces. */
function windowLength(tokens: readonly string[], count: number): number {
  const words = Math.min(count, tokens.length);
  let length = Math.max(0, words - 1);
  for (let i = 0; i < words; i += 1) length += tokens[i]?.length ?? 0;
  return length;
}

/** The words of name `i` as strings. */
function wordsOfName({ words, offsets, ids }: NameWords, i: number): string[] {
  const [from, to] = [offsets[i] ?? 0, offsets[i + 1] ?? 0];
  const tokens = new Array<string>(to - from);
  for (let at = from; at < to; at += 1) tokens[at - from] = words[ids[at] ?? 0] ?? "";
  return tokens;
}

/** The fuzzy tier, for a name that matched no other (matchWords gave nothing). */
function matchFuzzy(entry: IndexedName, folded: string, queryTokens: string[]): SearchHit | undefined {
  if (matchWords(entry, folded, queryTokens)) return undefined;
  if (mayReach(folded.length, entry.folded.length)) {
    const score = similarity(folded, entry.folded);
    if (score >= FUZZY_THRESHOLD) return hitOf(entry, "fuzzy", score);
  }
  // A typo inside a longer name: compare with the name's words as many as the query has.
  if (!mayReach(folded.length, windowLength(entry.tokens, queryTokens.length))) return undefined;
  const partial = similarity(folded, entry.tokens.slice(0, queryTokens.length).join(" "));
  return partial >= FUZZY_THRESHOLD ? hitOf(entry, "fuzzy", partial * (queryTokens.length / entry.tokens.length)) : undefined;
}

/** Best first: tier, then score, then the shorter label, then the key (stable, deterministic). */
function compareHits(a: SearchHit, b: SearchHit): number {
  return (
    MATCH_TIERS.indexOf(a.tier) - MATCH_TIERS.indexOf(b.tier) ||
    b.score - a.score ||
    a.label.length - b.label.length ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Ranked suggestions for a query (builds the index; keep a NameIndex when searching often). */
export function searchNodes(graph: SearchableGraph, query: string, limit = 10): SearchHit[] {
  return new NameIndex(graph).search(query, limit);
}

/** The node a name means, or UnknownNameError / AmbiguousNameError listing the closest names. */
export function resolveName(graph: SearchableGraph, name: string): SearchHit {
  return new NameIndex(graph).resolve(name);
}
