// `diplograph export` as a user runs it: files where --out says, standard output for `-`,
// atomic replacement, and clear errors (exit 1, the message naming the file or option).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";
import { exportFixture } from "./export-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "diplograph-export-cli-"));
const graphFile = join(dir, "graph.json");
writeFileSync(graphFile, JSON.stringify(exportFixture().export()));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "export", "--graph", graphFile, ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("diplograph export", () => {
  it("--out - writes the export to standard output and the summary nowhere near it", () => {
    const { status, stdout } = run("--format", "json", "--out", "-", "--around", "pham binh minh", "--kinds", "official,meeting");
    expect(status).toBe(0);
    const graph = JSON.parse(stdout) as { nodes: Array<{ key: string }> };
    expect(graph.nodes.map((n) => n.key).sort()).toEqual(["meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", "official:pham-binh-minh"]);
  });

  it.each(["gexf", "graphml", "cypher", "json"])("--format %s --out FILE replaces the file atomically, leaving no temporary file", (format) => {
    const folder = join(dir, `atomic-${format}`);
    mkdirSync(folder);
    const out = join(folder, `export.${format}`);
    writeFileSync(out, "old contents");
    const { status, stderr } = run("--format", format, "--out", out, "--relations", "CHAIRED");
    expect(status).toBe(0);
    expect(stderr).toMatch(/exported 15 nodes and 3 relationships/);
    expect(readFileSync(out, "utf8")).not.toBe("old contents");
    expect(readdirSync(folder)).toEqual([`export.${format}`]);
  });

  it("csv writes PATH-nodes.csv and PATH-relationships.csv, or nodes.csv and relationships.csv in a folder", () => {
    expect(run("--format", "csv", "--out", join(dir, "fixture.csv")).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith("fixture-"))).toEqual(["fixture-nodes.csv", "fixture-relationships.csv"]);
    const folder = join(dir, "csv-folder");
    mkdirSync(folder);
    const { status, stderr } = run("--format", "csv", "--out", folder);
    expect(status).toBe(0);
    expect(stderr).toContain("--array-delimiter=");
    expect(readdirSync(folder).sort()).toEqual(["nodes.csv", "relationships.csv"]);
  });

  it.each([
    ["csv to standard output", ["--format", "csv", "--out", "-"], /csv makes two files/],
    ["an unknown format", ["--format", "dot", "--out", "-"], /--format must be one of/],
    ["an unknown name", ["--format", "json", "--out", "-", "--around", "Lý Quang Diệu"], /no node is named "Lý Quang Diệu"; closest names: /],
    ["an ambiguous name", ["--format", "json", "--out", "-", "--around", "hội nghị"], /names \d+ nodes/],
    ["a bad date", ["--format", "json", "--out", "-", "--from", "9/4/2020"], /--from "9\/4\/2020" is not a date/],
    ["--depth without --around", ["--format", "json", "--out", "-", "--depth", "2"], /--depth needs --around/],
    ["a --limit that is not a number", ["--format", "json", "--out", "-", "--cypher", "MATCH (n) RETURN n", "--limit", "x"], /--limit must be a positive whole number/],
    ["an unknown kind", ["--format", "json", "--out", "-", "--kinds", "Person"], /unknown kind "Person"/],
  ])("refuses %s with exit code 1 and a message", (_title, args, message) => {
    const { status, stderr, stdout } = run(...args);
    expect(status).toBe(1);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });

  it("names the graph file it cannot read or parse", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{ not json");
    for (const file of [bad, join(dir, "missing.json")]) {
      const result = spawnSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "export", "--graph", file, "--format", "json", "--out", "-"], {
        encoding: "utf8",
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(file);
    }
  });

  it("lists the command in --help", () => {
    expect(execFileSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "--help"], { encoding: "utf8" })).toMatch(/export/);
  });
});
