// The build: a folder of articles → the knowledge graph. Ingest, extraction per article,
// resolution across articles, assembly with layout. Pure but for reading the folder.
import type { KnowledgeGraph } from "../graph/types.ts";
import { assembleGraph } from "../graph/assemble.ts";
import { extractArticle } from "../extract/extract-article.ts";
import { loadLexicon } from "../extract/lexicon.ts";
import type { Article, FileWarning } from "../ingest/types.ts";
import { readFolder } from "../ingest/read-folder.ts";
import { resolveRecords, type ExtractedArticle } from "../resolve/resolve.ts";
import { toRecord } from "./article-record.ts";
import { BudgetExceeded, fileBudget, type BudgetRule } from "./budget.ts";

export interface BuildOptions {
  /** Called as files are read and articles extracted: done of total steps. */
  onProgress?(done: number, total: number): void;
  /** Compute ForceAtlas2 positions (default true). */
  layout?: boolean;
  /** Called for each file left out during extraction (past its time budget, or failed). */
  onWarning?(warning: FileWarning): void;
  /** Time allowed to extract one file (default DEFAULT_BUDGET). */
  budget?: BudgetRule;
}

export interface BuildResult {
  graph: KnowledgeGraph;
  warnings: FileWarning[];
  /** Articles read (after splitting multi-article pages and dropping duplicates). */
  articles: number;
  /** Files found with an article extension. */
  files: number;
  /** Bytes of input read. */
  bytes: number;
}

export function buildGraphFromArticles(articles: Article[], options: BuildOptions = {}): KnowledgeGraph {
  const lexicon = loadLexicon();
  const extracted: ExtractedArticle[] = [];
  let done = 0;
  // a file's articles (a page may hold several) stand together, as readFolder lists them
  for (const group of byFile(articles)) {
    const file = group[0]!.file;
    const budget = fileBudget(group.reduce((n, a) => n + a.body.length, 0), options.budget);
    const ofFile: ExtractedArticle[] = [];
    try {
      for (const article of group) {
        ofFile.push({ article, extraction: extractArticle(article, lexicon, budget.check) });
        options.onProgress?.(++done, articles.length);
      }
      extracted.push(...ofFile);
    } catch (error) {
      // one file never stops the build: it is left out whole, with one warning
      const reason = error instanceof BudgetExceeded ? error.message : `extraction failed: ${(error as Error).message}`;
      options.onWarning?.({ file, reason: `${reason}; file left out` });
      done += group.length - ofFile.length;
      options.onProgress?.(done, articles.length);
    }
  }
  const resolution = resolveRecords(extracted.map(({ article, extraction }) => toRecord(article, extraction)), lexicon);
  const kept = extracted.map((e) => e.article);
  return assembleGraph(kept, resolution, lexicon, { layout: options.layout ?? true });
}

/** Consecutive articles of the same file, in order. */
function byFile(articles: Article[]): Article[][] {
  const groups: Article[][] = [];
  for (const a of articles) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.file === a.file) last.push(a);
    else groups.push([a]);
  }
  return groups;
}

export async function buildGraph(inputDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const folder = await readFolder(inputDir);
  const warnings = [...folder.warnings];
  const graph = buildGraphFromArticles(folder.articles, {
    ...options,
    onWarning: (w) => {
      warnings.push(w);
      options.onWarning?.(w);
    },
  });
  const articles = graph.filterNodes((_, a) => a.kind === "Article").length;
  return { graph, warnings, articles, files: folder.files, bytes: folder.bytes };
}
