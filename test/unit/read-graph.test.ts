// graph.json read line by line (graph/read-graph.ts): the same object as JSON.parse for the
// build's layout, empty graphs included, and other layouts still read whole.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { readGraphFile } from "../../src/graph/read-graph.ts";
import { serializeGraph } from "../../src/graph/serialize.ts";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import { exportFixture } from "./export-fixture.ts";

const dir = mkdtempSync(join(tmpdir(), "diplograph-read-graph-"));
let n = 0;
function file(text: string): string {
  const path = join(dir, `g${n++}.json`);
  writeFileSync(path, text);
  return path;
}

describe("readGraphFile", () => {
  const empty: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const nodesOnly = exportFixture();
  nodesOnly.clearEdges();
  it.each([
    ["the fixture (escapes, newlines in strings)", serializeGraph(exportFixture())],
    ["an empty graph", serializeGraph(empty)],
    ["nodes without edges", serializeGraph(nodesOnly)],
    ["indented JSON", JSON.stringify(JSON.parse(serializeGraph(exportFixture())), null, 2)],
    ["one line", JSON.stringify(JSON.parse(serializeGraph(exportFixture())))],
  ])("reads %s as JSON.parse does", async (_what, text) => {
    expect(await readGraphFile(file(text))).toEqual(JSON.parse(text));
  });

  it("throws SyntaxError for a file that is not JSON", async () => {
    await expect(readGraphFile(file('{"options":{},"nodes":[\n{"key":'))).rejects.toThrow(SyntaxError);
  });
});
