// graph.json → the rows the database must hold, each with an identity and a digest of its
// contents, checked against the contract, one node or edge at a time. Given the state of the last
// load, it finds the difference as it goes and keeps the attributes of changed rows only.
//
// Why it is built this way (measured on the 10,000-article graph, 30,000 nodes and 334,000
// relationships): holding every parsed row, or a JavaScript object, tuple or Map entry per row,
// cost more in garbage collection than the parsing itself. So unchanged rows are dropped as soon
// as they are digested; a node or edge line identical to one of the last load (same bytes, hence
// same key or ends, same attributes) is not even parsed; identities and digests are kept in columns
// (numbers, and the digest strings) and relationships are looked up by binary search in a
// hash table of numeric identities in typed arrays.
import { ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { EntityKind, Mention, RelationType, SerializedKnowledgeGraph } from "../graph/types.ts";
import { GraphFileError } from "./errors.ts";
import type { LoadState } from "./load-state.ts";
import { mentionCounts } from "./kept-lists.ts";
import type { KeptItems } from "./kept-lists.ts";
import { digestOf, insertedItems, nodeDigests } from "./node-digests.ts";
import type { AppendableKey, InsertRuns } from "./node-digests.ts";
import { LineNodeEntry, LineRelationshipEntry } from "./line-entries.ts";
import type { GraphLines, LineRef } from "./line-entries.ts";

export { APPEND_MIN_ITEMS, APPENDABLE_KEYS, digestOf, LAYOUT_KEYS } from "./node-digests.ts";
export type { AppendableKey, LayoutKey } from "./node-digests.ts";

export interface NodeEntry {
  key: string;
  label: EntityKind;
  /**
   * Every attribute; only the layout ones for a node that only moved; for a node with `appendFrom`,
   * only the new items of the lists it names.
   */
  attributes: Record<string, unknown>;
  /** For a changed node: lists whose first n items are those the database holds, by name → n. */
  appendFrom?: Partial<Record<AppendableKey, number>>;
  /**
   * For the lists of `appendFrom` named here, the n items the database holds are not first: new
   * articles' items go between them, where these runs say (node-digests.ts InsertRuns).
   */
  inserts?: Partial<Record<AppendableKey, InsertRuns>>;
}

export interface RelationshipEntry {
  type: RelationType;
  source: string;
  target: string;
  sourceLabel: EntityKind;
  targetLabel: EntityKind;
  /** An edge of graph.json, or a MENTIONED_IN derived from a node's `articles` with its mention count. */
  attributes: Record<string, unknown> | { mentions: number };
  derived: boolean;
}

export interface NodeRef {
  key: string;
  /** The label it has in the database (the old one, for a node whose kind changed). */
  label: EntityKind;
}
export interface RelationshipRef {
  type: RelationType;
  source: string;
  target: string;
  sourceLabel: EntityKind;
  targetLabel: EntityKind;
}

/** What differs from the last load's state. */
export interface LoadDiff {
  /** New nodes and nodes whose attributes changed (layout aside). */
  nodeWrites: NodeEntry[];
  /** Nodes gone from graph.json, and nodes whose kind changed (written again under the new label). */
  nodeDeletes: NodeRef[];
  relationshipWrites: RelationshipEntry[];
  relationshipDeletes: RelationshipRef[];
  /** Nodes whose layout alone changed. */
  moves: NodeEntry[];
}

/** Identities and digests of every row, in columns (the state file's shape, load-state.ts). */
export interface Digests {
  /**
   * `lineDigests`: the digest of the node's line in graph.json when it was read line by line and
   * all its MENTIONED_IN rows were derived from its `articles`, else "" (the next load then parses it).
   * `listDigests`: for its long appendable lists, `name=length=digest` joined by `|` (listDigest), else "".
   */
  nodes: { keys: string[]; labels: EntityKind[]; digests: string[]; layoutDigests: string[]; lineDigests: string[]; listDigests: string[] };
  /** Types as indices into RELATION_TYPES, ends as indices into `nodes`; sorted by identity. */
  relationships: { types: number[]; sources: number[]; targets: number[]; digests: string[] };
}

export interface Catalog {
  /** The build whose graph.json this is, when it was read with the build's index of its lines (graph-stream.ts). */
  build?: string;
  /** When only the lines written since the last load's build were read: how many, of how many. */
  linesRead?: { read: number; of: number };
  /** Every row (its attributes, or where its line is: line-entries.ts), when there was no previous state; else empty. */
  nodes: NodeEntry[];
  relationships: RelationshipEntry[];
  /**
   * graph.json held open, when it was read line by line: rows to write may keep only where their
   * line is (line-entries.ts). The owner closes it once they are written.
   */
  lines?: GraphLines;
  digests: Digests;
  /** Against the previous state, when one was given. */
  diff?: LoadDiff;
  /** The index of node `key` in `digests.nodes`, or -1. */
  nodeIndex(key: unknown): number;
  /** The index of the relationship (type, source key, target key) in `digests.relationships`, or -1. */
  relationshipIndex(type: unknown, source: unknown, target: unknown): number;
}

export function isEmptyDiff(diff: LoadDiff): boolean {
  return diff.nodeWrites.length + diff.nodeDeletes.length + diff.relationshipWrites.length + diff.relationshipDeletes.length + diff.moves.length === 0;
}

const isKind = (value: unknown): value is EntityKind => (ENTITY_KINDS as readonly unknown[]).includes(value);
const isRelationType = (value: unknown): value is RelationType => (RELATION_TYPES as readonly unknown[]).includes(value);
const TYPE_INDEX = new Map<string, number>(RELATION_TYPES.map((type, i) => [type, i]));
const MENTIONED_IN = TYPE_INDEX.get("MENTIONED_IN")!;

/** Relationship identities are whole numbers below 2^53 (pairId) while there are fewer nodes than this. */
const MAX_NODES = 30_000_000;

/** A relationship's identity as a number, from its type and the indices of its ends among `nodeCount` nodes. */
export function pairId(typeIndex: number, source: number, target: number, nodeCount: number): number {
  return (source * nodeCount + target) * RELATION_TYPES.length + typeIndex;
}

/** The digest of a MENTIONED_IN row is its mention count; the strings are shared. */
const mentionDigests: string[] = [];
const mentionDigest = (count: number) => (count < 256 ? (mentionDigests[count] ??= `m${count}`) : `m${count}`);
/** The mention count of a derived MENTIONED_IN's digest, or -1 for the digest of an edge line (16 base64 characters). */
const mentionCount = (digest: string) => (digest.length < 16 && /^m\d+$/.test(digest) ? Number(digest.slice(1)) : -1);

/**
 * Relationship identity → row index, an open-addressing hash table in typed arrays: a Map with
 * 334,000 number keys past the small integers cost a heap object per key (and their collection).
 */
export class IdTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  private size = 0;
  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }
  private grow(): void {
    const [keys, values] = [this.keys, this.values];
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.values = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === -1) continue;
      const slot = this.slot(keys[i]!);
      this.keys[slot] = keys[i]!;
      this.values[slot] = values[i]!;
    }
  }
  private slot(id: number): number {
    let h = Math.imul(id % 4294967296 | 0, 0x9e3779b1) ^ Math.imul(Math.floor(id / 4294967296) | 0, 0x85ebca77);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.keys[i] !== -1 && this.keys[i] !== id) i = (i + 1) & this.mask;
    return i;
  }
  /** The index stored for `id`, or -1. */
  get(id: number): number {
    const i = this.slot(id);
    return this.keys[i] === id ? this.values[i]! : -1;
  }
  /** Stores `index` for `id` unless it is there already; returns the index it had, or -1. */
  add(id: number, index: number): number {
    const i = this.slot(id);
    if (this.keys[i] === id) return this.values[i]!;
    this.keys[i] = id;
    this.values[i] = index;
    if (++this.size * 2 > this.keys.length) this.grow();
    return -1;
  }
}

