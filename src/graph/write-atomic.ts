// Replaces a file all at once: the new content goes to a temporary file beside it, is
// flushed to disk, then renamed over the old one. A build killed halfway leaves the
// previous file intact, and the temporary file it left is removed by the next write.
import { mkdir, open, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** `.graph.json.<pid>.<ms>.tmp`: the name of our temporary files, and nothing else's. */
const temporaryName = (file: string, pid: number, ms: number) => `.${file}.${pid}.${ms}.tmp`;

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is someone else's
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Temporary files of ours for `file` whose writer is gone (killed with -9, power lost): removed.
 * A writer still running (another build into the same folder) keeps its own.
 */
async function removeStaleTemporaries(dir: string, file: string): Promise<void> {
  const ours = new RegExp(`^\\.${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d+)\\.\\d+\\.tmp$`);
  for (const name of await readdir(dir)) {
    const pid = ours.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dir, name), { force: true });
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await writeFileAtomicFrom(path, [data]);
}

/** Bytes gathered before each write: few system calls, and never more than this held at once. */
const WRITE_BUFFER = 1 << 20;

/**
 * Like writeFileAtomic, from pieces produced one after another (graph.json of 100,000 articles
 * is larger than the longest string V8 can hold, so it is never one string).
 */
export async function writeFileAtomicFrom(path: string, pieces: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  await removeStaleTemporaries(dir, basename(path));
  const temporary = join(dir, temporaryName(basename(path), process.pid, Date.now()));
  const handle = await open(temporary, "w");
  try {
    // strings and bytes gathered alike (a patched graph.json is mostly lines copied as bytes)
    let buffered: Array<string | Uint8Array> = [];
    let size = 0;
    let bytes = false;
    const flush = async () => {
      // one piece of bytes (a run of lines copied from the previous graph.json) is written as it is
      if (buffered.length === 1) await handle.writeFile(buffered[0]!);
      else if (buffered.length > 0) {
        await handle.writeFile(bytes ? Buffer.concat(buffered.map((p) => (typeof p === "string" ? Buffer.from(p) : p))) : buffered.join(""));
      }
      buffered = [];
      size = 0;
      bytes = false;
    };
    for await (const piece of pieces) {
      buffered.push(piece);
      size += piece.length;
      if (typeof piece !== "string") bytes = true;
      if (size >= WRITE_BUFFER) await flush();
    }
    await flush();
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}
