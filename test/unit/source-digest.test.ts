import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { digestOfParts, extractorVersion, hashSources, sourceDigest } from "../../src/pipeline/extractor-version.ts";

const SRC = join(import.meta.dirname, "../../src");

describe("the caches' versions, digests of the sources", () => {
  it("are the same from the sources and from the digests dist/ keeps of them", () => {
    // what scripts/build-cli.mjs writes beside the compiled code, read back as dist/ reads it
    const kept = JSON.parse(JSON.stringify(hashSources(SRC))) as Record<string, string>;
    expect(digestOfParts(kept, ["extract", "text", "resolve/keys", "resolve/evidence", "resolve/meeting-key", "pipeline/article-record"])).toBe(extractorVersion());
    expect(digestOfParts(kept, ["graph", "pipeline"])).toBe(sourceDigest(["graph", "pipeline"]));
  });

  it("follow every file a part names, and no other", () => {
    const hashes = { "extract/a.ts": "1", "extract/data/words.json": "2", "resolve/keys.ts": "3", "resolve/other.ts": "4" };
    const base = digestOfParts(hashes, ["extract", "resolve/keys"]);
    expect(digestOfParts({ ...hashes, "extract/data/words.json": "5" }, ["extract", "resolve/keys"])).not.toBe(base);
    expect(digestOfParts({ ...hashes, "resolve/keys.ts": "6" }, ["extract", "resolve/keys"])).not.toBe(base);
    expect(digestOfParts({ ...hashes, "resolve/other.ts": "7" }, ["extract", "resolve/keys"])).toBe(base);
    // a compiled module stands for its source where dist/ has no digests of the sources
    expect(digestOfParts({ "resolve/keys.js": "3" }, ["resolve/keys"])).not.toBe(digestOfParts({}, ["resolve/keys"]));
  });

  it("make the compiled code name the sources' version, and its own files' once it has no digests of them", () => {
    // the module compiled into a scratch tree, so that the test neither needs nor changes the project's dist/
    const dist = mkdtempSync(join(tmpdir(), "diplograph-dist-"));
    const source = readFileSync(join(SRC, "pipeline/extractor-version.ts"), "utf8");
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    for (const root of ["alone", "copy"]) {
      mkdirSync(join(dist, root, "pipeline"), { recursive: true });
      writeFileSync(join(dist, root, "pipeline", "extractor-version.js"), js);
    }
    const versionIn = (root: string) => spawnSync(process.execPath, ["--input-type=module", "-e", `import(${JSON.stringify(join(dist, root, "pipeline", "extractor-version.js"))}).then((m) => console.log(m.extractorVersion()))`], { encoding: "utf8" }).stdout.trim();
    writeFileSync(join(dist, "copy", "source-hashes.json"), JSON.stringify(hashSources(SRC)));
    expect(versionIn("copy")).toBe(extractorVersion());
    expect(versionIn("alone")).toMatch(/^[0-9a-f]{16}$/);
    expect(versionIn("alone")).not.toBe(extractorVersion());
  });
});
