// vitest globalSetup: the tests' temporary files and folders go into one folder per run, removed
// at the end, so that test runs leave nothing behind in the system's temporary folder.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "diplograph-tests-"));
  // os.tmpdir() in the test workers reads TMPDIR; workers start after this and inherit it
  process.env.TMPDIR = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  };
}