/** A state file that passed the cheap checks of readState but is not consistent: the load is then a full one. */
export class DamagedStateError extends Error {
  override name = "DamagedStateError";
}

/** The previous state, indexed for lookups by node key, by relationship identity and by edge line. */
class Previous {
  readonly index = new Map<string, number>();
  readonly ids: IdTable;
  private edgeLines?: Map<string, number>;
  private nodeLineDigests?: Map<string, number>;
  /** The derived MENTIONED_IN of node i: relationship rows mentionRows[mentionStart[i] … mentionStart[i + 1]). */
  private mentionStart?: Int32Array;
  private mentionRows?: Int32Array;
  readonly nodePresent: Uint8Array;
  readonly relationshipSeen: Uint8Array;
  constructor(readonly state: LoadState) {
    const { nodes, relationships } = state;
    nodes.keys.forEach((key, i) => this.index.set(key, i));
    const n = nodes.keys.length;
    const count = relationships.types.length;
    this.ids = new IdTable(count);
    for (let i = 0; i < count; i++) {
      if (this.ids.add(pairId(relationships.types[i]!, relationships.sources[i]!, relationships.targets[i]!, n), i) !== -1) {
        throw new DamagedStateError("the state file names a relationship twice");
      }
    }
    this.nodePresent = new Uint8Array(n);
    this.relationshipSeen = new Uint8Array(count);
  }
  /** Edge lines of the last load by their digest, for edges read line by line without their identity (made on first use). */
  get lines(): Map<string, number> {
    if (!this.edgeLines) {
      const r = this.state.relationships;
      this.edgeLines = new Map();
      for (let i = 0; i < r.types.length; i++) if (mentionCount(r.digests[i]!) < 0) this.edgeLines.set(r.digests[i]!, i);
    }
    return this.edgeLines;
  }
  /** Node lines of the last load by their digest (nodes whose MENTIONED_IN were all derived; made on first use). */
  get nodeLines(): Map<string, number> {
    if (!this.nodeLineDigests) {
      this.nodeLineDigests = new Map();
      this.state.nodes.lineDigests.forEach((digest, i) => digest !== "" && this.nodeLineDigests!.set(digest, i));
    }
    return this.nodeLineDigests;
  }
  /** The state's derived MENTIONED_IN rows of its node `old`, in the order they were recorded (indexed on first use). */
  derivedMentions(old: number): Int32Array {
    if (!this.mentionStart || !this.mentionRows) {
      const r = this.state.relationships;
      const start = new Int32Array(this.state.nodes.keys.length + 1);
      const derived = (i: number) => r.types[i] === MENTIONED_IN && mentionCount(r.digests[i]!) >= 0;
      for (let i = 0; i < r.types.length; i++) if (derived(i)) start[r.sources[i]! + 1]! += 1;
      for (let i = 1; i < start.length; i++) start[i]! += start[i - 1]!;
      const rows = new Int32Array(start[start.length - 1]!);
      const fill = start.slice(0, -1);
      for (let i = 0; i < r.types.length; i++) if (derived(i)) rows[fill[r.sources[i]!]!++] = i;
      [this.mentionStart, this.mentionRows] = [start, rows];
    }
    return this.mentionRows.subarray(this.mentionStart[old]!, this.mentionStart[old + 1]!);
  }
  /** The index of the relationship between the state's nodes `source` and `target` (indices; -1: not there), or -1. */
  relationship(typeIndex: number, source: number, target: number): number {
    return source < 0 || target < 0 ? -1 : this.ids.get(pairId(typeIndex, source, target, this.state.nodes.keys.length));
  }
}

