// The viewer's static bundle (web/dist): built with Vite when missing or when its sources
// (web/ and the browser-safe modules it imports from src/) changed since the last build.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { WebBundleError } from "./errors.ts";
import { hashInputs, readRecordedHash, recordHash } from "./inputs-hash.ts";

export const PROJECT_ROOT = join(import.meta.dirname, "../..");
export const WEB_ROOT = join(PROJECT_ROOT, "web/dist");

/** What the bundle is built from; server, CLI and Neo4j code are not in it. */
const BUNDLE_INPUTS = ["web", "src/graph", "src/export", "src/text", "src/server/types.ts", "src/server/view-graph.ts", "package-lock.json"];
const NOT_INPUTS = ["web/dist", "web/node_modules"];
const STAMP = join(WEB_ROOT, ".inputs.sha256");

export function webBundleIsFresh(): boolean {
  return existsSync(join(WEB_ROOT, "index.html")) && readRecordedHash(STAMP) === hashInputs(PROJECT_ROOT, BUNDLE_INPUTS, NOT_INPUTS);
}

/** Builds web/dist unless it is up to date; returns whether a build ran. */
export async function ensureWebBundle({ log = console.log }: { log?: (line: string) => void } = {}): Promise<boolean> {
  const hash = hashInputs(PROJECT_ROOT, BUNDLE_INPUTS, NOT_INPUTS);
  if (existsSync(join(WEB_ROOT, "index.html")) && readRecordedHash(STAMP) === hash) return false;
  log("Building the viewer (web/dist)…");
  const { build } = await import("vite");
  try {
    await build({ configFile: join(PROJECT_ROOT, "web/vite.config.ts"), mode: "production", logLevel: "warn" });
  } catch (error) {
    throw new WebBundleError(`web bundle: Vite could not build web/: ${error instanceof Error ? error.message : String(error)}`);
  }
  recordHash(STAMP, hash);
  return true;
}
