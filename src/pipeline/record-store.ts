// The on-disk store of article records: one JSON line per article, `{"digest":…,"record":…}`,
// in the order of the input files. A build writes it as it extracts, resolution reads it back
// line by line, and the next build reuses the records whose digest it finds (the cache).
// JSON lines rather than SQLite: written and read strictly in order, appended, the same format
// as a shard of `diplograph extract`, readable with any tool, no native module to build.
import { closeSync, createReadStream, fstatSync, fsyncSync, ftruncateSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import type { ArticleRecord } from "./article-record.ts";
import { jsonLines } from "./file-lines.ts";
import { loadRecordIndex, removeRecordIndex, saveRecordIndex } from "./record-index.ts";
import { WindowReader } from "./window-reader.ts";

export const RECORDS_FILE = "records.jsonl";
const NEWLINE = Buffer.from("\n");
/** Where a line's digest begins: `{"digest":"`. */
const DIGEST_AT = '{"digest":"'.length;

export interface StoredRecord {
  digest: string;
  record: ArticleRecord;
}

/**
 * Writes a store: to a temporary file that `commit` renames over the old store (`abandon` removes
 * it) — or, once told to `follow` the old store, by leaving the old store's lines where they are
 * (most of a rebuild's: ≈ 1.7 GB at 100,000 articles) and appending the new ones to the old file
 * itself, wherever they come in the order: the store's lines are then the old store's, then the
 * new ones, and `linePlaces` says where each is in the order lines were given. A commit after an
 * old line was not given again (an article deleted or changed) writes the store anew, in order.
 */
export class RecordWriter {
  private readonly temporary: string;
  private fd: number | undefined;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  count = 0;
  /** Bytes of the file being written: the temporary file, or the old store with what was appended to it. */
  private size = 0;
  /** Where each line (by place: the order lines were given in) is: offset and length, one after another. */
  private spans: number[] = [];
  /** Each line's place, in the store's order of lines (undefined: the same as the places). */
  private places: Int32Array | undefined;
  /** Each line's digest, by place (a line given without one: the store is not indexed). */
  private readonly digests: Array<string | undefined> = [];
  /** The old store being followed: its lines by digest, the places of those given again, and its file open for writing. */
  private old: { fd: number; where: Map<string, [offset: number, length: number]>; placeOf: Map<string, number>; end: number } | undefined;

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.tmp`;
  }

  /**
   * Follows `previous`, the store at this writer's path: its lines are not written again (each
   * line must then be given with its digest). Nothing if it is empty.
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
    // only the file indexed is followed (not one renamed over it since)
    if (!previous.isFile(fd)) {
      closeSync(fd);
      return;
    }
    const where = new Map(previous.lines());
    let end = 0;
    for (const [offset, length] of where.values()) end = Math.max(end, offset + length + 1);
    this.old = { fd, where, placeOf: new Map(), end };
    this.size = end;
  }

  /**
   * A record line as it is stored (a reused line is copied as it is, as bytes: never decoded,
   * parsed or re-serialised); a function giving it is called only if the line must be written.
   */
  appendLine(line: string | Uint8Array | (() => Uint8Array), digest?: string): void {
    const old = this.old;
    const known = old && digest !== undefined && !old.placeOf.has(digest) ? old.where.get(digest) : undefined;
    this.digests.push(digest);
    if (known) {
      // the old store's line, where it is
      old!.placeOf.set(digest!, this.count++);
      this.spans.push(known[0], known[1]);
      return;
    }
    const bytes = typeof line === "string" ? Buffer.from(line) : typeof line === "function" ? line() : line;
    this.spans.push(this.size, bytes.length);
    this.pending.push(bytes, NEWLINE);
    this.pendingSize += bytes.length + 1;
    this.size += bytes.length + 1;
    this.count++;
    if (this.pendingSize > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.concat(this.pending);
    const at = this.size - this.pendingSize;
    if (this.old) {
      // after the old store's lines: appended to its file, over whatever a killed build left past them
      if (at === this.old.end) ftruncateSync(this.old.fd, this.old.end);
      writeSync(this.old.fd, bytes, 0, bytes.length, at);
    } else {
      this.fd ??= openSync(this.temporary, "w");
      writeSync(this.fd, bytes, 0, bytes.length, at);
    }
    this.pending = [];
    this.pendingSize = 0;
  }

  /** Where line `place` (in the order lines were given) is in the committed store. */
  span(place: number): [offset: number, length: number] {
    if (place >= this.count) throw new Error(`record store: no line ${place}`);
    return [this.spans[2 * place]!, this.spans[2 * place + 1]!];
  }

  /** Each line's place (the order lines were given in), in the committed store's order of lines. */
  linePlaces(): Int32Array {
    return this.places ?? Int32Array.from({ length: this.count }, (_, place) => place);
  }

  commit(): void {
    this.flush();
    const old = this.old;
    if (old && old.placeOf.size === old.where.size) {
      // every old line given again: the old file, with the new lines appended (if any); a killed
      // build's tail cut off, and the file left untouched when there is none (its stamp names it)
      if (this.size === old.end && fstatSync(old.fd).size > old.end) ftruncateSync(old.fd, old.end);
      fsyncSync(old.fd);
      const places = new Int32Array(this.count);
      let k = 0;
      for (const digest of old.where.keys()) places[k++] = old.placeOf.get(digest)!;
      for (let place = 0; place < this.count; place++) if (this.spans[2 * place]! >= old.end) places[k++] = place;
      this.places = places;
      this.index(old.fd);
      closeSync(old.fd);
      return;
    }
    if (old) this.rewrite(old.fd, old.end);
    this.fd ??= openSync(this.temporary, "w");
    fsyncSync(this.fd);
    removeRecordIndex(this.path);
    renameSync(this.temporary, this.path);
    this.index(this.fd);
    closeSync(this.fd);
  }

  /** The index of the committed store, open as `fd` (record-index.ts), when every line was given with its digest. */
  private index(fd: number): void {
    const places = this.linePlaces();
    const lines: Array<[string, number, number]> = [];
    for (const place of places) {
      const digest = this.digests[place];
      if (digest === undefined) return removeRecordIndex(this.path);
      lines.push([digest, this.spans[2 * place]!, this.spans[2 * place + 1]!]);
    }
    saveRecordIndex(this.path, fd, lines);
  }

  /**
   * The store written anew in the order lines were given, from `fd` (the old file, its lines
   * ending at `end`, new lines appended after them): an old line was not given again.
   */
  private rewrite(fd: number, end: number): void {
    this.old = undefined;
    // one window in the old lines, one in the appended ones: the order goes back and forth between them
    const readers = [new WindowReader(fd, "record store"), new WindowReader(fd, "record store")];
    this.size = 0;
    for (let place = 0; place < this.count; place++) {
      const [offset, length] = this.span(place);
      this.pending.push(readers[offset < end ? 0 : 1]!.read(offset, length), NEWLINE);
      this.pendingSize += length + 1;
      this.size += length + 1;
      this.spans[2 * place] = this.size - length - 1;
      if (this.pendingSize > 1 << 20) this.flush();
    }
    this.flush();
    closeSync(fd);
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

/**
 * The store's stamp (inode, size, modification time in ns), or undefined when there is none: a
 * graph.json names the store it was made from, so that a build can tell whether the previous
 * graph.json is of the records it finds (a build stopped after writing its store, before
 * graph.json, leaves them apart).
 */
export function storeStamp(path: string): string | undefined {
  const s = statSync(path, { bigint: true, throwIfNoEntry: false });
  return s ? `${s.ino}:${s.size}:${s.mtimeNs}` : undefined;
}

/** The records of a store (or a shard), one at a time, in order; from byte `start` (where a line begins). */
export function readRecords(path: string, start = 0): AsyncGenerator<StoredRecord> {
  return jsonLines<StoredRecord>(path, start);
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
    const indexed = loadRecordIndex(path, fd);
    if (indexed) return new PreviousRecords(fd, indexed);
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
    const line = this.reader.read(offset, length);
    // the line found is the digest's (an index that does not match its store is never used: record-index.ts)
    if (line.toString("latin1", DIGEST_AT, DIGEST_AT + 64) !== digest) throw new Error(`record store: the line at byte ${offset} is not record ${digest}`);
    return line;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
  }
}