/**
 * Takes graph.json's nodes, then its edges, one at a time (`addNode`, `addEdge`, `addEdgeLine`),
 * then `finish`. `file` names the file in errors (GraphFileError, one line).
 */
export class GraphScan {
  private readonly kindOf = new Map<string, EntityKind>();
  private readonly indexOf = new Map<string, number>();
  private readonly previous?: Previous;
  private readonly relabelled = new Set<string>();
  private readonly digests: Digests = {
    nodes: { keys: [], labels: [], digests: [], layoutDigests: [], lineDigests: [], listDigests: [] },
    relationships: { types: [], sources: [], targets: [], digests: [] },
  };
  /** Relationship identities over this graph's node indices: a second edge of one identity is refused. */
  private readonly ids: IdTable;
  /** This graph's node index → the state's, or -1. */
  private readonly oldIndexOf: number[] = [];
  /** Article id → node index, for MENTIONED_IN. */
  private readonly articleIndex = new Map<string, number>();
  /**
   * MENTIONED_IN to derive at the end (an article's node may come after the node naming it): the
   * article by its id, or for a node taken from the state by the state's index of its node
   * (`oldRows`: the state's row of that MENTIONED_IN, else -1), which spares a string and lookups for each of 230,000.
   */
  private readonly derived: { sources: number[]; articles: string[]; oldRows: number[]; counts: number[] } = { sources: [], articles: [], oldRows: [], counts: [] };
  /** MENTIONED_IN edges graph.json carries itself (a derived one may then be one of them). */
  private explicitMentions = 0;
  /** The state's node index → this graph's, for nodes of the same key and label (-1: none). */
  private readonly newIndexOf?: Int32Array;
  private edgeCount = 0;
  private edgesStarted = false;
  private readonly catalog: Catalog;

  /**
   * With `lines` (graph.json open, read line by line), a row to write that was given with where its
   * line is keeps only that, not its attributes.
   */
  constructor(
    private readonly file: string,
    previous?: LoadState,
    private readonly lines?: GraphLines,
  ) {
    this.catalog = {
      nodes: [],
      relationships: [],
      digests: this.digests,
      nodeIndex: (key) => (typeof key === "string" ? (this.indexOf.get(key) ?? -1) : -1),
      relationshipIndex: (type, source, target) => {
        const typeIndex = TYPE_INDEX.get(type as string);
        const [s, t] = [this.catalog.nodeIndex(source), this.catalog.nodeIndex(target)];
        return typeIndex === undefined || s < 0 || t < 0 ? -1 : this.ids.get(pairId(typeIndex, s, t, MAX_NODES));
      },
    };
    // sized for as many relationships as the last load had: growing the table is a rehash of all
    this.ids = new IdTable(Math.max(1 << 16, previous?.relationships.types.length ?? 0));
    if (previous) {
      this.previous = new Previous(previous);
      this.newIndexOf = new Int32Array(previous.nodes.keys.length).fill(-1);
      this.catalog.diff = { nodeWrites: [], nodeDeletes: [], relationshipWrites: [], relationshipDeletes: [], moves: [] };
    }
  }

