// `npm run build:cli` (also run by `npm install` through `prepare`, and by scripts/setup.sh):
// compiles src/ to dist/ (tsconfig.build.json), copies the JSON files the code reads at run time
// (the lexicon, next to the modules that read them by import.meta.url), and stamps the build
// with its start time. bin/diplograph.js runs dist/ only while no source is newer than the stamp.
// Plain JavaScript, so that it runs before anything is compiled. `prepare` runs it only when it
// exists: the Dockerfile runs `npm ci` before copying the sources (and builds after).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { newest } from "../bin/newest-mtime.js";

const root = join(import.meta.dirname, "..");
const src = join(root, "src");
const dist = join(root, "dist");
// A source saved while tsc runs is newer than the stamp, so the next call sees the build as stale.
const started = new Date();

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) {
  console.error(`build:cli: tsc failed (exit ${compiled.status ?? compiled.signal}); bin/diplograph.js keeps running the TypeScript through tsx`);
  process.exit(1);
}

let copied = 0;
const copyJson = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyJson(path);
    else if (entry.name.endsWith(".json")) {
      const target = join(dist, relative(src, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
      copied += 1;
    }
  }
};
copyJson(src);

// the sources' digests, so that the compiled code's cache versions are those of the sources it was
// compiled from (src/pipeline/extractor-version.ts); left out if a source changed while tsc ran
// (the compiled code then digests its own files, and bin/diplograph.js runs the sources anyway)
const { hashSources, SOURCE_HASHES } = await import(join(dist, "pipeline/extractor-version.js"));
const hashes = join(dist, SOURCE_HASHES);
rmSync(hashes, { force: true });
if (newest(src) <= started.getTime()) writeFileSync(hashes, `${JSON.stringify(hashSources(src))}\n`);
else console.error("build:cli: a source changed while it was compiled; dist/ digests its own files");

const stamp = join(dist, ".build-stamp");
writeFileSync(stamp, `${started.toISOString()}\n`);
utimesSync(stamp, started, started);
console.log(`build:cli: src/ compiled to dist/ (${copied} JSON files copied)`);
