// `npm run bench`: every benchmark in turn, each printing its own figures: the build
// (scripts/bench-build.ts), then, when their files are present, the Neo4j load, the viewer, the exports
// and the hostile inputs (scripts/bench-hostile.ts).
// A benchmark that fails is reported and the others still run; the exit code says if any failed.
// Options: `npm run bench -- [--skip load,viewer] [build options: --sizes 1000,10000 --seed 1 --no-cli]`.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { benchBuild, parseBuildArgs } from "./bench-build.ts";

const SCRIPTS = resolve(import.meta.dirname);

interface Benchmark {
  name: string;
  run: () => Promise<unknown>;
}

/** A benchmark written by another module: its file, and the exported function that runs it. */
function optional(name: string, file: string, exportName: string): Benchmark | undefined {
  const path = join(SCRIPTS, file);
  if (!existsSync(path)) return undefined;
  return {
    name,
    run: async () => {
      const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      // The agreed name first; failing that, the one exported function whose name starts with "bench".
      const benchExports = Object.keys(module).filter((k) => k.startsWith("bench") && typeof module[k] === "function");
      const entry = module[exportName] ?? (benchExports.length === 1 ? module[benchExports[0] ?? ""] : undefined);
      if (typeof entry !== "function") throw new Error(`bench: ${file} exports no function ${exportName}()`);
      return (entry as () => Promise<unknown>)();
    },
  };
}

const argv = process.argv.slice(2);
const skip = new Set(argv.includes("--skip") ? (argv[argv.indexOf("--skip") + 1] ?? "").split(",") : []);

const BENCHMARKS: Benchmark[] = [
  { name: "build", run: () => benchBuild(parseBuildArgs(argv)) },
  optional("load", "bench-load.ts", "benchLoad"),
  optional("viewer", "bench-viewer.ts", "benchViewer"),
  optional("export", "bench-export.ts", "benchExport"),
  optional("hostile", "bench-hostile.ts", "benchHostile"),
].filter((b): b is Benchmark => b !== undefined && !skip.has(b.name));

const failed: string[] = [];
for (const bench of BENCHMARKS) {
  console.log(`\n=== ${bench.name} ===`);
  const started = performance.now();
  try {
    await bench.run();
    console.log(`(${bench.name}: ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  } catch (error) {
    failed.push(bench.name);
    console.error(`bench ${bench.name} failed: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log(failed.length ? `\nfailed: ${failed.join(", ")}` : `\nall ${BENCHMARKS.length} benchmarks ran`);
// Benchmarks may leave drivers, servers or browsers open; the run is over, so end the process.
process.exit(failed.length ? 1 : 0);
