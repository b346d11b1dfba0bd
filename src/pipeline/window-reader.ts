// Spans of a file read through a window of a few megabytes: a rebuild asks for the previous
// build's records, bodies and graph.json lines mostly in the order they were written, so one
// read serves hundreds of them instead of one system call each (100,000 records at 100,000
// articles). A span outside the window moves the window to it; the bytes returned are a copy.
import { readSync } from "node:fs";

const WINDOW = 8 << 20;

export class WindowReader {
  private window = Buffer.alloc(0);
  private start = 0;

  /** `what` names the file in errors. */
  constructor(private readonly fd: number, private readonly what: string) {}

  read(offset: number, length: number): Buffer {
    if (offset < this.start || offset + length > this.start + this.window.length) {
      const size = Math.max(WINDOW, length);
      const bytes = this.window.length === size ? this.window : Buffer.allocUnsafe(size);
      let read = 0;
      while (read < size) {
        const n = readSync(this.fd, bytes, read, size - read, offset + read);
        if (n === 0) break;
        read += n;
      }
      if (read < length) throw new Error(`${this.what}: the file ends before byte ${offset + length}`);
      this.window = bytes.subarray(0, read);
      this.start = offset;
    }
    return Buffer.from(this.window.subarray(offset - this.start, offset - this.start + length));
  }
}
