// `diplograph build [DIR] --out DIR`: articles in a folder → graph.json, replaced atomically,
// with a summary and one line per file that could not be used.
import { resolve, join } from "node:path";
import type { Command } from "commander";
import { serializeGraph } from "../graph/serialize.ts";
import { formatSummary, summarize } from "../graph/summary.ts";
import { writeFileAtomic } from "../graph/write-atomic.ts";
import type { FileWarning } from "../ingest/types.ts";
import { formatWarning } from "../ingest/warnings.ts";
import { progressBar } from "./progress.ts";

export interface BuildCommandOptions {
  out: string;
  layout: boolean;
}

export async function runBuild(dir: string, options: BuildCommandOptions): Promise<number> {
  // Loaded here, not at start-up: the extraction pipeline costs every other command's start.
  const { readFolder } = await import("../ingest/read-folder.ts");
  const { buildGraphFromArticles } = await import("../pipeline/build.ts");
  const input = resolve(dir);
  const reading = progressBar("reading   ");
  let folder;
  try {
    folder = await readFolder(input, (done, total) => reading.update(done, total));
  } catch (error) {
    reading.stop();
    console.error(`diplograph build: cannot read ${dir}: ${(error as Error).message}`);
    return 2;
  }
  reading.stop();
  for (const w of folder.warnings) console.error(formatWarning(w));
  if (folder.articles.length === 0) {
    console.error(`diplograph build: no article could be read from ${dir} (${folder.files} file(s) found)`);
    return 1;
  }
  const extracting = progressBar("extracting");
  const leftOut: FileWarning[] = [];
  const graph = buildGraphFromArticles(folder.articles, { onProgress: (d, t) => extracting.update(d, t), onWarning: (w) => leftOut.push(w), layout: options.layout });
  extracting.stop();
  for (const w of leftOut) console.error(formatWarning(w));
  const built = graph.filterNodes((_, a) => a.kind === "Article").length;
  if (built === 0) {
    console.error(`diplograph build: no article could be read from ${dir} (${folder.files} file(s) found)`);
    return 1;
  }
  const path = join(resolve(options.out), "graph.json");
  await writeFileAtomic(path, serializeGraph(graph));
  console.log(`${built} article(s) from ${folder.files} file(s), ${(folder.bytes / 1024).toFixed(1)} KiB → ${path}`);
  console.log(formatSummary(summarize(graph)));
  return 0;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("build graph.json from a folder of articles (.txt, .html, .md)")
    .argument("[dir]", "folder of articles", "graph/articles")
    .option("--out <dir>", "output folder for graph.json", "graph/out")
    .option("--no-layout", "skip the ForceAtlas2 layout (faster on very large corpora)")
    .action(async (dir: string, options: BuildCommandOptions) => {
      process.exitCode = await runBuild(dir, options);
    });
}
