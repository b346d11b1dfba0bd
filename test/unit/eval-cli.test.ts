// `diplograph eval` as a user runs it: same text and JSON as the reference scorer on the same
// files, and unusable inputs refused with a named error that names the file.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadGold, loadGraph } from "../../src/eval/load.ts";
import { buildGraph } from "../../src/pipeline/build.ts";
import { score as referenceScore } from "../fixtures/reference-score.mjs";
import { PROJECT_ROOT, SAMPLE_ARTICLES } from "../helpers/sample-graph.ts";
import { A1, FixtureGraph, perfectSmallGraph, SMALL_GOLD } from "./eval-graphs.ts";

const dir = mkdtempSync(join(tmpdir(), "diplograph-eval-"));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const GOLD = file("gold.json", JSON.stringify(SMALL_GOLD));
// A graph with a bit of everything wrong, so every list of the report has something in it.
const GRAPH = file(
  "graph.json",
  JSON.stringify(
    perfectSmallGraph()
      .node("country:vietnam", { kind: "Country", label: "Vietnam", articles: ["a9"] })
      .node("org:viet-nam", { kind: "Organization", label: "Campuchia" })
      .node("org:dung-bo-lo", { kind: "Organization", label: "Đừng bỏ lỡ" })
      .node("meeting:52", { kind: "Meeting", label: "Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 52" })
      .edge("country:viet-nam", "ATTENDED", "meeting:52")
      .export(),
  ),
);

// Thirty nodes the answer key does not know: long enough for the lists to be cut at 25.
const manyUnknown = new FixtureGraph();
for (let i = 1; i <= 30; i++) manyUnknown.node(`org:${i}`, { kind: "Organization", label: `Ủy ban hỗn hợp số ${i}` });
const LONG_GRAPH = file("long-graph.json", JSON.stringify(manyUnknown.export()));

const CLI = join(PROJECT_ROOT, "bin/diplograph.js");
const REFERENCE = join(PROJECT_ROOT, "test/fixtures/reference-score.mjs");
const run = (script: string, args: string[]): string =>
  execFileSync(process.execPath, [script, ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });

describe("diplograph eval prints what the reference scorer prints", () => {
  it.each([
    [[], "furniture hits 1"],
    [["--json"], '"negativeHits": [\n  "Đừng bỏ lỡ"'],
    [["--verbose"], "wrong kind (1)"],
    [["--graph", LONG_GRAPH], "... 5 more (--verbose)"],
    [["--graph", LONG_GRAPH, "--verbose"], "Organization: Ủy ban hỗn hợp số 30"],
  ])("with options %j", (extra, expected) => {
    const args = ["--gold", GOLD, ...(extra.includes("--graph") ? [] : ["--graph", GRAPH]), ...extra];
    const ours = run(CLI, ["eval", ...args]);
    expect(ours).toBe(run(REFERENCE, args));
    expect(ours).toContain(expected);
  });
});

describe("diplograph eval --articles", () => {
  it("builds the sample articles in memory and scores them as the reference scores that graph", async () => {
    const seeds = join(PROJECT_ROOT, "test/fixtures/gold-seeds.json");
    const ours = JSON.parse(run(CLI, ["eval", "--gold", seeds, "--articles", SAMPLE_ARTICLES, "--json"])) as unknown;
    const built = await buildGraph(SAMPLE_ARTICLES, { layout: false });
    const gold = JSON.parse(readFileSync(seeds, "utf8")) as unknown;
    expect(ours).toEqual(referenceScore(gold, built.graph.export()));
    expect(ours).toMatchObject({ entities: { tp: expect.any(Number) } });
  });
});

