// The newest modification time below a folder: how bin/diplograph.js tells a stale dist/ from a
// current one, and how scripts/build-cli.mjs sees a source saved while it compiled. Plain
// JavaScript, so that it runs before anything is compiled.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** The newest modification time below `path` (or of the file), in ms; 0 if it is missing. */
export function newest(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs; // a deleted file shows as a newer folder
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}
