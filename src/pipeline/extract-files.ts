// Files of a folder → their articles and records, in file order. Each file is read and cleaned in
// the pool (extract-pool.ts), then, in file order, its articles are checked against those of
// earlier files (the same article under two names is read once; an id is one file's), and the
// kept ones extracted in the pool (as they were read, nearly always) — or their records reused
// from an earlier build when every kept article's digest is found. Files are read a window ahead
// and answers arrive in any order; they are handed on in file order, so what follows does not
// depend on the number of workers.
// A file the stat cache vouches for (file-cache.ts: unchanged since the previous build) is not
// sent to a worker at all: its articles are checked in file order from what the cache knew of
// them, and its records and bodies are the previous build's — unless an earlier file now holds
// one of its articles, and then it is read like any other.
// Shared by `build` and `extract --shard`.
import { statSync } from "node:fs";
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { FileWarning } from "../ingest/types.ts";
import { combineWarnings } from "../ingest/warnings.ts";
import type { RecordSurvey } from "../resolve/resolve.ts";
import type { ArticleMeta } from "./article-record.ts";
import type { BudgetRule } from "./budget.ts";
import { createExtractor } from "./extract-pool.ts";
import { extractorVersion } from "./extractor-version.ts";
import type { CachedFile, FileCache, Stamp } from "./file-cache.ts";
import type { FileRead } from "./file-work.ts";
import type { PreviousRecords } from "./record-store.ts";

/**
 * One file, in order: what reading it found wrong (one warning), and its kept articles with
 * their bodies (UTF-8), their records' digests, and either their store lines (with what the
 * survey needs: from the worker, or for a file not read again from the stat cache; otherwise,
 * reused, the lines are the previous build's and the caller parses them) or why it is left out.
 * A file not read again (`source.known`) has no lines: its records are the previous store's
 * lines of its digests, taken from there only if they must be copied.
 * `source` says how the file was had, for the stat cache the build writes.
 */
export interface ExtractedFile {
  file: string;
  bytes: number;
  warning?: FileWarning;
  articles: ArticleMeta[];
  bodies: Uint8Array[];
  digests: string[];
  source: FileSource;
  outcome: { lines: Array<string | Buffer>; surveys?: RecordSurvey[]; reused: boolean } | { reason: string };
}

/**
 * Read now: its stamp as opened (none if it could not be opened), the sha256 of each kept
 * article's body, and whether every article in it was kept (no duplicate, nothing unreadable).
 * Or not read again: what the stat cache knew of it.
 */
export type FileSource = { read: { stamp?: Stamp; bodyShas: string[]; whole: boolean } } | { known: CachedFile };

export interface ExtractFilesOptions {
  jobs: number;
  budget?: BudgetRule;
  previous?: PreviousRecords;
  /** Called as each file is handed on: files done of total. */
  onFile?(done: number, total: number): void;
  /** The previous build's stat cache: files it vouches for are not read again. */
  cache?: FileCache;
  /** Bytes of the files asked ahead of the one handed on, at most (default LOOK_AHEAD_BYTES). */
  lookAheadBytes?: number;
}

/**
 * Files asked ahead of the one handed on: enough that the workers go on while one file that takes
 * long waits for its turn (with 8 per worker they stopped in step, every few files, for the slowest:
 * two workers extracted 10,000 articles in 38.6–42.8 s then, 33.1–36.2 s with 32 per worker).
 */
const lookAheadFor = (jobs: number) => Math.max(4, jobs * 32);
/** Bytes of the files asked ahead, at most (by their size when asked): memory does not grow with the look-ahead. */
export const LOOK_AHEAD_BYTES = 64 << 20;
/** Files handed on and not yet given to the caller (the extraction of part of a page may be on its way). */
const queueFor = (jobs: number) => Math.max(4, jobs * 8);

/** A file's size as listed (0 if it cannot be had: reading it says why). */
function sizeOf(path: Buffer): number {
  try {
    return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  } catch {
    return 0;
  }
}

const NO_DATE = "no publication date found; dates without a year are read against other years in the text";

