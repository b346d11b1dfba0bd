// `diplograph query`: Cypher (typed or saved in graph/queries/) in a read-only session,
// printed as a table, JSON or CSV.
import type { Command } from "commander";
import {
  CypherError,
  Neo4jAuthError,
  Neo4jUnavailableError,
  QueryTimeoutError,
  SavedQueryError,
  UsageError,
  WriteQueryRefusedError,
} from "../neo4j/errors.ts";
import { FORMATS } from "../neo4j/output-formats.ts";
import type { OutputFormat } from "../neo4j/output-formats.ts";
import { runWithNeo4j } from "./known-errors.ts";

interface QueryCommandOptions {
  saved?: string;
  list?: boolean;
  param: string[];
  format: string;
  timeout: string;
  limit: string;
  maxBytes: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
}

const KNOWN_ERRORS = [
  CypherError,
  Neo4jAuthError,
  Neo4jUnavailableError,
  QueryTimeoutError,
  SavedQueryError,
  UsageError,
  WriteQueryRefusedError,
];

/** `k=v`: v as JSON when it parses (numbers, lists, quoted strings), else as the text itself. */
export function parseParam(text: string, into: Record<string, unknown>): Record<string, unknown> {
  const at = text.indexOf("=");
  if (at < 1) throw new UsageError(`query: --param expects name=value, got "${text}"`);
  const raw = text.slice(at + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { ...into, [text.slice(0, at)]: value };
}

export function registerQuery(program: Command): void {
  program
    .command("query")
    .description("run read-only Cypher against Neo4j (or a saved query with --saved NAME)")
    .argument("[cypher]", "the Cypher query")
    .option("--saved <name>", "run graph/queries/<name>.cypher")
    .option("--list", "list the saved queries")
    .option("--param <name=value>", "query parameter (repeatable); value parsed as JSON when it can be", collect, [])
    .option("--format <format>", `output: ${FORMATS.join(", ")}`, "table")
    .option("--timeout <ms>", "time limit of the query", "30000")
    .option("--limit <rows>", "rows printed at most", "10000")
    .option("--max-bytes <bytes>", "bytes of rows (as JSON) read at most", String(32 * 1024 * 1024))
    .option("--uri <uri>", "Bolt URI (default $NEO4J_URI or bolt://127.0.0.1:7687)")
    .option("--user <name>", "user (default $NEO4J_USER or neo4j)")
    .option("--password <password>", "password (default $NEO4J_PASSWORD or diplograph)")
    .option("--database <name>", "database (default $NEO4J_DATABASE or neo4j)")
    .action(async (cypher: string | undefined, options: QueryCommandOptions) => {
      await runWithNeo4j(KNOWN_ERRORS, () => runQuery(cypher, options));
    });
}

function positive(option: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`query: ${option} must be a positive whole number, got "${text}"`);
  return value;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runQuery(cypher: string | undefined, options: QueryCommandOptions): Promise<void> {
  // Loaded here, not at start-up: the driver costs every other command's start.
  const { connectionSettings, formatResult, listSavedQueries, runReadQuery, savedQuery } = await import("../neo4j/index.ts");
  if (options.list) {
    const queries = listSavedQueries();
    const width = Math.max(0, ...queries.map((q) => q.name.length));
    for (const q of queries) {
      const params = Object.keys(q.params).map((p) => `$${p}`).join(" ");
      console.log(`${q.name.padEnd(width)}  ${q.description}${params ? `  (${params})` : ""}`);
    }
    return;
  }
  if (!(FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`query: --format must be one of ${FORMATS.join(", ")}`);
  }
  if (Boolean(cypher) === Boolean(options.saved)) {
    throw new UsageError("query: give either a Cypher query or --saved NAME (see --list)");
  }
  const saved = options.saved ? savedQuery(options.saved) : undefined;
  const params = options.param.reduce((acc, text) => parseParam(text, acc), saved?.params ?? {});
  const settings = connectionSettings({
    uri: options.uri,
    user: options.user,
    password: options.password,
    database: options.database,
  });
  const result = await runReadQuery(settings, saved?.cypher ?? (cypher as string), params, {
    timeoutMs: positive("--timeout", options.timeout),
    rowLimit: positive("--limit", options.limit),
    byteLimit: positive("--max-bytes", options.maxBytes),
  });
  console.log(formatResult(result, options.format as OutputFormat));
  if (result.cut) console.error(`query: ${result.cut}; raise --limit or --max-bytes for more`);
}
