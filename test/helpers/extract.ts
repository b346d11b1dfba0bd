// Runs the extraction of one small article, for table-driven tests of recognisers and patterns.
import { extractArticle } from "../../src/extract/extract-article.ts";
import { loadLexicon } from "../../src/extract/lexicon.ts";
import type { ArticleExtraction } from "../../src/extract/types.ts";
import { normalizeVietnamese } from "../../src/text/normalize.ts";

export function extract(body: string, published: string | null = "2021-06-20"): ArticleExtraction {
  const article = { id: "t", file: "t.txt", title: "", published, publisher: null, body: normalizeVietnamese(body), sha256: "" };
  return extractArticle(article, loadLexicon());
}

/** Facts as "TYPE from → to", sorted, for readable expectations. */
export function factLines(body: string, published?: string | null): string[] {
  return extract(body, published).facts.map((f) => `${f.type} ${f.from.name} → ${f.to.name}`).sort();
}

/** Top-level names of one kind. */
export function names(body: string, kind: string): string[] {
  return extract(body).mentions.filter((m) => m.kind === kind && !m.nested).map((m) => m.name);
}
