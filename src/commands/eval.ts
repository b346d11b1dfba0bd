// `diplograph eval`: scores a built graph (or one built now from a folder of articles)
// against a hand-made answer key and lists the misses and false facts.
import { Option, type Command } from "commander";
import {
  ArticlesFolderError,
  formatReport,
  GoldFileError,
  GraphFileError,
  loadGold,
  loadGraph,
  scoreGraph,
} from "../eval/index.ts";
import type { ExportedGraphLike } from "../eval/scored-graph.ts";
import { progressBar } from "./progress.ts";

interface EvalOptions {
  gold: string;
  graph?: string;
  articles?: string;
  json?: boolean;
  verbose?: boolean;
}

const DEFAULT_GRAPH = "graph/out/graph.json";

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score a graph against an answer key (precision, recall, misses and false facts)")
    .requiredOption("--gold <file>", "answer key (gold-seeds.json format)")
    .option("--graph <file>", `graph.json to score (default ${DEFAULT_GRAPH})`)
    .addOption(
      new Option("--articles <dir>", "build the graph from this folder of articles in memory, then score it").conflicts("graph"),
    )
    .option("--json", "print the report as JSON, as the reference scorer's --json does")
    .option("--verbose", "print every item of every list")
    .action(async (options: EvalOptions) => {
      try {
        await runEval(options);
      } catch (error) {
        const known = [GoldFileError, GraphFileError, ArticlesFolderError].some((type) => error instanceof type);
        if (!known) throw error;
        console.error((error as Error).message);
        process.exitCode = 2;
      }
    });
}

async function runEval(options: EvalOptions): Promise<void> {
  const gold = await loadGold(options.gold);
  const graph = options.articles ? await buildInMemory(options.articles) : await loadGraph(options.graph ?? DEFAULT_GRAPH);
  const report = scoreGraph(gold, graph);
  process.stdout.write(
    options.json ? JSON.stringify(report, null, 1) + "\n" : formatReport(report, { verbose: options.verbose ?? false }),
  );
}

async function buildInMemory(dir: string): Promise<ExportedGraphLike> {
  // Loaded on demand: scoring a saved graph.json needs none of the extraction pipeline.
  const { buildGraph } = await import("../pipeline/build.ts");
  const extracting = progressBar("extracting");
  // No layout: positions do not count in the score.
  let built;
  try {
    built = await buildGraph(dir, { layout: false, onProgress: (done, total) => extracting.update(done, total) });
  } catch (error) {
    throw new ArticlesFolderError(`eval: cannot build from ${dir}: ${(error as Error).message}`);
  } finally {
    extracting.stop();
  }
  for (const warning of built.warnings) console.error(`warning: ${warning.file}: ${warning.reason}`);
  if (built.articles === 0) throw new ArticlesFolderError(`eval: no article could be read from ${dir}`);
  console.error(`built ${built.articles} articles (${built.bytes} bytes) from ${dir}`);
  return built.graph.export();
}
