// A file an earlier build kept beside the store (its bodies, its quotes), continued by this
// build instead of copied: moved to this build's scratch path first, so that no other build
// takes it too, and used only at the size the earlier build recorded for it. A build killed
// after taking it leaves only scratch (removed by the next build, which then starts afresh).
import { closeSync, fstatSync, ftruncateSync, openSync, renameSync } from "node:fs";

/**
 * Takes `kept` over as `scratch`, the empty scratch file open as `fd`: the descriptor to use from
 * now on, and whether it holds `kept`'s `size` bytes (if not, it is empty: `kept` was gone, or
 * not the size recorded, and is discarded).
 */
export function takeOver(kept: string, scratch: string, fd: number, size: number): { fd: number; taken: boolean } {
  try {
    renameSync(kept, scratch);
  } catch {
    return { fd, taken: false };
  }
  closeSync(fd);
  const taken = openSync(scratch, "r+");
  if (fstatSync(taken).size === size) return { fd: taken, taken: true };
  ftruncateSync(taken, 0);
  return { fd: taken, taken: false };
}
