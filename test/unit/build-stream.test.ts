// The streaming build (pipeline/build-to-file.ts): graph.json is the same bytes as the in-memory
// build's on the samples and the fixtures, whatever the number of extraction workers, and a
// rebuild that reuses the records of the last one gives what a clean build gives. Speed and
// memory are measured by `npm run bench:build`, not asserted here.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeGraph, serializeGraphPieces } from "../../src/graph/serialize.ts";
import { buildGraph } from "../../src/pipeline/build.ts";
import { buildToFile } from "../../src/pipeline/build-to-file.ts";
import { exportFixture } from "./export-fixture.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const FOLDERS = ["graph/articles", "test/fixtures/unseen", "test/fixtures/blind", "test/fixtures/blind2", "test/fixtures/blind3"].map((f) => join(PROJECT_ROOT, f));
const scratch = () => mkdtempSync(join(tmpdir(), "diplograph-stream-"));

async function streamed(dir: string, options: Parameters<typeof buildToFile>[2] = {}, out = scratch()) {
  const result = await buildToFile(dir, join(out, "graph.json"), { layout: true, ...options });
  const file = join(out, "graph.json");
  return { result, bytes: existsSync(file) ? readFileSync(file, "utf8") : "", out };
}

describe("serializeGraphPieces", () => {
  it("joins to the bytes of serializeGraph, characters that need escaping included", () => {
    const graph = exportFixture();
    expect([...serializeGraphPieces(graph)].join("")).toBe(serializeGraph(graph));
  });
});

describe("buildToFile", () => {
  it.each(FOLDERS)("gives the in-memory build's bytes with 1 and 2 workers: %s", async (dir) => {
    const reference = serializeGraph((await buildGraph(dir)).graph);
    const one = await streamed(dir, { jobs: 1 });
    const two = await streamed(dir, { jobs: 2 });
    expect(one.bytes).toBe(reference);
    expect(two.bytes).toBe(reference);
    expect(two.result.extracted).toBe(two.result.articles);
    expect(two.result.reused).toBe(0);
  }, 120_000);

  it("reuses every record on a rebuild of the same folder, with the same output", async () => {
    const first = await streamed(FOLDERS[0]!, { jobs: 2 });
    const again = await streamed(FOLDERS[0]!, { jobs: 2 }, first.out);
    expect(again.result.reused).toBe(first.result.articles);
    expect(again.result.extracted).toBe(0);
    expect(again.bytes).toBe(first.bytes);
    const fresh = await streamed(FOLDERS[0]!, { jobs: 1, fresh: true }, first.out);
    expect(fresh.result.reused).toBe(0);
    expect(fresh.bytes).toBe(first.bytes);
  }, 120_000);

  it("after files are added, changed and deleted, re-extracts only those and equals a clean build", async () => {
    const dir = scratch();
    cpSync(FOLDERS[0]!, dir, { recursive: true });
    cpSync(join(FOLDERS[1]!), join(dir, "unseen"), { recursive: true });
    const first = await streamed(dir, { jobs: 2 });
    // one file added, one changed, one deleted
    cpSync(join(FOLDERS[2]!, "b01.txt"), join(dir, "b01.txt"));
    const changed = join(dir, "003_b8323a25ea180b39.txt");
    writeFileSync(changed, readFileSync(changed, "utf8").replace("ASEAN", "ASEAN "));
    rmSync(join(dir, "004_c663cb063f797fa1.txt"));
    const rebuilt = await streamed(dir, { jobs: 2 }, first.out);
    const clean = await streamed(dir, { jobs: 1 });
    expect(rebuilt.result.extracted).toBe(2);
    expect(rebuilt.result.reused).toBe(first.result.articles - 2);
    expect(rebuilt.bytes).toBe(clean.bytes);
    expect(rebuilt.bytes).not.toContain("004_c663cb063f797fa1");
  }, 120_000);

  it("leaves a file past its budget out with one warning, and caches nothing for it", async () => {
    const spent = await streamed(FOLDERS[0]!, { jobs: 2, budget: { baseSeconds: -1, secondsPerMb: 0 } });
    expect(spent.result.articles).toBe(0);
    expect(spent.bytes).toBe("");
    expect(spent.result.warnings.filter((w) => /left out/.test(w.reason))).toHaveLength(5);
    const ample = await streamed(FOLDERS[0]!, { jobs: 2 }, spent.out);
    expect(ample.result.reused).toBe(0);
    expect(ample.result.articles).toBe(5);
  }, 120_000);
});
