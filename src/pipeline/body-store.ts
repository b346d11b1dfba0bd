// Article bodies kept on disk while a build runs: the graph's Article nodes are assembled
// without their text and each body is read back only when its node is written to graph.json.
// Bodies are 30–40 % of graph.json and, as V8 strings of Vietnamese (two bytes a character),
// about 1 GB at 100,000 articles: too much to hold for the whole build.
import { closeSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from "node:fs";
import { takeOver } from "./kept-file.ts";

export class BodyStore {
  private fd: number;
  private readonly where = new Map<string, [offset: number, length: number]>();
  private size = 0;
  private keptAs: string | undefined;

  /** `path` is a scratch file of this build, removed by `close`. */
  constructor(private readonly path: string) {
    this.fd = openSync(path, "w+");
  }

  /**
   * Continues the bodies file `kept` (of `size` bytes), which an earlier build kept, instead of
   * starting an empty one: the bodies it holds are named with `putSpan`, not copied. False (and
   * the store empty) when `kept` is gone or not that size.
   */
  adopt(kept: string, size: number): boolean {
    if (this.size > 0) throw new Error("BodyStore.adopt: bodies were already put");
    const { fd, taken } = takeOver(kept, this.path, this.fd, size);
    this.fd = fd;
    if (taken) this.size = size;
    return taken;
  }

  /** A body already in an adopted file, at `span` ([offset, length] in bytes). */
  putSpan(id: string, span: [offset: number, length: number]): void {
    if (span[0] + span[1] > this.size) throw new Error(`body store: "${id}" is past the end of the file`);
    this.where.set(id, span);
  }

  put(id: string, body: string): void {
    this.putBytes(id, Buffer.from(body, "utf8"));
  }

  /** A body already encoded as UTF-8 (by the worker that read it, or copied from an earlier build's bodies). */
  putBytes(id: string, bytes: Uint8Array): void {
    let written = 0;
    while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    this.where.set(id, [this.size, bytes.length]);
    this.size += bytes.length;
  }

  /** Where a body is in the file: [offset, length] in bytes. */
  span(id: string): [offset: number, length: number] | undefined {
    return this.where.get(id);
  }

  /** Bytes written so far. */
  get bytes(): number {
    return this.size;
  }

  /** `close` keeps the file, flushed to disk, under `path` instead of removing it (the next build reads bodies from it). */
  keepOnClose(path: string): void {
    this.keptAs = path;
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
    if (this.keptAs !== undefined) fsyncSync(this.fd);
    closeSync(this.fd);
    if (this.keptAs !== undefined) renameSync(this.path, this.keptAs);
    else rmSync(this.path, { force: true });
  }
}
