// `diplograph load --bulk`: the first load of a large graph through `neo4j-admin database import
// full` on the local server (scripts/neo4j/): CSV files with neo4j-admin's headers, the server
// stopped, the database imported over, the server started again as it was, the loader's
// constraints and indexes created, and the load's state recorded so that later loads are
// incremental. neo4j-admin writes the store files directly, without transactions: about twice
// the online loader's rate here (docs/benchmarks.md).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { EntityKind, RelationType } from "../graph/types.ts";
import { laterProperties, writeAdminCsv } from "./admin-csv.ts";
import type { EmptyLists, LaterValues } from "./admin-csv.ts";
import { identifier } from "./cypher.ts";
import { verifyServer, withSession } from "./driver.ts";
import { BulkLoadError } from "./errors.ts";
import { scanGraphFile } from "./graph-stream.ts";
import { markComplete, snapshotDatabase } from "./load-marker.ts";
import { stateOf } from "./load-state.ts";
import { BatchWriter, emptyReport, ensureSchema, recordState } from "./loader.ts";
import type { LoadReport } from "./loader.ts";
import { launcherClasspath, LocalServerError, localServerConfig, portAnswers, serverStatus, startedConfig, startServer, stopServer } from "./local-server.ts";
import type { LocalServerConfig } from "./local-server.ts";
import type { ConnectionSettings } from "./settings.ts";

