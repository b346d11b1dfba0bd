// The lines of a file as byte views, read a megabyte at a time: the stores and graph.json are
// written one item per line, and their readers parse each line on its own. Faster than
// node:readline, which decodes every chunk, splits it with a regular expression and emits an
// event per line (resolution of the 10,000-article store took 6.1–8.1 s through it, 4.8–5.9 s here).
import { createReadStream, read } from "node:fs";

const CARRIAGE_RETURN = 0x0d;
const CHUNK = 1 << 20;

/**
 * The chunks of an open file descriptor from byte `start`, which stays open. Not a read stream:
 * a stream given a descriptor closes it when destroyed, autoClose or not, and a caller that
 * stops early destroys it — closing, a moment later, whatever file had been opened under that
 * number since (the fallback reader of a graph.json not in the build's layout failed with EBADF).
 */
async function* descriptorChunks(fd: number, start: number): AsyncGenerator<Buffer> {
  for (let position = start; ; ) {
    const chunk = Buffer.allocUnsafe(CHUNK);
    const n = await new Promise<number>((done, fail) => read(fd, chunk, 0, CHUNK, position, (error, bytes) => (error ? fail(error) : done(bytes))));
    if (n === 0) return;
    position += n;
    yield chunk.subarray(0, n);
  }
}

/**
 * Lines from byte `start` of the file at a path (opened and closed here, also when the caller
 * stops early) or of an open file descriptor (left open), without their newline.
 */
export async function* fileLines(file: string | number, start = 0): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  const chunks = typeof file === "number" ? descriptorChunks(file, start) : createReadStream(file, { start, highWaterMark: CHUNK });
  for await (const chunk of chunks as AsyncIterable<Buffer>) {
    let from = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, end);
      if (pending.length > 0) {
        pending.push(piece);
        yield Buffer.concat(pending);
        pending = [];
      } else yield piece;
      from = end + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length > 0) yield Buffer.concat(pending);
}

/**
 * Each non-empty line of the file at `path` (from byte `start`) parsed as JSON. A line ending in
 * \r\n keeps its \r, which JSON.parse reads as white space; a line of \r alone is empty.
 */
export async function* jsonLines<T>(path: string, start = 0): AsyncGenerator<T> {
  for await (const line of fileLines(path, start)) {
    if (line.length === 0 || (line.length === 1 && line[0] === CARRIAGE_RETURN)) continue;
    yield JSON.parse(line.toString("utf8")) as T;
  }
}
