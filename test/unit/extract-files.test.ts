// The extraction of a folder's files in a pool of workers (pipeline/extract-files.ts,
// extract-pool.ts): files are handed on in file order with the same records whatever the number
// of workers, however far ahead the files are asked, duplicates included.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listArticleFiles, type ArticleFile } from "../../src/ingest/read-folder.ts";
import { extractFiles, type ExtractFilesOptions } from "../../src/pipeline/extract-files.ts";
import { articleFileName, generateArticle, loadSynthLexicon } from "../../scripts/synth-corpus.ts";

/** What the caller is handed, file by file: name, warning, digests and store lines. */
async function handedOn(files: ArticleFile[], options: ExtractFilesOptions) {
  const out: Array<{ file: string; warning?: string; digests: string[]; lines: string[] }> = [];
  for await (const f of extractFiles(files, options)) {
    const lines = "lines" in f.outcome ? f.outcome.lines.map(String) : [f.outcome.reason];
    out.push({ file: f.file, ...(f.warning ? { warning: f.warning.reason } : {}), digests: f.digests, lines });
  }
  return out;
}

describe("extractFiles", () => {
  let files: ArticleFile[];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "diplograph-extract-files-"));
    const lexicon = loadSynthLexicon();
    // more files than the pool gives its workers at once (2 × 16) and than it asks ahead (2 × 32)
    for (let i = 0; i < 90; i++) writeFileSync(join(dir, articleFileName(i)), generateArticle(7, i, lexicon));
    // a copy of an earlier file: read, found the same article, and nothing extracted of it
    writeFileSync(join(dir, "synth_00042z.txt"), readFileSync(join(dir, articleFileName(42))));
    files = await listArticleFiles(dir);
  });

  it("hands the files on in file order with the same records whatever the number of workers", async () => {
    const one = await handedOn(files, { jobs: 1 });
    expect(one.map((f) => f.file)).toEqual(files.map((f) => f.name));
    expect(one.find((f) => f.file === "synth_00042z.txt")).toMatchObject({ digests: [], warning: expect.stringMatching(/same article as synth_00042\.txt/) });
    expect(one.filter((f) => f.lines.length === 1)).toHaveLength(90);
    expect(await handedOn(files, { jobs: 2 })).toEqual(one);
    expect(await handedOn(files, { jobs: 3 })).toEqual(one);
  }, 120_000);

  it("goes on when no file fits the bytes allowed ahead: the next one is always asked", async () => {
    const one = await handedOn(files, { jobs: 1 });
    expect(await handedOn(files, { jobs: 2, lookAheadBytes: 1 })).toEqual(one);
  }, 120_000);
});
