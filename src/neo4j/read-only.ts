// Read-only Cypher for people and programs (the viewer's console, `diplograph query`,
// `export --cypher`): the server's own plan of the query (EXPLAIN) must only read
// (src/neo4j/plan-check.ts); then it runs in a READ transaction with a time limit, and its
// result is cut by rows and by bytes so that no answer can hold the process.
import neo4j from "neo4j-driver";
import type { ManagedTransaction, Transaction } from "neo4j-driver";
import { BoltMessageTooLargeError, withBoltMessageCap } from "./bolt-message-cap.ts";
import { withSession } from "./driver.ts";
import { QueryTimeoutError, WriteQueryRefusedError } from "./errors.ts";
import { refusalReason } from "./plan-check.ts";
import type { PlanOperator } from "./plan-check.ts";
import { toPlain } from "./values.ts";
import type { PlainValue } from "./values.ts";
import type { ConnectionSettings } from "./settings.ts";

/** Functions of plugins on each server (by URI and database); built-in ones cannot reach outside. */
const nonBuiltInFunctions = new Map<string, Promise<string[]>>();

async function pluginFunctions(settings: ConnectionSettings, tx: Transaction | ManagedTransaction): Promise<string[]> {
  const id = JSON.stringify([settings.uri, settings.database]);
  let names = nonBuiltInFunctions.get(id);
  if (!names) {
    names = tx
      .run("SHOW FUNCTIONS YIELD name, isBuiltIn WHERE NOT isBuiltIn RETURN name")
      .then((result) => result.records.map((record) => String(record.get("name"))));
    nonBuiltInFunctions.set(id, names);
    names.catch(() => nonBuiltInFunctions.delete(id));
  }
  return names;
}

/** EXPLAINs the query in `tx` and throws WriteQueryRefusedError unless its plan only reads. */
async function refuseUnlessReadOnly(
  settings: ConnectionSettings,
  tx: Transaction,
  cypher: string,
  params: Record<string, unknown>,
): Promise<void> {
  const functions = await pluginFunctions(settings, tx);
  // EXPLAIN plans without running: nothing is read, written, loaded or called yet.
  const { summary } = await tx.run(`EXPLAIN ${cypher}`, params);
  const reason = refusalReason(
    { queryType: String(summary.queryType), database: summary.database?.name ?? undefined, plan: summary.plan as PlanOperator | false },
    { database: settings.database, nonBuiltInFunctions: functions },
  );
  if (reason) throw new WriteQueryRefusedError(`query: refused: ${reason}; only read-only queries run here`);
}

/** Whether a query would be refused, without running it: WriteQueryRefusedError when it would. */
export async function checkReadOnly(settings: ConnectionSettings, cypher: string, params: Record<string, unknown> = {}): Promise<void> {
  await withSession(settings, "READ", async (session) => {
    const tx = await session.beginTransaction({ timeout: 10_000 });
    try {
      await refuseUnlessReadOnly(settings, tx, cypher, toDriverParams(params));
    } finally {
      if (tx.isOpen()) await tx.rollback();
    }
  });
}

export interface ReadQueryOptions {
  /** Time limit: the server's transaction timeout, and this client gives up soon after it too (default 30 s). */
  timeoutMs?: number;
  /** Rows returned at most (default 10,000). */
  rowLimit?: number;
  /** Bytes of rows (as JSON) returned at most; a single larger row is dropped before it is decoded (default 32 MB). */
  byteLimit?: number;
}

export interface ReadQueryResult {
  columns: string[];
  rows: Array<Record<string, PlainValue>>;
  /** True when the result was cut by the row or byte limit. */
  truncated: boolean;
  /** Where and why it was cut, in a sentence ("result cut at 1000 rows / 52311 bytes: …"); null when complete. */
  cut: string | null;
}

export const DEFAULT_READ_LIMITS = { timeoutMs: 30_000, rowLimit: 10_000, byteLimit: 32 * 1024 * 1024 } as const;