export async function* extractFiles(files: ArticleFile[], options: ExtractFilesOptions): AsyncGenerator<ExtractedFile> {
  const extractor = createExtractor(options.jobs, extractorVersion(), options.budget, options.previous);
  const lookAhead = lookAheadFor(options.jobs);
  const window = queueFor(options.jobs);
  /** Sizes of the files asked ahead, by number, and their sum. */
  const sizes = new Map<number, number>();
  let aheadBytes = 0;
  const aheadLimit = options.lookAheadBytes ?? LOOK_AHEAD_BYTES;
  const reads: Array<{ read: Promise<FileRead> } | { known: CachedFile } | undefined> = [];
  const queue: Array<Promise<ExtractedFile>> = [];
  const seenBodies = new Map<string, string>();
  const seenIds = new Set<string>();
  let asked = 0;
  try {
    for (let n = 0; n < files.length; n++) {
      const readFile = (i: number) => {
        const read = extractor.read(i, files[i]!);
        // a failed pool rejects every file asked; the first awaited is thrown, the rest must not crash the process as unhandled
        read.catch(() => {});
        return read;
      };
      while (asked < files.length && asked < n + lookAhead) {
        const known = options.cache?.lookup(files[asked]!.name, files[asked]!.path);
        if (known) reads[asked] = { known };
        else {
          // the next file is always asked, however large; the others while their bytes fit
          const size = sizeOf(files[asked]!.path);
          if (asked > n && aheadBytes + size > aheadLimit) break;
          sizes.set(asked, size);
          aheadBytes += size;
          reads[asked] = { read: readFile(asked) };
        }
        asked++;
      }
      const ahead = reads[n]!;
      reads[n] = undefined;
      aheadBytes -= sizes.get(n) ?? 0;
      sizes.delete(n);
      const file = files[n]!.name;
      const previous = options.previous;
      if ("known" in ahead) {
        // unchanged since the previous build, and kept as that build kept it unless an earlier file
        // now holds one of its articles (then it is read, and the duplicate said as reading says it)
        const entry = ahead.known;
        if (previous && options.cache && entry.articles.every((a) => !seenBodies.has(a.bodySha) && !seenIds.has(a.id))) {
          const reasons: string[] = [];
          for (const a of entry.articles) {
            seenBodies.set(a.bodySha, file);
            seenIds.add(a.id);
            if (!a.dated) reasons.push(NO_DATE);
          }
          // what the survey and the Article node need comes from the cache; the lines stay in the
          // previous store (the caller takes them by digest only if it must copy them)
          const done: ExtractedFile = {
            file,
            bytes: entry.bytes,
            articles: entry.articles.map((a) => a.meta),
            bodies: options.cache.bodies(entry),
            digests: entry.articles.map((a) => a.digest),
            source: { known: entry },
            outcome: { lines: [], surveys: entry.articles.map((a) => a.survey), reused: true },
          };
          const warning = combineWarnings(file, reasons);
          if (warning) done.warning = warning;
          queue.push(Promise.resolve(done));
          while (queue.length >= window) yield await queue.shift()!;
          options.onFile?.(n + 1, files.length);
          continue;
        }
      }
      const read = await ("known" in ahead ? readFile(n) : ahead.read);
      const reasons: string[] = read.error === undefined ? [] : [read.error];
      const keep: number[] = [];
      read.articles.forEach(({ meta, bodyDigest }, i) => {
        const earlier = seenBodies.get(bodyDigest);
        if (earlier !== undefined) return reasons.push(`same article as ${earlier}; read once`);
        if (seenIds.has(meta.id)) return reasons.push(`article id "${meta.id}" is taken by another file; rename one of them`);
        if (!meta.published) reasons.push(NO_DATE);
        seenBodies.set(bodyDigest, file);
        seenIds.add(meta.id);
        keep.push(i);
      });
      const offsets = [0];
      for (const length of read.bodyLengths) offsets.push(offsets[offsets.length - 1]! + length);
      const digests = keep.map((i) => read.articles[i]!.digest);
      const source: FileSource = {
        read: {
          ...(read.stamp ? { stamp: read.stamp } : {}),
          bodyShas: keep.map((i) => read.articles[i]!.bodyDigest),
          whole: read.error === undefined && keep.length === read.articles.length,
        },
      };
      const done: Omit<ExtractedFile, "outcome"> = {
        file,
        bytes: read.bytes,
        articles: keep.map((i) => read.articles[i]!.meta),
        bodies: keep.map((i) => read.bodies.subarray(offsets[i]!, offsets[i + 1]!)),
        digests,
        source,
      };
      const warning = combineWarnings(file, reasons);
      if (warning) done.warning = warning;
      if (keep.length === 0) {
        extractor.drop(n);
        queue.push(Promise.resolve({ ...done, outcome: { lines: [], surveys: [], reused: false } }));
      } else if (previous && digests.every((d) => previous.has(d))) {
        extractor.drop(n);
        queue.push(Promise.resolve({ ...done, outcome: { lines: digests.map((d) => previous.line(d)), reused: true } }));
      } else if (read.extraction && keep.length === read.articles.length) {
        // every article kept: the extraction made while reading is this one
        extractor.drop(n);
        const outcome = read.extraction;
        queue.push(Promise.resolve({ ...done, outcome: "reason" in outcome ? outcome : { ...outcome, reused: false } }));
      } else {
        const extracted = extractor.extract(n, keep).then((outcome): ExtractedFile => ({ ...done, outcome: "reason" in outcome ? outcome : { ...outcome, reused: false } }));
        extracted.catch(() => {});
        queue.push(extracted);
      }
      while (queue.length >= window) yield await queue.shift()!;
      options.onFile?.(n + 1, files.length);
    }
    while (queue.length > 0) yield await queue.shift()!;
  } finally {
    await extractor.close();
  }
}