export interface BulkOptions {
  statePath: string;
  /** Where the local server's settings come from (DIPLOGRAPH_NEO4J_HOME, NEO4J_BOLT_PORT, …). */
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

export interface BulkReport extends LoadReport {
  /** Seconds of each step; `csv` (reading graph.json, then the CSV) and `stop` overlap. */
  steps: { csv: number; stop: number; import: number; start: number; schema: number; state: number };
  csvBytes: number;
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** The local server the settings point at, or BulkLoadError saying why they do not. */
function localServerFor(settings: ConnectionSettings, env: NodeJS.ProcessEnv): LocalServerConfig {
  const base = localServerConfig(env);
  const config = startedConfig(base.home) ?? base;
  let url: URL | undefined;
  try {
    url = new URL(settings.uri);
  } catch {
    url = undefined;
  }
  const port = url ? Number(url.port || 7687) : NaN;
  if (!url || !["bolt:", "neo4j:"].includes(url.protocol) || !LOCAL_HOSTS.has(url.hostname) || port !== config.boltPort) {
    throw new BulkLoadError(
      `load --bulk: ${settings.uri} is not the local server (bolt://127.0.0.1:${config.boltPort}, data in ${config.home}); ` +
        "--bulk stops the server and rewrites its files, so it only works on the one `npm run neo4j:start` runs " +
        "(DIPLOGRAPH_NEO4J_HOME and NEO4J_BOLT_PORT name another); load other servers without --bulk",
    );
  }
  return config;
}

/** Runs neo4j-admin from the launcher's jars; resolves, or BulkLoadError with neo4j-admin's reason. */
function runImport(config: LocalServerConfig, args: string[], confDir: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn("java", [...config.javaOpts, "-cp", launcherClasspath(), "org.neo4j.cli.AdminTool", ...args], {
      cwd: config.home,
      env: { ...process.env, NEO4J_HOME: config.home, NEO4J_CONF: confDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-64 * 1024);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.once("error", (error) => fail(new BulkLoadError(`load --bulk: cannot run neo4j-admin (java: ${error.message})`)));
    child.once("exit", (code) => {
      if (code === 0) return done();
      const lines = output.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^[.\s\-\d%∆[\]a-z]*$/.test(l));
      const reason = [...lines].reverse().find((l) => /error|exception|invalid|fail/i.test(l)) ?? lines[lines.length - 1] ?? `exit code ${code}`;
      fail(new BulkLoadError(`load --bulk: neo4j-admin database import failed: ${reason.replace(/\s+/g, " ")}`));
    });
  });
}

type RowGroup = Pick<EmptyLists, "label" | "type" | "sourceLabel" | "targetLabel">;

/**
 * `UNWIND $rows AS row` and the MATCH of what a row names, bound to `x`: the node of a group with
 * a label (its key is `nodeKey`), else the relationship (row.source)-[type]->(row.target).
 */
function matchRows(group: RowGroup, nodeKey: "row" | "row.key"): string {
  return group.label
    ? `UNWIND $rows AS row MATCH (x:${identifier(group.label)} {key: ${nodeKey}})`
    : `UNWIND $rows AS row MATCH (:${identifier(group.sourceLabel as EntityKind)} {key: row.source})-[x:${identifier(group.type as RelationType)}]->(:${identifier(group.targetLabel as EntityKind)} {key: row.target})`;
}

async function setEmptyLists(writer: BatchWriter, groups: EmptyLists[], batchSize: number): Promise<void> {
  for (const group of groups) {
    const empty = Object.fromEntries(group.names.map((name) => [name, []]));
    const statement = `${matchRows(group, "row")} SET x += $empty`;
    for (let i = 0; i < group.rows.length; i += batchSize) {
      const rows = group.rows.slice(i, i + batchSize);
      writer.count((await writer.timed(() => writer.session.executeWrite((tx) => tx.run(statement, { rows, empty })))).summary.counters);
    }
  }
}

/** A batch of texts set after the import holds at most this many characters (article bodies reach megabytes). */
const LATER_BATCH_CHARACTERS = 8 * 1024 * 1024;

function* laterBatches(rows: LaterValues["rows"], batchSize: number): Generator<Array<ReturnType<typeof laterProperties>>> {
  let batch: Array<ReturnType<typeof laterProperties>> = [];
  let characters = 0;
  for (const later of rows) {
    const row = laterProperties(later);
    const size = Object.values(row.props).reduce<number>((sum, v) => sum + (Array.isArray(v) ? v.reduce<number>((n, item) => n + String(item).length, 0) : String(v).length), 0);
    if (batch.length > 0 && (batch.length >= batchSize || characters + size > LATER_BATCH_CHARACTERS)) {
      yield batch;
      [batch, characters] = [[], 0];
    }
    batch.push(row);
    characters += size;
  }
  if (batch.length > 0) yield batch;
}

/** The texts with line breaks the CSV left out, set as the online loader sets properties. */
async function setLaterValues(writer: BatchWriter, groups: LaterValues[], batchSize: number): Promise<void> {
  for (const group of groups) {
    await writer.write(`${matchRows(group, "row.key")} SET x += row.props`, laterBatches(group.rows, batchSize));
  }
}

export async function bulkLoad(settings: ConnectionSettings, graphFile: string, options: BulkOptions): Promise<BulkReport> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const lap = (() => {
    let last = performance.now();
    return () => {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    };
  })();
  const config = localServerFor(settings, options.env ?? process.env);
  const status = await serverStatus(config);
  if (status.state === "stopped" && status.portBusy) {
    throw new BulkLoadError(`load --bulk: port ${config.boltPort} answers, but not from the local server of ${config.home}; it cannot be stopped from here`);
  }

