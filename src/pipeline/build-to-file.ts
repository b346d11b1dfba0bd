// The streaming build behind `diplograph build`: files are read one at a time, each file's
// articles extracted (in a pool of workers) or their records reused from the previous build,
// the records written in file order to the on-disk store and surveyed; resolution then reads
// the store back, the graph is assembled without the articles' text, and graph.json is written
// piece by piece with each body read back from disk. Memory holds the graph (entities,
// relations, evidence), never every article's text or extraction. What the next build reuses is
// kept beside the store: the bodies, the stat cache naming them (file-cache.ts: unchanged files
// are not read again) and the picture's positions (layout-cache.ts: a warm-started layout).
import { mkdir, readdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { assembleDeferred } from "../graph/assemble.ts";
import { warmStartApplies, type Positions } from "../graph/layout.ts";
import { summarize, type GraphSummary } from "../graph/summary.ts";
import type { KnowledgeGraph } from "../graph/types.ts";
import { isRunning, writeFileAtomicFrom } from "../graph/write-atomic.ts";
import { loadLexicon } from "../extract/lexicon.ts";
import { listArticleFiles } from "../ingest/read-folder.ts";
import type { Article, FileWarning } from "../ingest/types.ts";
import { Details, FileQuotes } from "../resolve/details.ts";
import { articleKey } from "../resolve/keys.ts";
import { Resolver, surveyOf, type Resolution } from "../resolve/resolve.ts";
import type { ArticleMeta, ArticleRecord } from "./article-record.ts";
import { BodyStore } from "./body-store.ts";
import type { BudgetRule } from "./budget.ts";
import { defaultJobs } from "./extract-pool.ts";
import { extractFiles } from "./extract-files.ts";
import { FileCache, FileCacheWriter } from "./file-cache.ts";
import { edgeKey, graphWriterVersion, GraphLinesWriter, PreviousGraph } from "./graph-lines.ts";
import { graphLines, type Change, type WriteCounts } from "./graph-patch.ts";
import { readPositions, writePositions } from "./layout-cache.ts";
import { PreviousRecords, readRecords, RecordsAt, RECORDS_FILE, RecordWriter, storeStamp, type StoredRecord } from "./record-store.ts";
import { ResolutionCache } from "./resolution-cache.ts";

export type BuildStage = "extract" | "resolve" | "assemble" | "layout" | "write";

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
  /** The previous picture, for a warm-started layout (graph/layout.ts). */
  layoutStart?: Positions;
  /** Called with the graph once graph.json is written. */
  onWritten?(graph: KnowledgeGraph): void | Promise<void>;
}

export interface StreamBuildResult {
  /** Articles in the graph. */
  articles: number;
  files: number;
  bytes: number;
  /** Articles whose record came from the previous build, and articles extracted now. */
  reused: number;
  extracted: number;
  /** Records of the previous build not used by this one (articles deleted or changed). */
  dropped?: number;
  /** Files not read again: unchanged since the previous build (pipeline/file-cache.ts). */
  unread?: number;
  /** Nodes placed by a warm start from the previous picture (undefined: no warm start). */
  placed?: number;
  /** graph.json's lines copied from the previous one and serialised now (copied 0: written whole). */
  lines?: WriteCounts;
  /** Records whose resolution was taken from the previous build's (resolution-cache.ts), or why every record was added again. */
  resolution?: { resumed: number } | { reason: string };
  /** Unreadable files, then files left out during extraction, in file order each. */
  warnings: FileWarning[];
  /** graph.json kept as the previous build wrote it: every file unread, no record dropped (`PreviousGraph.kept`). */
  kept?: boolean;
  summary: GraphSummary;
  nodes: number;
  edges: number;
}

/** What the first half of a build leaves for the second: the store written, bodies on disk, the survey done. */
export interface Gathered {
  storePath: string;
  bodies: BodyStore;
  resolver: Resolver;
  kept: ArticleMeta[];
  result: StreamBuildResult;
  /** What changed since the previous build, when graph.json may be patched (graph-patch.ts). */
  change?: RecordChange;
  /** The previous build's resolution, to resume from, and where this one's is saved. */
  savedResolution?: ResolutionCache;
  /** Where each record (by place in the build's order) is in the store, when not in that order (RecordWriter). */
  lines?: StoreLines;
  /** The store's stamp as the previous build left it (`storeStamp`): graph.json is patched only if made from that store. */
  previousStore?: string;
}

