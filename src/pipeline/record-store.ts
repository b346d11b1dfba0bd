// The on-disk store of article records: one JSON line per article, `{"digest":…,"record":…}`,
// in the order of the input files. A build writes it as it extracts, resolution reads it back
// line by line, and the next build reuses the records whose digest it finds (the cache).
// JSON lines rather than SQLite: written and read strictly in order, appended, the same format
// as a shard of `diplograph extract`, readable with any tool, no native module to build.
import { closeSync, createReadStream, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import type { ArticleRecord } from "./article-record.ts";
import { WindowReader } from "./window-reader.ts";

export const RECORDS_FILE = "records.jsonl";
const NEWLINE = Buffer.from("\n");

export interface StoredRecord {
  digest: string;
  record: ArticleRecord;
}

/** Appends records to a temporary file; `commit` renames it over the store, `abandon` removes it. */
export class RecordWriter {
  private readonly fd: number;
  private readonly temporary: string;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  count = 0;
  /** Bytes appended so far: where the next line begins. */
  bytes = 0;

  constructor(private readonly path: string) {
    this.temporary = `${path}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, "w");
  }

  /** A record line as it is stored (a reused line is copied as it is, as bytes: never decoded, parsed or re-serialised). */
  appendLine(line: string | Uint8Array): void {
    const bytes = typeof line === "string" ? Buffer.from(line) : line;
    this.pending.push(bytes, NEWLINE);
    this.pendingSize += bytes.length + 1;
    this.bytes += bytes.length + 1;
    this.count++;
    if (this.pendingSize > 1 << 20) this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) writeSync(this.fd, Buffer.concat(this.pending));
    this.pending = [];
    this.pendingSize = 0;
  }

  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}

export const recordLine = (digest: string, record: ArticleRecord) => JSON.stringify({ digest, record });

/** The records of a store (or a shard), one at a time, in order; from byte `start` (where a line begins). */
export async function* readRecords(path: string, start = 0): AsyncGenerator<StoredRecord> {
  const lines = createInterface({ input: createReadStream(path, { encoding: "utf8", start }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as StoredRecord;
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
