// `npm run bench:scale [-- --size 10000 --add 100 --seed 1 --sets jobs,incremental --runs 1 --jobs 1,2
//   --corpus DIR --no-rebuild --from DIR]`:
// the streaming build end to end (`node bin/diplograph.js build`), each run a child process with
// wall clock, CPU (user + system, worker threads included) and peak RSS from /usr/bin/time, MB/s
// of the corpus, and the load average before and after (the machine is shared: read CPU beside
// wall). Two sets of runs (`--sets`, both by default):
//   jobs: 1. each of --jobs (default 1 and 2) with --fresh on SIZE articles, RUNS times
//      alternating; MB/s wall and per CPU second, the speed-up of the last over the first
//      (medians), same bytes? The build against the floor (scripts/read-floor.ts). 2. a rebuild
//      of the same folder (every record reused), and
//      3. SIZE + ADD articles (the first SIZE unchanged, a second folder) into the same output
//      (ADD extracted); --no-rebuild skips 2 and 3. --corpus DIR builds an existing folder (as
//      written by scripts/synth-corpus.ts) instead of writing one.
//   incremental: a clean build of SIZE articles, a rebuild with nothing changed, then ADD articles
//      added to the same folder (the next ADD of the generator, as the next day's news) and rebuilt:
//      the files of the first build are not read again, the layout starts from the last picture.
//      --from DIR: a corpus the generator wrote with the same seed and at least SIZE + ADD
//      articles, linked instead of generated (writing 100,000 articles takes minutes).
// Figures are printed, never asserted.
import { spawnSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { readFloor } from "./read-floor.ts";
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
  const reused = [/reused \d+ article\(s\) from the previous build[^\n]*/, /layout: the previous picture kept, \d+ new node\(s\)/, /graph\.json: \d+ line\(s\) copied[^\n]*/, /graph\.json: nothing changed[^\n]*/]
    .map((re) => re.exec(r.stdout)?.[0])
    .filter(Boolean)
    .join("; ");
  const run = { label, wall, cpu: user + sys, rssMB: rss / 1024, reused };
  console.log(
    `  ${label.padEnd(28)} wall ${wall.toFixed(1).padStart(6)} s  CPU ${run.cpu.toFixed(1).padStart(6)} s  ` +
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
const sets = new Set((value("--sets") ?? "jobs,incremental").split(","));
const runs = Number(value("--runs") ?? 1);
const jobs = (value("--jobs") ?? "1,2").split(",").map(Number);
const given = value("--corpus");
const rebuild = !process.argv.includes("--no-rebuild");
const fromArg = value("--from");
const from = fromArg === undefined ? undefined : resolve(fromArg);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

/** Articles [from, to) of the generator into `dir`: linked from `source` when given, else written. */
function addArticles(dir: string, first: number, end: number, source: string | undefined): void {
  mkdirSync(dir, { recursive: true });
  const lexicon = source ? undefined : loadSynthLexicon();
  for (let i = first; i < end; i++) {
    const name = articleFileName(i);
    if (source) linkSync(join(source, name), join(dir, name));
    else writeFileSync(join(dir, name), generateArticle(seed, i, lexicon!));
  }
}

function jobsRuns(): void {
  const base = given ? resolve(given) : join(WORK_DIR, `corpus-${size}`);
  if (!given) writeCorpus(base, size, seed);
  const mb = corpusBytes(base) / 1e6;
  console.log(`jobs: ${given ? base : `${size} synthetic articles (seed ${seed})`}, ${mb.toFixed(1)} MB, ${runs} run(s) of --jobs ${jobs.join(", ")}`);
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
  const floor = readFloor(base);
  console.log(`  floor (read, NFC, sentences; one core): ${floor.seconds.toFixed(2)} s for ${floor.files} files, ${floor.sentences} sentences`);
  for (const j of jobs) {
    const wall = median(walls.get(j)!);
    console.log(`  --jobs ${j}: ${(wall / floor.seconds).toFixed(1)}× the floor in wall time, ${((wall * j) / floor.seconds).toFixed(1)}× per core (wall × ${j}; target ≤ 10×)`);
  }
  if (rebuild) {
    const out = join(WORK_DIR, `out-${last}`);
    build("rebuild, nothing changed", base, out, ["--jobs", String(last)], mb);
    const grown = join(WORK_DIR, `corpus-${size + add}`);
    // article i is the same whatever the corpus size: the larger corpus is the smaller plus ADD articles
    writeCorpus(grown, size + add, seed);
    build(`rebuild with ${add} added`, grown, out, ["--jobs", String(last)], corpusBytes(grown) / 1e6);
  }
}

/**
 * A clean build, a rebuild with nothing changed, and a rebuild after ADD articles were added to the
 * same folder. The first SIZE files are dated an hour back, as a corpus built yesterday is (a file
 * modified within 2 s of the last build's start is read again: file-cache.ts).
 */
function incrementalRuns(): void {
  const dir = join(WORK_DIR, "incremental", "corpus");
  const out = join(WORK_DIR, "incremental", "out");
  addArticles(dir, 0, size, from);
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < size; i++) utimesSync(join(dir, articleFileName(i)), hourAgo, hourAgo);
  const mb = corpusBytes(dir) / 1e6;
  console.log(`incremental: ${size} articles (seed ${seed}), ${mb.toFixed(1)} MB, then ${add} added to the same folder`);
  const clean = build("clean build, --jobs 2", dir, out, ["--jobs", "2", "--fresh"], mb);
  build("rebuild, nothing changed", dir, out, ["--jobs", "2"], mb);
  addArticles(dir, size, size + add, from);
  const grown = build(`rebuild with ${add} added`, dir, out, ["--jobs", "2"], corpusBytes(dir) / 1e6);
  console.log(`  rebuild with ${add} added: ${grown.wall.toFixed(1)} s wall, ${grown.cpu.toFixed(1)} s CPU (target ≤ 15 s at 100,000); clean build ${clean.wall.toFixed(1)} s wall, ${clean.cpu.toFixed(1)} s CPU`);
}

if (!existsSync("/usr/bin/time")) throw new Error("bench-scale: needs /usr/bin/time for peak RSS");
rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });
if (sets.has("jobs")) jobsRuns();
if (sets.has("incremental")) incrementalRuns();
