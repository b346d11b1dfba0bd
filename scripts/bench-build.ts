// Build benchmark: `diplograph build` on the deterministic synthetic corpus at 1,000 and 10,000
// articles. Each size runs in a fresh child process (independent peak memory), timing buildGraph
// in-process stage by stage, then the largest size once more end to end through the CLI.
// `npm run bench:build` runs it alone (`-- --sizes 1000,10000 --seed 1 --no-cli --profile DIR`);
// scripts/bench.ts calls benchBuild().
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./synth-corpus.ts";

const ROOT = resolve(import.meta.dirname, "..");
const WORK_DIR = join(ROOT, "bench-out/build");
const CHILD_FLAG = "--child";

/** Seconds spent in each stage of one in-process build. */
export interface StageSeconds {
  /** Reading, decoding and cleaning the files, up to the first article extracted. */
  read: number;
  /** Recognising entities and relations, article by article. */
  extract: number;
  /** Resolution across articles, graph assembly and ForceAtlas2 layout. */
  resolveAssembleLayout: number;
  /** graph.json text, written atomically. */
  write: number;
}

export interface BuildRun {
  articles: number;
  bytes: number;
  seconds: number;
  /** CPU time (user + system) of the child over the same span: the one-core figure on a busy machine. */
  cpuSeconds: number;
  stages: StageSeconds;
  peakRssMB: number;
  nodes: number;
  edges: number;
  /** CPU time the hypervisor gave other guests over the same span (steal, both cores); undefined off Linux. */
  stolenSeconds: number | undefined;
}

/** Seconds of steal so far, from /proc/stat (ticks of 1/100 s): how much a shared host took away. */
function stealSeconds(): number | undefined {
  try {
    const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
    return Number(cpu[8]) / 100;
  } catch {
    return undefined;
  }
}

export interface CliRun {
  articles: number;
  seconds: number;
  /** From /usr/bin/time; undefined where it is not installed. */
  peakRssMB: number | undefined;
}

export interface BuildBenchResult {
  runs: BuildRun[];
  cli: CliRun | undefined;
  mbPerSecond: number;
  /** Megabytes per second of CPU time at the largest size. */
  mbPerCpuSecond: number;
  articlesPerSecond: number;
  /** Milliseconds per article at each size. */
  msPerArticle: Record<number, number>;
  /** ms/article at the largest size over ms/article at the smallest. */
  scalingRatio: number;
  /** The same ratio on CPU time, steadier when other work shares the machine. */
  cpuScalingRatio: number;
}

export interface BenchBuildOptions {
  sizes?: number[];
  seed?: number;
  cli?: boolean;
  /** Write V8 CPU profiles of each child into this folder. */
  profileDir?: string;
}

// ---------------------------------------------------------------------------------------------
// Child process: one build, in-process, stage by stage; prints one JSON line.

async function childBuild(dir: string, out: string): Promise<void> {
  const { buildGraph } = await import("../src/pipeline/build.ts");
  const { serializeGraph } = await import("../src/graph/serialize.ts");
  const { writeFileAtomic } = await import("../src/graph/write-atomic.ts");
  const cpuAtStart = process.cpuUsage();
  const stealAtStart = stealSeconds();
  const started = performance.now();
  let firstExtracted: number | undefined;
  let lastExtracted = started;
  const built = await buildGraph(dir, {
    onProgress: () => {
      lastExtracted = performance.now();
      firstExtracted ??= lastExtracted;
    },
  });
  const assembled = performance.now();
  await writeFileAtomic(join(out, "graph.json"), serializeGraph(built.graph));
  const written = performance.now();
  const cpu = process.cpuUsage(cpuAtStart);
  const stealAtEnd = stealSeconds();
  const s = (ms: number): number => ms / 1000;
  const run: BuildRun = {
    articles: built.articles,
    bytes: built.bytes,
    seconds: s(written - started),
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    stages: {
      read: s((firstExtracted ?? assembled) - started),
      extract: s(lastExtracted - (firstExtracted ?? lastExtracted)),
      resolveAssembleLayout: s(assembled - lastExtracted),
      write: s(written - assembled),
    },
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    nodes: built.graph.order,
    edges: built.graph.size,
    stolenSeconds: stealAtStart === undefined || stealAtEnd === undefined ? undefined : stealAtEnd - stealAtStart,
  };
  console.log(JSON.stringify(run));
}