/** Where the committed store's records are: each one's line by place, and the places in the store's order of lines. */
export interface StoreLines {
  span(place: number): [offset: number, length: number];
  linePlaces(): ArrayLike<number>;
}

/** The records of this build not in the previous one (by digest), and the previous build's records dropped. */
export interface RecordChange {
  added: Set<string>;
  dropped: ArticleRecord[];
}

/** Past this share of the previous records dropped, graph.json is written whole (the dropped records are not read). */
const PATCH_DROPPED_SHARE = 0.1;

/**
 * A new store being written in `storeDir`, with the scratch of killed builds cleared, and the
 * resolver that surveys it (the quotes of its evidence on disk beside the bodies).
 */
export async function openStore(storeDir: string): Promise<{ storePath: string; writer: RecordWriter; bodies: BodyStore; resolver: Resolver }> {
  await mkdir(storeDir, { recursive: true });
  await removeStaleScratch(storeDir);
  const storePath = join(storeDir, RECORDS_FILE);
  const quotes = new FileQuotes(join(storeDir, `quotes.${process.pid}.tmp`));
  return {
    storePath,
    writer: new RecordWriter(storePath),
    bodies: new BodyStore(join(storeDir, `bodies.${process.pid}.tmp`)),
    resolver: new Resolver(loadLexicon(), new Details(quotes)),
  };
}

/** Builds `outFile` from the articles below `inputDir`; graph.json is written only if an article was read. */
export async function buildToFile(inputDir: string, outFile: string, options: StreamBuildOptions = {}): Promise<StreamBuildResult> {
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  const storeDir = options.storeDir ?? join(outFile, "..", ".diplograph");
  // before the folder is listed: its start is what a file's modification time is checked against next time
  const cacheWriter = new FileCacheWriter(storeDir, inputDir);
  const { storePath, writer, bodies, resolver } = await openStore(storeDir);
  const kept: ArticleMeta[] = [];
  const readWarnings: FileWarning[] = [];
  const leftOut: FileWarning[] = [];
  let reused = 0;
  let extracted = 0;
  let unread = 0;
  let bytes = 0;
  let files;
  const added = new Set<string>();
  const used = new Set<string>();
  let dropped: ArticleRecord[] | undefined;
  const previous = await PreviousRecords.open(options.fresh ? "" : storePath);
  // the store as the previous build left it, before this one appends to it: is the previous graph.json made from it?
  const previousStore = options.fresh ? undefined : storeStamp(storePath);
  // the old store's lines, while they come in its order, are left where they are (record-store.ts)
  writer.follow(previous);
  const resolution = ResolutionCache.open(storeDir, options.fresh === true);
  const cache = options.fresh ? FileCache.none() : FileCache.open(storeDir, inputDir, previous);
  let bodiesKept = false;
  try {
    files = await listArticleFiles(inputDir, readWarnings);
    // the previous bodies file continued, not copied: a file not read again keeps its bodies where they are
    bodiesKept = cache.keepBodies(bodies, files.map((f) => f.name));
    const onFile = (done: number, total: number) => options.onProgress?.("extract", done, total);
    for await (const file of extractFiles(files, { jobs, budget: options.budget, previous, cache, onFile })) {
      bytes += file.bytes;
      if (file.warning) readWarnings.push(file.warning);
      if ("known" in file.source) unread++;
      const { outcome } = file;
      if ("reason" in outcome) {
        leftOut.push({ file: file.file, reason: outcome.reason });
        extracted += file.articles.length;
        continue;
      }
      if (outcome.reused) reused += file.articles.length;
      else extracted += file.articles.length;
      for (const digest of file.digests) (outcome.reused ? used : added).add(digest);
      const surveys = file.articles.map((meta, i) => {
        const digest = file.digests[i]!;
        const line = "known" in file.source ? () => previous.lineBytes(digest) : outcome.lines[i]!;
        resolution.follow(digest);
        writer.appendLine(line, digest);
        if (bodiesKept && "known" in file.source) bodies.putSpan(meta.id, file.source.known.articles[i]!.body);
        else bodies.putBytes(meta.id, file.bodies[i]!);
        // a record reused by digest from a file read again is parsed here for its survey; a new one's
        // came from its worker, and a file not read again brings its survey from the stat cache
        const survey = outcome.surveys?.[i] ?? surveyOf((JSON.parse(outcome.lines[i]!.toString()) as StoredRecord).record);
        resolver.survey(survey);
        kept.push(meta);
        return survey;
      });
      cacheWriter.add(file, bodies, surveys);
    }
    dropped = droppedRecords(previous, used);
  } catch (error) {
    writer.abandon();
    bodies.close();
    resolver.details.close();
    resolution.close();
    throw error;
  } finally {
    previous.close();
    cache.close();
  }
  writer.commit();
  const result: StreamBuildResult = {
    articles: kept.length, files: files.length, bytes, reused, extracted, dropped: previous.size - reused, unread,
    warnings: [...readWarnings, ...leftOut], summary: { nodes: {}, relations: {} }, nodes: 0, edges: 0,
  };
  const nothingChanged = !options.fresh && kept.length > 0 && extracted === 0 && leftOut.length === 0 && unread === files.length && reused === previous.size && cache.size === files.length;
  const written = nothingChanged ? PreviousGraph.kept(storeDir, outFile, { layout: options.layout !== false, writer: graphWriterVersion() }, previousStore) : undefined;
  if (written) {
    // the same records (files unread, read by the same code) as the store graph.json was made from, and the same code: the same graph
    const bodiesSize = bodies.bytes;
    bodies.keepOnClose(join(storeDir, cacheWriter.bodiesName));
    bodies.close();
    resolver.details.close();
    resolution.close();
    await cacheWriter.commit(bodiesSize);
    return { ...result, summary: written.summary, nodes: written.nodes, edges: written.edges, kept: true };
  }
  const change = dropped && !options.fresh ? { added, dropped } : undefined;
  return finishIncrementally({ storePath, bodies, resolver, kept, result, change, savedResolution: resolution, lines: writer, previousStore }, outFile, storeDir, cacheWriter, options);
}