  private fail(reason: string): never {
    throw new GraphFileError(`load: ${this.file}: ${reason}`);
  }

  /**
   * A node line as the build writes it (the item's JSON, without the separator). When the last
   * load had a line with the same bytes, it is the same node, unchanged, with the same `articles`
   * and mention counts: it is recorded from the state without being parsed. Otherwise returns the
   * line's digest: parse the line and give both to `addNode`. With warm-start layouts (a rebuild
   * keeps every old node's position) most node lines are unchanged, and parsing them — article
   * bodies, mention lists — was most of an incremental load's client time.
   */
  addNodeLine(raw: Uint8Array): string | undefined {
    const previous = this.previous;
    const digest = digestOf(raw);
    if (!previous || this.edgesStarted) return digest;
    const old = previous.nodeLines.get(digest);
    return old !== undefined && this.takeNode(old, digest) ? undefined : digest;
  }

  /**
   * A node whose line is known, without reading it, to be byte for byte the one the last load read
   * (graph-stream.ts: the build's index says so): recorded from the state. False when the state
   * cannot tell its row and its MENTIONED_IN alone (read the line and give it to `addIndexedNodeLine`).
   */
  addUnchangedNode(key: string): boolean {
    return this.nodeByKey(key);
  }

  /** As addNodeLine, for a line whose node's key is known (read through the build's index): the line is looked up by its key. */
  addIndexedNodeLine(key: string, raw: Uint8Array): string | undefined {
    const digest = digestOf(raw);
    return this.nodeByKey(key, digest) ? undefined : digest;
  }

  /** Records the state's node `key` if its line there has a digest, `digest` when given. */
  private nodeByKey(key: string, digest?: string): boolean {
    const previous = this.previous;
    if (!previous || this.edgesStarted) return false;
    const old = previous.index.get(key);
    if (old === undefined) return false;
    const known = previous.state.nodes.lineDigests[old]!;
    return known !== "" && (digest === undefined || digest === known) && this.takeNode(old, known);
  }

  /** Records the state's node `old`, whose line has `digest`, as this graph's next node; false if it cannot be (read its line). */
  private takeNode(old: number, digest: string): boolean {
    const previous = this.previous!;
    if (previous.nodePresent[old]) return false;
    const state = previous.state.nodes;
    const [key, kind] = [state.keys[old]!, state.labels[old]!];
    // a key seen twice, or too many nodes: parse the line, which fails with the reason
    if (this.kindOf.has(key) || this.kindOf.size >= MAX_NODES) return false;
    const index = this.digests.nodes.keys.length;
    this.kindOf.set(key, kind);
    this.indexOf.set(key, index);
    if (kind === "Article" && key.startsWith("article:")) this.articleIndex.set(key.slice("article:".length), index);
    const nodes = this.digests.nodes;
    nodes.keys.push(key);
    nodes.labels.push(kind);
    nodes.digests.push(state.digests[old]!);
    nodes.layoutDigests.push(state.layoutDigests[old]!);
    nodes.lineDigests.push(digest);
    nodes.listDigests.push(state.listDigests[old]!);
    const r = previous.state.relationships;
    for (const row of previous.derivedMentions(old)) {
      this.derived.sources.push(index);
      this.derived.articles.push("");
      this.derived.oldRows.push(row);
      this.derived.counts.push(mentionCount(r.digests[row]!));
    }
    this.oldIndexOf.push(old);
    this.newIndexOf![old] = index;
    previous.nodePresent[old] = 1;
    return true;
  }

  /** Nodes taken so far; the next one gets this index. */
  get nodeCount(): number {
    return this.digests.nodes.keys.length;
  }

  /** The label and long lists' digests (node-digests.ts) the last load wrote for node `key`, if any. */
  previousNode(key: string): { label: EntityKind; lists: string } | undefined {
    const old = this.previous?.index.get(key);
    if (old === undefined) return undefined;
    const nodes = this.previous!.state.nodes;
    return { label: nodes.labels[old]!, lists: nodes.listDigests[old]! };
  }

