// A folder of article files → articles and one warning per file that could not be used.
// A bad file never stops the others; the same article under two names is read once.
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, openSync, readSync, type BigIntStats, type Stats } from "node:fs";
import { open, readdir } from "node:fs/promises";
import { extname, sep } from "node:path";
import { UnreadableFileError } from "./errors.ts";
import { decodeFileName } from "./file-name.ts";
import { combineWarnings } from "./warnings.ts";
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

/** An article file: its name relative to the input folder, as shown to users, and its path as bytes. */
export interface ArticleFile {
  name: string;
  /** Bytes, not text: a name that is not UTF-8 is still opened under its own name. */
  path: Buffer;
}

/**
 * Article files below `dir`, sorted by name so that every machine reads them in the same order.
 * Names are read as bytes (see file-name.ts). A subfolder that cannot be listed (no permission,
 * a path longer than the system allows) gets a warning; the others are still read.
 */
export async function listArticleFiles(dir: string, warnings: FileWarning[] = []): Promise<ArticleFile[]> {
  const files: ArticleFile[] = [];
  const folders: Array<{ name: string; path: Buffer }> = [{ name: "", path: Buffer.from(dir) }];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let entries;
    try {
      entries = await readdir(folder.path, { withFileTypes: true, encoding: "buffer" });
    } catch (error) {
      if (folder.name === "") throw error; // the input folder itself: the command reports it
      warnings.push({ file: folder.name, reason: `folder skipped: ${describe(error)}` });
      continue;
    }
    for (const e of entries) {
      const name = folder.name === "" ? decodeFileName(e.name) : `${folder.name}${sep}${decodeFileName(e.name)}`;
      const path = Buffer.concat([folder.path, Buffer.from(sep), e.name]);
      if (e.isDirectory()) folders.push({ name, path });
      // links are listed too: a broken one is reported as unreadable rather than silently skipped
      else if ((e.isFile() || e.isSymbolicLink()) && (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase())) files.push({ name, path });
    }
  }
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Files read ahead of the one being parsed, so the disk and the parser work at once. */
const READ_AHEAD = 16;

/** A file's bytes and, when read by `loadFileSync`, its stats as opened (before reading: the stat cache's stamp). */
export type Loaded = { data: Buffer; stats?: BigIntStats } | { error: unknown };

/** What a path that is not a regular file is, for the warning. */
function kindOf(stats: Stats | BigIntStats): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a named pipe (FIFO)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * Reads a regular file and nothing else. Opened without blocking and checked on the open handle
 * (no race between a check and the open): a link to a FIFO once hung the build forever, waiting
 * for a writer, and a device would never end.
 */
async function loadFile(path: Buffer): Promise<Loaded> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFileError(`${kindOf(stats)}, not a regular file; only regular files are read`);
    if (stats.size > MAX_FILE_BYTES) {
      throw new UnreadableFileError(`${(stats.size / 1048576).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit for one article file`);
    }
    return { data: await handle.readFile() };
  } catch (error) {
    return { error };
  } finally {
    await handle?.close();
  }
}

/**
 * The same as loadFile, blocking: for the extraction workers, which read their files themselves
 * (a worker has nothing else to do meanwhile, and one call costs less than four awaited ones).
 */
export function loadFileSync(path: Buffer): Loaded {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    // taken before reading: a change made while the file is read shows as a newer stamp next time
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) throw new UnreadableFileError(`${kindOf(stats)}, not a regular file; only regular files are read`);
    const size = Number(stats.size);
    if (size > MAX_FILE_BYTES) {
      throw new UnreadableFileError(`${(size / 1048576).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit for one article file`);
    }
    // read to the end, not to the size stat gave: a file may grow or shrink while it is read
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(size - total, 0) + 1);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > MAX_FILE_BYTES) throw new UnreadableFileError(`larger than the ${MAX_FILE_BYTES / 1048576} MB limit for one article file`);
    }
    return { data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), stats };
  } catch (error) {
    return { error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The articles of one file (none when it could not be used: its warning says why). */
export interface FileArticles {
  file: string;
  articles: Article[];
}

/** A folder being read file by file: `warnings` and `bytes` grow as `articles` is consumed. */
export interface FolderStream {
  /** Files found with an article extension. */
  files: number;
  warnings: FileWarning[];
  bytes: number;
  articles: AsyncGenerator<FileArticles>;
}

/**
 * Opens a folder for reading one file at a time, so that a build never holds every article's
 * text: each file's articles are handed on as soon as it is parsed.
 */
export async function openFolder(
  dir: string,
  onFile?: (done: number, total: number) => void,
  /** Only part of the files, in their order (a shard): `[from, to)` of the sorted list. */
  select?: (count: number) => [from: number, to: number],
): Promise<FolderStream> {
  const warnings: FileWarning[] = [];
  const listed = await listArticleFiles(dir, warnings);
  const files = select ? listed.slice(...select(listed.length)) : listed;
  const stream: FolderStream = { files: files.length, warnings, bytes: 0, articles: readFiles() };
  async function* readFiles(): AsyncGenerator<FileArticles> {
    const seenBodies = new Map<string, string>();
    const seenIds = new Set<string>();
    const pending: Array<Promise<Loaded>> = [];
    const fetchAhead = (upTo: number) => {
      while (pending.length < Math.min(upTo, files.length)) pending.push(loadFile(files[pending.length]!.path));
    };
    for (const [n, { name: file }] of files.entries()) {
      onFile?.(n, files.length);
      fetchAhead(n + 1 + READ_AHEAD);
      const loaded = await pending[n]!;
      pending[n] = Promise.resolve({ error: undefined }); // let the bytes go once parsed
      const reasons: string[] = [];
      const articles: Article[] = [];
      try {
        if ("error" in loaded) throw loaded.error;
        const data = loaded.data;
        stream.bytes += data.length;
        for (const article of readArticles(file, data)) {
          const digest = createHash("sha256").update(article.body).digest("hex");
          const earlier = seenBodies.get(digest);
          if (earlier !== undefined) {
            reasons.push(`same article as ${earlier}; read once`);
            continue;
          }
          if (seenIds.has(article.id)) {
            reasons.push(`article id "${article.id}" is taken by another file; rename one of them`);
            continue;
          }
          if (!article.published) reasons.push("no publication date found; dates without a year are read against other years in the text");
          seenBodies.set(digest, file);
          seenIds.add(article.id);
          articles.push(article);
        }
      } catch (error) {
        reasons.push(describe(error));
      }
      const warning = combineWarnings(file, reasons);
      if (warning) warnings.push(warning);
      if (articles.length > 0) yield { file, articles };
    }
    onFile?.(files.length, files.length);
  }
  return stream;
}

export async function readFolder(
  dir: string,
  onFile?: (done: number, total: number) => void,
): Promise<FolderContents> {
  const folder = await openFolder(dir, onFile);
  const articles: Article[] = [];
  for await (const file of folder.articles) articles.push(...file.articles);
  return { articles, warnings: folder.warnings, files: folder.files, bytes: folder.bytes };
}

/** Why a file could not be read, for its warning. */
export function describe(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "ENOENT") return "cannot be read: the file (or the file a link points to) does not exist";
  if (code === "ENAMETOOLONG") return "cannot be read: its path is longer than the system allows";
  if (code === "ELOOP") return "cannot be read: a link that points to itself, or too many links in a row";
  return `cannot be read: ${(error as Error).message}`;
}