/** The previous build's records this one did not use, parsed (undefined: too many to patch graph.json). */
function droppedRecords(previous: PreviousRecords, used: Set<string>): ArticleRecord[] | undefined {
  const digests = [...previous.digests()].filter((d) => !used.has(d));
  if (digests.length > PATCH_DROPPED_SHARE * previous.size) return undefined;
  return digests.map((d) => (JSON.parse(previous.line(d)) as StoredRecord).record);
}

/**
 * finishBuild, plus what the next build reuses: the bodies kept beside the store, the stat cache
 * naming them, and the picture's positions (a warm start from this build's, unless `--fresh`).
 */
async function finishIncrementally(gathered: Gathered, outFile: string, storeDir: string, cacheWriter: FileCacheWriter, options: StreamBuildOptions): Promise<StreamBuildResult> {
  const bodiesSize = gathered.bodies.bytes;
  gathered.bodies.keepOnClose(join(storeDir, cacheWriter.bodiesName));
  const layoutStart = options.fresh || options.layout === false ? undefined : readPositions(storeDir, outFile);
  let placed: number | undefined;
  const built = await finishBuild(gathered, outFile, {
    ...options,
    layoutStart,
    onWritten: async (graph) => {
      if (options.layout !== false && layoutStart && warmStartApplies(graph, layoutStart)) placed = graph.filterNodes((n) => !layoutStart.has(n)).length;
      await writePositions(storeDir, outFile, graph);
      await options.onWritten?.(graph);
    },
  });
  await cacheWriter.commit(bodiesSize);
  return { ...built, placed };
}

