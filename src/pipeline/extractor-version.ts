// The extractor's version: a digest of the code and data an article record depends on (the
// recognisers and the lexicon, text handling, keys and evidence, the record's shape). A cached
// record is reused only under the same version, so editing a recogniser or a lexicon file
// re-extracts everything, and nothing else does. The digest is of the TypeScript sources whether
// the code runs from them (tsx) or from its compiled copy in dist/: there, the sources' digests
// as they were compiled are read from SOURCE_HASHES (written by scripts/build-cli.mjs). A build
// through tsx and the next through dist/ of the same sources thus share their caches, where
// digests of the compiled files made one re-extract the whole corpus after the other.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** src/, or dist/ when compiled. */
const SOURCE_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** In dist/: every source file's digest (path below src/ → sha256 of its bytes) when it was compiled. */
export const SOURCE_HASHES = "source-hashes.json";
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

/** Each file below `root` (the sources) by its path from there, with "/" between folders: the sha256 of its bytes. */
export function hashSources(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of filesUnder(root).sort()) {
    hashes[relative(root, file).split(sep).join("/")] = createHash("sha256").update(readFileSync(file)).digest("hex");
  }
  return hashes;
}

/** The sources' digests this code runs from: read from dist/'s SOURCE_HASHES, else made from the files. */
let sources: Record<string, string> | undefined;
function sourceHashes(): Record<string, string> {
  if (sources) return sources;
  const compiled = join(SOURCE_ROOT, SOURCE_HASHES);
  sources = existsSync(compiled) ? (JSON.parse(readFileSync(compiled, "utf8")) as Record<string, string>) : hashSources(SOURCE_ROOT);
  return sources;
}

/** A digest of the sources `parts` name (folders, or modules without their extension) among `hashes`. */
export function digestOfParts(hashes: Record<string, string>, parts: string[]): string {
  const paths = Object.keys(hashes);
  const named = new Set(parts.flatMap((part) => {
    const inFolder = paths.filter((p) => p.startsWith(`${part}/`));
    // a module: its source, or its compiled copy where dist/ has no SOURCE_HASHES
    return inFolder.length > 0 ? inFolder : paths.filter((p) => p === `${part}.ts` || p === `${part}.js`);
  }));
  const hash = createHash("sha256");
  for (const path of [...named].sort()) hash.update(path).update("\0").update(hashes[path]!).update("\0");
  return hash.digest("hex").slice(0, 16);
}

/** Digests already made, by the parts they name: the sources do not change while the process runs. */
const digests = new Map<string, string>();

/** A digest of the files under src/ that `parts` name (folders, or modules without their extension), made once a process. */
export function sourceDigest(parts: string[]): string {
  const key = parts.join("\0");
  let digest = digests.get(key);
  if (digest === undefined) digests.set(key, (digest = digestOfParts(sourceHashes(), parts)));
  return digest;
}

export const extractorVersion = (): string => sourceDigest(PARTS);

/** The cache key of one article: its every field (text and metadata) under this extractor. */
export function articleDigest(version: string, article: object): string {
  return createHash("sha256").update(version).update("\0").update(JSON.stringify(article)).digest("hex");
}
