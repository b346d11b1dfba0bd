// `diplograph load`: graph.json → Neo4j, batched and idempotent, with a progress bar.
import type { Command } from "commander";
import { readGraphFile } from "../graph/read-graph.ts";
import type { SerializedKnowledgeGraph } from "../graph/types.ts";
import { GraphFileError, Neo4jAuthError, Neo4jUnavailableError, UsageError } from "../neo4j/errors.ts";
import type { LoadReport } from "../neo4j/index.ts";
import { runWithNeo4j } from "./known-errors.ts";

interface LoadCommandOptions {
  graph: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  wipe?: boolean;
  batchSize: string;
}

export function registerLoad(program: Command): void {
  program
    .command("load")
    .description("load graph.json into Neo4j (idempotent: loading twice changes nothing)")
    .option("--graph <file>", "graph.json to load", "graph/out/graph.json")
    .option("--uri <uri>", "Bolt URI (default $NEO4J_URI or bolt://127.0.0.1:7687)")
    .option("--user <name>", "user (default $NEO4J_USER or neo4j)")
    .option("--password <password>", "password (default $NEO4J_PASSWORD or diplograph)")
    .option("--database <name>", "database (default $NEO4J_DATABASE or neo4j)")
    .option("--wipe", "delete every node and relationship of the database first")
    .option("--batch-size <rows>", "rows per transaction", "2000")
    .action(async (options: LoadCommandOptions) => {
      await runWithNeo4j([GraphFileError, Neo4jUnavailableError, Neo4jAuthError, UsageError], () => runLoad(options));
    });
}

async function readGraph(file: string): Promise<SerializedKnowledgeGraph> {
  try {
    // line by line: graph.json of 100,000 articles is longer than a string can be
    return await readGraphFile(file);
  } catch (error) {
    if (error instanceof SyntaxError) throw new GraphFileError(`load: ${file}: not valid JSON (${error.message})`);
    throw new GraphFileError(`load: ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

async function runLoad(options: LoadCommandOptions): Promise<void> {
  // Loaded here, not at start-up: the driver costs every other command's start.
  const { connectionSettings, loadGraph } = await import("../neo4j/index.ts");
  const { SingleBar } = await import("cli-progress");
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
  const graph = await readGraph(options.graph);
  // cli-progress draws only on a terminal; in CI and pipes it stays silent.
  const bar = new SingleBar({
    stream: process.stderr,
    format: "load [{bar}] {percentage}% | {value}/{total} rows | {eta_formatted} left",
    hideCursor: true,
  });
  let barStarted = false;
  try {
    const report = await loadGraph(settings, graph, options.graph, {
      batchSize,
      wipe: options.wipe ?? false,
      onProgress: (done, total) => {
        if (!barStarted) {
          bar.start(total, 0);
          barStarted = true;
        }
        bar.update(done);
      },
    });
    if (barStarted) bar.stop();
    console.log(summary(options.graph, settings.uri, report));
  } finally {
    if (barStarted) bar.stop();
  }
}

function summary(file: string, uri: string, r: LoadReport): string {
  const wiped = r.nodesDeleted > 0 ? `wiped ${r.nodesDeleted} nodes and ${r.relationshipsDeleted} relationships; ` : "";
  return (
    `loaded ${file} into ${uri}: ${wiped}${r.nodes} nodes (${r.nodesCreated} created), ` +
    `${r.relationships} relationships (${r.relationshipsCreated} created), ` +
    `${r.constraintsAdded} constraints added, ${r.batches} batches in ${r.seconds.toFixed(2)} s`
  );
}
