// The batched, idempotent loader: constraints first, then `UNWIND $rows` MERGE batches,
// each batch one managed transaction (the driver retries transient failures).
import type { ManagedTransaction, QueryStatistics } from "neo4j-driver";
import { ENTITY_KINDS } from "../graph/types.ts";
import type { SerializedKnowledgeGraph } from "../graph/types.ts";
import { constraintStatement, nameIndexStatement, mergeNodesStatement, mergeRelationshipsStatement, WIPE_STATEMENT } from "./cypher.ts";
import { verifyServer, withSession } from "./driver.ts";
import { planLoad } from "./rows.ts";
import type { LoadPlan } from "./rows.ts";
import type { ConnectionSettings } from "./settings.ts";

export interface LoadOptions {
  /** Rows per transaction (default 2000). */
  batchSize?: number;
  /** Delete every node and relationship of the database first. */
  wipe?: boolean;
  /** Called after each committed batch with rows written so far and the total. */
  onProgress?: (done: number, total: number) => void;
}

export interface LoadReport {
  nodes: number;
  relationships: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  constraintsAdded: number;
  batches: number;
  seconds: number;
}

export const DEFAULT_BATCH_SIZE = 2000;

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** Loads graph.json's contents; `file` names it in errors. */
export async function loadGraph(
  settings: ConnectionSettings,
  graph: SerializedKnowledgeGraph,
  file: string,
  options: LoadOptions = {},
): Promise<LoadReport> {
  return loadPlan(settings, planLoad(graph, file), options);
}

export async function loadPlan(settings: ConnectionSettings, plan: LoadPlan, options: LoadOptions = {}): Promise<LoadReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const report: LoadReport = {
    nodes: plan.nodeCount,
    relationships: plan.relationshipCount,
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    constraintsAdded: 0,
    batches: 0,
    seconds: 0,
  };
  const count = (stats: QueryStatistics) => {
    const u = stats.updates();
    report.nodesCreated += u.nodesCreated;
    report.nodesDeleted += u.nodesDeleted;
    report.relationshipsCreated += u.relationshipsCreated;
    report.relationshipsDeleted += u.relationshipsDeleted;
    report.propertiesSet += u.propertiesSet;
    report.constraintsAdded += u.constraintsAdded;
  };

  await verifyServer(settings);
  await withSession(settings, "WRITE", async (session) => {
    if (options.wipe) {
      // CALL … IN TRANSACTIONS needs an auto-commit transaction.
      count((await session.run(WIPE_STATEMENT)).summary.counters);
    }
    for (const label of ENTITY_KINDS) {
      count((await session.executeWrite((tx) => tx.run(constraintStatement(label)))).summary.counters);
      if (label !== "Article") count((await session.executeWrite((tx) => tx.run(nameIndexStatement(label)))).summary.counters);
    }

    const total = plan.nodeCount + plan.relationshipCount;
    let done = 0;
    const writeBatch = async (statement: string, rows: unknown[]) => {
      const result = await session.executeWrite((tx: ManagedTransaction) => tx.run(statement, { rows }));
      count(result.summary.counters);
      report.batches += 1;
      done += rows.length;
      options.onProgress?.(done, total);
    };
    for (const group of plan.nodes) {
      const statement = mergeNodesStatement(group.label);
      for (const rows of chunks(group.rows, batchSize)) await writeBatch(statement, rows);
    }
    for (const group of plan.relationships) {
      const statement = mergeRelationshipsStatement(group.type, group.sourceLabel, group.targetLabel);
      for (const rows of chunks(group.rows, batchSize)) await writeBatch(statement, rows);
    }
  });
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
