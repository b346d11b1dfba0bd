// `npm run bench:hostile`: each adversarial input of scripts/hostile-corpus.ts, beside one normal
// article, built end to end by the command line as users run it. Prints per input: MB, seconds,
// s/MB, peak RSS beyond the baseline (the normal article alone), warnings, and whether the normal
// article's facts made it into the graph. Wall and CPU time both: the machine is shared.
// Targets: ≤ 2 s per MB, ≤ 500 MB beyond the baseline, never a crash.
// Options: `-- --only NAME,NAME  --timeout SECONDS` (default 120)  `--cli PATH/bin/diplograph.js`.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { HOSTILE_INPUTS, type HostileInput } from "./hostile-corpus.ts";

const ROOT = resolve(import.meta.dirname, "..");
/** The command under test; `--cli PATH` measures another checkout's (the "before" figures). */
let cli = join(ROOT, "bin/diplograph.js");
const NORMAL = join(ROOT, "graph/articles/001_e970c5ff869cd3a7.txt");

export interface HostileRun {
  name: string;
  megabytes: number;
  seconds: number;
  /** CPU seconds (user + system) of the build: on a shared machine, steadier than the wall clock. */
  cpuSeconds: number;
  /** Peak resident memory of the build, in MB; from /usr/bin/time. */
  peakMb: number;
  status: number | null;
  timedOut: boolean;
  warnings: string[];
  /** The normal article beside the input is in the graph with its facts. */
  normalBuilt: boolean;
}

function build(dir: string, timeoutSeconds: number): Omit<HostileRun, "name" | "megabytes"> {
  const out = mkdtempSync(join(tmpdir(), "diplograph-hostile-out-"));
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "@@ %M %U %S", process.execPath, cli, "build", dir, "--out", out, "--no-layout"], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stderr = r.stderr ?? "";
  const usage = /@@ (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
  const peakKb = Number(usage?.[1] ?? NaN);
  const cpuSeconds = Number(usage?.[2] ?? NaN) + Number(usage?.[3] ?? NaN);
  const graphPath = join(out, "graph.json");
  let normalBuilt = false;
  if (existsSync(graphPath)) {
    const graph = readFileSync(graphPath, "utf8");
    normalBuilt = graph.includes('"key":"article:normal"') && graph.includes("CHAIRED:official:pham-binh-minh->");
  }
  rmSync(out, { recursive: true, force: true });
  return {
    seconds,
    cpuSeconds,
    peakMb: peakKb / 1024,
    status: r.status,
    timedOut: r.error !== undefined || r.signal !== null,
    warnings: stderr.split("\n").filter((l) => l.startsWith("warning: ")),
    normalBuilt,
  };
}

function runOne(input: HostileInput | undefined, timeoutSeconds: number): HostileRun {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-hostile-"));
  try {
    copyFileSync(NORMAL, join(dir, "normal.txt"));
    const bytes = input ? input.write(dir) : 0;
    const result = build(dir, timeoutSeconds);
    return { name: input?.name ?? "(baseline)", megabytes: bytes / 1048576, ...result };
  } finally {
    // `rm -r` rather than rmSync: the long-path input is deeper than Node's own calls can reach
    spawnSync("rm", ["-rf", dir]);
  }
}

export async function benchHostile(argv: string[] = process.argv.slice(2)): Promise<HostileRun[]> {
  const only = argv.includes("--only") ? new Set((argv[argv.indexOf("--only") + 1] ?? "").split(",")) : undefined;
  if (argv.includes("--cli")) cli = resolve(argv[argv.indexOf("--cli") + 1] ?? cli);
  const timeout = argv.includes("--timeout") ? Number(argv[argv.indexOf("--timeout") + 1]) : 120;
  const baseline = runOne(undefined, timeout);
  console.log(`baseline (normal article alone): ${baseline.seconds.toFixed(2)} s wall, ${baseline.cpuSeconds.toFixed(2)} s CPU, peak RSS ${baseline.peakMb.toFixed(0)} MB`);
  console.log("s/MB counts the time beyond the baseline (startup and the normal article), wall and CPU");
  console.log("input                 MB  wall s  CPU s  wall s/MB  CPU s/MB  RSS+MB  exit  warnings  normal built");
  const runs: HostileRun[] = [];
  const perMb = (extra: number, mb: number) => (mb >= 0.01 ? (Math.max(0, extra) / mb).toFixed(2) : "-").padStart(9);
  for (const input of HOSTILE_INPUTS) {
    if (only && !only.has(input.name)) continue;
    const run = runOne(input, timeout);
    runs.push(run);
    const exit = run.timedOut ? `killed after ${timeout} s` : String(run.status);
    console.log(
      [
        run.name.padEnd(18),
        run.megabytes.toFixed(2).padStart(6),
        run.seconds.toFixed(2).padStart(7),
        run.cpuSeconds.toFixed(2).padStart(6),
        perMb(run.seconds - baseline.seconds, run.megabytes).padStart(10),
        perMb(run.cpuSeconds - baseline.cpuSeconds, run.megabytes),
        (run.peakMb - baseline.peakMb).toFixed(0).padStart(7),
        exit.padStart(5),
        String(run.warnings.length).padStart(9),
        ` ${run.normalBuilt ? "yes" : "NO"}`,
      ].join(" "),
    );
    for (const w of run.warnings.slice(0, 3)) console.log(`    ${w.length > 160 ? `${w.slice(0, 160)}…` : w}`);
  }
  return runs;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHostile();