  // a graph.json that breaks the contract is refused here, before the server is touched
  const catalog = await scanGraphFile(graphFile);
  const dir = join(config.home, "bulk-import");
  const report: BulkReport = { ...emptyReport({ nodes: catalog.nodes.length, relationships: catalog.relationships.length }), steps: { csv: 0, stop: 0, import: 0, start: 0, schema: 0, state: 0 }, csvBytes: 0 };
  report.steps.csv = lap(); // reading graph.json; the CSV's own time is added below
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "conf"), { recursive: true });
    // The server's shutdown (a checkpoint, 9 s here) waits on the disk while the CSV is written
    // on the CPU: both at once. The server is stopped only after graph.json passed its checks.
    log(`load --bulk: writing the CSV files while the local server (pid ${"pid" in status ? status.pid : "none"}) stops`);
    const since = performance.now();
    const seconds = () => (performance.now() - since) / 1000;
    const stopping = stopServer(config).then(
      () => (report.steps.stop = seconds()),
      (error: unknown) => {
        throw new BulkLoadError(`load --bulk: cannot stop the local server of ${config.home}: ${(error as Error).message}`);
      },
    );
    const writing = writeAdminCsv(catalog, dir).then((csv) => ((report.steps.csv += seconds()), csv));
    const [stopped, written] = await Promise.allSettled([stopping, writing]);
    if (written.status === "rejected") {
      // nothing was imported: the server goes back up as it was
      if (stopped.status === "fulfilled" && status.state !== "stopped") await startServer(config, { log: () => {} });
      throw written.reason;
    }
    if (stopped.status === "rejected") throw stopped.reason;
    const csv = written.value;
    const files = [...csv.nodeFiles, ...csv.relationshipFiles];
    report.csvBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    log(`load --bulk: ${files.length} CSV files (${(report.csvBytes / 1e6).toFixed(1)} MB) in ${report.steps.csv.toFixed(1)} s; the server stopped in ${report.steps.stop.toFixed(1)} s`);
    if (await portAnswers(config.boltPort)) throw new BulkLoadError(`load --bulk: port ${config.boltPort} still answers after the local server was stopped; nothing was imported`);
    lap();

    log(`load --bulk: neo4j-admin database import full into "${settings.database}"`);
    let failure: unknown;
    try {
      await runImport(
        config,
        [
          "database",
          "import",
          "full",
          ...csv.nodeFiles.map((f) => `--nodes=${f}`),
          ...csv.relationshipFiles.map((f) => `--relationships=${f}`),
          `--array-delimiter=${csv.arrayDelimiter}`,
          `--multiline-fields=${csv.multilineFields}`,
          `--read-buffer-size=${csv.readBufferSize}`,
          "--overwrite-destination=true",
          `--report-file=${join(dir, "import.report")}`,
          settings.database,
        ],
        join(dir, "conf"),
      );
    } catch (error) {
      failure = error;
    }
    report.steps.import = lap();
    // started again whatever the import did: a failed import leaves the database as it was
    log("load --bulk: starting the local server");
    try {
      await startServer(config, { log: () => {} });
    } catch (error) {
      if (failure) throw failure;
      throw error instanceof LocalServerError ? new BulkLoadError(`load --bulk: imported, but the server did not start again: ${error.message.split("\n")[0]}`) : error;
    }
    report.steps.start = lap();
    if (failure) throw failure;

    await verifyServer(settings);
    await withSession(settings, "WRITE", async (session) => {
      const writer = new BatchWriter(session, report, 0);
      const texts = csv.laterValues.reduce((n, group) => n + group.rows.length, 0);
      log(`load --bulk: constraints, indexes, empty lists, and the texts with line breaks of ${texts} rows`);
      await ensureSchema(writer, session);
      await writer.timed(() => session.run("CALL db.awaitIndexes(600)"));
      await setEmptyLists(writer, csv.emptyLists, 5000);
      await setLaterValues(writer, csv.laterValues, 500);
      report.steps.schema = lap();
      const snapshot = await snapshotDatabase(session);
      const generation = randomUUID();
      await recordState(options.statePath, stateOf(catalog, { generation, databaseId: snapshot.databaseId, uri: settings.uri, database: settings.database, graph: graphFile }));
      await markComplete(session, generation, graphFile);
      report.steps.state = lap();
    });
  } finally {
    catalog.lines?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  report.nodesCreated = catalog.nodes.length;
  report.relationshipsCreated = catalog.relationships.length;
  report.nodes = catalog.nodes.length;
  report.relationships = catalog.relationships.length;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
