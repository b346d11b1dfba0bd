// Files of a folder → their records, in file order: each file's articles are extracted in the
// pool, or their records reused from an earlier build when every article's digest is found (a
// file not read again, unchanged since that build, names its digests itself).
// Results arrive in any order and are handed on in file order, so what follows does not
// depend on the number of workers. Shared by `build` and `extract --shard`.
import type { FileArticles, KnownFile } from "../ingest/read-folder.ts";
import type { Article } from "../ingest/types.ts";
import type { ArticleRecord } from "./article-record.ts";
import type { BudgetRule } from "./budget.ts";
import { createExtractor } from "./extract-pool.ts";
import { articleDigest, extractorVersion } from "./extractor-version.ts";
import { recordLine, type PreviousRecords } from "./record-store.ts";

/** One file's outcome: a stored line and a record per article, or why the file is left out. */
export type ExtractedFile<K extends KnownFile = KnownFile> =
  | { file: string; articles: Article[]; lines: string[]; records: ArticleRecord[]; digests: string[]; reused: boolean; source: FileArticles<K> }
  | { file: string; articles: Article[]; reason: string };

export interface ExtractFilesOptions {
  jobs: number;
  budget?: BudgetRule;
  previous?: PreviousRecords;
}

/** Files in flight at once: enough to keep every worker busy, few enough to bound memory. */
const inFlightFor = (jobs: number) => Math.max(4, jobs * 8);

export async function* extractFiles<K extends KnownFile>(files: AsyncIterable<FileArticles<K>>, options: ExtractFilesOptions): AsyncGenerator<ExtractedFile<K>> {
  const version = extractorVersion();
  const extractor = createExtractor(options.jobs, options.budget);
  const queue: Array<Promise<ExtractedFile<K>>> = [];
  try {
    for await (const source of files) {
      const { file, articles } = source;
      const digests = source.known ? source.known.articles.map((a) => a.digest) : articles.map((a) => articleDigest(version, a));
      const previous = options.previous;
      if (previous && digests.every((d) => previous.has(d))) {
        const lines = digests.map((d) => previous.line(d));
        const records = lines.map((l) => (JSON.parse(l) as { record: ArticleRecord }).record);
        queue.push(Promise.resolve({ file, articles, lines, records, digests, reused: true, source }));
      } else if (source.known) {
        // the file-cache checks every digest before it lets a file go unread
        throw new Error(`extract: ${file} was not read, but its records are not in the previous build's store`);
      } else {
        const extracted = extractor.extract(articles).then((outcome): ExtractedFile<K> =>
          "reason" in outcome
            ? { file, articles, reason: outcome.reason }
            : { file, articles, records: outcome.records, lines: outcome.records.map((r, i) => recordLine(digests[i]!, r)), digests, reused: false, source },
        );
        // a failed pool rejects every queued file; the first is awaited and thrown, the rest must not crash the process as unhandled
        extracted.catch(() => {});
        queue.push(extracted);
      }
      while (queue.length >= inFlightFor(options.jobs)) yield await queue.shift()!;
    }
    while (queue.length > 0) yield await queue.shift()!;
  } finally {
    await extractor.close();
  }
}
