// Article bodies kept on disk while a build runs: the graph's Article nodes are assembled
// without their text and each body is read back only when its node is written to graph.json.
// Bodies are 30–40 % of graph.json and, as V8 strings of Vietnamese (two bytes a character),
// about 1 GB at 100,000 articles: too much to hold for the whole build.
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";

export class BodyStore {
  private readonly fd: number;
  private readonly where = new Map<string, [offset: number, length: number]>();
  private size = 0;

  /** `path` is a scratch file of this build, removed by `close`. */
  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  put(id: string, body: string): void {
    this.putBytes(id, Buffer.from(body, "utf8"));
  }

  /** A body already encoded as UTF-8 (by the worker that read it). */
  putBytes(id: string, bytes: Uint8Array): void {
    writeSync(this.fd, bytes, 0, bytes.length, this.size);
    this.where.set(id, [this.size, bytes.length]);
    this.size += bytes.length;
  }

  get(id: string): string {
    const at = this.where.get(id);
    if (!at) throw new Error(`body store: no article "${id}"`);
    const bytes = Buffer.allocUnsafe(at[1]);
    let read = 0;
    while (read < at[1]) read += readSync(this.fd, bytes, read, at[1] - read, at[0] + read);
    return bytes.toString("utf8");
  }

  close(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }
}
