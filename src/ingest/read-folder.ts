// A folder of article files → articles and one warning per file that could not be used.
// A bad file never stops the others; the same article under two names is read once. A file the
// previous build read and that has not changed since (pipeline/file-cache.ts decides) is not
// read again: what it held is known.
import { createHash } from "node:crypto";
import { constants, type BigIntStats } from "node:fs";
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

type Loaded = { data: Buffer; stats: BigIntStats } | { error: unknown };

/** What a path that is not a regular file is, for the warning. */
function kindOf(stats: BigIntStats): string {
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
    // taken before reading: a change made while the file is read shows as a newer stamp next time
    const stats = await handle.stat({ bigint: true });
    if (!stats.isFile()) throw new UnreadableFileError(`${kindOf(stats)}, not a regular file; only regular files are read`);
    if (stats.size > MAX_FILE_BYTES) {
      throw new UnreadableFileError(`${(Number(stats.size) / 1048576).toFixed(1)} MB is larger than the ${MAX_FILE_BYTES / 1048576} MB limit for one article file`);
    }
    return { data: await handle.readFile(), stats };
  } catch (error) {
    return { error };
  } finally {
    await handle?.close();
  }
}

/** An article of a file the previous build read, as far as reading the folder needs it. */
export interface KnownArticle {
  id: string;
  /** sha256 of the cleaned body: the same article under two names is read once. */
  bodySha: string;
  /** Whether a publication date was found (else the file's warning says so). */
  dated: boolean;
  /** The digest its record is stored under (pipeline/record-store.ts). */
  digest: string;
}

/** What the previous build read in a file that has not changed since: every one of its articles. */
export interface KnownFile {
  /** Size of the file in bytes. */
  bytes: number;
  articles: KnownArticle[];
}

/** The files a folder can skip reading (pipeline/file-cache.ts). */
export interface KnownFiles<K extends KnownFile = KnownFile> {
  /** The file's contents when it is certainly unchanged and its records can be reused; else undefined (read it). */
  lookup(name: string, path: Buffer): K | undefined;
}

/**
 * The articles of one file (none when it could not be used: its warning says why), and either how
 * it was read now or, for a file not read again, what the previous build knew of it.
 */
export interface FileArticles<K extends KnownFile = KnownFile> {
  file: string;
  articles: Article[];
  /** Read now: its stats as opened, the sha256 of each article's body, and whether none of its articles was dropped. */
  read?: { stats: BigIntStats; bodyShas: string[]; whole: boolean };
  /** Not read: unchanged since the previous build (`articles` is then empty). */
  known?: K;
}

/** A folder being read file by file: `warnings` and `bytes` grow as `articles` is consumed. */
export interface FolderStream<K extends KnownFile = KnownFile> {
  /** Files found with an article extension. */
  files: number;
  warnings: FileWarning[];
  bytes: number;
  articles: AsyncGenerator<FileArticles<K>>;
}

const NO_DATE = "no publication date found; dates without a year are read against other years in the text";

/**
 * Opens a folder for reading one file at a time, so that a build never holds every article's
 * text: each file's articles are handed on as soon as it is parsed.
 */
export async function openFolder<K extends KnownFile = KnownFile>(
  dir: string,
  onFile?: (done: number, total: number) => void,
  /** Only part of the files, in their order (a shard): `[from, to)` of the sorted list. */
  select?: (count: number) => [from: number, to: number],
  /** Files that need not be read again. */
  known?: KnownFiles<K>,
): Promise<FolderStream<K>> {
  const warnings: FileWarning[] = [];
  const listed = await listArticleFiles(dir, warnings);
  const files = select ? listed.slice(...select(listed.length)) : listed;
  const stream: FolderStream<K> = { files: files.length, warnings, bytes: 0, articles: readFiles() };
  async function* readFiles(): AsyncGenerator<FileArticles<K>> {
    const seenBodies = new Map<string, string>();
    const seenIds = new Set<string>();
    const pending: Array<Promise<Loaded | { known: K }>> = [];
    const fetchAhead = (upTo: number) => {
      while (pending.length < Math.min(upTo, files.length)) {
        const { name, path } = files[pending.length]!;
        const entry = known?.lookup(name, path);
        pending.push(entry ? Promise.resolve({ known: entry }) : loadFile(path));
      }
    };
    for (const [n, { name: file, path }] of files.entries()) {
      onFile?.(n, files.length);
      fetchAhead(n + 1 + READ_AHEAD);
      let loaded = await pending[n]!;
      pending[n] = Promise.resolve({ error: undefined }); // let the bytes go once parsed
      const reasons: string[] = [];
      if ("known" in loaded) {
        // unchanged, and read as the previous build read it unless an earlier file now holds one of
        // its articles (then it is read, and the duplicate said as reading would say it)
        const entry = loaded.known;
        if (entry.articles.every((a) => !seenBodies.has(a.bodySha) && !seenIds.has(a.id))) {
          for (const a of entry.articles) {
            seenBodies.set(a.bodySha, file);
            seenIds.add(a.id);
            if (!a.dated) reasons.push(NO_DATE);
          }
          stream.bytes += entry.bytes;
          const warning = combineWarnings(file, reasons);
          if (warning) warnings.push(warning);
          yield { file, articles: [], known: entry };
          continue;
        }
        loaded = await loadFile(path);
      }
      const articles: Article[] = [];
      const bodyShas: string[] = [];
      let dropped = false;
      try {
        if ("error" in loaded) throw loaded.error;
        const data = loaded.data;
        stream.bytes += data.length;
        for (const article of readArticles(file, data)) {
          const digest = createHash("sha256").update(article.body).digest("hex");
          const earlier = seenBodies.get(digest);
          if (earlier !== undefined) {
            reasons.push(`same article as ${earlier}; read once`);
            dropped = true;
            continue;
          }
          if (seenIds.has(article.id)) {
            reasons.push(`article id "${article.id}" is taken by another file; rename one of them`);
            dropped = true;
            continue;
          }
          if (!article.published) reasons.push(NO_DATE);
          seenBodies.set(digest, file);
          seenIds.add(article.id);
          articles.push(article);
          bodyShas.push(digest);
        }
      } catch (error) {
        reasons.push(describe(error));
        dropped = true;
      }
      const warning = combineWarnings(file, reasons);
      if (warning) warnings.push(warning);
      if (articles.length > 0 && "stats" in loaded) yield { file, articles, read: { stats: loaded.stats, bodyShas, whole: !dropped } };
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

function describe(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "cannot be read: permission denied";
  if (code === "EISDIR") return "is a folder, not a file";
  if (code === "ENOENT") return "cannot be read: the file (or the file a link points to) does not exist";
  if (code === "ENAMETOOLONG") return "cannot be read: its path is longer than the system allows";
  if (code === "ELOOP") return "cannot be read: a link that points to itself, or too many links in a row";
  return `cannot be read: ${(error as Error).message}`;
}
