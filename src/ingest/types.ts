// What ingest hands to extraction: one article, its cleaned body and its metadata.

export interface Article {
  /** File name without extension; "#2", "#3"… for further articles of a multi-article page. */
  id: string;
  /** Path of the source file, relative to the input folder. */
  file: string;
  title: string;
  /** ISO date (YYYY-MM-DD) or null where the page gives none. */
  published: string | null;
  publisher: string | null;
  /** "YYYY-MM": the month a search index crawled the page, when its text says so; bounds the year of undated days. */
  crawled?: string;
  /** Normalised article text without page furniture; every offset refers to it. */
  body: string;
  /** sha256 of the source file's bytes. */
  sha256: string;
}

/** A file (or part of one) that could not become an article, and why. */
export interface FileWarning {
  file: string;
  reason: string;
}
