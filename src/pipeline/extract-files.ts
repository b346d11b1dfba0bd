// Files of a folder → their articles and records, in file order. Each file is read and cleaned in
// the pool (extract-pool.ts), then, in file order, its articles are checked against those of
// earlier files (the same article under two names is read once; an id is one file's), and the
// kept ones extracted in the pool — or their records reused from an earlier build when every
// kept article's digest is found. Files are read a window ahead and answers arrive in any order;
// they are handed on in file order, so what follows does not depend on the number of workers.
// Shared by `build` and `extract --shard`.
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { FileWarning } from "../ingest/types.ts";
import { combineWarnings } from "../ingest/warnings.ts";
import type { RecordSurvey } from "../resolve/resolve.ts";
import type { ArticleMeta } from "./article-record.ts";
import type { BudgetRule } from "./budget.ts";
import { createExtractor } from "./extract-pool.ts";
import { extractorVersion } from "./extractor-version.ts";
import type { PreviousRecords } from "./record-store.ts";

/**
 * One file, in order: what reading it found wrong (one warning), and its kept articles with
 * their bodies (UTF-8) and either their store lines (with what the survey needs, unless reused:
 * then the lines are the previous build's, and the caller parses them) or why it is left out.
 */
export interface ExtractedFile {
  file: string;
  bytes: number;
  warning?: FileWarning;
  articles: ArticleMeta[];
  bodies: Uint8Array[];
  outcome: { lines: string[]; surveys?: RecordSurvey[]; reused: boolean } | { reason: string };
}

export interface ExtractFilesOptions {
  jobs: number;
  budget?: BudgetRule;
  previous?: PreviousRecords;
  /** Called as each file is handed on: files done of total. */
  onFile?(done: number, total: number): void;
}

/** Files in flight at once: enough to keep every worker busy, few enough to bound memory. */
const inFlightFor = (jobs: number) => Math.max(4, jobs * 8);

const NO_DATE = "no publication date found; dates without a year are read against other years in the text";

export async function* extractFiles(files: ArticleFile[], options: ExtractFilesOptions): AsyncGenerator<ExtractedFile> {
  const extractor = createExtractor(options.jobs, extractorVersion(), options.budget);
  const window = inFlightFor(options.jobs);
  const reads: Array<ReturnType<typeof extractor.read> | undefined> = [];
  const queue: Array<Promise<ExtractedFile>> = [];
  const seenBodies = new Map<string, string>();
  const seenIds = new Set<string>();
  let asked = 0;
  try {
    for (let n = 0; n < files.length; n++) {
      while (asked < files.length && asked < n + window) {
        const read = extractor.read(asked, files[asked]!);
        // a failed pool rejects every file asked; the first awaited is thrown, the rest must not crash the process as unhandled
        read.catch(() => {});
        reads[asked++] = read;
      }
      const read = await reads[n]!;
      reads[n] = undefined;
      const file = files[n]!.name;
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
      const done: Omit<ExtractedFile, "outcome"> = {
        file,
        bytes: read.bytes,
        articles: keep.map((i) => read.articles[i]!.meta),
        bodies: keep.map((i) => read.bodies.subarray(offsets[i]!, offsets[i + 1]!)),
      };
      const warning = combineWarnings(file, reasons);
      if (warning) done.warning = warning;
      const digests = keep.map((i) => read.articles[i]!.digest);
      const previous = options.previous;
      if (keep.length === 0) {
        extractor.drop(n);
        queue.push(Promise.resolve({ ...done, outcome: { lines: [], surveys: [], reused: false } }));
      } else if (previous && digests.every((d) => previous.has(d))) {
        extractor.drop(n);
        queue.push(Promise.resolve({ ...done, outcome: { lines: digests.map((d) => previous.line(d)), reused: true } }));
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
