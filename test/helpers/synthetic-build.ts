// A graph built from synthetic articles (scripts/synth-corpus.ts) through the real command
// line, as a user with a year of coverage would have it: for the viewer's tests at scale.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCorpus } from "../../scripts/synth-corpus.ts";
import { PROJECT_ROOT } from "./sample-graph.ts";

/** Writes `count` articles and builds them; returns the path of graph.json. */
export function buildSyntheticGraph(count: number, seed = 1): string {
  const root = mkdtempSync(join(tmpdir(), `diplograph-synth-${count}-`));
  const articles = join(root, "articles");
  writeCorpus(articles, count, seed);
  const out = join(root, "out");
  execFileSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "build", articles, "--out", out], { cwd: PROJECT_ROOT, stdio: "pipe" });
  return join(out, "graph.json");
}