// ---------------------------------------------------------------------------------------------
// Parent: corpora, children, figures.

/** The corpus folder for a size and seed, generated once per version of the generator. */
function corpus(size: number, seed: number, log: (line: string) => void): string {
  const generator = createHash("sha256").update(readFileSync(join(ROOT, "scripts/synth-corpus.ts"))).digest("hex").slice(0, 8);
  const dir = join(WORK_DIR, `corpus-${generator}-s${seed}-n${size}`);
  const done = `${dir}.done`;
  if (!existsSync(done)) {
    rmSync(dir, { recursive: true, force: true });
    const bytes = writeCorpus(dir, size, seed);
    writeFileSync(done, `${bytes}\n`);
    log(`  generated ${size} articles (${(bytes / 1e6).toFixed(1)} MB, seed ${seed}) in ${dir}`);
  }
  return dir;
}

function runChild(dir: string, out: string, profileDir: string | undefined): BuildRun {
  const nodeFlags = ["--import", "tsx", ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [])];
  const stdout = execFileSync(process.execPath, [...nodeFlags, fileURLToPath(import.meta.url), CHILD_FLAG, dir, out], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as BuildRun;
}

function runCli(dir: string, out: string, articles: number): CliRun {
  // --fresh: the output folder persists between runs, and a reused store would skip extraction
  const cli = [join(ROOT, "bin/diplograph.js"), "build", dir, "--out", out, "--fresh"];
  const hasTime = existsSync("/usr/bin/time");
  const [command, args] = hasTime
    ? ["/usr/bin/time", ["-f", "maxrss-kb %M", process.execPath, ...cli]]
    : [process.execPath, cli];
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`bench-build: diplograph build exited ${result.status}: ${result.stderr.slice(-500)}`);
  const rss = /maxrss-kb (\d+)/.exec(result.stderr)?.[1];
  return { articles, seconds, peakRssMB: rss ? Number(rss) / 1024 : undefined };
}

const mb = (bytes: number): number => bytes / 1e6;

