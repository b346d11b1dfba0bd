// Hostile input: each input that once crashed or stalled the build (scripts/hostile-corpus.ts,
// generated here, never committed) is built beside a normal article. The build completes, each
// hostile file gets at most one warning line, and the normal article's facts are in the graph.
// Speed and memory are measured by `npm run bench:hostile`, not asserted here.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_INPUTS } from "../../scripts/hostile-corpus.ts";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { buildGraph } from "../../src/pipeline/build.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const CLI = join(PROJECT_ROOT, "bin/diplograph.js");
const NORMAL = join(PROJECT_ROOT, "graph/articles/001_e970c5ff869cd3a7.txt");

describe("hostile corpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-hostile-"));
  const out = mkdtempSync(join(tmpdir(), "diplograph-hostile-out-"));
  let status: number | null;
  let stderr: string;
  let graph: SerializedKnowledgeGraph;
  /** A temporary file of a build that was killed (pid of a process that has ended), and one of a running writer. */
  let stale: string;
  let live: string;

  beforeAll(() => {
    copyFileSync(NORMAL, join(dir, "normal.txt"));
    for (const input of HOSTILE_INPUTS) input.write(dir);
    const ended = spawnSync(process.execPath, ["-e", ""]).pid!;
    stale = join(out, `.graph.json.${ended}.1700000000000.tmp`);
    live = join(out, `.graph.json.${process.pid}.1700000000000.tmp`);
    writeFileSync(stale, "{");
    writeFileSync(live, "{");
    const r = spawnSync(process.execPath, [CLI, "build", dir, "--out", out, "--no-layout"], { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    status = r.status;
    stderr = r.stderr;
    graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as SerializedKnowledgeGraph;
  }, 300_000);

  // `rm -r`, not Node's rm: the long-path input is deeper than a path Node can name (the run's own cleanup uses Node's)
  afterAll(() => {
    spawnSync("rm", ["-rf", dir, out]);
  });

  const lines = () => stderr.split("\n").filter((l) => l.length > 0);

  it("completes and exits 0", () => {
    expect(status).toBe(0);
  });

  it("builds the normal article with its facts", () => {
    const keys = new Set(graph.edges.map((e) => e.key));
    expect(graph.nodes.some((n) => n.key === "article:normal")).toBe(true);
    expect(keys).toContain("CHAIRED:official:pham-binh-minh->meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean");
  });

  it("prints every stderr line as a warning, at most one per file", () => {
    const perFile = new Map<string, number>();
    for (const l of lines()) {
      expect(l).toMatch(/^warning: [^:]+: /);
      const file = l.slice("warning: ".length, l.indexOf(": ", "warning: ".length));
      perFile.set(file, (perFile.get(file) ?? 0) + 1);
    }
    for (const [file, n] of perFile) expect(n, file).toBe(1);
  });

  it.each([
    ["fifo-link.txt", /named pipe \(FIFO\), not a regular file/],
    ["many-warnings.txt", /same article as many-warnings\.txt; read once \(and 1,\d{3} more in this file/],
    ["evil\\nwarning: forged.txt: this line is forged.txt", /empty file/],
    ["ddd", /folder skipped: cannot be read: its path is longer than the system allows/],
  ])("warns once about %s", (file, reason) => {
    const found = lines().filter((l) => l.startsWith(`warning: ${file}`));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(reason);
  });

  it("lets no file name forge a line", () => {
    expect(lines().some((l) => l.startsWith("warning: forged.txt"))).toBe(false);
  });

  it("reads a file whose name is not UTF-8, under its name with the byte escaped", () => {
    expect(graph.nodes.some((n) => n.key === "article:caf\\xe9")).toBe(true);
  });

  it("quotes a window around each fact of a very long sentence, exactly at its offsets", () => {
    const bodies = new Map(graph.nodes.filter((n) => n.attributes!.kind === "Article").map((n) => [n.key.slice("article:".length), (n.attributes as { body: string }).body]));
    const officials = graph.edges.filter((e) => e.attributes!.evidence.some((ev) => ev.article === "officials"));
    expect(officials.length).toBeGreaterThan(1000);
    for (const e of graph.edges) {
      for (const ev of e.attributes!.evidence) {
        expect(bodies.get(ev.article)!.slice(ev.start, ev.end)).toBe(ev.quote);
        expect(ev.quote.length).toBeLessThanOrEqual(2_000);
      }
    }
  });

  it("removes the temporary file of a killed build, and keeps a running writer's", () => {
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe("time budget per file", () => {
  it("leaves out a file past its budget with one warning, and builds the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "diplograph-budget-"));
    copyFileSync(NORMAL, join(dir, "normal.txt"));
    // a budget already spent: every file is abandoned at its first check
    const spent = await buildGraph(dir, { layout: false, budget: { baseSeconds: -1, secondsPerMb: 0 } });
    expect(spent.warnings).toEqual([{ file: "normal.txt", reason: expect.stringMatching(/^extraction took longer than the -?\d+ s allowed for this file; file left out$/) as unknown as string }]);
    expect(spent.articles).toBe(0);
    const ample = await buildGraph(dir, { layout: false });
    expect(ample.warnings).toEqual([]);
    expect(ample.articles).toBe(1);
  });
});
