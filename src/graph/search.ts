// Finding nodes by name as people type them: case, diacritics and "HNCC"-style abbreviations
// ignored, over labels and aliases. Shared by `export --around` and the viewer's search box.
// Browser-safe: no Node imports.
import { distance } from "fastest-levenshtein";
import { foldName } from "../text/fold.ts";

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

/** What search needs of a graph: graphology's node iteration, with `label`, `aliases` and `kind` attributes. */
export interface SearchableGraph {
  forEachNode(callback: (key: string, attributes: { label?: unknown; aliases?: unknown; kind?: unknown }) => void): void;
}

interface IndexedName {
  key: string;
  label: string;
  kind: string;
  name: string;
  folded: string;
  tokens: string[];
  /** Length of the name's first k words joined by spaces, at index k (for the fuzzy bound). */
  windowLengths: number[];
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

/** Folded names of every node, built once per graph; search and resolve run on it. */
export class NameIndex {
  private readonly names: IndexedName[] = [];
  private readonly keys = new Map<string, { label: string; kind: string }>();
  /** Which names hold each word, for the word tiers (made on the first search). */
  private words: WordIndex | null = null;

  constructor(graph: SearchableGraph) {
    graph.forEachNode((key, attributes) => {
      const label = typeof attributes.label === "string" ? attributes.label : key;
      const kind = typeof attributes.kind === "string" ? attributes.kind : "";
      this.keys.set(key, { label, kind });
      const aliases = Array.isArray(attributes.aliases) ? attributes.aliases.filter((a): a is string => typeof a === "string") : [];
      const seen = new Set<string>();
      for (const name of [label, ...aliases]) {
        const folded = foldName(name);
        if (!folded || seen.has(folded)) continue;
        seen.add(folded);
        const tokens = tokensOf(folded);
        const windowLengths = [0];
        for (const token of tokens) windowLengths.push((windowLengths.at(-1) ?? 0) + token.length + (windowLengths.length > 1 ? 1 : 0));
        this.names.push({ key, label, kind, name, folded, tokens, windowLengths });
      }
    });
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
    this.words ??= wordIndexOf(this.names);
    return this;
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
    this.words ??= wordIndexOf(this.names);
    const { postings, sorted } = this.words;
    const last = queryTokens.at(-1) ?? "";
    let candidates = new Set<number>();
    for (let i = lowerBound(sorted, last); i < sorted.length && (sorted[i] ?? "").startsWith(last); i += 1) {
      for (const name of postings.get(sorted[i] ?? "") ?? []) candidates.add(name);
    }
    for (const token of queryTokens.slice(0, -1)) {
      const holding = new Set(postings.get(token) ?? []);
      candidates = new Set([...candidates].filter((name) => holding.has(name)));
    }
    return [...candidates].sort((a, b) => a - b).map((name) => this.names[name] as IndexedName);
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

interface WordIndex {
  /** Word → indices of the names holding it, each once. */
  postings: Map<string, number[]>;
  /** Every word, sorted, for the words that start with a prefix. */
  sorted: string[];
}

function wordIndexOf(names: readonly IndexedName[]): WordIndex {
  const postings = new Map<string, number[]>();
  names.forEach((entry, index) => {
    for (const token of new Set(entry.tokens)) {
      const holders = postings.get(token);
      if (holders) holders.push(index);
      else postings.set(token, [index]);
    }
  });
  return { postings, sorted: [...postings.keys()].sort() };
}

/** The first position in `sorted` whose value is not below `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? "") < value) low = middle + 1;
    else high = middle;
  }
  return low;
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

/** The fuzzy tier, for a name that matched no other (matchWords gave nothing). */
function matchFuzzy(entry: IndexedName, folded: string, queryTokens: string[]): SearchHit | undefined {
  if (matchWords(entry, folded, queryTokens)) return undefined;
  if (mayReach(folded.length, entry.folded.length)) {
    const score = similarity(folded, entry.folded);
    if (score >= FUZZY_THRESHOLD) return hitOf(entry, "fuzzy", score);
  }
  // A typo inside a longer name: compare with the name's words as many as the query has.
  const words = Math.min(queryTokens.length, entry.tokens.length);
  if (!mayReach(folded.length, entry.windowLengths[words] ?? 0)) return undefined;
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
