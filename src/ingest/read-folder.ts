// A folder of article files → articles and one warning per file that could not be used.
// A bad file never stops the others; the same article under two names is read once.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative } from "node:path";
import { UnreadableFileError } from "./errors.ts";
import { ARTICLE_EXTENSIONS, readArticles } from "./read-file.ts";
import type { Article, FileWarning } from "./types.ts";

/** Larger files are refused: no news article is this long, and it would hold the build up. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface FolderContents {
  articles: Article[];
  warnings: FileWarning[];
  /** Files found with an article extension. */
  files: number;
  /** Bytes of the files read. */
  bytes: number;
}

/** Article files below `dir`, sorted so that every machine reads them in the same order. */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    // links are listed too: a broken one is reported as unreadable rather than silently skipped
    .filter((e) => (e.isFile() || e.isSymbolicLink()) && (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(e.name).toLowerCase()))
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Files read ahead of the one being parsed, so the disk and the parser work at once. */
const READ_AHEAD = 16;

type Loaded = { data: Buffer } | { error: unknown };

async function loadFile(path: string): Promise<Loaded> {
  try {
    const size = (await stat(path)).size;
    if (size > MAX_FILE_BYTES) {
      throw new UnreadableFileError(`${(size / 1048576).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit for one article file`);
    }
    return { data: await readFile(path) };
  } catch (error) {
    return { error };
  }
}

export async function readFolder(
  dir: string,
  onFile?: (done: number, total: number) => void,
): Promise<FolderContents> {
  const files = await listArticleFiles(dir);
  const articles: Article[] = [];
  const warnings: FileWarning[] = [];
  const seenBodies = new Map<string, string>();
  const seenIds = new Set<string>();
  let bytes = 0;
  const pending: Array<Promise<Loaded>> = [];
  const fetchAhead = (upTo: number) => {
    while (pending.length < Math.min(upTo, files.length)) pending.push(loadFile(join(dir, files[pending.length]!)));
  };
  for (const [n, file] of files.entries()) {
    onFile?.(n, files.length);
    fetchAhead(n + 1 + READ_AHEAD);
    const loaded = await pending[n]!;
    pending[n] = Promise.resolve({ error: undefined }); // let the bytes go once parsed
    try {
      if ("error" in loaded) throw loaded.error;
      const data = loaded.data;
      bytes += data.length;
      for (const article of readArticles(file, data)) {
        const digest = createHash("sha256").update(article.body).digest("hex");
        const earlier = seenBodies.get(digest);
        if (earlier !== undefined) {
          warnings.push({ file, reason: `same article as ${earlier}; read once` });
          continue;
        }
        if (seenIds.has(article.id)) {
          warnings.push({ file, reason: `article id "${article.id}" is taken by another file; rename one of them` });
          continue;
        }
        if (!article.published) warnings.push({ file, reason: "no publication date found; dates without a year are read against other years in the text" });
        seenBodies.set(digest, file);
        seenIds.add(article.id);
        articles.push(article);
      }
    } catch (error) {
      warnings.push({ file, reason: describe(error) });
    }
  }
  onFile?.(files.length, files.length);
  return { articles, warnings, files: files.length, bytes };
}

function describe(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "ENOENT") return "cannot be read: the file (or the file a link points to) does not exist";
  return `cannot be read: ${(error as Error).message}`;
}