/** How long after the server's own time limit this client stops waiting for an answer. */
const CLIENT_GRACE_MS = 2_000;

/** Parameters as Neo4j expects them: whole numbers as integers (LIMIT $n, ordinals). */
function toDriverParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    return value;
  };
  return convert(params) as Record<string, unknown>;
}

/** Runs a read query: refused unless its plan only reads, then run in a READ transaction, cut by rows and bytes. */
export async function runReadQuery(
  settings: ConnectionSettings,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadQueryOptions = {},
): Promise<ReadQueryResult> {
  return runInReadSession(settings, cypher, params, options, { checkPlan: true });
}

/**
 * runReadQuery's session: a READ transaction with the time limit, the result cut by rows and
 * bytes. `checkPlan: false` skips the plan check (only for the tests that prove the server
 * refuses writes in a READ session too).
 */
export async function runInReadSession(
  settings: ConnectionSettings,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadQueryOptions = {},
  { checkPlan = false }: { checkPlan?: boolean } = {},
): Promise<ReadQueryResult> {
  const { timeoutMs, rowLimit, byteLimit } = { ...DEFAULT_READ_LIMITS, ...options };
  const driverParams = toDriverParams(params);
  let closeSession: (() => Promise<void>) | undefined;
  const work = withSession(settings, "READ", async (session) => {
    closeSession = () => session.close();
    const tx = await session.beginTransaction({ timeout: timeoutMs });
    try {
      if (checkPlan) await refuseUnlessReadOnly(settings, tx, cypher, driverParams);
      return await withBoltMessageCap(byteLimit, () => collectRows(tx, cypher, driverParams, rowLimit, byteLimit));
    } finally {
      // A connection closed by the message cap cannot roll back; the server already did.
      if (tx.isOpen()) await tx.rollback().catch(() => {});
    }
  });
  return giveUpAfter(work, timeoutMs + CLIENT_GRACE_MS, () => void closeSession?.().catch(() => {}));
}

/** Streams the records, stopping at the row or byte limit (and leaving the rest unread on the server). */
async function collectRows(
  tx: Transaction,
  cypher: string,
  params: Record<string, unknown>,
  rowLimit: number,
  byteLimit: number,
): Promise<ReadQueryResult> {
  const result = tx.run(cypher, params);
  const rows: Array<Record<string, PlainValue>> = [];
  let bytes = 0;
  let cut: string | null = null;
  const cutAt = (why: string) => `result cut at ${rows.length} rows / ${bytes} bytes: ${why}`;
  try {
    for await (const record of result) {
      if (rows.length >= rowLimit) {
        cut = cutAt(`the limit is ${rowLimit} rows`);
        break;
      }
      const row = Object.fromEntries(record.keys.map((key) => [String(key), toPlain(record.get(key))]));
      const size = Buffer.byteLength(JSON.stringify(row));
      if (bytes + size > byteLimit) {
        cut = cutAt(`the limit is ${byteLimit} bytes`);
        break;
      }
      rows.push(row);
      bytes += size;
    }
  } catch (error) {
    if (!(error instanceof BoltMessageTooLargeError) && !(error instanceof Error && error.cause instanceof BoltMessageTooLargeError)) throw error;
    cut = cutAt(`the next row alone is over the limit of ${byteLimit} bytes`);
  }
  const columns = await result.keys().then(
    (keys) => keys.map(String),
    () => Object.keys(rows[0] ?? {}),
  );
  return { columns, rows, truncated: cut !== null, cut };
}

/** The client's own time limit: the answer, or QueryTimeoutError once `ms` have passed (then `onGiveUp` runs). */
function giveUpAfter<T>(work: Promise<T>, ms: number, onGiveUp: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      onGiveUp();
      reject(new QueryTimeoutError(`neo4j: no answer within ${ms} ms; the query was given up`));
    }, ms);
  });
  // The work may settle after the deadline won; its outcome is no longer anyone's.
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
