// The extractor's version: a digest of the code and data an article record depends on (the
// recognisers and the lexicon, text handling, keys and evidence, the record's shape). A cached
// record is reused only under the same version, so editing a recogniser or a lexicon file
// re-extracts everything, and nothing else does. Works on the TypeScript sources and on a
// compiled copy alike: it hashes whatever files sit beside this module.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/**
 * Folders (and files) under src/ whose contents make an article's record: of src/resolve only
 * what a record is made with (keys, evidence windows), not how records are resolved together,
 * so that a change to resolution does not re-extract the corpus.
 */
const PARTS = ["extract", "text", "resolve/keys", "resolve/evidence", "resolve/meeting-key", "pipeline/article-record"];

function filesUnder(path: string): string[] {
  let entries;
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(path, e.name)) : [join(path, e.name)]));
}

/** Digests already made, by the parts they name: the sources do not change while the process runs. */
const digests = new Map<string, string>();

/** A digest of the files under src/ that `parts` name (folders, or modules without their extension), made once a process. */
export function sourceDigest(parts: string[]): string {
  const key = parts.join("\0");
  const known = digests.get(key);
  if (known !== undefined) return known;
  const hash = createHash("sha256");
  const files = parts.flatMap((part) => {
    const dir = join(SOURCE_ROOT, part);
    const asFolder = filesUnder(dir);
    if (asFolder.length > 0) return asFolder;
    return [".ts", ".js"].map((ext) => `${dir}${ext}`).filter((f) => existsSync(f));
  }).sort();
  for (const file of files) {
    hash.update(relative(SOURCE_ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  const digest = hash.digest("hex").slice(0, 16);
  digests.set(key, digest);
  return digest;
}

export const extractorVersion = (): string => sourceDigest(PARTS);

/** The cache key of one article: its every field (text and metadata) under this extractor. */
export function articleDigest(version: string, article: object): string {
  return createHash("sha256").update(version).update("\0").update(JSON.stringify(article)).digest("hex");
}
