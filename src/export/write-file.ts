// Where export output goes: files replaced atomically (temporary file beside them, then
// rename), or standard output for `--out -`. The only part of src/export/ that needs Node.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../graph/write-atomic.ts";
import { ExportFormatError } from "./errors.ts";
import type { ExportFormat, RenderedFile } from "./types.ts";

/**
 * The paths the files go to. One-file formats: `out` itself. CSV: `out` an existing folder →
 * `out/nodes.csv` and `out/relationships.csv`; otherwise `out` (less a trailing `.csv`) +
 * `-nodes.csv` / `-relationships.csv`.
 */
export async function outputPaths(out: string, format: ExportFormat, files: RenderedFile[]): Promise<string[]> {
  if (format !== "csv") return files.map(() => out);
  const isFolder = await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isFolder) return files.map((file) => join(out, file.suffix.replace(/^-/, "")));
  const base = out.replace(/\.csv$/i, "");
  return files.map((file) => `${base}${file.suffix}`);
}

/** Writes the files (each atomically) or, for `-`, prints the one file; returns where they went. */
export async function writeExport(out: string, format: ExportFormat, files: RenderedFile[], stdout: NodeJS.WritableStream = process.stdout): Promise<string[]> {
  if (out === "-") {
    const [only, ...rest] = files;
    if (!only || rest.length > 0) {
      throw new ExportFormatError(`export: --out - takes one file, but ${format} makes ${files.length}; give --out PATH (CSV writes PATH-nodes.csv and PATH-relationships.csv)`);
    }
    await new Promise<void>((resolve, reject) => stdout.write(only.text, (error) => (error ? reject(error) : resolve())));
    return ["-"];
  }
  const paths = await outputPaths(out, format, files);
  for (const [i, file] of files.entries()) await writeFileAtomic(paths[i] as string, file.text);
  return paths;
}
