// The record store's index (pipeline/record-index.ts): where each line is, by digest, kept beside
// the store so that the next build does not read the whole store to find its lines — used only
// for the very file it was written with, and only whole.
import { appendFileSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexPath, loadRecordIndex } from "../../src/pipeline/record-index.ts";
import { PreviousRecords, RecordWriter } from "../../src/pipeline/record-store.ts";

const digestOf = (i: number) => i.toString(16).padStart(64, "0");
const lineOf = (i: number) => JSON.stringify({ digest: digestOf(i), record: { n: i, text: "x".repeat(i % 7) } });

/** The store's lines found by reading it: digest → [offset, length], in its order. */
function scanned(path: string): Map<string, [number, number]> {
  const where = new Map<string, [number, number]>();
  let offset = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line !== "") where.set((JSON.parse(line) as { digest: string }).digest, [offset, Buffer.byteLength(line)]);
    offset += Buffer.byteLength(line) + 1;
  }
  return where;
}

function indexed(path: string) {
  const fd = openSync(path, "r");
  try {
    return loadRecordIndex(path, fd);
  } finally {
    closeSync(fd);
  }
}

function write(path: string, items: number[], previous?: PreviousRecords): void {
  const writer = new RecordWriter(path);
  if (previous) writer.follow(previous);
  for (const i of items) writer.appendLine(lineOf(i), digestOf(i));
  writer.commit();
  previous?.close();
}

describe("record store index", () => {
  it("gives the lines a reading of the store finds, after a new store and after lines filed in the middle were appended to one", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "diplograph-index-")), "records.jsonl");
    write(path, [1, 2, 3, 4, 5]);
    expect(indexed(path)).toEqual(scanned(path));
    // 10 filed between 2 and 3, 11 at the end: appended, the old lines where they were
    write(path, [1, 2, 10, 3, 4, 5, 11], await PreviousRecords.open(path));
    expect([...indexed(path)!.keys()]).toEqual([1, 2, 3, 4, 5, 10, 11].map(digestOf));
    expect(indexed(path)).toEqual(scanned(path));
    const previous = await PreviousRecords.open(path);
    expect([...previous.lines()]).toEqual([...scanned(path)]);
    expect(previous.line(digestOf(10))).toBe(lineOf(10));
    previous.close();
    // 3 dropped: the store written anew, in order, and indexed again
    write(path, [1, 2, 10, 4, 5, 11], await PreviousRecords.open(path));
    expect([...indexed(path)!.keys()]).toEqual([1, 2, 10, 4, 5, 11].map(digestOf));
    expect(indexed(path)).toEqual(scanned(path));
  });

  it("is not used for a store changed since, nor when damaged; a store written without digests has none", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "diplograph-index-")), "records.jsonl");
    write(path, [1, 2, 3]);
    const index = readFileSync(indexPath(path));
    // a byte of the index changed
    const damaged = Buffer.from(index);
    damaged[damaged.length - 40]! ^= 0xff;
    writeFileSync(indexPath(path), damaged);
    expect(indexed(path)).toBeUndefined();
    writeFileSync(indexPath(path), index);
    expect(indexed(path)).toEqual(scanned(path));
    // the store grown (a killed build's half line): the index is of another file, and the store is read
    appendFileSync(path, '{"digest":"00');
    expect(indexed(path)).toBeUndefined();
    const previous = await PreviousRecords.open(path);
    expect(previous.size).toBe(3);
    previous.close();
    // lines without digests (a build from shards)
    const writer = new RecordWriter(path);
    writer.appendLine(lineOf(7));
    writer.commit();
    expect(existsSync(indexPath(path))).toBe(false);
  });
});
