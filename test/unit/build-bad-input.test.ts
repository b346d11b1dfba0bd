// Bad input: each bad file gets one line naming it and the reason, the rest of the graph is
// still built, and the exit code is non-zero only when nothing could be read.
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, openSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../scripts/synth-corpus.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const CLI = join(PROJECT_ROOT, "bin/diplograph.js");
const SAMPLE = join(PROJECT_ROOT, "graph/articles/001_e970c5ff869cd3a7.txt");

function runBuild(dir: string, out: string) {
  const r = spawnSync(process.execPath, [CLI, "build", dir, "--out", out], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A file of `megabytes` MB of Vietnamese text, written in chunks. */
function largeFile(path: string, megabytes: number): void {
  const chunk = Buffer.from("Hội nghị Cấp cao ASEAN lần thứ 37 diễn ra tại Hà Nội. ".repeat(20_000));
  const fd = openSync(path, "w");
  for (let written = 0; written < megabytes * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
  closeSync(fd);
}

describe("bad input", () => {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-bad-"));
  const out = mkdtempSync(join(tmpdir(), "diplograph-bad-out-"));
  let result: ReturnType<typeof runBuild>;

  beforeAll(() => {
    copyFileSync(SAMPLE, join(dir, "good.txt"));
    copyFileSync(SAMPLE, join(dir, "good-copy.txt"));
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, "latin.txt"), Buffer.from("Tiêu đề\n\nH\xf4i ngh\xec c\xe2p cao", "latin1"));
    largeFile(join(dir, "huge.txt"), 50);
    const scripts = "<script>document.write('Hội nghị giả')</script><style>p{color:red}</style>".repeat(2000);
    writeFileSync(join(dir, "scripts.html"), `<html><head>${scripts}</head><body>${scripts}<article><h1>Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 55 khai mạc</h1><p>Ngày 20/8, Bộ trưởng Công Thương Nguyễn Hồng Diên tham dự Hội nghị Bộ trưởng Kinh tế ASEAN lần thứ 55.</p></article>${scripts}</body></html>`);
    writeFileSync(join(dir, "undated.txt"), "Việt Nam dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57\n\nBộ trưởng Ngoại giao Bùi Thanh Sơn tham dự Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 57 tại Viêng Chăn.");
    symlinkSync(join(dir, "missing-target.txt"), join(dir, "unreadable.txt"));
    result = runBuild(dir, out);
  }, 120_000);

  const warningFor = (file: string) => result.stderr.split("\n").filter((l) => l.startsWith(`warning: ${file}:`));

  it.each([
    ["empty.txt", /empty file/],
    ["binary.txt", /binary/],
    ["latin.txt", /not valid UTF-8/],
    ["huge.txt", /50\.\d MB is larger than the 20 MB limit/],
    ["undated.txt", /no publication date/],
    ["good.txt", /same article as good-copy\.txt/],
    ["unreadable.txt", /cannot be read/],
  ])("reports %s once, with the reason", (file, reason) => {
    const lines = warningFor(file);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(reason);
  });

  it("still builds the graph from the good files and exits 0", () => {
    expect(result.status).toBe(0);
    const graph = JSON.parse(readFileSync(join(out, "graph.json"), "utf8")) as { nodes: Array<{ key: string; attributes: { label: string } }> };
    const keys = graph.nodes.map((n) => n.key);
    expect(keys).toContain("article:good-copy");
    expect(keys).toContain("article:scripts");
    expect(keys).toContain("article:undated");
    expect(keys).toContain("official:nguyen-hong-dien");
    expect(keys).not.toContain("article:good");
    expect(graph.nodes.some((n) => n.attributes.label.includes("giả"))).toBe(false);
  });

  it("exits non-zero, naming the folder, when nothing could be read", () => {
    const only = mkdtempSync(join(tmpdir(), "diplograph-none-"));
    writeFileSync(join(only, "empty.txt"), "");
    const r = runBuild(only, mkdtempSync(join(tmpdir(), "diplograph-none-out-")));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/warning: empty\.txt: empty file/);
    expect(r.stderr).toMatch(/no article could be read/);
  });
});

describe("atomic output", () => {
  it("leaves the previous graph.json intact when a build is killed halfway", async () => {
    const dir = mkdtempSync(join(tmpdir(), "diplograph-kill-"));
    writeCorpus(dir, 3000, 7);
    const out = mkdtempSync(join(tmpdir(), "diplograph-kill-out-"));
    const previous = '{"previous":true}\n';
    writeFileSync(join(out, "graph.json"), previous);
    const child = spawn(process.execPath, [CLI, "build", dir, "--out", out], { cwd: PROJECT_ROOT, stdio: "ignore" });
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(readFileSync(join(out, "graph.json"), "utf8")).toBe(previous);
  }, 60_000);
});
