#!/usr/bin/env node
// The `diplograph` command. It runs the compiled JavaScript in dist/ (`npm run build:cli`, done by
// `npm install` and scripts/setup.sh): compiling the TypeScript through tsx at every call cost
// 1.6–2.5 s of start-up. When dist/ is missing or a source is newer than its build, it falls back
// to tsx, so that an edit is never run stale (one notice line, on a terminal only: scripts and
// tests that read standard error see the command's own lines).
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { newest } from "./newest-mtime.js";

const root = join(import.meta.dirname, "..");

function compiledIsCurrent() {
  const stamp = statSync(join(root, "dist/.build-stamp"), { throwIfNoEntry: false });
  if (!stamp || !existsSync(join(root, "dist/cli.js"))) return false;
  const sources = Math.max(newest(join(root, "src")), newest(join(root, "tsconfig.json")), newest(join(root, "tsconfig.build.json")));
  return sources <= stamp.mtimeMs;
}

if (compiledIsCurrent()) {
  await import("../dist/cli.js");
} else {
  if (process.stderr.isTTY) process.stderr.write("diplograph: dist/ is missing or older than src/; running the TypeScript through tsx (slower start; `npm run build:cli` compiles it)\n");
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
