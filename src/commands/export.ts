// `diplograph export`: a selected piece of graph.json (or what a Cypher query returns from
// Neo4j) as GEXF, GraphML, graphology JSON, neo4j-admin CSV or a Cypher script.
import { readGraphFile } from "../graph/read-graph.ts";
import type { Command } from "commander";
import { MultiDirectedGraph } from "graphology";
import { CONTRACT_VERSION, ENTITY_KINDS, RELATION_TYPES } from "../graph/types.ts";
import type { EntityKind, GraphAttributes, KnowledgeGraph, RelationType, SerializedKnowledgeGraph } from "../graph/types.ts";
import {
  AmbiguousNameError,
  csvFiles,
  EXPORT_FORMATS,
  ExportFormatError,
  formatCsv,
  graphFromSubgraph,
  GraphInputError,
  renderFiles,
  selectSubgraph,
  SelectionError,
  UnknownNameError,
} from "../export/index.ts";
import type { ExportFormat, RenderedFile, Selection } from "../export/index.ts";
import { writeExport } from "../export/write-file.ts";
import { CypherError, Neo4jAuthError, Neo4jUnavailableError, QueryTimeoutError, WriteQueryRefusedError } from "../neo4j/errors.ts";
import { runWithNeo4j } from "./known-errors.ts";

interface ExportCommandOptions {
  graph: string;
  format: string;
  out: string;
  around?: string;
  depth: string;
  kinds?: string;
  relations?: string;
  articles?: string;
  from?: string;
  to?: string;
  cypher?: string;
  limit: string;
  arrayDelimiter?: string;
  neo4jAdmin?: boolean;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
}

const KNOWN_ERRORS = [
  AmbiguousNameError,
  ExportFormatError,
  GraphInputError,
  SelectionError,
  UnknownNameError,
  CypherError,
  Neo4jAuthError,
  Neo4jUnavailableError,
  QueryTimeoutError,
  WriteQueryRefusedError,
];

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export a selected subgraph as GEXF, GraphML, graphology JSON, neo4j-admin CSV or a Cypher script")
    .requiredOption("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .requiredOption("--out <path>", "file to write (- for standard output; csv writes PATH-nodes.csv and PATH-relationships.csv)")
    .option("--graph <file>", "graph.json to read", "graph/out/graph.json")
    .option("--around <name>", "ego network around the node this name or key means (case and diacritics ignored)")
    .option("--depth <n>", "steps from --around", "1")
    .option("--kinds <list>", `node kinds kept, comma-separated (${ENTITY_KINDS.join(",")})`)
    .option("--relations <list>", `relation types kept, comma-separated (${RELATION_TYPES.join(",")})`)
    .option("--articles <list>", "article ids, comma-separated: only what these articles state")
    .option("--from <date>", "meetings held on or after this date (YYYY-MM-DD, YYYY-MM or YYYY), with what hangs on them")
    .option("--to <date>", "meetings held on or before this date, with what hangs on them")
    .option("--cypher <query>", "export what this read-only query returns from Neo4j instead of --graph")
    .option("--limit <rows>", "rows read from the --cypher query at most", "100000")
    .option("--array-delimiter <char>", "CSV list separator (default: the first of | ; ¦ U+001F absent from the data)")
    .option("--neo4j-admin", "CSV for neo4j-admin import: cells as they are (by default text that a spreadsheet would run as a formula gets a leading ')")
    .option("--uri <uri>", "Bolt URI for --cypher (default $NEO4J_URI or bolt://127.0.0.1:7687)")
    .option("--user <name>", "user (default $NEO4J_USER or neo4j)")
    .option("--password <password>", "password (default $NEO4J_PASSWORD or diplograph)")
    .option("--database <name>", "database (default $NEO4J_DATABASE or neo4j)")
    .action(async (options: ExportCommandOptions) => {
      await runWithNeo4j(KNOWN_ERRORS, () => runExport(options));
    });
}

/** `a, B ,c` → canonical names from `allowed` (case ignored); unknown names kept for selectSubgraph to refuse. */
function listOption<T extends string>(text: string | undefined, allowed: readonly T[]): T[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => allowed.find((name) => name.toLowerCase() === item.toLowerCase()) ?? (item as T));
}

