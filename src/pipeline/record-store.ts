// The on-disk store of article records: one JSON line per article, `{"digest":…,"record":…}`,
// in the order of the input files. A build writes it as it extracts, resolution reads it back
// line by line, and the next build reuses the records whose digest it finds (the cache).
// JSON lines rather than SQLite: written and read strictly in order, appended, the same format
// as a shard of `diplograph extract`, readable with any tool, no native module to build.
import { closeSync, createReadStream, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import type { ArticleRecord } from "./article-record.ts";
import { WindowReader } from "./window-reader.ts";

export const RECORDS_FILE = "records.jsonl";
const NEWLINE = Buffer.from("\n");

export interface StoredRecord {
  digest: string;
  record: ArticleRecord;
}

/**
 * Writes a store: to a temporary file that `commit` renames over the old store (`abandon` removes
 * it) — or, once told to `follow` the old store, not at all while the records are the old
 * store's lines in their order (most of a rebuild's: ≈ 1.7 GB at 100,000 articles), then by
 * appending what comes after them to the old file itself. The first record that departs from the
 * old store's order switches to the temporary file, beginning with a copy of the lines matched
 * so far; so does a commit with fewer records than the old store.
 */
export class RecordWriter {
  private readonly temporary: string;
  private fd: number | undefined;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  count = 0;
  /** Bytes appended so far: where the next line begins. */
  bytes = 0;
  /** The old store being followed: its lines in order, and its file open for writing (undefined: writing to the temporary file). */
  private old: { fd: number; lines: Array<[digest: string, offset: number, length: number]>; end: number } | undefined;

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.tmp`;
  }

  /**
   * Follows `previous`, the store at this writer's path: its lines are not written again while
   * they come in order (each line must then be given with its digest). Nothing if it is empty.
   */
  follow(previous: PreviousRecords): void {
    if (this.count > 0) throw new Error("RecordWriter.follow: lines were already written");
    if (previous.size === 0) return;
    let fd: number;
    try {
      fd = openSync(this.path, "r+");
    } catch {
      return;
    }
    const lines = [...previous.lines()].map(([digest, [offset, length]]): [string, number, number] => [digest, offset, length]);
    // only the file indexed is followed (not one renamed over it since)
    if (!previous.isFile(fd)) {
      closeSync(fd);
      return;
    }
    const last = lines[lines.length - 1]!;
    this.old = { fd, lines, end: last[1] + last[2] + 1 };
  }

  /**
   * A record line as it is stored (a reused line is copied as it is, as bytes: never decoded,
   * parsed or re-serialised); a function giving it is called only if the line must be written.
   */
  appendLine(line: string | Uint8Array | (() => Uint8Array), digest?: string): void {
    const old = this.old;
    if (old && this.count < old.lines.length) {
      const [expected, offset, length] = old.lines[this.count]!;
      // the old store's next line, where it is: already in place
      if (digest === expected && offset === this.bytes) {
        this.bytes += length + 1;
        this.count++;
        return;
      }
      this.depart();
    }
    const bytes = typeof line === "string" ? Buffer.from(line) : typeof line === "function" ? line() : line;
    this.pending.push(bytes, NEWLINE);
    this.pendingSize += bytes.length + 1;
    this.bytes += bytes.length + 1;
    this.count++;
    if (this.pendingSize > 1 << 20) this.flush();
  }

  /** From the old store's order to the temporary file: the lines matched so far copied into it first. */
  private depart(): void {
    const old = this.old!;
    this.old = undefined;
    this.fd = openSync(this.temporary, "w");
    const chunk = Buffer.allocUnsafe(Math.min(8 << 20, Math.max(1, this.bytes)));
    for (let at = 0; at < this.bytes; ) {
      const n = readSync(old.fd, chunk, 0, Math.min(chunk.length, this.bytes - at), at);
      if (n === 0) throw new Error(`record store: ${this.path} ends before byte ${this.bytes}`);
      writeSync(this.fd, chunk, 0, n);
      at += n;
    }
    closeSync(old.fd);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending);
    if (this.old) {
      // after the old store's lines: appended to its file, over whatever a killed build left past them
      if (this.bytes - this.pendingSize === this.old.end) ftruncateSync(this.old.fd, this.old.end);
      writeSync(this.old.fd, bytes, 0, bytes.length, this.bytes - this.pendingSize);
    } else {
      this.fd ??= openSync(this.temporary, "w");
      writeSync(this.fd, bytes);
    }
    this.pending = [];
    this.pendingSize = 0;
  }

  commit(): void {
    if (this.old && this.count < this.old.lines.length) this.depart();
    this.flush();
    const old = this.old;
    if (old) {
      // the old file, with what came after its lines (if anything) appended: nothing to rename
      if (this.bytes === old.end) ftruncateSync(old.fd, old.end);
      fsyncSync(old.fd);
      closeSync(old.fd);
      return;
    }
    this.fd ??= openSync(this.temporary, "w");
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  abandon(): void {
    if (this.old) {
      // the old store as it was: what was appended to it cut off again
      ftruncateSync(this.old.fd, this.old.end);
      closeSync(this.old.fd);
      return;
    }
    if (this.fd !== undefined) closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}

export const recordLine = (digest: string, record: ArticleRecord) => JSON.stringify({ digest, record });

/** The records of a store (or a shard), one at a time, in order; from byte `start` (where a line begins). */
export async function* readRecords(path: string, start = 0): AsyncGenerator<StoredRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8", start }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as StoredRecord;
}

/** Records of a store read by where their lines are (offset, length), in any order, through one window. */
export class RecordsAt {
  private readonly fd: number;
  private readonly reader: WindowReader;

  constructor(path: string) {
    this.fd = openSync(path, "r");
    this.reader = new WindowReader(this.fd, "record store");
  }

  read(offset: number, length: number): StoredRecord {
    return JSON.parse(this.reader.read(offset, length).toString("utf8")) as StoredRecord;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** A previous store opened for reuse: its lines found by digest. */
export class PreviousRecords {
  private reader: WindowReader | undefined;

  private constructor(
    private readonly fd: number | undefined,
    private readonly where: Map<string, [offset: number, length: number]>,
  ) {}

  /** Indexes `path` (absent or unreadable: an empty cache). */
  static async open(path: string): Promise<PreviousRecords> {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch {
      return new PreviousRecords(undefined, new Map());
    }
    const where = new Map<string, [number, number]>();
    const prefix = Buffer.from('{"digest":"');
    let offset = 0;
    let carry: Buffer = Buffer.alloc(0);
    // lines are found by their newlines in the raw bytes: no line is parsed to be indexed
    for await (const chunk of createReadStream(path, { fd, autoClose: false, start: 0 }) as AsyncIterable<Buffer>) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
        if (data.subarray(start, start + prefix.length).equals(prefix)) {
          where.set(data.toString("latin1", start + prefix.length, start + prefix.length + 64), [offset + start, nl - start]);
        }
        start = nl + 1;
      }
      offset += start;
      carry = data.subarray(start);
    }
    return new PreviousRecords(fd, where);
  }

  get size(): number {
    return this.where.size;
  }

  digests(): IterableIterator<string> {
    return this.where.keys();
  }

  /** Each line's digest and place, in the file's order. */
  lines(): IterableIterator<[string, [offset: number, length: number]]> {
    return this.where.entries();
  }

  /** Whether `fd` is open on the file indexed (the same device and inode). */
  isFile(fd: number): boolean {
    if (this.fd === undefined) return false;
    const a = fstatSync(this.fd);
    const b = fstatSync(fd);
    return a.dev === b.dev && a.ino === b.ino;
  }

  has(digest: string): boolean {
    return this.where.has(digest);
  }

  /** The stored line of `digest`, as it was written. */
  line(digest: string): string {
    return this.lineBytes(digest).toString("utf8");
  }

  /** The same as bytes (UTF-8), to be copied into the next store without being decoded. */
  lineBytes(digest: string): Buffer {
    const [offset, length] = this.where.get(digest)!;
    this.reader ??= new WindowReader(this.fd!, "record store");
    return this.reader.read(offset, length);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