/** The second half of a build: resolution from the store, assembly, graph.json written piece by piece. */
export async function finishBuild(gathered: Gathered, outFile: string, options: StreamBuildOptions): Promise<StreamBuildResult> {
  const { storePath, bodies, resolver, kept, result, change, savedResolution, lines: stored, previousStore } = gathered;
  const { details } = resolver;
  const storeDir = dirname(storePath);
  let previous: PreviousGraph | undefined;
  try {
    if (kept.length === 0) return result;
    // the previous build's resolution resumed when it is sound to (resolution-cache.ts): only the records it does not hold are added
    const resumption = savedResolution?.resume(resolver);
    const resumed = resumption && "resumed" in resumption ? resumption : undefined;
    let resolved = resumed?.resumed ?? 0;
    // the articles (by number) of the records added since the previous build, and what they name
    const addedArticles: number[] = [];
    const touched = new Set<string>();
    const added = ({ digest, record }: StoredRecord, place: number) => {
      const article = resolver.add(record as ArticleRecord, place);
      if (change?.added.has(digest)) {
        addedArticles.push(article);
        touched.add(articleKey(record.article.id));
        for (const key of resolver.touchedKeys(record as ArticleRecord)) touched.add(key);
      }
      if (++resolved % 100 === 0 || resolved === kept.length) options.onProgress?.("resolve", resolved, kept.length);
    };
    let store: RecordsAt | undefined;
    const at = (place: number) => {
      if (!stored) throw new Error("resolution: the store's lines are not known");
      return (store ??= new RecordsAt(storePath)).read(...stored.span(place));
    };
    try {
      if (resumed) for (const place of resumed.fresh) added(at(place), place);
      else {
        // the store read in its order of lines, each record at its place in the build's (the resolver allows any order)
        const places = stored?.linePlaces();
        let line = 0;
        for await (const record of readRecords(storePath)) {
          added(record, places ? places[line]! : line);
          line++;
        }
      }
      // facts of old articles that an article filed before them lets in (none when the new records all come last)
      resolver.settle((article) => at(resolver.placeOf(article)).record as ArticleRecord);
    } finally {
      store?.close();
    }
    await savedResolution?.save(resolver);
    if (resumption) result.resolution = resumed ? { resumed: resumed.resumed } : resumption;
    const resolution = resolver.finish();
    const terms = { layout: options.layout !== false, survey: resolver.surveyOutcome(), writer: graphWriterVersion() };
    previous = change ? PreviousGraph.open(storeDir, outFile, terms, previousStore) : undefined;
    const patch = previous && change ? changeOf(resolution, resolver, change, addedArticles, touched) : undefined;
    // Article nodes without their text, entities without their mentions, relations without their
    // evidence: the writer reads each body back from disk and takes the rest from `details`
    const articles = kept.map((meta): Article => ({ ...meta, body: "" }));
    kept.length = 0;
    const { graph, fill } = assembleDeferred(articles, resolution, loadLexicon(), {
      layout: options.layout ?? true,
      layoutStart: options.layoutStart,
      onAssemble: (done, total) => options.onProgress?.("assemble", done, total),
      onLayout: (done, total) => options.onProgress?.("layout", done, total),
    });
    articles.length = 0;
    resolution.entities.clear();
    resolution.relations.length = 0;
    // old nodes keep their old positions only after a warm start: else every line is new
    const samePicture = options.layout === false || (options.layoutStart !== undefined && warmStartApplies(graph, options.layoutStart));
    const reuse = previous && patch && samePicture ? { previous, change: patch } : undefined;
    // a patched graph.json continues its predecessor's lineage (the loader reads only the newer lines)
    const lines = new GraphLinesWriter(reuse?.previous.lineage);
    const counts: WriteCounts = { copied: 0, serialised: 0 };
    const pieces = graphLines(
      graph,
      { node: (attrs, i) => (attrs.kind === "Article" ? { ...attrs, body: bodies.get(attrs.articles[0]!) } : fill.node(attrs, i)), edge: fill.edge },
      lines,
      counts,
      reuse,
      (done, total) => options.onProgress?.("write", done, total),
    );
    await writeFileAtomicFrom(outFile, pieces);
    const written = { store: storeStamp(storePath) ?? "", summary: summarize(graph), nodes: graph.order, edges: graph.size };
    await lines.save(storeDir, outFile, terms, written);
    await options.onWritten?.(graph);
    return { ...result, summary: written.summary, nodes: written.nodes, edges: written.edges, lines: counts };
  } finally {
    previous?.close();
    savedResolution?.close();
    bodies.close();
    details.close();
  }
}

/** What the change may touch (graph-patch.ts), from the resolution of this build and the records dropped. */
function changeOf(resolution: Resolution, resolver: Resolver, change: RecordChange, addedArticles: number[], touched: Set<string>): Change {
  const { details } = resolution;
  const fromAdded = new Uint8Array(details.articleIds.length);
  for (const n of addedArticles) fromAdded[n] = 1;
  const allEdgesOf = new Set<string>();
  for (const record of change.dropped) {
    for (const key of resolver.touchedKeys(record)) {
      touched.add(key);
      allEdgesOf.add(key);
    }
  }
  for (const entity of resolution.entities.values()) {
    if (entity.first !== -1 && fromAdded[entity.first] === 1) allEdgesOf.add(entity.key);
  }
  const edges = new Set<string>();
  for (const r of resolution.relations) if (details.evidenceFrom(r.evidence, fromAdded)) edges.add(edgeKey(r.type, r.source, r.target));
  return { nodes: touched, edges, allEdgesOf };
}

/** Scratch files (`….<pid>.tmp`) a killed build left in the store: removed unless their build still runs. */
async function removeStaleScratch(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    const pid = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dir, name), { force: true });
  }
}
