// graph.json written after a small change: the line of every node and edge the change cannot
// have touched is copied from the previous graph.json, byte for byte; only the others are
// serialised (with their mentions, evidence and bodies read back). The result is the bytes a
// full write gives (test/unit/build-incremental.test.ts compares them with a clean build).
//
// Which lines a change can touch, for records added (or changed) and dropped, while the survey's
// outcome is the same (graph-lines.ts; otherwise the whole graph is written):
// - the Article node of an added record, and every key a changed record names (a mention, or a
//   name only a fact uses): names, mentions, titles, states and dates come from those records only;
// - an edge with evidence from an added record; every edge of an entity an added record creates
//   (its first mention is in it) or a dropped record names — a fact is kept only if both its
//   ends exist when its article is resolved, so where an entity begins decides other articles'
//   facts; the OFFICIAL_OF edges of a touched official (its state is chosen from all its votes);
// - both ends of an edge that is new or gone: their size follows their degree.
// Positions are the previous picture's for every old node (a warm start), else everything is written.
import type { KnowledgeGraph, RelationType } from "../graph/types.ts";
import type { GraphFill } from "../graph/serialize.ts";
import type { GraphLinesWriter, PreviousGraph } from "./graph-lines.ts";

/** What a change may touch, by key. */
export interface Change {
  /** Nodes whose line is made again. */
  nodes: Set<string>;
  /** Edges whose line is made again. */
  edges: Set<string>;
  /** Nodes all of whose edges are made again. */
  allEdgesOf: Set<string>;
}

/** Lines copied from the previous graph.json and lines serialised now. */
export interface WriteCounts {
  copied: number;
  serialised: number;
}

const SEPARATOR = Buffer.from(",\n");
const FIRST = Buffer.from("\n");
/** Copied lines that follow one another in the previous file are read as one piece of up to this many bytes. */
const MAX_RUN = 8 << 20;

/**
 * graph.json as pieces, the same bytes as serializeGraphPieces (graph/serialize.ts), each line's
 * place noted in `lines`; with `reuse`, lines the change did not touch are copied from the previous
 * file — a run of them that were next to each other there (most of them) as one piece, separators
 * included, instead of line by line.
 */
export function* graphLines(
  graph: KnowledgeGraph,
  fill: GraphFill,
  lines: GraphLinesWriter,
  counts: WriteCounts,
  reuse?: { previous: PreviousGraph; change: Change },
  onItem?: (done: number, total: number) => void,
): Generator<Buffer> {
  /** Bytes of the file so far, the pending run included. */
  let position = 0;
  /** The run of copied lines not yet read: [start, end) in the previous file. */
  let runStart = -1;
  let runEnd = -1;
  function* put(bytes: Buffer): Generator<Buffer> {
    if (runStart !== -1) {
      yield reuse!.previous.bytes(runStart, runEnd - runStart);
      runStart = -1;
    }
    position += bytes.length;
    yield bytes;
  }
  /** A copied line after `separator`; where it begins in the new file. */
  function* copy(separator: Buffer, offset: number, length: number): Generator<Buffer, number> {
    // the previous file has the same separator between the two lines: the run goes on
    if (separator === SEPARATOR && runStart !== -1 && offset === runEnd + SEPARATOR.length && offset + length - runStart <= MAX_RUN) {
      position += SEPARATOR.length;
    } else {
      yield* put(separator);
      runStart = offset;
    }
    runEnd = offset + length;
    const at = position;
    position += length;
    counts.copied++;
    return at;
  }
  const head = JSON.stringify({ options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops }, attributes: graph.getAttributes() });
  yield* put(Buffer.from(`${head.slice(0, -1)},"nodes":[`));
  const dirty = reuse ? touchedNodes(graph, reuse.previous, reuse.change) : undefined;
  const total = graph.order + graph.size;
  let i = 0;
  for (const { node, attributes } of graph.nodeEntries()) {
    const separator = i === 0 ? FIRST : SEPARATOR;
    const old = reuse && !dirty!.has(node) ? reuse.previous.nodes.get(node) : undefined;
    if (old) lines.node(node, yield* copy(separator, old[0], old[1]), old[1], old[2]);
    else {
      yield* put(separator);
      const attrs = fill.node(attributes, i);
      const line = Buffer.from(JSON.stringify(Object.keys(attrs).length > 0 ? { key: node, attributes: attrs } : { key: node }));
      counts.serialised++;
      lines.node(node, position, line.length);
      yield* put(line);
    }
    if (++i % 1000 === 0) onItem?.(i, total);
  }
  yield* put(Buffer.from('],"edges":['));
  let j = 0;
  for (const { edge, attributes: stored, source, target } of graph.edgeEntries()) {
    const separator = j === 0 ? FIRST : SEPARATOR;
    const old = reuse && edgeUntouched(edge, stored.type, source, target, reuse.change, dirty!) ? reuse.previous.edges.get(edge) : undefined;
    if (old) lines.edge(edge, stored.type, source, target, yield* copy(separator, old.offset, old.length), old.length, old.generation);
    else {
      yield* put(separator);
      const attributes = fill.edge(stored, j);
      const line = Buffer.from(JSON.stringify(Object.keys(attributes).length > 0 ? { key: edge, source, target, attributes } : { key: edge, source, target }));
      counts.serialised++;
      lines.edge(edge, stored.type, source, target, position, line.length);
      yield* put(line);
    }
    if (++j % 1000 === 0) onItem?.(i + j, total);
  }
  onItem?.(total, total);
  yield* put(Buffer.from("]}\n"));
}

/** The change's nodes, and both ends of every edge that is new or gone (their degree, so their size, changed). */
function touchedNodes(graph: KnowledgeGraph, previous: PreviousGraph, change: Change): Set<string> {
  const dirty = new Set(change.nodes);
  graph.forEachEdge((edge, _attributes, source, target) => {
    if (previous.edges.has(edge)) return;
    dirty.add(source);
    dirty.add(target);
  });
  for (const [edge, old] of previous.edges) {
    if (graph.hasEdge(edge)) continue;
    dirty.add(old.source);
    dirty.add(old.target);
  }
  return dirty;
}

function edgeUntouched(edge: string, type: RelationType, source: string, target: string, change: Change, dirty: Set<string>): boolean {
  if (change.edges.has(edge) || change.allEdgesOf.has(source) || change.allEdgesOf.has(target)) return false;
  return !(type === "OFFICIAL_OF" && dirty.has(source));
}
