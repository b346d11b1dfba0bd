// Extraction spread over machines: `extract --shard i/n` of every shard, then `build
// --from-shards`, gives the bytes of a build of the folder, however many shards; an article
// repeated in two shards is read once, as the folder's build reads it.
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildToFile } from "../../src/pipeline/build-to-file.ts";
import { buildFromShards, extractShard, parseShard, ShardError } from "../../src/pipeline/shards.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const scratch = () => mkdtempSync(join(tmpdir(), "diplograph-shards-"));

/** The samples and two fixture sets in one folder, plus a copy of a sample that sorts last. */
function corpus(): string {
  const dir = scratch();
  cpSync(join(PROJECT_ROOT, "graph/articles"), dir, { recursive: true });
  cpSync(join(PROJECT_ROOT, "test/fixtures/unseen"), join(dir, "unseen"), { recursive: true });
  cpSync(join(PROJECT_ROOT, "test/fixtures/blind2"), join(dir, "blind2"), { recursive: true });
  copyFileSync(join(dir, "001_e970c5ff869cd3a7.txt"), join(dir, "zz-copy.txt"));
  writeFileSync(join(dir, "empty.txt"), "");
  return dir;
}

describe("shards", () => {
  const dir = corpus();
  let folderBytes: string;

  it.each([1, 2, 3])("%i shard(s) build the folder's graph.json, byte for byte", async (count) => {
    if (folderBytes === undefined) {
      const out = scratch();
      await buildToFile(dir, join(out, "graph.json"), { jobs: 1 });
      folderBytes = readFileSync(join(out, "graph.json"), "utf8");
    }
    const shards = scratch();
    for (let index = 0; index < count; index++) await extractShard(dir, join(shards, `part-${index}.jsonl`), { index, count }, { jobs: 2 });
    const out = scratch();
    const built = await buildFromShards(shards, join(out, "graph.json"), {});
    expect(readFileSync(join(out, "graph.json"), "utf8")).toBe(folderBytes);
    expect(built.warnings.some((w) => w.file === "zz-copy.txt" && /same article as/.test(w.reason))).toBe(true);
    expect(built.warnings.some((w) => w.file === "empty.txt")).toBe(true);
  }, 120_000);

  it("refuses a missing shard, a shard of another split and a bad --shard in one line each", async () => {
    const shards = scratch();
    await extractShard(dir, join(shards, "a.jsonl"), { index: 0, count: 2 });
    await expect(buildFromShards(shards, join(scratch(), "graph.json"))).rejects.toThrow(/1 of 2 shards/);
    await extractShard(dir, join(shards, "b.jsonl"), { index: 1, count: 3 });
    await expect(buildFromShards(shards, join(scratch(), "graph.json"))).rejects.toThrow(ShardError);
    expect(() => parseShard("2/2")).toThrow(/0 ≤ i < n/);
    expect(parseShard("1/4")).toEqual({ index: 1, count: 4 });
  }, 60_000);
});