describe("diplograph eval on several sets", () => {
  const seeds = join(PROJECT_ROOT, "test/fixtures/gold-seeds.json");
  const blind = join(PROJECT_ROOT, "test/fixtures/blind-gold.json");
  // A key that lists two of the sample articles and an article the folder does not hold.
  const partial = JSON.parse(readFileSync(seeds, "utf8")) as { articles: Array<{ id: string }> };
  const twoSamples = file("two-samples.json", JSON.stringify({ ...partial, articles: [...partial.articles.slice(0, 2), { id: "absent", title: "x", published: null, publisher: "x" }] }));

  it("scores each key on its own articles and pools the counts", () => {
    const out = JSON.parse(run(CLI, ["eval", "--gold", seeds, "--gold", blind, "--articles", SAMPLE_ARTICLES, "--articles", join(PROJECT_ROOT, "test/fixtures/blind"), "--json"])) as {
      sets: Array<{ name: string; found: number; listed: number; report: { relations: { tp: number; fp: number; fn: number } } }>;
      pooled: { relations: { tp: number; fp: number; fn: number } };
    };
    expect(out.sets.map((s) => [s.name, s.found, s.listed])).toEqual([["gold-seeds", 5, 5], ["blind-gold", 5, 5]]);
    for (const field of ["tp", "fp", "fn"] as const) {
      expect(out.pooled.relations[field]).toBe(out.sets[0]!.report.relations[field] + out.sets[1]!.report.relations[field]);
    }
  });

  it("says how many of a key's articles the folder holds, and builds only those", () => {
    const text = run(CLI, ["eval", "--gold", twoSamples, "--gold", seeds, "--articles", SAMPLE_ARTICLES]);
    expect(text).toContain("== two-samples: 2 of 3 articles found");
    expect(text).toContain("== gold-seeds: 5 of 5 articles found");
    expect(text).toMatch(/== pooled over 2 sets, 7 articles/);
  });

  it("refuses several keys without a folder for each or one for all", () => {
    const result = spawnSync(process.execPath, [CLI, "eval", "--gold", seeds, "--gold", blind, "--graph", GRAPH], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("unusable inputs", () => {
  const badGold: Array<[string, string]> = [
    ["not JSON", "{ entities: "],
    ["no entities", JSON.stringify({ articles: [], relations: [] })],
    ["entity without a name", JSON.stringify({ ...SMALL_GOLD, entities: [{ id: "x", kind: "Country" }] })],
    [
      "relation to an unknown entity",
      JSON.stringify({ ...SMALL_GOLD, relations: [{ type: "CHAIRED", from: "c:vn", to: "m:99", article: A1, required: true }] }),
    ],
    ["role of an unknown official", JSON.stringify({ ...SMALL_GOLD, roles: [{ official: "p:x", country: "c:vn", titles: [] }] })],
  ];
  it.each(badGold)("answer key: %s", async (name, content) => {
    const path = file(`gold-${name.replace(/\W+/g, "-")}.json`, content);
    await expect(loadGold(path)).rejects.toMatchObject({ name: "GoldFileError", message: expect.stringContaining(path) });
  });

  const badGraph: Array<[string, string]> = [
    ["not JSON", "nodes: []"],
    ["an array", "[]"],
    ["nodes not a list", JSON.stringify({ nodes: {}, edges: [] })],
  ];
  it.each(badGraph)("graph: %s", async (name, content) => {
    const path = file(`graph-${name.replace(/\W+/g, "-")}.json`, content);
    await expect(loadGraph(path)).rejects.toMatchObject({ name: "GraphFileError", message: expect.stringContaining(path) });
  });

  const missing = join(dir, "nowhere");
  const empty = mkdtempSync(join(tmpdir(), "diplograph-eval-empty-"));
  it.each([
    ["a missing answer key", ["--gold", missing, "--graph", GRAPH], missing],
    ["a missing graph", ["--gold", GOLD, "--graph", missing], missing],
    ["a missing articles folder", ["--gold", GOLD, "--articles", missing], missing],
    ["an articles folder with no article", ["--gold", GOLD, "--articles", empty], empty],
  ])("%s: one line naming it, exit code 2", (_, args, named) => {
    const result = spawnSync(process.execPath, [CLI, "eval", ...args], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(named);
  });
});
