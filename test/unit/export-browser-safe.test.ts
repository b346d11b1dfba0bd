// The viewer bundles src/export and src/graph/search.ts: nothing they import, directly or not,
// may need Node (node: modules) or the file-writing module. Follows relative imports from the entry.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

/** Every module the entry reaches through relative imports, with the bare specifiers each imports at run time. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, "utf8");
    // Type-only imports vanish at run time (verbatimModuleSyntax), so they do not count.
    const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1] ?? "");
    seen.set(file, specifiers.filter((s) => !s.startsWith(".")));
    for (const s of specifiers.filter((s) => s.startsWith("."))) visit(resolve(dirname(file), s));
  };
  visit(entry);
  return seen;
}

describe("browser-safe export and search modules", () => {
  it.each(["src/export/index.ts", "src/graph/search.ts"])("%s reaches no node: module and not write-file.ts", (entry) => {
    const graph = importGraph(join(PROJECT_ROOT, entry));
    expect(graph.size).toBeGreaterThan(1);
    for (const [file, bare] of graph) {
      expect(bare.filter((s) => s.startsWith("node:")), file).toEqual([]);
      expect(file.endsWith("write-file.ts"), file).toBe(false);
    }
  });

  it("the check sees a Node import where there is one", () => {
    const graph = importGraph(join(PROJECT_ROOT, "src/export/write-file.ts"));
    expect([...graph.values()].flat()).toContain("node:fs/promises");
  });
});