  /**
   * A node; `lineDigest` is the digest of its line when read line by line (addNodeLine). With
   * `kept`, the node's first mentions are those the last load wrote for it under the same label
   * (kept-lists.ts), and `attributes.mentions` holds only the others. `at`: where the node's line is.
   */
  addNode(node: { key?: unknown; attributes?: unknown }, lineDigest = "", kept?: KeptItems, at?: LineRef): void {
    if (this.edgesStarted) this.fail("a node after the edges");
    const key = node.key;
    const attributes = (node.attributes ?? {}) as Record<string, unknown>;
    if (typeof key !== "string" || key === "") this.fail("a node has no key");
    if (this.kindOf.has(key)) this.fail(`node "${key}" appears twice`);
    if (this.kindOf.size >= MAX_NODES) this.fail(`more than ${MAX_NODES} nodes`);
    const kind = attributes.kind;
    if (!isKind(kind)) this.fail(`node "${key}" has kind ${JSON.stringify(kind)}, not one of ${ENTITY_KINDS.join(", ")}`);
    const index = this.digests.nodes.keys.length;
    this.kindOf.set(key, kind);
    this.indexOf.set(key, index);
    if (kind === "Article" && key.startsWith("article:")) this.articleIndex.set(key.slice("article:".length), index);

    const previous = this.previous;
    const old = previous?.index.get(key);
    // the old lists are compared with the new only for the same node under the same label
    const sameNode = old !== undefined && previous!.state.nodes.labels[old] === kind;
    if (kept && !sameNode) throw new Error(`catalog: kept mentions for "${key}", which the last load did not write as a ${kind}`);
    const { digest, layoutDigest, lists, appendFrom, inserts, layout } = nodeDigests(attributes, sameNode ? previous!.state.nodes.listDigests[old]! : "", kept, sameNode ? this.isNewArticle : undefined);
    const nodes = this.digests.nodes;
    nodes.keys.push(key);
    nodes.labels.push(kind);
    nodes.digests.push(digest);
    nodes.layoutDigests.push(layoutDigest);
    nodes.lineDigests.push(lineDigest);
    nodes.listDigests.push(lists);

    const keptRows = kept && sameNode && this.addKeptMentionRows(old, index, attributes, kept, appendFrom, inserts);
    if (!keptRows && kind !== "Article" && Array.isArray(attributes.articles)) {
      const counts = mentionCounts(Array.isArray(attributes.mentions) ? (attributes.mentions as Mention[]) : [], kept);
      for (const article of attributes.articles as unknown[]) {
        this.derived.sources.push(index);
        this.derived.articles.push(String(article));
        this.derived.oldRows.push(-1);
        this.derived.counts.push(counts.get(String(article)) ?? 0);
      }
    }

    const entry: NodeEntry = { key, label: kind, attributes };
    const lines = this.lines;
    const written = (): NodeEntry => (at && !kept && lines ? new LineNodeEntry(key, kind, lines, at) : entry);
    if (!previous) {
      this.catalog.nodes.push(written());
      return;
    }
    const diff = this.catalog.diff!;
    this.oldIndexOf.push(old ?? -1);
    if (old === undefined) {
      diff.nodeWrites.push(written());
      return;
    }
    previous.nodePresent[old] = 1;
    const state = previous.state.nodes;
    if (state.labels[old] !== kind) {
      // written again under its new label: DETACH DELETE takes its relationships, all written again
      diff.nodeDeletes.push({ key, label: state.labels[old]! });
      diff.nodeWrites.push(written());
      this.relabelled.add(key);
      this.oldIndexOf[index] = -1;
      return;
    }
    this.newIndexOf![old] = index;
    if (state.digests[old] !== digest) diff.nodeWrites.push(appendFrom ? appendedEntry(entry, appendFrom, kept, inserts) : written());
    else if (state.layoutDigests[old] !== layoutDigest) diff.moves.push({ key, label: kind, attributes: layout });
  }

  /**
   * An edge line as the build writes it (the item's JSON, without the separator). When the last
   * load had a line with the same bytes, it is the same relationship, unchanged: it is recorded
   * without being parsed. Otherwise returns the line's digest: parse the line and give both to `addEdge`.
   */
  addEdgeLine(raw: Uint8Array): string | undefined {
    const previous = this.previous;
    const digest = digestOf(raw);
    if (!previous) return digest;
    const old = previous.lines.get(digest);
    if (old === undefined) return digest;
    const { nodes, relationships } = previous.state;
    return this.takeEdge(old, nodes.keys[relationships.sources[old]!]!, nodes.keys[relationships.targets[old]!]!) ? undefined : digest;
  }

