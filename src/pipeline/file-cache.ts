// The stat cache of an incremental build: a file whose stamp (device, inode, size, modification
// and change times) is what it was when the previous build read it is not read again. Its
// articles' records are reused by digest from the store and their bodies copied from the bodies
// the previous build kept, so an unchanged corpus is neither read nor cleaned. Kept in
// OUT/.diplograph: `files.jsonl` (one line per file, then a header: written as the build goes) and the bodies file it names.
//
// Conservative: any doubt and the file is read. A file is trusted only if its stamp is the same to
// the nanosecond, it was last modified well before the previous build began (a change within the
// file system's clock tick of that build's read could leave the stamp as it was: git's "racy"
// case), the folder is the one that build read, that build read it with the same code (after an
// upgrade every file is read again: its articles are cleaned anew and filed under the new
// extractor's digests), and every record and body it needs is there.
// Files with a duplicate or an unreadable part, or left out of extraction, are never cached.
// The stamp of a file read now is taken by the worker that reads it (file-work.ts), on the open
// file before reading; a file the cache vouches for is never sent to a worker (extract-files.ts).
import { closeSync, fstatSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync, type BigIntStats } from "node:fs";
import { join, resolve } from "node:path";
import { isRunning } from "../graph/write-atomic.ts";
import type { RecordSurvey } from "../resolve/resolve.ts";
import type { ArticleMeta } from "./article-record.ts";
import { sourceDigest } from "./extractor-version.ts";
import type { BodyStore } from "./body-store.ts";
import type { ExtractedFile } from "./extract-files.ts";
import type { PreviousRecords } from "./record-store.ts";
import { WindowReader } from "./window-reader.ts";

export const FILES_CACHE = "files.jsonl";
const FORMAT = 3;
/** A file modified less than this before the previous build began is read again (2 s: FAT's clock tick). */
export const RACY_MARGIN_NS = 2_000_000_000n;

/** An article of a file the previous build read, as far as deciding on it in file order needs it. */
export interface KnownArticle {
  id: string;
  /** sha256 of the cleaned body: the same article under two names is read once. */
  bodySha: string;
  /** Whether a publication date was found (else the file's warning says so). */
  dated: boolean;
  /** The digest its record is stored under (pipeline/record-store.ts). */
  digest: string;
  /** What its Article node and resolution's survey need: kept here so that its record is parsed once a build, not twice. */
  meta: ArticleMeta;
  survey: RecordSurvey;
}

/** What identifies a file's content without reading it (strings: bigints, and sent from the workers). */
export interface Stamp {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

interface CachedArticle extends KnownArticle {
  /** Where its body is in the bodies file: [offset, length] in bytes. */
  body: [number, number];
}

/** What the previous build read in a file: its stamp and every one of its articles. */
export interface CachedFile extends Stamp {
  name: string;
  /** Size of the file in bytes. */
  bytes: number;
  articles: CachedArticle[];
}

interface Header {
  format: number;
  /** The folder read, resolved. */
  input: string;
  /** The code that read the files (`readerVersion`). */
  reader: string;
  /** When that build began (ns since the epoch): files modified after it are not trusted. */
  startedNs: string;
  /** The bodies file (in the same folder) and its size. */
  bodies: string;
  bodiesSize: number;
}

/**
 * A digest of the code an entry comes from: reading and cleaning a file into articles (ingest),
 * their records (the extractor's version covers less: src/extract, src/text and a few modules
 * of src/resolve), their metadata and surveys (src/resolve), and the entries themselves.
 */
const readerVersion = (): string => sourceDigest(["ingest", "extract", "text", "resolve", "pipeline/article-record", "pipeline/file-work", "pipeline/file-cache"]);

/** Each cached file's line in the previous files.jsonl, as bytes: copied as it is when nothing in it changed. */
const linesRead = new WeakMap<CachedFile, Buffer>();

export const stampOf = (s: BigIntStats): Stamp => ({
  dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs),
});

const sameStamp = (a: Stamp, b: Stamp) => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

