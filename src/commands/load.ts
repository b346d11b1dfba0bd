// `diplograph load`: graph.json → Neo4j, only what changed since the last load of that database
// (a full load when that cannot be trusted), with a progress bar and the counts of what it wrote.
import type { Command } from "commander";
import { BulkLoadError, GraphFileError, Neo4jAuthError, Neo4jUnavailableError, UsageError } from "../neo4j/errors.ts";
import type { BulkReport } from "../neo4j/bulk.ts";
import type { LoadReport } from "../neo4j/index.ts";
import { runWithNeo4j } from "./known-errors.ts";

interface LoadCommandOptions {
  graph: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  wipe?: boolean;
  full?: boolean;
  state?: string;
  bulk?: boolean;
  batchSize: string;
}

export function registerLoad(program: Command): void {
  program
    .command("load")
    .description("load graph.json into Neo4j, writing only what changed since the last load (idempotent: loading twice writes nothing)")
    .option("--graph <file>", "graph.json to load", "graph/out/graph.json")
    .option("--uri <uri>", "Bolt URI (default $NEO4J_URI or bolt://127.0.0.1:7687)")
    .option("--user <name>", "user (default $NEO4J_USER or neo4j)")
    .option("--password <password>", "password (default $NEO4J_PASSWORD or diplograph)")
    .option("--database <name>", "database (default $NEO4J_DATABASE or neo4j)")
    .option("--wipe", "delete every node and relationship of the database first")
    .option("--full", "write every row, whatever the last load left (the database still ends holding exactly graph.json)")
    .option("--state <file>", "the state of the last load into this database (default: beside graph.json, in .diplograph/)")
    .option("--bulk", "first load of a large graph into the local server (npm run neo4j:start): stops it, runs neo4j-admin database import full, starts it again")
    .option("--batch-size <rows>", "rows per transaction", "2000")
    .action(async (options: LoadCommandOptions) => {
      await runWithNeo4j([GraphFileError, Neo4jUnavailableError, Neo4jAuthError, UsageError, BulkLoadError], () => (options.bulk ? runBulk(options) : runLoad(options)));
    });
}

async function runBulk(options: LoadCommandOptions): Promise<void> {
  if (options.wipe || options.full) throw new UsageError("load: --bulk replaces the whole database; --wipe and --full do not apply to it");
  const { connectionSettings, defaultStatePath } = await import("../neo4j/index.ts");
  const { bulkLoad } = await import("../neo4j/bulk.ts");
  const settings = connectionSettings({ uri: options.uri, user: options.user, password: options.password, database: options.database });
  const report = await bulkLoad(settings, options.graph, {
    statePath: options.state ?? defaultStatePath(options.graph, settings.uri, settings.database),
    log: (line) => console.error(line),
  });
  console.log(bulkSummary(options.graph, settings.uri, report));
}

function bulkSummary(file: string, uri: string, r: BulkReport): string {
  const s = r.steps;
  return (
    `bulk-loaded ${file} into ${uri} with neo4j-admin: ${n(r.nodes)} nodes (${n(r.nodesCreated)} created), ` +
    `${n(r.relationships)} relationships (${n(r.relationshipsCreated)} created), ${r.constraintsAdded} constraints added, in ${r.seconds.toFixed(2)} s ` +
    `(CSV ${s.csv.toFixed(2)} s, the server stopping meanwhile ${s.stop.toFixed(2)} s, import ${s.import.toFixed(2)} s, start ${s.start.toFixed(2)} s, ` +
    `constraints and indexes ${s.schema.toFixed(2)} s, state ${s.state.toFixed(2)} s)`
  );
}

async function runLoad(options: LoadCommandOptions): Promise<void> {
  // Loaded here, not at start-up: the driver costs every other command's start.
  const { connectionSettings, defaultStatePath, syncGraph } = await import("../neo4j/index.ts");
  const { progressBar } = await import("./progress.ts");
  const batchSize = Number(options.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`load: --batch-size must be a positive whole number, got "${options.batchSize}"`);
  }
  const settings = connectionSettings({
    uri: options.uri,
    user: options.user,
    password: options.password,
    database: options.database,
  });
  const started = performance.now();
  // rows written: a bar on a terminal, a line every few seconds in a log (commands/progress.ts)
  const bar = progressBar("loading", 1);
  try {
    const report = await syncGraph(settings, options.graph, options.graph, {
      batchSize,
      wipe: options.wipe ?? false,
      full: options.full ?? false,
      statePath: options.state ?? defaultStatePath(options.graph, settings.uri, settings.database),
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    console.log(summary(options.graph, settings.uri, report, (performance.now() - started) / 1000));
  } finally {
    bar.stop();
  }
}

const n = (value: number) => value.toLocaleString("en");

function summary(file: string, uri: string, r: LoadReport, totalSeconds: number): string {
  const how = r.mode === "incremental" ? "incremental" : `full load (${r.reason ?? "asked"})`;
  const wiped = r.wipedNodes + r.wipedRelationships > 0 ? `wiped ${n(r.wipedNodes)} nodes and ${n(r.wipedRelationships)} relationships; ` : "";
  const client = totalSeconds - r.databaseSeconds;
  return (
    `loaded ${file} into ${uri}, ${how}: ${wiped}` +
    `${n(r.nodes)} nodes (${n(r.nodesCreated)} created, ${n(r.nodesDeleted)} deleted, ${n(r.nodesUpdated)} updated, ${n(r.nodesMoved)} moved), ` +
    `${n(r.relationships)} relationships (${n(r.relationshipsCreated)} created, ${n(r.relationshipsDeleted)} deleted, ${n(r.relationshipsUpdated)} updated), ` +
    `${r.constraintsAdded} constraints added, ${r.batches} batches in ${totalSeconds.toFixed(2)} s ` +
    `(database ${r.databaseSeconds.toFixed(2)} s, reading graph.json${r.linesRead ? ` (${n(r.linesRead.read)} of its ${n(r.linesRead.of)} lines, written since the last load)` : ""} and finding the changes ${r.scanSeconds.toFixed(2)} s, ` +
    `other client work ${(client - r.scanSeconds).toFixed(2)} s)`
  );
}
