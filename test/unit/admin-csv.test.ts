// The CSV files of `load --bulk`: texts with line breaks are left out of them and kept for after the
// import, so that neo4j-admin can read every file single-line (in parallel); only a key with a line
// break, which cannot be left out, asks for --multiline-fields.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { laterProperties, writeAdminCsv } from "../../src/neo4j/admin-csv.ts";
import { catalogGraph } from "../../src/neo4j/catalog.ts";
import { fixtureGraph } from "../integration/neo4j-fixture.ts";

function withLineBreaks(): SerializedKnowledgeGraph {
  const graph = fixtureGraph();
  const brunei = graph.nodes.find((n) => n.key === "country:brunei")!.attributes as unknown as Record<string, unknown>;
  Object.assign(brunei, { aliases: ["Brunei Darussalam", "hai\r\ndòng"], note: "một\ndòng nữa" });
  const chaired = graph.edges.find((e) => e.attributes?.type === "CHAIRED")!.attributes as unknown as { evidence: Array<{ quote: string }> };
  chaired.evidence[0]!.quote = "dưới sự chủ trì\rcủa Brunei";
  return graph;
}

async function csvOf(graph: SerializedKnowledgeGraph) {
  const dir = mkdtempSync(join(tmpdir(), "admin-csv-"));
  const csv = await writeAdminCsv(catalogGraph(graph, "graph.json"), dir);
  const cells = readdirSync(dir).flatMap((f) => (parse(readFileSync(join(dir, f), "utf8"), { relax_column_count: false }) as string[][]).flat());
  return { csv, cells };
}

describe("writeAdminCsv", () => {
  it("leaves texts with line breaks out of the files and keeps them, whole, for after the import", async () => {
    const { csv, cells } = await csvOf(withLineBreaks());
    expect(csv.multilineFields).toBe(false);
    expect(cells.filter((c) => /[\r\n]/.test(c))).toEqual([]);
    const rows = csv.laterValues.flatMap((group) => group.rows.map((row) => ({ group: group.label ?? group.type, row: laterProperties(row) })));
    expect(rows).toHaveLength(2);
    const brunei = rows.find((r) => "key" in r.row && r.row.key === "country:brunei")!.row.props;
    expect(brunei.note).toBe("một\ndòng nữa");
    expect(brunei.aliases).toEqual(["Brunei Darussalam", "hai\r\ndòng"]);
    expect(String(brunei.names)).toContain("hai\r\ndòng");
    // a property without a line break stays in its file, typed as before
    expect(brunei.iso).toBeUndefined();
    expect(cells).toContain("BN");
    const chaired = rows.find((r) => r.group === "CHAIRED")!.row.props;
    expect(chaired.evidenceQuotes).toEqual(["dưới sự chủ trì\rcủa Brunei"]);
    expect(cells.some((c) => c.includes("dưới sự chủ trì"))).toBe(false);
  });

  it("has nothing to keep for later when no text breaks a line", async () => {
    const { csv } = await csvOf(fixtureGraph());
    expect(csv.laterValues).toEqual([]);
    expect(csv.multilineFields).toBe(false);
  });

  it("writes the files again with another array delimiter when a list item holds the first", async () => {
    const graph = fixtureGraph();
    const brunei = graph.nodes.find((n) => n.key === "country:brunei")!.attributes as unknown as Record<string, unknown>;
    brunei.aliases = ["Brunei\u001eDarussalam", "BN"];
    const dir = mkdtempSync(join(tmpdir(), "admin-csv-"));
    const csv = await writeAdminCsv(catalogGraph(graph, "graph.json"), dir);
    expect(csv.arrayDelimiter).toBe("\u001d");
    // only the files of the second writing are left, each listed once
    expect(readdirSync(dir).sort()).toEqual([...csv.nodeFiles, ...csv.relationshipFiles].map((f) => f.slice(dir.length + 1)).sort());
    const cells = csv.nodeFiles.flatMap((f) => (parse(readFileSync(f, "utf8")) as string[][]).flat());
    expect(cells.find((c) => c.startsWith("Brunei\u001eDarussalam"))!.split(csv.arrayDelimiter)).toEqual(["Brunei\u001eDarussalam", "BN"]);
  });

  it("asks for multiline fields when a key holds a line break", async () => {
    const graph = fixtureGraph();
    const brunei = graph.nodes.find((n) => n.key === "country:brunei")!;
    graph.nodes.push({ ...brunei, key: "country:hai\ndòng" });
    const { csv, cells } = await csvOf(graph);
    expect(csv.multilineFields).toBe(true);
    expect(cells).toContain("country:hai\ndòng");
  });
});
