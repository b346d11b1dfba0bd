// The loader. `syncGraph` (what `diplograph load` runs) makes the database hold exactly graph.json:
// when the database still carries the mark of the last load recorded in the state file, it
// writes only the difference (incremental); otherwise it deletes what graph.json does not hold
// and MERGEs every row (full). `loadGraph` is the plain idempotent MERGE load, keeping no state.
// Every write is a managed transaction (`executeWrite`), which the driver retries on transient
// errors (deadlocks, leader changes, lost connections).
import { randomUUID } from "node:crypto";
import type { ManagedTransaction, QueryStatistics, Session } from "neo4j-driver";
import { ENTITY_KINDS } from "../graph/types.ts";
import type { EntityKind, RelationType, SerializedKnowledgeGraph } from "../graph/types.ts";
import { catalogGraph, DamagedStateError, isEmptyDiff } from "./catalog.ts";
import { GraphFileError } from "./errors.ts";
import type { Catalog, LoadDiff, NodeEntry, NodeRef, RelationshipEntry, RelationshipRef } from "./catalog.ts";
import {
  appendNodesStatement,
  constraintName,
  insertNodesStatement,
  constraintStatement,
  DELETE_NODES_BY_ID_STATEMENT,
  DELETE_RELATIONSHIPS_BY_ID_STATEMENT,
  deleteNodesStatement,
  deleteRelationshipsStatement,
  mergeNodesStatement,
  mergeRelationshipsStatement,
  moveNodesStatement,
  MEETING_ORDER_INDEX,
  meetingOrderIndexStatement,
  nameIndexName,
  nameIndexStatement,
  SCAN_NODES_STATEMENT,
  SCAN_RELATIONSHIPS_STATEMENT,
  WIPE_STATEMENTS,
} from "./cypher.ts";
import { openSession, verifyServer, withSession } from "./driver.ts";
import { clearMark, distrust, markComplete, markLoading, snapshotDatabase } from "./load-marker.ts";
import { scanGraphFile } from "./graph-stream.ts";
import { readState, stateOf, writeState } from "./load-state.ts";
import type { LoadState } from "./load-state.ts";
import { appendedProperties, appendRow, layoutRow, nodeRow, planLoad, relationshipRow } from "./rows.ts";
import type { AppendRow, LoadPlan } from "./rows.ts";
import type { ConnectionSettings } from "./settings.ts";

export interface LoadOptions {
  /** Rows per transaction (default 2000). */
  batchSize?: number;
  /** Delete every node and relationship of the database first. */
  wipe?: boolean;
  /** Called after each committed batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface SyncOptions extends LoadOptions {
  /** The state file of this database (load-state.ts `defaultStatePath`). */
  statePath: string;
  /** Ignore the state: delete what graph.json does not hold and write every row. */
  full?: boolean;
}

export interface LoadReport {
  /** `incremental`: only the difference was written; `full`: every row. */
  mode: "full" | "incremental";
  /** Why a load with a state path was full. */
  reason?: string;
  nodes: number;
  relationships: number;
  nodesCreated: number;
  nodesDeleted: number;
  /** Nodes that existed and were written again (their attributes changed, or a full load). */
  nodesUpdated: number;
  /** Nodes of which only the layout (x, y, size, color) was written. */
  nodesMoved: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  relationshipsUpdated: number;
  /** What `--wipe` deleted, apart from the counts above. */
  wipedNodes: number;
  wipedRelationships: number;
  propertiesSet: number;
  constraintsAdded: number;
  batches: number;
  seconds: number;
  /** Seconds with a transaction of this load in flight (the rest of `seconds` is the client's own work). */
  databaseSeconds: number;
  /** Seconds reading graph.json, checking it and finding the difference. */
  scanSeconds: number;
  /** When graph.json was read through its build's index: the lines read (written since the last load's build), of all. */
  linesRead?: { read: number; of: number };
  /** Seconds writing the state file. */
  stateSeconds: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export function emptyReport(catalog: { nodes: number; relationships: number }): LoadReport {
  return {
    mode: "full",
    nodes: catalog.nodes,
    relationships: catalog.relationships,
    nodesCreated: 0,
    nodesDeleted: 0,
    nodesUpdated: 0,
    nodesMoved: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    relationshipsUpdated: 0,
    wipedNodes: 0,
    wipedRelationships: 0,
    propertiesSet: 0,
    constraintsAdded: 0,
    batches: 0,
    seconds: 0,
    databaseSeconds: 0,
    scanSeconds: 0,
    stateSeconds: 0,
  };
}

/**
 * Sends batches in managed transactions and adds up their counters. The rows of the next batch
 * are turned into properties while the previous one is in flight, so the client's planning
 * overlaps the server's work instead of adding to it.
 */
export class BatchWriter {
  private done = 0;
  private inFlightSince = 0;
  private inFlight = 0;
  constructor(
    readonly session: Session,
    readonly report: LoadReport,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
    /** Opens another session of the same database, for `writeSideBySide`. */
    private readonly openSession?: () => Session,
  ) {}

