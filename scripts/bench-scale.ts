// `npm run bench:scale [-- --size 10000 --add 100 --seed 1]`: the streaming build end to end
// (`node bin/diplograph.js build`), each run a child process with wall clock, CPU (user + system,
// worker threads included) and peak RSS from /usr/bin/time:
//   1. --jobs 1 --fresh and 2. --jobs 2 --fresh on SIZE articles (speed-up = 1 ÷ 2, same bytes?)
//   3. a rebuild of the same folder (every record reused)
//   4. SIZE + ADD articles (the first SIZE unchanged) into the folder of run 2 (ADD extracted)
// Figures are printed, never asserted; the machine is shared, so read CPU beside wall.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
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

function build(label: string, dir: string, out: string, extra: string[]): Run {
  const args = ["-f", "time %e %U %S %M", process.execPath, join(ROOT, "bin/diplograph.js"), "build", dir, "--out", out, ...extra];
  const r = spawnSync("/usr/bin/time", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench-scale: ${label}: exit ${r.status}: ${r.stderr.slice(-400)}`);
  const [wall, user, sys, rss] = /time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr)!.slice(1).map(Number) as [number, number, number, number];
  const reused = /reused \d+ article\(s\) from the previous build, extracted \d+/.exec(r.stdout)?.[0] ?? "";
  const run = { label, wall, cpu: user + sys, rssMB: rss / 1024, reused };
  console.log(`  ${label.padEnd(28)} wall ${wall.toFixed(1).padStart(6)} s  CPU ${run.cpu.toFixed(1).padStart(6)} s  peak RSS ${run.rssMB.toFixed(0).padStart(5)} MB  ${reused}`);
  return run;
}

const value = (flag: string, fallback: number) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const size = value("--size", 10_000);
const add = value("--add", 100);
const seed = value("--seed", 1);

if (!existsSync("/usr/bin/time")) throw new Error("bench-scale: needs /usr/bin/time for peak RSS");
rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });
const base = join(WORK_DIR, `corpus-${size}`);
const grown = join(WORK_DIR, `corpus-${size + add}`);
writeCorpus(base, size, seed);
// article i is the same whatever the corpus size: the larger corpus is the smaller plus ADD articles
writeCorpus(grown, size + add, seed);
console.log(`scale bench: ${size} synthetic articles (seed ${seed}), then ${add} more`);
const one = build("--jobs 1 --fresh", base, join(WORK_DIR, "out-1"), ["--jobs", "1", "--fresh"]);
const two = build("--jobs 2 --fresh", base, join(WORK_DIR, "out-2"), ["--jobs", "2", "--fresh"]);
const same = readFileSync(join(WORK_DIR, "out-1/graph.json")).equals(readFileSync(join(WORK_DIR, "out-2/graph.json")));
build("rebuild, nothing changed", base, join(WORK_DIR, "out-2"), ["--jobs", "2"]);
build(`rebuild with ${add} added`, grown, join(WORK_DIR, "out-2"), ["--jobs", "2"]);
console.log(`  --jobs 2 speed-up over --jobs 1: ${(one.wall / two.wall).toFixed(2)}× wall (target ≥ 1.7×); graph.json identical: ${same}`);
