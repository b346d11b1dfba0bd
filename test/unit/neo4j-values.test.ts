// Plain values → subgraph, table cells and saved-query files, without a server.
import { describe, expect, it } from "vitest";
import { cellText, formatResult } from "../../src/neo4j/format.ts";
import { parseSavedQuery } from "../../src/neo4j/saved-queries.ts";
import { toSubgraph } from "../../src/neo4j/subgraph.ts";
import type { PlainNode, PlainPath, PlainRelationship } from "../../src/neo4j/values.ts";

const n = (id: string, key: string, label: string): PlainNode => ({ $type: "node", elementId: id, labels: ["Country"], properties: { key, label } });
const r = (id: string, type: string, start: string, end: string): PlainRelationship => ({ $type: "relationship", elementId: id, type, start, end, properties: {} });
const brunei = n("1", "country:brunei", "Brunei");
const jcm = n("2", "meeting:jcm", "JCM");
const dung = n("3", "official:nguyen-quoc-dung", "Nguyễn Quốc Dũng");
const path: PlainPath = { $type: "path", nodes: [brunei, jcm, dung], relationships: [r("r1", "CHAIRED", "1", "2"), r("r2", "ATTENDED", "3", "2")] };

describe("toSubgraph", () => {
  it.each([
    ["a path", [{ p: path }]],
    ["nodes and relationships in lists and maps", [{ all: [brunei, { m: jcm }], rels: [r("r1", "CHAIRED", "1", "2"), r("r2", "ATTENDED", "3", "2")], who: dung }]],
  ])("collects %s keyed by `key`", (_what, rows) => {
    const subgraph = toSubgraph(rows);
    expect(subgraph.nodes.map((x) => x.key).sort()).toEqual(["country:brunei", "meeting:jcm", "official:nguyen-quoc-dung"]);
    expect(subgraph.edges.map((e) => `${e.source}-${e.type}->${e.target}`).sort()).toEqual([
      "country:brunei-CHAIRED->meeting:jcm",
      "official:nguyen-quoc-dung-ATTENDED->meeting:jcm",
    ]);
  });

  it("leaves out a relationship whose end nodes were not returned", () => {
    expect(toSubgraph([{ r: r("r1", "CHAIRED", "1", "2"), a: brunei }]).edges).toEqual([]);
  });
});

describe("formatting", () => {
  it("shows a path with arrows that follow each relationship's direction", () => {
    expect(cellText(path)).toBe("Brunei -[CHAIRED]-> JCM <-[ATTENDED]- Nguyễn Quốc Dũng");
  });

  it("writes CSV with a header and quoted cells", () => {
    const csv = formatResult({ columns: ["a", "b"], rows: [{ a: "x, y", b: [1, 2] }], truncated: false, cut: null }, "csv");
    expect(csv).toBe('a,b\n"x, y",1; 2');
  });
});

describe("parseSavedQuery", () => {
  it("reads the description and the parameter defaults", () => {
    const q = parseSavedQuery("/q/timeline.cypher", '// One official\'s timeline.\n// @param name "Phạm Bình Minh"\nMATCH (o) RETURN o');
    expect(q).toMatchObject({ name: "timeline", description: "One official's timeline.", params: { name: "Phạm Bình Minh" } });
  });

  it.each([
    ["no description line", "MATCH (n) RETURN n"],
    ["a default that is not JSON", "// d\n// @param name Phạm Bình Minh\nRETURN 1"],
  ])("refuses a file with %s with SavedQueryError", (_what, text) => {
    expect(() => parseSavedQuery("/q/x.cypher", text)).toThrowError(expect.objectContaining({ name: "SavedQueryError" }));
  });
});
