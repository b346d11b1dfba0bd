// The build: a folder of articles → the knowledge graph. Ingest, extraction per article,
// resolution across articles, assembly with layout. Pure but for reading the folder.
import type { KnowledgeGraph } from "../graph/types.ts";
import { assembleGraph } from "../graph/assemble.ts";
import { extractArticle } from "../extract/extract-article.ts";
import { loadLexicon } from "../extract/lexicon.ts";
import type { Article, FileWarning } from "../ingest/types.ts";
import { readFolder } from "../ingest/read-folder.ts";
import { resolveEntities, type ExtractedArticle } from "../resolve/resolve.ts";

export interface BuildOptions {
  /** Called as files are read and articles extracted: done of total steps. */
  onProgress?(done: number, total: number): void;
  /** Compute ForceAtlas2 positions (default true). */
  layout?: boolean;
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
  for (const [i, article] of articles.entries()) {
    extracted.push({ article, extraction: extractArticle(article, lexicon) });
    options.onProgress?.(i + 1, articles.length);
  }
  const { entities, relations } = resolveEntities(extracted, lexicon);
  return assembleGraph(articles, entities.values(), relations, lexicon, { layout: options.layout ?? true });
}

export async function buildGraph(inputDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const folder = await readFolder(inputDir);
  const graph = buildGraphFromArticles(folder.articles, options);
  return { graph, warnings: folder.warnings, articles: folder.articles.length, files: folder.files, bytes: folder.bytes };
}
