// `npm run eval:real`: scores the real-text development set (devset/), whose texts are not in
// the repository (they are the sites', not ours): it says how many it found, then prints each
// set's figures and the pooled ones. `npm run eval:real -- --verbose` lists the misses too;
// `npm run eval:real -- --set blindset` scores the blind set of real reports the same way.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const setAt = args.indexOf("--set");
const set = setAt >= 0 ? args[setAt + 1] ?? "devset" : "devset";
if (setAt >= 0) args.splice(setAt, 2);
const texts = join(root, set, "texts");
const keys = join(root, set, "keys");

const listed = readdirSync(join(root, set, "sources"))
  .filter((f) => f.endsWith(".tsv"))
  .flatMap((f) => readFileSync(join(root, set, "sources", f), "utf8").trim().split("\n").slice(1));
const found = existsSync(texts) ? readdirSync(texts).filter((f) => /\.(txt|html?|md)$/.test(f)).length : 0;
console.log(`${set}: ${found} texts found in ${set}/texts of ${listed.length} listed in ${set}/sources`);
if (found === 0) {
  console.log(`${set}: no text to score; the addresses to read them from are in ${set}/sources/*.tsv`);
  process.exit(1);
}
const cli = join(root, "bin/diplograph.js");
const run = spawnSync(process.execPath, [cli, "eval", "--gold", keys, "--articles", texts, ...args], { stdio: "inherit" });
process.exit(run.status ?? 1);
