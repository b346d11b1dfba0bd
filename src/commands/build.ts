// `diplograph build [DIR] --out DIR`: articles in a folder → graph.json, replaced atomically,
// with a summary and one line per file that could not be used. The build streams (see
// pipeline/build-to-file.ts), extracts on every core and reuses the records of the last build.
import { availableParallelism } from "node:os";
import { resolve, join } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import { formatSummary } from "../graph/summary.ts";
import { formatWarning } from "../ingest/warnings.ts";
import type { BuildStage } from "../pipeline/build-to-file.ts";
import { progressBar, type Progress } from "./progress.ts";

export interface BuildCommandOptions {
  out: string;
  layout: boolean;
  jobs?: number;
  fresh?: boolean;
  fromShards?: string;
}

const STAGE_LABELS: Record<BuildStage, string> = { extract: "extracting", resolve: "resolving ", assemble: "assembling", layout: "layout    ", write: "writing   " };

export async function runBuild(dir: string, options: BuildCommandOptions): Promise<number> {
  // Loaded here, not at start-up: the extraction pipeline costs every other command's start.
  const { buildToFile } = await import("../pipeline/build-to-file.ts");
  const { buildFromShards, ShardError } = await import("../pipeline/shards.ts");
  const input = resolve(dir);
  const path = join(resolve(options.out), "graph.json");
  const bars = new Map<BuildStage, Progress>();
  const onProgress = (stage: BuildStage, done: number, total: number) => {
    for (const [other, bar] of bars) if (other !== stage) bar.stop();
    let bar = bars.get(stage);
    // the layout counts its few iterations (each a pass over the whole graph): shown whatever their number
    if (!bar) bars.set(stage, (bar = progressBar(STAGE_LABELS[stage], stage === "layout" ? 1 : undefined)));
    if (total > 0) bar.update(done, total);
  };
  let built;
  try {
    const settings = { jobs: options.jobs, layout: options.layout, fresh: options.fresh, onProgress };
    built = options.fromShards ? await buildFromShards(resolve(options.fromShards), path, settings) : await buildToFile(input, path, settings);
  } catch (error) {
    for (const bar of bars.values()) bar.stop();
    if (error instanceof ShardError) {
      console.error(`diplograph build: ${error.message}`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES") {
      console.error(`diplograph build: cannot read ${options.fromShards ?? dir}: ${(error as Error).message}`);
      return 2;
    }
    throw error;
  }
  for (const bar of bars.values()) bar.stop();
  for (const w of built.warnings) console.error(formatWarning(w));
  if (built.articles === 0) {
    console.error(`diplograph build: no article could be read from ${dir} (${built.files} file(s) found)`);
    return 1;
  }
  console.log(`${built.articles} article(s) from ${built.files} file(s), ${(built.bytes / 1024).toFixed(1)} KiB → ${path}`);
  if (options.fromShards) console.log(`records from the shards in ${options.fromShards}`);
  else console.log(reuseLine(built));
  if (built.kept) console.log("graph.json: nothing changed since the previous build, kept as it was (--fresh builds it again)");
  if (built.placed !== undefined) console.log(`layout: the previous picture kept, ${built.placed} new node(s) placed by their neighbours (--fresh lays out everything again)`);
  const resolution = built.resolution;
  if (resolution && "resumed" in resolution) console.log(`resolution: resumed after the previous build's ${resolution.resumed} record(s), ${built.articles - resolution.resumed} added`);
  else if (resolution && resolution.reason !== "no saved resolution" && resolution.reason !== "--fresh") console.log(`resolution: every record added again (${resolution.reason})`);
  if (built.lines && built.lines.copied > 0) console.log(`graph.json: ${built.lines.copied} line(s) copied from the previous one, ${built.lines.serialised} written`);
  console.log(formatSummary(built.summary));
  return 0;
}

/** What an incremental build took from the previous one: "reused 10000 article(s) from the previous build (10000 file(s) not read again), extracted 100, dropped 0". */
export function reuseLine(built: { reused: number; extracted: number; unread?: number; dropped?: number }): string {
  return `reused ${built.reused} article(s) from the previous build (${built.unread ?? 0} file(s) not read again), extracted ${built.extracted}, dropped ${built.dropped ?? 0}`;
}

export function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("expected a whole number of 1 or more");
  return n;
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("build graph.json from a folder of articles (.txt, .html, .md)")
    .argument("[dir]", "folder of articles", "graph/articles")
    .option("--out <dir>", "output folder for graph.json", "graph/out")
    .option("--no-layout", "skip the ForceAtlas2 layout (faster on very large corpora)")
    .option("--jobs <n>", `extraction threads (default: one per core, ${availableParallelism()} here)`, parseJobs)
    .option("--fresh", "extract every article again instead of reusing the last build's records")
    .option("--from-shards <dir>", "build from the shards `diplograph extract --shard i/n` wrote into DIR, instead of a folder of articles")
    .action(async (dir: string, options: BuildCommandOptions) => {
      process.exitCode = await runBuild(dir, options);
    });
}
