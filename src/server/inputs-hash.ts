// A fingerprint of a build's inputs (file names and contents), recorded beside its output
// so that `npm start` rebuilds only when something it was built from has changed.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { mkdirSync } from "node:fs";

function filesUnder(path: string, exclude: ReadonlySet<string>): string[] {
  if (exclude.has(path)) return [];
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) return [];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry), exclude));
}

/** SHA-256 over every file under `paths` (relative name and bytes), in a stable order. */
export function hashInputs(root: string, paths: readonly string[], exclude: readonly string[] = []): string {
  const excluded = new Set(exclude.map((path) => join(root, path)));
  const hash = createHash("sha256");
  for (const path of paths) {
    for (const file of filesUnder(join(root, path), excluded)) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** The fingerprint recorded at `file`, or null when there is none. */
export function readRecordedHash(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch {
    return null;
  }
}

/** Records a fingerprint atomically (temporary file in the same folder, then rename). */
export function recordHash(file: string, hash: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${hash}\n`);
  renameSync(temporary, file);
}
