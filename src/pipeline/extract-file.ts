// One file's articles → their records, within the file's time budget. A page may hold several
// articles; they stand or fall together. Used in-process and inside the extraction workers.
import { extractArticle } from "../extract/extract-article.ts";
import type { Lexicon } from "../extract/lexicon.ts";
import type { Article } from "../ingest/types.ts";
import { toRecord, type ArticleRecord } from "./article-record.ts";
import { BudgetExceeded, fileBudget, type BudgetRule } from "./budget.ts";

/** A file's records, or why it is left out. */
export type FileOutcome = { records: ArticleRecord[] } | { reason: string };

export function extractFile(articles: Article[], lexicon: Lexicon, rule?: BudgetRule): FileOutcome {
  const budget = fileBudget(articles.reduce((n, a) => n + a.body.length, 0), rule);
  try {
    return { records: articles.map((article) => toRecord(article, extractArticle(article, lexicon, budget.check))) };
  } catch (error) {
    // one file never stops the build: it is left out whole, with one warning
    const reason = error instanceof BudgetExceeded ? error.message : `extraction failed: ${(error as Error).message}`;
    return { reason: `${reason}; file left out` };
  }
}