/** The previous build's stat cache, opened for a build of `inputDir`. */
export class FileCache {
  private reader: WindowReader | undefined;
  /** Set once the build continues the bodies file itself (`keepBodies`): the bodies of files not read again are not read either. */
  private bodiesInPlace = false;

  private constructor(
    private readonly files: Map<string, CachedFile>,
    private readonly trustedBefore: bigint,
    private readonly bodiesFd: number | undefined,
    private readonly previous: PreviousRecords | undefined,
    private readonly bodiesFile?: { path: string; size: number },
  ) {}

  /** How many files the previous build cached. */
  get size(): number {
    return this.files.size;
  }

  /** An empty cache: every file is read (`--fresh`, or no usable cache). */
  static none(): FileCache {
    return new FileCache(new Map(), 0n, undefined, undefined);
  }

  /**
   * Lets `bodies` continue the previous build's bodies file, unless it is more than half bodies of
   * no cached file among `names` (the folder's files now: articles deleted, or changed since the
   * file was begun): then they are copied into a new one, which drops the rest. Whether it did.
   */
  keepBodies(bodies: BodyStore, names: Iterable<string>): boolean {
    if (!this.bodiesFile) return false;
    let live = 0;
    for (const name of names) for (const a of this.files.get(name)?.articles ?? []) live += a.body[1];
    if (live < this.bodiesFile.size / 2 || !bodies.adopt(this.bodiesFile.path, this.bodiesFile.size)) return false;
    this.bodiesInPlace = true;
    return true;
  }

  /** The cache in `storeDir` if it was written for `inputDir` and its bodies file is whole; else an empty one. */
  static open(storeDir: string, inputDir: string, previous: PreviousRecords): FileCache {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(storeDir, FILES_CACHE));
    } catch {
      return FileCache.none();
    }
    // one line at a time from the bytes (143 MB at 100,000 articles: never one string); the header is the last line
    let header: Header;
    const files = new Map<string, CachedFile>();
    try {
      const end = bytes.length > 0 && bytes[bytes.length - 1] === 10 ? bytes.length - 1 : bytes.length;
      const last = bytes.lastIndexOf(10, end - 1) + 1;
      header = JSON.parse(bytes.toString("utf8", last, end)) as Header;
      if (header.format !== FORMAT || header.input !== resolve(inputDir) || header.reader !== readerVersion()) return FileCache.none();
      for (let start = 0; start < last; ) {
        const nl = bytes.indexOf(10, start);
        const entry = JSON.parse(bytes.toString("utf8", start, nl)) as CachedFile;
        files.set(entry.name, entry);
        linesRead.set(entry, bytes.subarray(start, nl + 1));
        start = nl + 1;
      }
    } catch {
      return FileCache.none(); // a damaged cache is no cache
    }
    let fd: number;
    try {
      fd = openSync(join(storeDir, header.bodies), "r");
    } catch {
      return FileCache.none();
    }
    if (fstatSync(fd).size !== header.bodiesSize) {
      closeSync(fd);
      return FileCache.none();
    }
    return new FileCache(files, BigInt(header.startedNs) - RACY_MARGIN_NS, fd, previous, { path: join(storeDir, header.bodies), size: header.bodiesSize });
  }

  /** The file's entry when it is certainly unchanged and its records can be reused; else undefined (read it). */
  lookup(name: string, path: Buffer): CachedFile | undefined {
    const entry = this.files.get(name);
    if (!entry || !this.previous) return undefined;
    let stats: BigIntStats | undefined;
    try {
      stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stats?.isFile() || !sameStamp(stampOf(stats), entry) || stats.mtimeNs >= this.trustedBefore) return undefined;
    const previous = this.previous;
    if (!entry.articles.every((a) => previous.has(a.digest))) return undefined;
    return entry;
  }

  /**
   * The bodies (UTF-8) of a file not read again, from the bodies the previous build kept; none
   * when the build continues that file (`keepBodies`: they are named where they are).
   */
  bodies(entry: CachedFile): Uint8Array[] {
    if (this.bodiesInPlace) return [];
    this.reader ??= new WindowReader(this.bodiesFd!, "file cache: the bodies file");
    return entry.articles.map((a) => this.reader!.read(a.body[0], a.body[1]));
  }

  close(): void {
    if (this.bodiesFd !== undefined) closeSync(this.bodiesFd);
  }
}

