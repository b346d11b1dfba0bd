// `diplograph extract [DIR] --shard i/n --out FILE`: one n-th of the folder's files → a shard
// of article records, for `diplograph build --from-shards DIR` (pipeline/shards.ts).
import { resolve } from "node:path";
import type { Command } from "commander";
import { formatWarning } from "../ingest/warnings.ts";
import { parseJobs } from "./build.ts";

interface ExtractCommandOptions {
  shard: string;
  out: string;
  jobs?: number;
}

export async function runExtract(dir: string, options: ExtractCommandOptions): Promise<number> {
  // Loaded here, not at start-up: the extraction pipeline costs every other command's start.
  const { extractShard, parseShard, ShardError } = await import("../pipeline/shards.ts");
  let spec;
  try {
    spec = parseShard(options.shard);
  } catch (error) {
    if (!(error instanceof ShardError)) throw error;
    console.error(`diplograph extract: ${error.message}`);
    return 2;
  }
  let result;
  try {
    result = await extractShard(resolve(dir), resolve(options.out), spec, { jobs: options.jobs });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR" && code !== "EACCES") throw error;
    console.error(`diplograph extract: cannot read ${dir}: ${(error as Error).message}`);
    return 2;
  }
  for (const w of result.warnings) console.error(formatWarning(w));
  console.log(`shard ${spec.index}/${spec.count}: ${result.articles} article(s) from ${result.files} file(s) → ${resolve(options.out)}`);
  return 0;
}

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract one shard of a folder of articles, for build --from-shards (any machine can run any shard)")
    .argument("[dir]", "folder of articles", "graph/articles")
    .requiredOption("--shard <i/n>", "which contiguous n-th of the files, counting from 0 (0/2 and 1/2 are the two halves)")
    .requiredOption("--out <file>", "the shard file to write (JSON lines)")
    .option("--jobs <n>", "extraction threads (default: one per core)", parseJobs)
    .action(async (dir: string, options: ExtractCommandOptions) => {
      process.exitCode = await runExtract(dir, options);
    });
}
