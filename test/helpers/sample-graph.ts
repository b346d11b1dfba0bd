// The graph built from the five sample articles, built once per test process through the
// real command line, as a user would: `diplograph build graph/articles --out DIR`.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";

export const PROJECT_ROOT = resolve(import.meta.dirname, "../..");
export const SAMPLE_ARTICLES = join(PROJECT_ROOT, "graph/articles");

let cached: { path: string; graph: SerializedKnowledgeGraph } | undefined;

/** Builds the sample graph into a temporary folder and returns its path and contents. */
export function sampleGraph(): { path: string; graph: SerializedKnowledgeGraph } {
  if (cached) return cached;
  const out = mkdtempSync(join(tmpdir(), "diplograph-sample-"));
  execFileSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "build", SAMPLE_ARTICLES, "--out", out], {
    cwd: PROJECT_ROOT,
    stdio: "pipe",
  });
  const path = join(out, "graph.json");
  cached = { path, graph: JSON.parse(readFileSync(path, "utf8")) as SerializedKnowledgeGraph };
  return cached;
}
