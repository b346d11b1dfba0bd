// `npm run bench:scale [-- --size 10000 --add 100 --seed 1 --runs 1 --corpus DIR --jobs 1,2 --no-rebuild]`:
// the streaming build end to end (`node bin/diplograph.js build`), each run a child process with
// wall clock, CPU (user + system, worker threads included) and peak RSS from /usr/bin/time, and
// the load average before and after (the machine is shared: read CPU beside wall):
//   1. each of --jobs (default 1 and 2) with --fresh on SIZE articles, RUNS times alternating;
//      MB/s wall and per CPU second, the speed-up of the last over the first (medians), same bytes?
//   2. a rebuild of the same folder (every record reused), and
//   3. SIZE + ADD articles (the first SIZE unchanged) into the same output (ADD extracted);
//      --no-rebuild skips 2 and 3.
// --corpus DIR builds an existing folder (as written by scripts/synth-corpus.ts) instead of
// writing one. Figures are printed, never asserted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { writeCorpus } from "./synth-corpus.ts";

const ROOT = resolve(import.meta.dirname, "..");
const WORK_DIR = join(ROOT, "bench-out/scale");

interface Run {
  label: string;
  wall: number;
  cpu: number;
  rssMB: number;
  reused: string;
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0]!;

/** Bytes of the article files below `dir`. */
function corpusBytes(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) bytes += statSync(join(e.parentPath, e.name)).size;
  return bytes;
}

function build(label: string, dir: string, out: string, extra: string[], mb: number): Run {
  const before = loadAverage();
  const args = ["-f", "time %e %U %S %M", process.execPath, join(ROOT, "bin/diplograph.js"), "build", dir, "--out", out, ...extra];
  const r = spawnSync("/usr/bin/time", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench-scale: ${label}: exit ${r.status}: ${r.stderr.slice(-400)}`);
  const [wall, user, sys, rss] = /time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr)!.slice(1).map(Number) as [number, number, number, number];
  const reused = /reused \d+ article\(s\) from the previous build, extracted \d+/.exec(r.stdout)?.[0] ?? "";
  const run = { label, wall, cpu: user + sys, rssMB: rss / 1024, reused };
  console.log(
    `  ${label.padEnd(26)} wall ${wall.toFixed(1).padStart(6)} s  CPU ${run.cpu.toFixed(1).padStart(6)} s  ` +
      `${(mb / wall).toFixed(2).padStart(5)} MB/s wall  ${(mb / run.cpu).toFixed(2).padStart(5)} MB/s per CPU s  ` +
      `peak RSS ${run.rssMB.toFixed(0).padStart(5)} MB  load ${before} → ${loadAverage()}  ${reused}`,
  );
  return run;
}

const value = (flag: string) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const size = Number(value("--size") ?? 10_000);
const add = Number(value("--add") ?? 100);
const seed = Number(value("--seed") ?? 1);
const runs = Number(value("--runs") ?? 1);
const jobs = (value("--jobs") ?? "1,2").split(",").map(Number);
const given = value("--corpus");
const rebuild = !process.argv.includes("--no-rebuild");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

if (!existsSync("/usr/bin/time")) throw new Error("bench-scale: needs /usr/bin/time for peak RSS");
rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });
const base = given ? resolve(given) : join(WORK_DIR, `corpus-${size}`);
if (!given) writeCorpus(base, size, seed);
const mb = corpusBytes(base) / 1e6;
console.log(`scale bench: ${given ? base : `${size} synthetic articles (seed ${seed})`}, ${mb.toFixed(1)} MB, ${runs} run(s) of --jobs ${jobs.join(", ")}`);
const walls = new Map<number, number[]>(jobs.map((j) => [j, []]));
for (let n = 0; n < runs; n++) {
  for (const j of jobs) walls.get(j)!.push(build(`--jobs ${j} --fresh`, base, join(WORK_DIR, `out-${j}`), ["--jobs", String(j), "--fresh"], mb).wall);
}
const first = jobs[0]!;
const last = jobs[jobs.length - 1]!;
const same = jobs.every((j) => readFileSync(join(WORK_DIR, `out-${j}/graph.json`)).equals(readFileSync(join(WORK_DIR, `out-${first}/graph.json`))));
if (jobs.length > 1) {
  const speedUp = median(walls.get(first)!) / median(walls.get(last)!);
  console.log(`  --jobs ${last} speed-up over --jobs ${first}: ${speedUp.toFixed(2)}× wall, medians of ${runs} (target ≥ 1.7×); graph.json identical: ${same}`);
}
console.log(`  --jobs ${last}: ${(mb / median(walls.get(last)!)).toFixed(2)} MB/s wall, median (target ≥ 2 MB/s)`);
if (rebuild) {
  const out = join(WORK_DIR, `out-${last}`);
  build("rebuild, nothing changed", base, out, ["--jobs", String(last)], mb);
  const grown = join(WORK_DIR, `corpus-${size + add}`);
  // article i is the same whatever the corpus size: the larger corpus is the smaller plus ADD articles
  writeCorpus(grown, size + add, seed);
  build(`rebuild with ${add} added`, grown, out, ["--jobs", String(last)], corpusBytes(grown) / 1e6);
}