  /**
   * An edge whose line is known, without reading it, to be byte for byte the one the last load
   * read (as addUnchangedNode), between this graph's nodes `source` and `target` (indices in the
   * order they were added): recorded from the state. False when it cannot be (read the line and
   * give it to `addIndexedEdgeLine`).
   */
  addUnchangedEdge(type: RelationType, source: number, target: number): boolean {
    const previous = this.previous;
    const typeIndex = TYPE_INDEX.get(type);
    const size = this.digests.nodes.keys.length;
    if (!previous || typeIndex === undefined || !(source >= 0 && source < size && target >= 0 && target < size)) return false;
    // -1 for a node new or relabelled: no relationship of the state
    const old = previous.relationship(typeIndex, this.oldIndexOf[source]!, this.oldIndexOf[target]!);
    if (old < 0 || previous.relationshipSeen[old]) return false;
    const known = previous.state.relationships.digests[old]!;
    // a derived MENTIONED_IN's digest is not a line's: that edge was not read from a line
    if (mentionCount(known) >= 0) return false;
    this.edgesStarted = true;
    if (!this.record(typeIndex, source, target, known)) return false;
    this.edgeCount += 1;
    if (typeIndex === MENTIONED_IN) this.explicitMentions += 1;
    previous.relationshipSeen[old] = 1;
    return true;
  }

  /** As addEdgeLine, for a line whose edge's type and ends are known (read through the build's index). */
  addIndexedEdgeLine(type: RelationType, source: string, target: string, raw: Uint8Array): string | undefined {
    const digest = digestOf(raw);
    const previous = this.previous;
    const typeIndex = TYPE_INDEX.get(type);
    const [s, t] = [this.indexOf.get(source), this.indexOf.get(target)];
    if (!previous || typeIndex === undefined || s === undefined || t === undefined) return digest;
    const old = previous.relationship(typeIndex, this.oldIndexOf[s]!, this.oldIndexOf[t]!);
    return old >= 0 && previous.state.relationships.digests[old] === digest && this.takeEdge(old, source, target) ? undefined : digest;
  }

  /** Records the state's relationship `old` (between nodes `sourceKey` and `targetKey`) as this graph's next edge; false if it cannot be (read its line). */
  private takeEdge(old: number, sourceKey: string, targetKey: string): boolean {
    const previous = this.previous!;
    if (previous.relationshipSeen[old]) return false;
    const source = this.indexOf.get(sourceKey);
    const target = this.indexOf.get(targetKey);
    // ends gone or relabelled: read the line properly (it fails, or is written again)
    if (source === undefined || target === undefined || this.relabelled.has(sourceKey) || this.relabelled.has(targetKey)) return false;
    this.edgesStarted = true;
    const r = previous.state.relationships;
    if (!this.record(r.types[old]!, source, target, r.digests[old]!)) return false;
    this.edgeCount += 1;
    if (r.types[old] === MENTIONED_IN) this.explicitMentions += 1;
    previous.relationshipSeen[old] = 1;
    return true;
  }

  /**
   * The MENTIONED_IN of node `index` (the state's `old`) whose old mentions and articles are kept
   * and whose new mentions all name new articles: every old article's count is unchanged, so its
   * row is the state's (as for a node taken from the state) and only the new articles' rows are
   * made, in the order of `articles`. ASEAN names 98,000 articles at 100,000: counting them from
   * its mentions and looking each up by its id was a second of a +100 load. False when this does
   * not hold; the caller derives every row.
   */
  private addKeptMentionRows(
    old: number,
    index: number,
    attributes: Record<string, unknown>,
    kept: KeptItems,
    appendFrom: NodeEntry["appendFrom"],
    inserts: NodeEntry["inserts"],
  ): boolean {
    const previous = this.previous!;
    const articles = attributes.articles;
    const keptArticles = appendFrom?.articles;
    if (!Array.isArray(articles) || keptArticles === undefined || appendFrom?.mentions !== kept.count) return false;
    // a line digest: the last load derived all this node's MENTIONED_IN, none came from an edge
    if (previous.state.nodes.lineDigests[old] === "") return false;
    const rows = previous.derivedMentions(old);
    if (rows.length !== keptArticles) return false;
    const runs = inserts?.articles ?? { at: [keptArticles], from: [0] };
    const added = insertedItems(articles, keptArticles, runs);
    const counts = mentionCounts(Array.isArray(attributes.mentions) ? (attributes.mentions as Mention[]) : []);
    if (!added.every((a) => typeof a === "string" && this.isNewArticle(a)) || ![...counts.keys()].every(this.isNewArticle)) return false;
    const digests = previous.state.relationships.digests;
    const derived = this.derived;
    const push = (article: string, oldRow: number, count: number) => {
      derived.sources.push(index);
      derived.articles.push(article);
      derived.oldRows.push(oldRow);
      derived.counts.push(count);
    };
    let run = 0;
    for (let k = 0; k <= rows.length; k++) {
      for (; run < runs.at.length && runs.at[run] === k; run++) {
        for (const article of added.slice(runs.from[run], runs.from[run + 1] ?? added.length) as string[]) push(article, -1, counts.get(article) ?? 0);
      }
      if (k < rows.length) push("", rows[k]!, mentionCount(digests[rows[k]!]!));
    }
    return true;
  }

