// The floor a build is measured against (issue 11): reading every file of a folder, decoding it,
// normalising it (NFC) and splitting it into sentences, on one core, with the project's own
// splitter. Nothing is recognised, resolved or written: no build can take less.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { ARTICLE_EXTENSIONS } from "../src/ingest/read-file.ts";
import { splitSentences } from "../src/text/sentences.ts";

export interface Floor {
  seconds: number;
  files: number;
  sentences: number;
}

/** The floor for `dir`, the faster of two passes (the first warms the code and the page cache). */
export function readFloor(dir: string): Floor {
  const names = readdirSync(dir).filter((n) => (ARTICLE_EXTENSIONS as readonly string[]).includes(extname(n).toLowerCase())).sort();
  const decoder = new TextDecoder("utf-8");
  const pass = (): Floor => {
    const start = performance.now();
    let sentences = 0;
    for (const name of names) sentences += splitSentences(decoder.decode(readFileSync(join(dir, name))).normalize("NFC")).length;
    return { seconds: (performance.now() - start) / 1000, files: names.length, sentences };
  };
  const first = pass();
  const second = pass();
  return first.seconds < second.seconds ? first : second;
}
