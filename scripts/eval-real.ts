// `npm run eval:real`: scores the real-text development set (devset/), whose texts are not in
// the repository (they are the sites', not ours): it says how many it found, then prints each
// set's figures and the pooled ones. `npm run eval:real -- --verbose` lists the misses too.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const texts = join(root, "devset/texts");
const keys = join(root, "devset/keys");

const listed = readdirSync(join(root, "devset/sources"))
  .filter((f) => f.endsWith(".tsv"))
  .flatMap((f) => readFileSync(join(root, "devset/sources", f), "utf8").trim().split("\n").slice(1));
const found = existsSync(texts) ? readdirSync(texts).filter((f) => /\.(txt|html?|md)$/.test(f)).length : 0;
console.log(`devset: ${found} texts found in devset/texts of ${listed.length} listed in devset/sources`);
if (found === 0) {
  console.log("devset: no text to score; the addresses to read them from are in devset/sources/*.tsv");
  process.exit(1);
}
const cli = join(root, "bin/diplograph.js");
const run = spawnSync(process.execPath, [cli, "eval", "--gold", keys, "--articles", texts, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(run.status ?? 1);