  /**
   * An article the last load did not write. Asked once per run of an article's items in every
   * changed list (millions at 100,000 articles): in the few new ids when they are known
   * (`expectNewArticles`), else not in a set of the old ones made on first use.
   */
  readonly isNewArticle = (id: string): boolean => (this.newArticles ? this.newArticles.has(id) : !(this.oldArticles ??= this.previousArticles()).has(id));
  private oldArticles?: Set<string>;
  private newArticles?: ReadonlySet<string>;

  /**
   * Before the nodes are read, given every node key of graph.json (the build's index lists them):
   * notes which articles are new. A set of 100 ids answers in the cache; one of 100,000 did not.
   */
  expectNewArticles(keys: Iterable<string>): void {
    const previous = this.previous;
    if (!previous) return;
    const fresh = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith("article:")) continue;
      const old = previous.index.get(key);
      if (old === undefined || previous.state.nodes.labels[old] !== "Article") fresh.add(key.slice("article:".length));
    }
    this.newArticles = fresh;
  }
  private previousArticles(): Set<string> {
    const ids = new Set<string>();
    const nodes = this.previous?.state.nodes;
    nodes?.keys.forEach((key, i) => nodes.labels[i] === "Article" && key.startsWith("article:") && ids.add(key.slice("article:".length)));
    return ids;
  }

  /**
   * An edge; `digest` is that of its line when read line by line (addEdgeLine), else of its
   * attributes. `at`: where the edge's line is.
   */
  addEdge(edge: { key?: unknown; source?: unknown; target?: unknown; attributes?: unknown }, digest?: string, at?: LineRef): void {
    this.edgesStarted = true;
    const index = this.edgeCount++;
    const attributes = (edge.attributes ?? {}) as Record<string, unknown>;
    const what = `edge ${typeof edge.key === "string" ? edge.key : `#${index}`}`;
    if (!isRelationType(attributes.type)) this.fail(`${what} has type ${JSON.stringify(attributes.type)}, not one of ${RELATION_TYPES.join(", ")}`);
    const type = attributes.type;
    const source = String(edge.source);
    const target = String(edge.target);
    const sourceLabel = this.kindOf.get(source) ?? this.fail(`${what}: unknown source node "${source}"`);
    const targetLabel = this.kindOf.get(target) ?? this.fail(`${what}: unknown target node "${target}"`);
    const [s, t] = [this.indexOf.get(source)!, this.indexOf.get(target)!];
    const typeIndex = TYPE_INDEX.get(type)!;
    if (!this.record(typeIndex, s, t, digest ?? digestOf(JSON.stringify(attributes)))) {
      this.fail(`${what}: a second ${type} edge from "${source}" to "${target}" (the contract allows one)`);
    }
    if (typeIndex === MENTIONED_IN) this.explicitMentions += 1;
    const lines = this.lines;
    this.compare(typeIndex, s, t, () => {
      if (!at || !lines) return { type, source, target, sourceLabel, targetLabel, attributes, derived: false };
      return new LineRelationshipEntry(type, source, target, sourceLabel, targetLabel, lines, at);
    });
  }

  /** Notes a relationship's identity and digest for the next state; false when one of that identity is there already. */
  private record(typeIndex: number, source: number, target: number, digest: string): boolean {
    const r = this.digests.relationships;
    if (this.ids.add(pairId(typeIndex, source, target, MAX_NODES), r.types.length) !== -1) return false;
    r.types.push(typeIndex);
    r.sources.push(source);
    r.targets.push(target);
    r.digests.push(digest);
    return true;
  }

  /** Against the previous state: the relationship just recorded is written when new or changed. */
  private compare(typeIndex: number, source: number, target: number, entry: () => RelationshipEntry): void {
    const previous = this.previous;
    if (!previous) {
      this.catalog.relationships.push(entry());
      return;
    }
    const r = this.digests.relationships;
    const digest = r.digests[r.digests.length - 1];
    const old = previous.relationship(typeIndex, this.oldIndexOf[source]!, this.oldIndexOf[target]!);
    if (old < 0 || previous.relationshipSeen[old]) {
      this.catalog.diff!.relationshipWrites.push(entry());
      return;
    }
    previous.relationshipSeen[old] = 1;
    if (previous.state.relationships.digests[old] !== digest) this.catalog.diff!.relationshipWrites.push(entry());
  }

  /** MENTIONED_IN from every node's `articles` (unless graph.json carries it), then what the previous state had and graph.json has not. */
  finish(): Catalog {
    this.edgesStarted = true;
    const { keys, labels } = this.digests.nodes;
    const { sources, articles, oldRows, counts } = this.derived;
    const r = this.previous?.state.relationships;
    for (let i = 0; i < sources.length; i++) {
      const [source, count, oldRow] = [sources[i]!, counts[i]!, oldRows[i]!];
      const found = oldRow >= 0 ? this.newIndexOf![r!.targets[oldRow]!]! : this.articleIndex.get(articles[i]!);
      if (found === undefined || found < 0) {
        const article = oldRow >= 0 ? this.previous!.state.nodes.keys[r!.targets[oldRow]!]!.slice("article:".length) : articles[i]!;
        this.fail(`node "${keys[source]}" names article "${article}" but there is no node "article:${article}"`);
      }
      if (oldRow >= 0 && this.explicitMentions === 0) {
        // the state's row of a node taken from the state, between the same two nodes: the same
        // relationship, unchanged, and (with no MENTIONED_IN edge in graph.json) no other like it
        this.digests.relationships.types.push(MENTIONED_IN);
        this.digests.relationships.sources.push(source);
        this.digests.relationships.targets.push(found);
        this.digests.relationships.digests.push(r!.digests[oldRow]!);
        this.previous!.relationshipSeen[oldRow] = 1;
        continue;
      }
      const target = found;
      // false: graph.json carries this MENTIONED_IN itself (or `articles` names one twice); the
      // node's line then does not tell all its MENTIONED_IN, and the next load parses it
      if (!this.record(MENTIONED_IN, source, target, mentionDigest(count))) {
        this.digests.nodes.lineDigests[source] = "";
        continue;
      }
      this.compare(MENTIONED_IN, source, target, () => new DerivedMention(keys[source]!, keys[target]!, labels[source]!, count));
    }
    this.derived.sources.length = this.derived.articles.length = this.derived.oldRows.length = this.derived.counts.length = 0;
    const previous = this.previous;
    if (previous) {
      const diff = this.catalog.diff!;
      const nodes = previous.state.nodes;
      for (let i = 0; i < nodes.keys.length; i++) if (!previous.nodePresent[i]) diff.nodeDeletes.push({ key: nodes.keys[i]!, label: nodes.labels[i]! });
      const r = previous.state.relationships;
      for (let i = 0; i < r.types.length; i++) {
        if (previous.relationshipSeen[i]) continue;
        diff.relationshipDeletes.push({
          type: RELATION_TYPES[r.types[i]!]!,
          source: nodes.keys[r.sources[i]!]!,
          target: nodes.keys[r.targets[i]!]!,
          sourceLabel: nodes.labels[r.sources[i]!]!,
          targetLabel: nodes.labels[r.targets[i]!]!,
        });
      }
    }
    if (this.lines) this.catalog.lines = this.lines;
    return this.catalog;
  }
}