  count(stats: QueryStatistics): ReturnType<QueryStatistics["updates"]> {
    const u = stats.updates();
    this.report.nodesCreated += u.nodesCreated;
    this.report.nodesDeleted += u.nodesDeleted;
    this.report.relationshipsCreated += u.relationshipsCreated;
    this.report.relationshipsDeleted += u.relationshipsDeleted;
    this.report.propertiesSet += u.propertiesSet;
    this.report.constraintsAdded += u.constraintsAdded;
    return u;
  }

  /** Times `work` as database time (it must be a call to the server). */
  async timed<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight++ === 0) this.inFlightSince = performance.now();
    try {
      return await work();
    } finally {
      if (--this.inFlight === 0) this.report.databaseSeconds += (performance.now() - this.inFlightSince) / 1000;
    }
  }

  /** Runs `statement` once per batch of `batches`, the next batch prepared during the current one. */
  async write(statement: string, batches: Iterator<unknown[]>): Promise<void> {
    let next = batches.next();
    while (!next.done) {
      const pending = this.run(this.session, statement, next.value);
      next = batches.next();
      await pending;
    }
  }

  /**
   * As `write`, with `lanes` batches in flight at once, each lane a session of its own. Only for
   * batches that write disjoint nodes and no relationship (the lists of changed nodes), so that no
   * transaction waits on another's locks: the server rewrites each node's lists on one core, and
   * a +100 load at 100,000 articles spent two thirds of its database time so, one batch at a time.
   */
  async writeSideBySide(statement: string, batches: Iterator<unknown[]>, lanes: number): Promise<void> {
    if (!this.openSession || lanes < 2) return this.write(statement, batches);
    const sessions = [this.session, ...Array.from({ length: lanes - 1 }, () => this.openSession!())];
    let failed = false;
    const lane = async (session: Session) => {
      for (let next = batches.next(); !next.done && !failed; next = batches.next()) {
        try {
          await this.run(session, statement, next.value);
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    try {
      await Promise.all(sessions.map(lane));
    } finally {
      await Promise.all(sessions.slice(1).map((session) => session.close()));
    }
  }

  private async run(session: Session, statement: string, rows: unknown[]): Promise<void> {
    const result = await this.timed(() => session.executeWrite((tx: ManagedTransaction) => tx.run(statement, { rows })));
    this.count(result.summary.counters);
    this.report.batches += 1;
    this.done += rows.length;
    this.onProgress?.(this.done, this.total);
  }
}

/** Batches of changed nodes' lists in flight at once (BatchWriter.writeSideBySide). */
const APPEND_LANES = 2;

/** Rows of `entries` turned into properties one batch at a time, grouped as `groupOf` says. */
function* batchesOf<E, R>(entries: readonly E[], batchSize: number, toRow: (entry: E) => R): Generator<R[]> {
  for (const chunk of chunks(entries, batchSize)) yield chunk.map(toRow);
}

/**
 * The server reads and writes again every kept item of an appended list: a batch holds at most
 * this many of them, so that the biggest nodes go alone (ASEAN keeps 138,000 in the 10,000-article
 * graph; in one transaction with the 68 other organisations their append took 3.6–6.1 s, one
 * transaction each 0.9 s, ASEAN alone and the rest by 50,000 items 0.4–0.8 s) while the
 * many nodes of a few dozen mentions go together.
 */
const APPEND_BATCH_KEPT_ITEMS = 50_000;

/** Rows of appended nodes, batched by the items they keep (APPEND_BATCH_KEPT_ITEMS) and by `batchSize`. */
function* appendBatches(entries: ReadonlyArray<NodeEntry & { appendFrom: NonNullable<NodeEntry["appendFrom"]> }>, batchSize: number): Generator<AppendRow[]> {
  let batch: AppendRow[] = [];
  let kept = 0;
  for (const entry of entries) {
    const items = Object.values(entry.appendFrom).reduce((sum, n) => sum + n, 0);
    if (batch.length > 0 && (batch.length >= batchSize || kept + items > APPEND_BATCH_KEPT_ITEMS)) {
      yield batch;
      [batch, kept] = [[], 0];
    }
    batch.push(appendRow(entry));
    kept += items;
  }
  if (batch.length > 0) yield batch;
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The key constraints, name indexes and the meetings' date-order index, each created unless one of its name exists: asking once
 * which exist spares the 11 schema transactions every load ran (`IF NOT EXISTS` still guards a race).
 */
export async function ensureSchema(writer: BatchWriter, session: Session): Promise<void> {
  const existing = await writer.timed(() =>
    session.executeRead(async (tx) => {
      const names = new Set<string>();
      for (const show of ["SHOW CONSTRAINTS YIELD name", "SHOW INDEXES YIELD name"]) for (const record of (await tx.run(show)).records) names.add(String(record.get("name")));
      return names;
    }),
  );
  const create = async (name: string, statement: string) => {
    if (!existing.has(name)) writer.count((await writer.timed(() => session.executeWrite((tx) => tx.run(statement)))).summary.counters);
  };
  for (const label of ENTITY_KINDS) {
    await create(constraintName(label), constraintStatement(label));
    if (label !== "Article") await create(nameIndexName(label), nameIndexStatement(label));
  }
  await create(MEETING_ORDER_INDEX, meetingOrderIndexStatement());
}

async function wipeDatabase(writer: BatchWriter, session: Session): Promise<void> {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction.
  for (const statement of WIPE_STATEMENTS) {
    const u = (await writer.timed(() => session.run(statement))).summary.counters.updates();
    writer.report.wipedNodes += u.nodesDeleted;
    writer.report.wipedRelationships += u.relationshipsDeleted;
  }
}

/** Writes nodes (MERGE, every property replaced), then relationships; `updated` = written − created. */
async function writeEntries(writer: BatchWriter, nodes: readonly NodeEntry[], relationships: readonly RelationshipEntry[], batchSize: number): Promise<void> {
  const report = writer.report;
  const nodesCreatedBefore = report.nodesCreated;
  for (const [label, group] of groupBy(nodes.filter((n) => !n.appendFrom), (n) => n.label)) {
    await writer.write(mergeNodesStatement(label as EntityKind), batchesOf(group, batchSize, nodeRow));
  }
  const appended = nodes.filter((n): n is NodeEntry & { appendFrom: NonNullable<NodeEntry["appendFrom"]> } => n.appendFrom !== undefined);
  for (const group of groupBy(appended, (n) => `${n.label}|${appendedProperties(n.appendFrom).join(",")}|${n.inserts ? "inserts" : "end"}`).values()) {
    const first = group[0]!;
    const statement = first.inserts ? insertNodesStatement : appendNodesStatement;
    await writer.writeSideBySide(statement(first.label, appendedProperties(first.appendFrom)), appendBatches(group, batchSize), APPEND_LANES);
  }
  report.nodesUpdated += nodes.length - (report.nodesCreated - nodesCreatedBefore);
  const relationshipsCreatedBefore = report.relationshipsCreated;
  for (const group of groupBy(relationships, (r) => `${r.type}|${r.sourceLabel}|${r.targetLabel}`).values()) {
    const { type, sourceLabel, targetLabel } = group[0]!;
    await writer.write(mergeRelationshipsStatement(type, sourceLabel, targetLabel), batchesOf(group, batchSize, relationshipRow));
  }
  report.relationshipsUpdated += relationships.length - (report.relationshipsCreated - relationshipsCreatedBefore);
}

async function applyDiff(writer: BatchWriter, diff: LoadDiff, batchSize: number): Promise<void> {
  for (const group of groupBy(diff.relationshipDeletes, (r) => `${r.type}|${r.sourceLabel}|${r.targetLabel}`).values()) {
    const { type, sourceLabel, targetLabel } = group[0]!;
    await writer.write(deleteRelationshipsStatement(type as RelationType, sourceLabel, targetLabel), batchesOf(group, batchSize, (r: RelationshipRef) => ({ source: r.source, target: r.target })));
  }
  for (const [label, group] of groupBy(diff.nodeDeletes, (n) => n.label)) {
    await writer.write(deleteNodesStatement(label as EntityKind), batchesOf(group, batchSize, (n: NodeRef) => n.key));
  }
  await writeEntries(writer, diff.nodeWrites, diff.relationshipWrites, batchSize);
  for (const [label, group] of groupBy(diff.moves, (n) => n.label)) {
    await writer.write(moveNodesStatement(label as EntityKind), batchesOf(group, batchSize, layoutRow));
  }
  writer.report.nodesMoved += diff.moves.length;
}

/**
 * A full load that ends with exactly graph.json's contents whatever the database held: nodes
 * and relationships graph.json does not have (or has once, where the database has two, or under
 * another label) are deleted first, then every row is MERGEd with all its properties replaced.
 */
async function fullLoad(writer: BatchWriter, session: Session, catalog: Catalog, batchSize: number): Promise<void> {
  // The database's rows are streamed and checked against the catalog's indexes: a database that
  // holds 2.7 million relationships is not read into memory, nor graph.json's identities into strings.
  const { labels } = catalog.digests.nodes;
  const { nodeIds, relationshipIds } = await writer.timed(() =>
    session.executeRead(async (tx) => {
      const nodeIds: string[] = [];
      const nodeSeen = new Uint8Array(labels.length);
      for await (const record of tx.run(SCAN_NODES_STATEMENT)) {
        const found = catalog.nodeIndex(record.get("key"));
        const nodeLabels = record.get("labels") as string[];
        if (found >= 0 && nodeLabels.length === 1 && labels[found] === nodeLabels[0] && !nodeSeen[found]) nodeSeen[found] = 1;
        else nodeIds.push(record.get("id") as string);
      }
      const relationshipIds: string[] = [];
      const seen = new Uint8Array(catalog.digests.relationships.types.length);
      for await (const record of tx.run(SCAN_RELATIONSHIPS_STATEMENT)) {
        const found = catalog.relationshipIndex(record.get("type"), record.get("source"), record.get("target"));
        if (found >= 0 && !seen[found]) seen[found] = 1;
        else relationshipIds.push(record.get("id") as string);
      }
      return { nodeIds, relationshipIds };
    }),
  );
  await writer.write(DELETE_RELATIONSHIPS_BY_ID_STATEMENT, chunks(relationshipIds, batchSize));
  await writer.write(DELETE_NODES_BY_ID_STATEMENT, chunks(nodeIds, batchSize));
  await writeEntries(writer, catalog.nodes, catalog.relationships, batchSize);
}

/** Writes the state file; a failure is one line (the data is loaded, and the marker, left "loading", makes the next load a full one). */
export async function recordState(path: string, state: LoadState): Promise<void> {
  try {
    await writeState(path, state);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new GraphFileError(`load: the graph is loaded, but its state cannot be written to ${path} (${reason}); the next load will be a full one (--state FILE puts it elsewhere)`);
  }
}

/**
 * Makes the database hold exactly graph.json, writing only what changed since the last load when
 * it can. `source` is graph.json's path (read one line at a time) or the graph itself, named
 * `file` in errors.
 */
export async function syncGraph(settings: ConnectionSettings, source: string | SerializedKnowledgeGraph, file: string, options: SyncOptions): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report = emptyReport({ nodes: 0, relationships: 0 });
  // the state is read while the server is reached (both wait, mostly)
  const [stored] = await Promise.all([options.full ? { missing: "--full" } : readState(options.statePath), verifyServer(settings)]);

  await withSession(settings, "WRITE", async (session) => {
    const probe = new BatchWriter(session, report, 0);
    await ensureSchema(probe, session);
    if (options.wipe) await wipeDatabase(probe, session);
    const snapshot = await probe.timed(() => snapshotDatabase(session));

    let previous: LoadState | undefined;
    if ("missing" in stored) report.reason = stored.missing;
    else {
      report.reason = distrust(stored, snapshot);
      if (report.reason === undefined) previous = stored;
    }
    const readStarted = performance.now();
    const scan = (against?: LoadState) => (typeof source === "string" ? scanGraphFile(source, against) : Promise.resolve(catalogGraph(source, file, against)));
    let catalog: Catalog;
    try {
      catalog = await scan(previous);
    } catch (error) {
      if (!(error instanceof DamagedStateError)) throw error;
      report.reason = error.message;
      catalog = await scan(undefined);
    }
    // the rows to write may be read again from graph.json (line-entries.ts), held open until then
    try {
      report.scanSeconds = (performance.now() - readStarted) / 1000;
      if (catalog.linesRead) report.linesRead = catalog.linesRead;
      report.nodes = catalog.digests.nodes.keys.length;
      report.relationships = catalog.digests.relationships.types.length;
      const diff = catalog.diff;
      if (diff) report.mode = "incremental";
      if (diff && isEmptyDiff(diff)) {
        // nothing to write; the state learns which build's file the database holds, for the next load's index
        if (previous && catalog.build !== previous.build) {
          await recordState(options.statePath, stateOf(catalog, { generation: previous.generation, databaseId: snapshot.databaseId, uri: settings.uri, database: settings.database, graph: file }));
        }
        return;
      }

      const generation = randomUUID();
      const total = diff
        ? diff.nodeWrites.length + diff.nodeDeletes.length + diff.relationshipWrites.length + diff.relationshipDeletes.length + diff.moves.length
        : catalog.nodes.length + catalog.relationships.length;
      const writer = new BatchWriter(session, report, total, options.onProgress, () => openSession(settings, "WRITE"));
      await writer.timed(() => markLoading(session, generation));
      // The state file is written while the server works on the first batches, and the mark says
      // "complete" only once both are done: a load stopped before leaves a mark that says "loading",
      // and the next load is a full one.
      const writing = diff ? applyDiff(writer, diff, batchSize) : fullLoad(writer, session, catalog, batchSize);
      const stateStarted = performance.now();
      const recording = recordState(options.statePath, stateOf(catalog, { generation, databaseId: snapshot.databaseId, uri: settings.uri, database: settings.database, graph: file })).then(() => {
        report.stateSeconds = (performance.now() - stateStarted) / 1000;
      });
      const [written, recorded] = await Promise.allSettled([writing, recording]);
      if (written.status === "rejected") throw written.reason;
      if (recorded.status === "rejected") throw recorded.reason;
      await writer.timed(() => markComplete(session, generation, file));
    } finally {
      catalog.lines?.close();
    }
  });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/** Loads graph.json's contents with MERGE (idempotent), keeping no state; `file` names it in errors. */
export async function loadGraph(settings: ConnectionSettings, graph: SerializedKnowledgeGraph, file: string, options: LoadOptions = {}): Promise<LoadReport> {
  return loadPlan(settings, planLoad(graph, file), options);
}

/** The plain MERGE load of a plan. It leaves no generation behind, so the next `syncGraph` is a full one. */
export async function loadPlan(settings: ConnectionSettings, plan: LoadPlan, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report = emptyReport({ nodes: plan.nodeCount, relationships: plan.relationshipCount });
  await verifyServer(settings);
  await withSession(settings, "WRITE", async (session) => {
    const writer = new BatchWriter(session, report, plan.nodeCount + plan.relationshipCount, options.onProgress);
    if (options.wipe) await wipeDatabase(writer, session);
    await ensureSchema(writer, session);
    await writer.timed(() => clearMark(session));
    for (const group of plan.nodes) {
      await writer.write(mergeNodesStatement(group.label), chunks(group.rows, batchSize));
    }
    for (const group of plan.relationships) {
      await writer.write(mergeRelationshipsStatement(group.type, group.sourceLabel, group.targetLabel), chunks(group.rows, batchSize));
    }
  });
  report.nodesUpdated = plan.nodeCount - report.nodesCreated;
  report.relationshipsUpdated = plan.relationshipCount - report.relationshipsCreated;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

