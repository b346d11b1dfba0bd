// The streaming build behind `diplograph build`: files are read one at a time, each file's
// articles extracted (in a pool of workers) or their records reused from the previous build,
// the records written in file order to the on-disk store and surveyed; resolution then reads
// the store back, the graph is assembled without the articles' text, and graph.json is written
// piece by piece with each body read back from disk. Memory holds the graph (entities,
// relations, evidence), never every article's text or extraction.
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { assembleGraph } from "../graph/assemble.ts";
import { serializeGraphPieces } from "../graph/serialize.ts";
import { summarize, type GraphSummary } from "../graph/summary.ts";
import { isRunning, writeFileAtomicFrom } from "../graph/write-atomic.ts";
import { loadLexicon } from "../extract/lexicon.ts";
import { openFolder } from "../ingest/read-folder.ts";
import type { Article, FileWarning } from "../ingest/types.ts";
import { Resolver } from "../resolve/resolve.ts";
import type { ArticleMeta, ArticleRecord } from "./article-record.ts";
import { BodyStore } from "./body-store.ts";
import type { BudgetRule } from "./budget.ts";
import { createExtractor, defaultJobs } from "./extract-pool.ts";
import type { FileOutcome } from "./extract-file.ts";
import { articleDigest, extractorVersion } from "./extractor-version.ts";
import { PreviousRecords, readRecords, RECORDS_FILE, RecordWriter, recordLine } from "./record-store.ts";

export type BuildStage = "extract" | "resolve" | "assemble" | "write";

export interface StreamBuildOptions {
  /** Extraction workers (default: one per core; 1 extracts in this thread). */
  jobs?: number;
  layout?: boolean;
  budget?: BudgetRule;
  /** The store of records, reused by the next build (default: `.diplograph` beside graph.json). */
  storeDir?: string;
  /** Ignore the records of earlier builds (they are still replaced by this build's). */
  fresh?: boolean;
  /** Progress of a stage: done of total (total 0 when unknown). */
  onProgress?(stage: BuildStage, done: number, total: number): void;
}

export interface StreamBuildResult {
  /** Articles in the graph. */
  articles: number;
  files: number;
  bytes: number;
  /** Articles whose record came from the previous build, and articles extracted now. */
  reused: number;
  extracted: number;
  /** Unreadable files, then files left out during extraction, in file order each. */
  warnings: FileWarning[];
  summary: GraphSummary;
  nodes: number;
  edges: number;
}

/** Files in flight at once: enough to keep every worker busy, few enough to bound memory. */
const inFlightFor = (jobs: number) => Math.max(4, jobs * 8);

/** Builds `outFile` from the articles below `inputDir`; graph.json is written only if an article was read. */
export async function buildToFile(inputDir: string, outFile: string, options: StreamBuildOptions = {}): Promise<StreamBuildResult> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const storeDir = options.storeDir ?? join(outFile, "..", ".diplograph");
  await mkdir(storeDir, { recursive: true });
  await removeStaleScratch(storeDir);
  const storePath = join(storeDir, RECORDS_FILE);
  const lexicon = loadLexicon();
  const version = extractorVersion();
  const folder = await openFolder(inputDir, (done, total) => options.onProgress?.("extract", done, total));
  const previous = options.fresh ? await PreviousRecords.open("") : await PreviousRecords.open(storePath);
  const writer = new RecordWriter(storePath);
  const bodies = new BodyStore(join(storeDir, `bodies.${process.pid}.tmp`));
  const extractor = createExtractor(jobs, options.budget);
  const resolver = new Resolver(lexicon);
  const kept: ArticleMeta[] = [];
  const leftOut: FileWarning[] = [];
  let reused = 0;
  let extracted = 0;

  // each file's outcome in file order: a line per record to store, or the reason it is left out
  type Pending = { file: string; digests: string[]; outcome: Promise<FileOutcome | { lines: string[] }> };
  const queue: Pending[] = [];
  const settle = async (item: Pending) => {
    const outcome = await item.outcome;
    if ("reason" in outcome) {
      leftOut.push({ file: item.file, reason: outcome.reason });
      return;
    }
    const lines = "lines" in outcome ? outcome.lines : outcome.records.map((r, i) => recordLine(item.digests[i]!, r));
    const records: ArticleRecord[] = "lines" in outcome ? lines.map((l) => (JSON.parse(l) as { record: ArticleRecord }).record) : outcome.records;
    for (const [i, line] of lines.entries()) {
      writer.appendLine(line);
      resolver.survey(records[i]!);
      kept.push(records[i]!.article);
    }
  };

  try {
    for await (const { file, articles } of folder.articles) {
      const digests = articles.map((a) => articleDigest(version, a));
      for (const a of articles) bodies.put(a.id, a.body);
      if (digests.every((d) => previous.has(d))) {
        reused += articles.length;
        queue.push({ file, digests, outcome: Promise.resolve({ lines: digests.map((d) => previous.line(d)) }) });
      } else {
        extracted += articles.length;
        queue.push({ file, digests, outcome: extractor.extract(articles) });
      }
      while (queue.length >= inFlightFor(jobs)) await settle(queue.shift()!);
    }
    while (queue.length > 0) await settle(queue.shift()!);
  } catch (error) {
    writer.abandon();
    bodies.close();
    throw error;
  } finally {
    await extractor.close();
    previous.close();
  }
  writer.commit();

  try {
    const result: StreamBuildResult = {
      articles: kept.length, files: folder.files, bytes: folder.bytes, reused, extracted,
      warnings: [...folder.warnings, ...leftOut], summary: { nodes: {}, relations: {} }, nodes: 0, edges: 0,
    };
    if (kept.length === 0) return result;

    let resolved = 0;
    for await (const { record } of readRecords(storePath)) {
      resolver.add(record);
      options.onProgress?.("resolve", ++resolved, kept.length);
    }
    const { entities, relations } = resolver.finish();
    options.onProgress?.("assemble", 0, 0);
    // Article nodes without their text: the writer reads each body back from disk
    const articles = kept.map((meta): Article => ({ ...meta, body: "" }));
    kept.length = 0;
    const graph = assembleGraph(articles, entities.values(), relations, lexicon, { layout: options.layout ?? true });
    entities.clear();
    options.onProgress?.("write", 0, 0);
    await writeFileAtomicFrom(outFile, serializeGraphPieces(graph, (id) => bodies.get(id)));
    return { ...result, summary: summarize(graph), nodes: graph.order, edges: graph.size };
  } finally {
    bodies.close();
  }
}

/** Scratch files (`….<pid>.tmp`) a killed build left in the store: removed unless their build still runs. */
async function removeStaleScratch(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dir, name), { force: true });
  }
}