/**
 * A MENTIONED_IN derived from a node's `articles`, with its mention count. A first load of 100,000
 * articles holds 2.3 million of them: four fields each, the constant ones on the prototype.
 */
class DerivedMention implements RelationshipEntry {
  constructor(
    readonly source: string,
    readonly target: string,
    readonly sourceLabel: EntityKind,
    private readonly count: number,
  ) {}
  get type(): "MENTIONED_IN" {
    return "MENTIONED_IN";
  }
  get targetLabel(): "Article" {
    return "Article";
  }
  get derived(): true {
    return true;
  }
  get attributes(): { mentions: number } {
    return { mentions: this.count };
  }
}

/**
 * The entry of a node whose lists `appendFrom` names only grew: those lists cut to their new items
 * (the mentions are, when `kept`): at their end, or for the lists of `inserts` wherever they are.
 */
function appendedEntry(
  entry: NodeEntry,
  appendFrom: NonNullable<NodeEntry["appendFrom"]>,
  kept: KeptItems | undefined,
  inserts: NodeEntry["inserts"],
): NodeEntry {
  const attributes = { ...entry.attributes };
  for (const [name, from] of Object.entries(appendFrom) as Array<[AppendableKey, number]>) {
    const list = attributes[name] as unknown[];
    const runs = inserts?.[name];
    // kept mentions: the list holds the new items only already
    if (name === "mentions" && kept) continue;
    if (runs) attributes[name] = insertedItems(list, from, runs);
    else attributes[name] = list.slice(from);
  }
  return { ...entry, attributes, appendFrom, ...(inserts ? { inserts } : {}) };
}

/** Checks a whole graph against the contract and lists its rows (against `previous`, when given). */
export function catalogGraph(graph: SerializedKnowledgeGraph, file: string, previous?: LoadState): Catalog {
  if (!graph || !Array.isArray(graph.nodes) || !Array.isArray(graph.edges)) {
    throw new GraphFileError(`load: ${file}: not a graph export (expected \`nodes\` and \`edges\` arrays)`);
  }
  const scan = new GraphScan(file, previous);
  for (const node of graph.nodes) scan.addNode(node);
  for (const edge of graph.edges) scan.addEdge(edge);
  return scan.finish();
}