export async function benchBuild(
  { sizes = [1_000, 10_000], seed = 1, cli = true, profileDir }: BenchBuildOptions = {},
  log: (line: string) => void = (line) => console.log(line),
): Promise<BuildBenchResult> {
  log(`build bench: synthetic corpus (scripts/synth-corpus.ts), sizes ${sizes.join(", ")}, seed ${seed}; ` +
    `${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  log(`  each size built in its own child process, in-process timing of buildGraph + graph.json write (no startup)`);
  const runs: BuildRun[] = [];
  for (const size of sizes) {
    const dir = corpus(size, seed, log);
    const out = join(WORK_DIR, `out-${size}`);
    mkdirSync(out, { recursive: true });
    const run = runChild(dir, out, profileDir);
    runs.push(run);
    const st = run.stages;
    log(
      `  ${String(run.articles).padStart(6)} articles ${mb(run.bytes).toFixed(1).padStart(6)} MB: ${run.seconds.toFixed(1)} s, ` +
        `${(mb(run.bytes) / run.seconds).toFixed(2)} MB/s, ${(run.articles / run.seconds).toFixed(0)} articles/s, ` +
        `${((run.seconds * 1000) / run.articles).toFixed(2)} ms/article, peak RSS ${run.peakRssMB.toFixed(0)} MB, ` +
        `${run.nodes} nodes ${run.edges} edges`,
    );
    log(
      `         CPU time ${run.cpuSeconds.toFixed(1)} s = ${(mb(run.bytes) / run.cpuSeconds).toFixed(2)} MB/s of CPU ` +
        `(wall/CPU ${(run.seconds / run.cpuSeconds).toFixed(2)}: above 1 when the machine is busy)` +
        (run.stolenSeconds === undefined ? "" : `; CPU taken by the host meanwhile (steal): ${run.stolenSeconds.toFixed(1)} s`),
    );
    log(
      `         stages: read ${st.read.toFixed(1)} s, extract ${st.extract.toFixed(1)} s, ` +
        `resolve+assemble+layout ${st.resolveAssembleLayout.toFixed(1)} s, write ${st.write.toFixed(1)} s`,
    );
  }

  const first = runs[0];
  const largest = runs.at(-1);
  if (!first || !largest) throw new Error("bench-build: no sizes to run");
  const msPerArticle = Object.fromEntries(runs.map((r) => [r.articles, (r.seconds * 1000) / r.articles]));
  const scalingRatio = (largest.seconds / largest.articles) / (first.seconds / first.articles);
  const cpuScalingRatio = (largest.cpuSeconds / largest.articles) / (first.cpuSeconds / first.articles);
  const mbPerSecond = mb(largest.bytes) / largest.seconds;
  const articlesPerSecond = largest.articles / largest.seconds;
  const mbPerCpuSecond = mb(largest.bytes) / largest.cpuSeconds;

  let cliRun: CliRun | undefined;
  if (cli) {
    const out = join(WORK_DIR, `cli-out-${largest.articles}`);
    cliRun = runCli(corpus(sizes.at(-1) ?? 0, seed, log), out, largest.articles);
    const rss = cliRun.peakRssMB === undefined ? "n/a (no /usr/bin/time)" : `${cliRun.peakRssMB.toFixed(0)} MB`;
    log(`  CLI end to end (node bin/diplograph.js build, startup included): ${cliRun.articles} articles in ` +
      `${cliRun.seconds.toFixed(1)} s = ${(mb(largest.bytes) / cliRun.seconds).toFixed(2)} MB/s, peak RSS ${rss}`);
  }

  log(
    `  throughput at ${largest.articles}: ${mbPerSecond.toFixed(2)} MB/s wall, ${mbPerCpuSecond.toFixed(2)} MB/s of CPU time, ` +
      `${articlesPerSecond.toFixed(0)} articles/s   target ≥ 2 MB/s on one core`,
  );
  log(`  ms/article: ${runs.map((r) => `${msPerArticle[r.articles]?.toFixed(2)} at ${r.articles}`).join(", ")}; ` +
    `ratio ${scalingRatio.toFixed(2)}   target ≤ 1.3`);
  log(`  CPU ms/article: ${runs.map((r) => `${((r.cpuSeconds * 1000) / r.articles).toFixed(2)} at ${r.articles}`).join(", ")}; ` +
    `ratio ${cpuScalingRatio.toFixed(2)}`);
  return { runs, cli: cliRun, mbPerSecond, mbPerCpuSecond, articlesPerSecond, msPerArticle, scalingRatio, cpuScalingRatio };
}

/** `--sizes 1000,10000 --seed 1 --no-cli --profile DIR`, as `npm run bench:build --` and `npm run bench --` take them. */
export function parseBuildArgs(argv: string[]): BenchBuildOptions {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const sizes = value("--sizes")?.split(",").map(Number);
  const seed = value("--seed");
  const profileDir = value("--profile");
  return {
    ...(sizes ? { sizes } : {}),
    ...(seed ? { seed: Number(seed) } : {}),
    ...(profileDir ? { profileDir: resolve(profileDir) } : {}),
    cli: !argv.includes("--no-cli"),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  if (argv[0] === CHILD_FLAG) await childBuild(argv[1] ?? "", argv[2] ?? "");
  else await benchBuild(parseBuildArgs(argv));
}
