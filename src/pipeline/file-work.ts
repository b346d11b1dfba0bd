// What an extraction worker does with one file, so that both cores read as well as extract:
// `read` opens, decodes and cleans the file and answers with its articles' metadata, digests and
// bodies — and, unless every article's record can be reused, with the extraction of all of them.
// The build then decides in file order which articles it keeps (the same article in two files is
// read once) and which records it reuses. Nearly always it keeps every article, and the
// extraction made while reading is the one it needs: one exchange per file, not two (a message
// to a thread that waits costs the sender about a millisecond of CPU on this kind of host, as
// much as a fifth of a short file's extraction). When it keeps only some articles of a page,
// `extract` extracts those, from the file as read; a file that may still be asked so is `held`
// until `extract` or `drop`. Used inside each worker thread and, with `--jobs 1`, in the main thread.
import { createHash } from "node:crypto";
import type { Lexicon } from "../extract/lexicon.ts";
import { describe, loadFileSync, type ArticleFile } from "../ingest/read-folder.ts";
import { readArticles } from "../ingest/read-file.ts";
import type { Article } from "../ingest/types.ts";
import { surveyOf, type RecordSurvey } from "../resolve/resolve.ts";
import { articleMeta, type ArticleMeta } from "./article-record.ts";
import type { BudgetRule } from "./budget.ts";
import { extractFile } from "./extract-file.ts";
import { articleDigest } from "./extractor-version.ts";
import { stampOf, type Stamp } from "./file-cache.ts";
import { recordLine } from "./record-store.ts";

/** One article of a file read: what the build decides on, and its body as UTF-8. */
export interface ReadArticle {
  meta: ArticleMeta;
  /** sha256 of the body: the same article under two names is read once. */
  bodyDigest: string;
  /** The record's cache key (extractor version and the whole article). */
  digest: string;
}

/** A file read: its articles (bodies in one transferable buffer), or why it could not be used. */
export interface FileRead {
  /** Bytes of the file (0 when it could not be opened). */
  bytes: number;
  /** Its stamp as opened, before reading (for the stat cache; none when it could not be opened). */
  stamp?: Stamp;
  articles: ReadArticle[];
  /** The bodies' UTF-8, one after another, `bodyLengths` bytes each. */
  bodies: Uint8Array;
  bodyLengths: number[];
  /** Why the file gives no article (unreadable, not text, no article in it). */
  error?: string;
  /** Every article extracted, made while reading unless each one's record could be reused. */
  extraction?: FileExtraction;
  /** Whether the articles are kept for `extract` or `drop` (else the file is forgotten already). */
  held: boolean;
}

/** The kept articles of a file extracted: their store lines and what the survey needs; or why the file is left out. */
export type FileExtraction = { lines: string[]; surveys: RecordSurvey[] } | { reason: string };

const encoder = new TextEncoder();

export class FileWork {
  /** Files read and not yet extracted or dropped: their articles and digests. */
  private readonly held = new Map<number, { articles: Article[]; digests: string[] }>();

  /** `reusable`: whether a record of this digest can be reused (it is not extracted while reading). */
  constructor(
    private readonly lexicon: () => Lexicon,
    private readonly version: string,
    private readonly budget: BudgetRule | undefined,
    private readonly reusable: (digest: string) => boolean = () => false,
  ) {}

  read(id: number, file: ArticleFile): FileRead {
    const loaded = loadFileSync(file.path);
    if ("error" in loaded) return { bytes: 0, articles: [], bodies: new Uint8Array(0), bodyLengths: [], error: describe(loaded.error), held: false };
    const stamp = loaded.stats ? { stamp: stampOf(loaded.stats) } : {};
    let articles: Article[];
    try {
      articles = readArticles(file.name, loaded.data);
    } catch (error) {
      return { bytes: loaded.data.length, ...stamp, articles: [], bodies: new Uint8Array(0), bodyLengths: [], error: describe(error), held: false };
    }
    const digests = articles.map((a) => articleDigest(this.version, a));
    const extraction = digests.every(this.reusable) ? undefined : this.extractArticles(articles, digests, articles.map((_, i) => i));
    // a page of several articles may be asked for some of them (the others read in an earlier file)
    const held = extraction === undefined || articles.length > 1;
    if (held) this.held.set(id, { articles, digests });
    const encoded = articles.map((a) => encoder.encode(a.body));
    const bodies = new Uint8Array(encoded.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of encoded) {
      bodies.set(b, at);
      at += b.length;
    }
    return {
      bytes: loaded.data.length,
      ...stamp,
      articles: articles.map((a, i) => ({ meta: articleMeta(a), bodyDigest: createHash("sha256").update(a.body).digest("hex"), digest: digests[i]! })),
      bodies,
      bodyLengths: encoded.map((b) => b.length),
      ...(extraction ? { extraction } : {}),
      held,
    };
  }

  /** Extracts the articles at `keep` (indices into what `read` gave) of file `id`, within the file's budget. */
  extract(id: number, keep: number[]): FileExtraction {
    const held = this.held.get(id);
    this.held.delete(id);
    if (!held) throw new Error(`extraction: file ${id} was not read`);
    return this.extractArticles(held.articles, held.digests, keep);
  }

  private extractArticles(articles: Article[], digests: string[], keep: number[]): FileExtraction {
    const outcome = extractFile(keep.map((i) => articles[i]!), this.lexicon(), this.budget);
    if ("reason" in outcome) return outcome;
    return {
      lines: outcome.records.map((r, i) => recordLine(digests[keep[i]!]!, r)),
      surveys: outcome.records.map(surveyOf),
    };
  }

  drop(id: number): void {
    this.held.delete(id);
  }
}
