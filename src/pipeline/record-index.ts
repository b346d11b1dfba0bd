// Where each line of the record store is, by digest, kept beside it (`records.index`) so that the
// next build finds the previous records without reading the whole store to find its lines (1.7 GB
// at 100,000 articles). Written by the build that wrote the store, after the store is on disk, with
// the store's stamp (device, inode, size, modification time in ns) and closed by a sha256 of its
// bytes: used only whole and for that very file, else the store is read and its lines found as
// before (record-store.ts).
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from "node:fs";

const MAGIC = Buffer.from("diplograph record index 1\n");
const DIGEST_BYTES = 32;
const HASH_BYTES = 32;

interface Header {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  count: number;
}

const stampOf = (fd: number) => {
  const s = fstatSync(fd, { bigint: true });
  return { dev: String(s.dev), ino: String(s.ino), size: String(s.size), mtimeNs: String(s.mtimeNs) };
};

export const indexPath = (storePath: string) => `${storePath.replace(/\.jsonl$/, "")}.index`;

/** Saves where the lines of the store open as `fd` (its contents final) are: digest, offset, length each, in the store's order. */
export function saveRecordIndex(storePath: string, fd: number, lines: Array<[digest: string, offset: number, length: number]>): void {
  const header: Header = { ...stampOf(fd), count: lines.length };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const digests = Buffer.allocUnsafe(lines.length * DIGEST_BYTES);
  const offsets = new Float64Array(lines.length);
  const lengths = new Int32Array(lines.length);
  lines.forEach(([digest, offset, size], i) => {
    digests.write(digest, i * DIGEST_BYTES, DIGEST_BYTES, "hex");
    offsets[i] = offset;
    lengths[i] = size;
  });
  const path = indexPath(storePath);
  const temporary = `${path}.${process.pid}.tmp`;
  const bytes = Buffer.concat([MAGIC, length, json, digests, Buffer.from(offsets.buffer), Buffer.from(lengths.buffer)]);
  writeFileSync(temporary, Buffer.concat([bytes, createHash("sha256").update(bytes).digest()]));
  renameSync(temporary, path);
}

export function removeRecordIndex(storePath: string): void {
  rmSync(indexPath(storePath), { force: true });
}

/** The lines of the store open as `fd`, by digest in the store's order, if its index is of that very file; else undefined. */
export function loadRecordIndex(storePath: string, fd: number): Map<string, [offset: number, length: number]> | undefined {
  let index: number;
  try {
    index = openSync(indexPath(storePath), "r");
  } catch {
    return undefined;
  }
  try {
    const bytes = Buffer.allocUnsafe(fstatSync(index).size);
    for (let read = 0; read < bytes.length; ) {
      const n = readSync(index, bytes, read, bytes.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    const body = bytes.subarray(0, bytes.length - HASH_BYTES);
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC) || !createHash("sha256").update(body).digest().equals(bytes.subarray(body.length))) return undefined;
    const jsonLength = bytes.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4 + jsonLength;
    const header = JSON.parse(bytes.toString("utf8", MAGIC.length + 4, start)) as Header;
    const stamp = stampOf(fd);
    if (header.dev !== stamp.dev || header.ino !== stamp.ino || header.size !== stamp.size || header.mtimeNs !== stamp.mtimeNs) return undefined;
    const { count } = header;
    if (body.length !== start + count * (DIGEST_BYTES + 8 + 4)) return undefined;
    const numbers = bytes.buffer.slice(bytes.byteOffset + start + count * DIGEST_BYTES, bytes.byteOffset + body.length);
    const offsets = new Float64Array(numbers, 0, count);
    const lengths = new Int32Array(numbers, count * 8, count);
    const where = new Map<string, [number, number]>();
    for (let i = 0; i < count; i++) where.set(bytes.toString("hex", start + i * DIGEST_BYTES, start + (i + 1) * DIGEST_BYTES), [offsets[i]!, lengths[i]!]);
    return where.size === count ? where : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(index);
  }
}
