// `npm run bench:scale [-- --size 10000 --add 100 --seed 1 --runs jobs,incremental --from DIR]`:
// the streaming build end to end (`node bin/diplograph.js build`), each run a child process with
// wall clock, CPU (user + system, worker threads included), peak RSS from /usr/bin/time and the
// load average of the machine over the run. Two sets of runs (`--runs`, default both):
//   jobs: 1. --jobs 1 --fresh and 2. --jobs 2 --fresh on SIZE articles (speed-up = 1 ÷ 2, same
//      bytes?), 3. a rebuild of the same folder (every record reused), 4. SIZE + ADD articles (the
//      first SIZE unchanged, a second folder) into the folder of run 2 (ADD extracted)
//   incremental: a clean build of SIZE articles, a rebuild with nothing changed, then ADD articles
//      added to the same folder (the next ADD of the generator, as the next day's news) and rebuilt:
//      the files of the first build are not read again, the layout starts from the last picture.
// `--from DIR`: a corpus the generator wrote with the same seed and at least SIZE + ADD articles,
// linked instead of generated (writing 100,000 articles takes minutes).
// Figures are printed, never asserted; the machine is shared, so read CPU beside wall.
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { articleFileName, generateArticle, loadSynthLexicon, writeCorpus } from "./synth-corpus.ts";

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
  const loadBefore = loadavg()[0]!;
  const r = spawnSync("/usr/bin/time", args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench-scale: ${label}: exit ${r.status}: ${r.stderr.slice(-400)}`);
  const [wall, user, sys, rss] = /time ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr)!.slice(1).map(Number) as [number, number, number, number];
  const reused = [/reused \d+ article\(s\) from the previous build[^\n]*/, /layout: the previous picture kept, \d+ new node\(s\)/]
    .map((re) => re.exec(r.stdout)?.[0]).filter(Boolean).join("; ");
  const run = { label, wall, cpu: user + sys, rssMB: rss / 1024, reused };
  const load = `load ${loadBefore.toFixed(1)}→${loadavg()[0]!.toFixed(1)}`;
  console.log(`  ${label.padEnd(28)} wall ${wall.toFixed(1).padStart(6)} s  CPU ${run.cpu.toFixed(1).padStart(6)} s  peak RSS ${run.rssMB.toFixed(0).padStart(5)} MB  ${load}  ${reused}`);
  return run;
}

/** Articles [from, to) of the generator into `dir`: linked from `source` when given, else written. */
function addArticles(dir: string, from: number, to: number, source: string | undefined): void {
  mkdirSync(dir, { recursive: true });
  const lexicon = source ? undefined : loadSynthLexicon();
  for (let i = from; i < to; i++) {
    const name = articleFileName(i);
    if (source) linkSync(join(source, name), join(dir, name));
    else writeFileSync(join(dir, name), generateArticle(seed, i, lexicon!));
  }
}

/**
 * A clean build, a rebuild with nothing changed, and a rebuild after ADD articles were added to the
 * same folder. The first SIZE files are dated an hour back, as a corpus built yesterday is (a file
 * modified within 2 s of the last build's start is read again: file-cache.ts).
 */
function incrementalRuns(source: string | undefined): void {
  const dir = join(WORK_DIR, "incremental", "corpus");
  const out = join(WORK_DIR, "incremental", "out");
  addArticles(dir, 0, size, source);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < size; i++) utimesSync(join(dir, articleFileName(i)), hourAgo, hourAgo);
  console.log(`incremental: ${size} articles, then ${add} added to the same folder`);
  const clean = build("clean build, --jobs 2", dir, out, ["--jobs", "2", "--fresh"]);
  build("rebuild, nothing changed", dir, out, ["--jobs", "2"]);
  addArticles(dir, size, size + add, source);
  const grown = build(`rebuild with ${add} added`, dir, out, ["--jobs", "2"]);
  console.log(`  rebuild with ${add} added: ${grown.wall.toFixed(1)} s wall, ${grown.cpu.toFixed(1)} s CPU (target ≤ 15 s at 100,000); clean build ${clean.wall.toFixed(1)} s wall, ${clean.cpu.toFixed(1)} s CPU`);
}

const value = (flag: string, fallback: number) => {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const size = value("--size", 10_000);
const add = value("--add", 100);
const seed = value("--seed", 1);
const at = process.argv.indexOf("--from");
const from = at >= 0 ? resolve(process.argv[at + 1]!) : undefined;
const runsAt = process.argv.indexOf("--runs");
const runs = new Set((runsAt >= 0 ? process.argv[runsAt + 1]! : "jobs,incremental").split(","));

function jobsRuns(): void {
  const base = join(WORK_DIR, `corpus-${size}`);
  const grown = join(WORK_DIR, `corpus-${size + add}`);
  if (from) {
    addArticles(base, 0, size, from);
    addArticles(grown, 0, size + add, from);
  } else {
    writeCorpus(base, size, seed);
    // article i is the same whatever the corpus size: the larger corpus is the smaller plus ADD articles
    writeCorpus(grown, size + add, seed);
  }
  console.log(`scale bench: ${size} synthetic articles (seed ${seed}), then ${add} more`);
  const one = build("--jobs 1 --fresh", base, join(WORK_DIR, "out-1"), ["--jobs", "1", "--fresh"]);
  const two = build("--jobs 2 --fresh", base, join(WORK_DIR, "out-2"), ["--jobs", "2", "--fresh"]);
  const same = readFileSync(join(WORK_DIR, "out-1/graph.json")).equals(readFileSync(join(WORK_DIR, "out-2/graph.json")));
  build("rebuild, nothing changed", base, join(WORK_DIR, "out-2"), ["--jobs", "2"]);
  build(`rebuild with ${add} added`, grown, join(WORK_DIR, "out-2"), ["--jobs", "2"]);
  console.log(`  --jobs 2 speed-up over --jobs 1: ${(one.wall / two.wall).toFixed(2)}× wall (target ≥ 1.7×); graph.json identical: ${same}`);
}

if (!existsSync("/usr/bin/time")) throw new Error("bench-scale: needs /usr/bin/time for peak RSS");
rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });
if (runs.has("jobs")) jobsRuns();
if (runs.has("incremental")) incrementalRuns(from);