export function selectionFromOptions(options: ExportCommandOptions): Selection {
  const depth = Number(options.depth);
  if (!Number.isInteger(depth) || depth < 0) throw new SelectionError(`export: --depth must be a whole number ≥ 0, got "${options.depth}"`);
  if (options.depth !== "1" && options.around === undefined) throw new SelectionError("export: --depth needs --around NAME");
  return {
    around: options.around === undefined ? undefined : { name: options.around, depth },
    kinds: listOption<EntityKind>(options.kinds, ENTITY_KINDS),
    relations: listOption<RelationType>(options.relations, RELATION_TYPES),
    articles: options.articles?.split(",").map((a) => a.trim()).filter(Boolean),
    from: options.from,
    to: options.to,
    mentionLinks: options.cypher === undefined,
  };
}

async function readGraph(file: string): Promise<KnowledgeGraph> {
  let data: SerializedKnowledgeGraph;
  try {
    // line by line: graph.json of 100,000 articles is longer than a string can be
    data = await readGraphFile(file);
  } catch (error) {
    if (error instanceof SyntaxError) throw new GraphInputError(`export: ${file}: not valid JSON (${error.message})`);
    throw new GraphInputError(`export: ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (!data || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw new GraphInputError(`export: ${file}: not a graph export (expected \`nodes\` and \`edges\` arrays)`);
  }
  try {
    return MultiDirectedGraph.from(data) as KnowledgeGraph;
  } catch (error) {
    throw new GraphInputError(`export: ${file}: not a valid graph (${(error as Error).message})`);
  }
}

async function queryGraph(cypher: string, options: ExportCommandOptions): Promise<KnowledgeGraph> {
  const rowLimit = Number(options.limit);
  if (!Number.isInteger(rowLimit) || rowLimit < 1) throw new SelectionError(`export: --limit must be a positive whole number, got "${options.limit}"`);
  // Loaded here, not at start-up: the driver costs every other command's start.
  const { connectionSettings, runReadQuery, toSubgraph } = await import("../neo4j/index.ts");
  const settings = connectionSettings({ uri: options.uri, user: options.user, password: options.password, database: options.database });
  const result = await runReadQuery(settings, cypher, {}, { rowLimit });
  if (result.truncated) console.error(`export: the query returned more than ${options.limit} rows; exporting the first ${result.rows.length} (raise --limit)`);
  const attributes: GraphAttributes = { name: "Diplograph query", contract: CONTRACT_VERSION, generator: "diplograph export --cypher" };
  return graphFromSubgraph(toSubgraph(result.rows), attributes);
}

async function runExport(options: ExportCommandOptions): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw new ExportFormatError(`export: --format must be one of ${EXPORT_FORMATS.join(", ")}, got "${options.format}"`);
  }
  const format = options.format as ExportFormat;
  if (format === "csv" && options.out === "-") {
    throw new ExportFormatError("export: csv makes two files (nodes and relationships) and cannot go to standard output; give --out PATH");
  }
  const selection = selectionFromOptions(options);
  const graph = options.cypher === undefined ? await readGraph(options.graph) : await queryGraph(options.cypher, options);
  const subgraph = selectSubgraph(graph, selection);
  let files: RenderedFile[];
  let hint = "";
  if (format === "csv") {
    const csv = formatCsv(subgraph, { arrayDelimiter: options.arrayDelimiter, neo4jAdmin: options.neo4jAdmin ?? false });
    files = csvFiles(csv);
    const admin = `--array-delimiter=${JSON.stringify(csv.arrayDelimiter)} --multiline-fields=true`;
    hint = options.neo4jAdmin ? `; for neo4j-admin: ${admin}` : `; for neo4j-admin import, export with --neo4j-admin, then import with ${admin}`;
  } else {
    files = renderFiles(subgraph, format);
  }
  const written = await writeExport(options.out, format, files);
  // Standard output may be the export itself: the summary goes to standard error.
  if (options.out !== "-") console.error(`exported ${subgraph.order} nodes and ${subgraph.size} relationships to ${written.join(" and ")}${hint}`);
}
