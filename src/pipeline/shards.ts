// Extraction spread over machines: `diplograph extract --shard i/n` turns one contiguous
// n-th of the folder's files (in the build's file order) into a shard, a JSON-lines file any
// batch scheduler can produce anywhere; `diplograph build --from-shards DIR` puts the shards
// together in order and finishes the build as a single machine would. A shard holds, per
// article, the store's line (digest and record) and the article's body (the graph's Article
// node needs it), and the warnings of its files; its first line says which shard it is.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { writeFileAtomicFrom } from "../graph/write-atomic.ts";
import { listArticleFiles } from "../ingest/read-folder.ts";
import type { FileWarning } from "../ingest/types.ts";
import type { ArticleMeta, ArticleRecord } from "./article-record.ts";
import type { BudgetRule } from "./budget.ts";
import { finishBuild, openStore, type StreamBuildOptions, type StreamBuildResult } from "./build-to-file.ts";
import { defaultJobs } from "./extract-pool.ts";
import { extractFiles } from "./extract-files.ts";
import { extractorVersion } from "./extractor-version.ts";
import { jsonLines } from "./file-lines.ts";

export class ShardError extends Error {
  override name = "ShardError";
}

export interface ShardSpec {
  index: number;
  count: number;
}

/** "2/4" → the third of four shards (shards count from 0). */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index >= count) throw new ShardError(`--shard: expected i/n with 0 ≤ i < n, as 0/2; got "${text}"`);
  return { index, count };
}

/** The files of shard i of n: a contiguous slice, so that shards in order are the folder in order. */
export const shardRange = ({ index, count }: ShardSpec) => (files: number): [number, number] => [
  Math.floor((index * files) / count),
  Math.floor(((index + 1) * files) / count),
];

interface ShardHeader {
  shard: ShardSpec & { version: string };
}
/** The shard's lines: its header, then articles and warnings as they come, then its totals. */
type ShardLine =
  | ShardHeader
  | { line: string; body: string }
  | { read: FileWarning }
  | { leftOut: FileWarning }
  | { end: { files: number; bytes: number } };

export interface ExtractShardResult {
  articles: number;
  files: number;
  warnings: FileWarning[];
}

/** Writes shard `spec` of the folder to `outFile` (replaced atomically), one article at a time. */
export async function extractShard(inputDir: string, outFile: string, spec: ShardSpec, options: { jobs?: number; budget?: BudgetRule } = {}): Promise<ExtractShardResult> {
  const readWarnings: FileWarning[] = [];
  const listed = await listArticleFiles(inputDir, readWarnings);
  const files = listed.slice(...shardRange(spec)(listed.length));
  const result: ExtractShardResult = { articles: 0, files: files.length, warnings: [] };
  const leftOut: FileWarning[] = [];
  let bytes = 0;
  const line = (item: ShardLine) => `${JSON.stringify(item)}\n`;
  const text = new TextDecoder();
  async function* pieces(): AsyncGenerator<string> {
    yield line({ shard: { ...spec, version: extractorVersion() } });
    for await (const file of extractFiles(files, { jobs: Math.max(1, options.jobs ?? defaultJobs()), budget: options.budget })) {
      bytes += file.bytes;
      if (file.warning) readWarnings.push(file.warning);
      const { outcome } = file;
      if ("reason" in outcome) {
        leftOut.push({ file: file.file, reason: outcome.reason });
        yield line({ leftOut: { file: file.file, reason: outcome.reason } });
        continue;
      }
      for (const [i, stored] of outcome.lines.entries()) yield line({ line: stored.toString(), body: text.decode(file.bodies[i]) });
      result.articles += outcome.lines.length;
    }
    for (const w of readWarnings) yield line({ read: w });
    yield line({ end: { files: files.length, bytes } });
  }
  await writeFileAtomicFrom(outFile, pieces());
  result.warnings = [...readWarnings, ...leftOut];
  return result;
}

const shardLines = (path: string) => jsonLines<ShardLine>(path);

