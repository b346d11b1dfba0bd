// Lines of a file read as bytes (pipeline/file-lines.ts): what the record store, the shards and
// the loader's reading of graph.json rely on.
import { closeSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fileLines, jsonLines } from "../../src/pipeline/file-lines.ts";

const scratch = (content: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), "diplograph-lines-")), "f.jsonl");
  writeFileSync(path, content);
  return path;
};

async function linesOf(path: string, start = 0): Promise<string[]> {
  const fd = openSync(path, "r");
  try {
    const out: string[] = [];
    for await (const line of fileLines(fd, start)) out.push(line.toString("utf8"));
    return out;
  } finally {
    closeSync(fd);
  }
}

describe("fileLines", () => {
  it("gives each line without its newline, the last one without a newline too, empty lines kept", async () => {
    expect(await linesOf(scratch("a\n\nbé\nlast"))).toEqual(["a", "", "bé", "last"]);
    expect(await linesOf(scratch("a\nb\n"))).toEqual(["a", "b"]);
    expect(await linesOf(scratch(""))).toEqual([]);
  });

  it("joins a line that spans read chunks, a multi-byte letter cut between them included", async () => {
    // 1 MiB chunks: the long line crosses two boundaries, and "ệ" (3 bytes) sits across the first
    const long = "x".repeat((1 << 20) - 1) + "ệ" + "y".repeat(1 << 20);
    expect(await linesOf(scratch(`head\n${long}\ntail`))).toEqual(["head", long, "tail"]);
  });

  it("starts at a byte offset", async () => {
    expect(await linesOf(scratch("first\nsecond\nthird\n"), 6)).toEqual(["second", "third"]);
  });
});

describe("jsonLines", () => {
  it("parses every non-empty line, CRLF endings included", async () => {
    const path = scratch('{"a":1}\r\n\r\n{"b":"ồ"}\n\n');
    const out: unknown[] = [];
    for await (const value of jsonLines(path)) out.push(value);
    expect(out).toEqual([{ a: 1 }, { b: "ồ" }]);
  });

  it("can be left after the first line and read again", async () => {
    const path = scratch('{"n":1}\n{"n":2}\n');
    for await (const value of jsonLines(path)) {
      expect(value).toEqual({ n: 1 });
      break;
    }
    const all: unknown[] = [];
    for await (const value of jsonLines(path)) all.push(value);
    expect(all).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("throws on a line that is not JSON", async () => {
    const read = async () => {
      for await (const _ of jsonLines(scratch('{"a":1}\n{oops\n'))) void _;
    };
    await expect(read()).rejects.toThrow(SyntaxError);
  });
});