/** The stat cache this build writes for the next one. */
export class FileCacheWriter {
  /** Entries go to disk as they come (a temporary file, renamed at commit): 100,000 of them are too many to hold. */
  private fd: number | undefined;
  private pending: Buffer[] = [];
  private pendingSize = 0;
  /** When this build began, before any file was listed. */
  private readonly startedNs = BigInt(Date.now()) * 1_000_000n;
  readonly bodiesName = `bodies.${process.pid}.${Date.now()}.bin`;

  constructor(private readonly storeDir: string, private readonly inputDir: string) {}

  /** Records a file of this build: read whole now, or not read again; left-out files and files with a dropped article are not cached. */
  add(file: ExtractedFile, bodies: BodyStore, surveys: RecordSurvey[]): void {
    if ("reason" in file.outcome) return;
    const { source } = file;
    if ("known" in source) {
      const known = source.known;
      const spans = known.articles.map((a) => bodies.span(a.id)!);
      // bodies left where they were (the bodies file continued): the entry is the same bytes
      const line = linesRead.get(known);
      if (line && known.articles.every((a, i) => a.body[0] === spans[i]![0] && a.body[1] === spans[i]![1])) this.writeLine(line);
      else this.write({ ...known, articles: known.articles.map((a, i) => ({ ...a, body: spans[i]! })) });
      return;
    }
    const { read } = source;
    if (!read.whole || !read.stamp || file.articles.length === 0) return;
    this.write({
      name: file.file,
      ...read.stamp,
      bytes: file.bytes,
      articles: file.articles.map((a, i) => ({
        id: a.id, bodySha: read.bodyShas[i]!, dated: Boolean(a.published), digest: file.digests[i]!, meta: a, survey: surveys[i]!, body: bodies.span(a.id)!,
      })),
    });
  }

  /**
   * Writes files.jsonl, naming the bodies file the build kept (`bodies.keepOnClose(…bodiesName)`,
   * closed by now), and removes bodies files no cache names. Called once graph.json is written.
   */
  async commit(bodiesSize: number): Promise<void> {
    const header: Header = { format: FORMAT, input: resolve(this.inputDir), reader: readerVersion(), startedNs: String(this.startedNs), bodies: this.bodiesName, bodiesSize };
    this.pending.push(Buffer.from(`${JSON.stringify(header)}\n`));
    this.flush(true);
    fsyncSync(this.fd!);
    closeSync(this.fd!);
    renameSync(this.temporary, join(this.storeDir, FILES_CACHE));
    removeOtherBodies(this.storeDir, this.bodiesName);
  }

  private get temporary(): string {
    return join(this.storeDir, `${FILES_CACHE}.${process.pid}.tmp`);
  }

  private write(entry: CachedFile): void {
    this.writeLine(Buffer.from(`${JSON.stringify(entry)}\n`));
  }

  private writeLine(line: Buffer): void {
    this.pending.push(line);
    this.pendingSize += line.length;
    if (this.pendingSize >= 1 << 20) this.flush(false);
  }

  private flush(always: boolean): void {
    // opened on first use: the store's folder is made after this writer (openStore)
    this.fd ??= openSync(this.temporary, "w");
    if (this.pending.length > 0 || always) writeSync(this.fd, Buffer.concat(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }
}

/** Bodies files other than `keep` whose build is over (a build still running keeps its own). */
export function removeOtherBodies(storeDir: string, keep: string | undefined): void {
  for (const name of readdirSync(storeDir)) {
    const pid = /^bodies\.(\d+)\.\d+\.bin$/.exec(name)?.[1];
    if (pid === undefined || name === keep) continue;
    if (Number(pid) === process.pid || !isRunning(Number(pid))) rmSync(join(storeDir, name), { force: true });
  }
}