/** Shards of a folder (`*.jsonl`), checked to be the n shards of one extraction, in order. */
async function shardFiles(dir: string): Promise<Array<{ path: string; header: ShardHeader["shard"] }>> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".jsonl")).sort();
  const shards: Array<{ path: string; header: ShardHeader["shard"] }> = [];
  for (const name of names) {
    const path = join(dir, name);
    const reader = shardLines(path);
    const first = (await reader.next()).value as ShardLine | undefined;
    await reader.return(undefined);
    if (!first || !("shard" in first)) throw new ShardError(`--from-shards: ${path} is not a shard of diplograph extract`);
    shards.push({ path, header: first.shard });
  }
  if (shards.length === 0) throw new ShardError(`--from-shards: no shard (*.jsonl) in ${dir}`);
  shards.sort((a, b) => a.header.index - b.header.index);
  const count = shards[0]!.header.count;
  const version = shards[0]!.header.version;
  shards.forEach((s, i) => {
    if (s.header.count !== count || s.header.index !== i) throw new ShardError(`--from-shards: expected shards 0/${count} to ${count - 1}/${count} in ${dir}, found ${s.header.index}/${s.header.count} (${s.path})`);
    if (s.header.version !== version) throw new ShardError(`--from-shards: ${s.path} was extracted by another version of the extractor than shard 0`);
  });
  if (shards.length !== count) throw new ShardError(`--from-shards: ${shards.length} of ${count} shards in ${dir}`);
  return shards;
}

/**
 * Builds `outFile` from the shards in `dir`, as `build` would from the folder: articles the same
 * as an article of an earlier shard, or reusing its id, are left out with a warning (the folder's
 * build reads them once too; within a shard `extract` already did).
 */
export async function buildFromShards(dir: string, outFile: string, options: StreamBuildOptions = {}): Promise<StreamBuildResult> {
  const shards = await shardFiles(dir);
  const { storePath, writer, bodies, resolver } = await openStore(options.storeDir ?? join(outFile, "..", ".diplograph"));
  const kept: ArticleMeta[] = [];
  const readWarnings: FileWarning[] = [];
  const leftOut: FileWarning[] = [];
  const seenBodies = new Map<string, string>();
  const seenIds = new Set<string>();
  let files = 0;
  let bytes = 0;
  try {
    for (const { path } of shards) {
      let ended = false;
      for await (const item of shardLines(path)) {
        if ("shard" in item) continue;
        if ("read" in item) readWarnings.push(item.read);
        else if ("leftOut" in item) leftOut.push(item.leftOut);
        else if ("end" in item) {
          files += item.end.files;
          bytes += item.end.bytes;
          ended = true;
        } else {
          const { record } = JSON.parse(item.line) as { record: ArticleRecord };
          const digest = createHash("sha256").update(item.body).digest("hex");
          const earlier = seenBodies.get(digest);
          if (earlier !== undefined || seenIds.has(record.article.id)) {
            const reason = earlier !== undefined ? `same article as ${earlier}; read once` : `article id "${record.article.id}" is taken by another file; rename one of them`;
            readWarnings.push({ file: record.article.file, reason });
            continue;
          }
          seenBodies.set(digest, record.article.file);
          seenIds.add(record.article.id);
          bodies.put(record.article.id, item.body);
          writer.appendLine(item.line);
          resolver.survey(record);
          kept.push(record.article);
        }
      }
      if (!ended) throw new ShardError(`--from-shards: ${path} ends early (its extraction did not finish)`);
    }
  } catch (error) {
    writer.abandon();
    bodies.close();
    resolver.details.close();
    throw error;
  }
  writer.commit();
  const result: StreamBuildResult = {
    articles: kept.length,
    files,
    bytes,
    reused: kept.length,
    extracted: 0,
    warnings: [...readWarnings, ...leftOut],
    summary: { nodes: {}, relations: {} },
    nodes: 0,
    edges: 0,
  };
  return finishBuild({ storePath, bodies, resolver, kept, result }, outFile, options);
}
