// `diplograph eval`: scores a built graph (or one built now from a folder of articles)
// against a hand-made answer key and lists the misses and false facts.
import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
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
import { formatSets, pool, type SetReport } from "../eval/pool.ts";
import type { ExportedGraphLike } from "../eval/scored-graph.ts";
import { progressBar } from "./progress.ts";

interface EvalOptions {
  gold: string[];
  graph?: string;
  articles?: string[];
  json?: boolean;
  verbose?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

const DEFAULT_GRAPH = "graph/out/graph.json";

export function registerEval(program: Command): void {
  program
    .command("eval")
    .description("score a graph against an answer key (precision, recall, misses and false facts)")
    .requiredOption("--gold <file>", "answer key (gold-seeds.json format); repeat it, or name a folder of keys, to score several sets side by side", collect)
    .option("--graph <file>", `graph.json to score (default ${DEFAULT_GRAPH})`)
    .addOption(
      new Option("--articles <dir>", "build the graph from this folder of articles in memory, then score it (repeat it: one folder per key, in order)")
        .conflicts("graph")
        .argParser(collect),
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
  const keys = await answerKeyFiles(options.gold);
  // a folder of keys is always read as sets, even of one: each set's figures, then the pooled ones
  const namesFolder = (await Promise.all(options.gold.map((g) => stat(g).then((s) => s.isDirectory(), () => false)))).some(Boolean);
  if (keys.length > 1 || namesFolder) return runSets(keys, options);
  const gold = await loadGold(keys[0]!);
  const articles = options.articles?.[0];
  const graph = articles ? await buildInMemory(articles) : await loadGraph(options.graph ?? DEFAULT_GRAPH);
  const report = scoreGraph(gold, graph);
  process.stdout.write(
    options.json ? JSON.stringify(report, null, 1) + "\n" : formatReport(report, { verbose: options.verbose ?? false }),
  );
}

/** The answer keys named: files as given, folders as every `.json` file inside, sorted. */
async function answerKeyFiles(named: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of named) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      files.push(path);
      continue;
    }
    const inside = (await readdir(path)).filter((f) => f.endsWith(".json")).sort();
    if (inside.length === 0) throw new GoldFileError(`eval: ${path}: no answer key (.json) in this folder`);
    files.push(...inside.map((f) => join(path, f)));
  }
  return files;
}

/**
 * Several sets: each key is scored on a graph built from its own articles only (those of the
 * folder whose ids it lists), so that one set's entities are not counted against another's.
 */
async function runSets(keys: string[], options: EvalOptions): Promise<void> {
  const dirs = options.articles ?? [];
  if (dirs.length !== 1 && dirs.length !== keys.length) {
    throw new ArticlesFolderError(`eval: ${keys.length} answer keys need --articles: one folder for all, or one per key (${dirs.length} given)`);
  }
  const { readFolder } = await import("../ingest/read-folder.ts");
  const { buildGraphFromArticles } = await import("../pipeline/build.ts");
  const folders = new Map<string, Awaited<ReturnType<typeof readFolder>>>();
  const sets: SetReport[] = [];
  for (const [i, key] of keys.entries()) {
    const gold = await loadGold(key);
    const dir = dirs.length === 1 ? dirs[0]! : dirs[i]!;
    if (!folders.has(dir)) folders.set(dir, await readFolder(dir).catch((error: Error) => {
      throw new ArticlesFolderError(`eval: cannot read ${dir}: ${error.message}`);
    }));
    const listed = new Set(gold.articles.map((a) => a.id));
    // a page holding two articles gives `id` and `id#2`: both belong to the key that lists `id`
    const articles = folders.get(dir)!.articles.filter((a) => listed.has(a.id) || listed.has(a.id.replace(/#\d+$/, "")));
    const found = new Set(articles.map((a) => a.id.replace(/#\d+$/, ""))).size;
    const graph = buildGraphFromArticles(articles, { layout: false }).export();
    sets.push({ name: basename(key, ".json"), found, listed: listed.size, report: scoreGraph(gold, graph) });
  }
  for (const folder of folders.values()) for (const w of folder.warnings) console.error(`warning: ${w.file}: ${w.reason}`);
  if (options.json) {
    process.stdout.write(JSON.stringify({ sets, pooled: pool(sets) }, null, 1) + "\n");
    return;
  }
  // --verbose: each set's misses and false facts first, then the side-by-side figures
  if (options.verbose) for (const s of sets) process.stdout.write(`######## ${s.name}\n${formatReport(s.report, { verbose: true })}\n`);
  process.stdout.write(formatSets(sets));
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
