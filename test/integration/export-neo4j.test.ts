// Exports replayed into the real local Neo4j: the Cypher script (twice: idempotent), the CSV
// files through LOAD CSV, and `export --cypher` reading a query's result back out. Each gives
// back the selected subgraph with the same nodes, relationships and properties.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import fc from "fast-check";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { formatCsv, formatCypher, selectSubgraph } from "../../src/export/index.ts";
import { closeDrivers, connectionSettings, loadGraph, toPlain, withSession } from "../../src/neo4j/index.ts";
import type { PlainValue } from "../../src/neo4j/index.ts";
import type { SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import { edgeId, expectedFlat, exportFixture, NASTY } from "../unit/export-fixture.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const settings = connectionSettings();
const write = (cypher: string, params: Record<string, unknown> = {}) => withSession(settings, "WRITE", (s) => s.run(cypher, params));

/** This test's data only: every node and relationship goes, and the constraints it may create stay (IF NOT EXISTS). */
async function wipe(): Promise<void> {
  await write("MATCH (n) DETACH DELETE n");
}

interface DbContents {
  nodes: Map<string, { labels: string[]; props: Record<string, PlainValue> }>;
  edges: Map<string, Record<string, PlainValue>>;
}

async function readDatabase(): Promise<DbContents> {
  return withSession(settings, "READ", async (session) => {
    const nodes = new Map<string, { labels: string[]; props: Record<string, PlainValue> }>();
    for (const record of (await session.run("MATCH (n) RETURN labels(n) AS labels, properties(n) AS props")).records) {
      const props = toPlain(record.get("props")) as Record<string, PlainValue>;
      nodes.set(String(props.key), { labels: record.get("labels") as string[], props });
    }
    const edges = new Map<string, Record<string, PlainValue>>();
    const rels = await session.run("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.key AS source, b.key AS target, properties(r) AS props");
    for (const record of rels.records) {
      edges.set(edgeId(record.get("type"), record.get("source"), record.get("target")), toPlain(record.get("props")) as Record<string, PlainValue>);
    }
    return { nodes, edges };
  });
}

/** `emptyLists`: list columns a node or relationship lacks, as [] (LOAD CSV reads a missing cell and "" alike). */
function expectDatabaseHolds(db: DbContents, graph: ReturnType<typeof exportFixture>, emptyLists: { node: string[]; edge: string[] } = { node: [], edge: [] }): void {
  const expected = expectedFlat(graph);
  const withEmpty = (record: Record<string, unknown>, lists: string[]) => ({ ...Object.fromEntries(lists.map((l) => [l, []])), ...record });
  expect([...db.nodes.keys()].sort()).toEqual([...expected.nodes.keys()].sort());
  expect([...db.edges.keys()].sort()).toEqual([...expected.edges.keys()].sort());
  for (const [key, record] of expected.nodes) {
    expect(db.nodes.get(key)?.labels, key).toEqual([graph.getNodeAttribute(key, "kind")]);
    expect(db.nodes.get(key)?.props, key).toEqual(withEmpty(record, emptyLists.node));
  }
  for (const [id, record] of expected.edges) expect(db.edges.get(id), id).toEqual(withEmpty(record, emptyLists.edge));
}

afterAll(async () => {
  await closeDrivers();
});

describe("exports replayed into Neo4j", () => {
  beforeEach(wipe);
  const graph = selectSubgraph(exportFixture());

  it("the Cypher script, statement by statement as cypher-shell runs it, twice", async () => {
    const statements = formatCypher(graph)
      .split("\n")
      .filter((line) => line.trim() && !line.startsWith("//"));
    for (let round = 0; round < 2; round++) {
      for (const statement of statements) await write(statement);
      const db = await readDatabase();
      expectDatabaseHolds(db, graph);
    }
    const db = await readDatabase();
    expect(db.nodes.get("official:nasty")?.props.label).toBe(NASTY);
  });

  it("the CSV files through LOAD CSV with the header's types", async () => {
    // The local server runs with dbms.import.csv.legacy_quote_escaping off, so LOAD CSV reads RFC 4180
    // quoting exactly: every character of NASTY, backslashes before quotes included, comes back.
    const csv = formatCsv(graph, { neo4jAdmin: true });
    // The test server reads file:/// URLs from its import folder only (test/integration/global-setup.ts).
    const importDir = process.env.DIPLOGRAPH_TEST_NEO4J_IMPORT ?? "";
    const dir = mkdtempSync(join(importDir, "export-csv-"));
    const url = (file: string) => `file:///${relative(importDir, join(dir, file))}`;
    writeFileSync(join(dir, "nodes.csv"), csv.nodes);
    writeFileSync(join(dir, "relationships.csv"), csv.relationships);
    const header = (text: string) => (text.split("\n")[0] ?? "").split(",");
    const typed = (columns: string[]) =>
      columns
        .filter((c) => !c.startsWith(":") && !c.endsWith(":ID"))
        .map((column) => {
          const at = column.lastIndexOf(":");
          const name = column.slice(0, at);
          const type = column.slice(at + 1);
          const convert = (x: string) => (type.startsWith("long") ? `toInteger(${x})` : type.startsWith("double") ? `toFloat(${x})` : type.startsWith("boolean") ? `toBoolean(${x})` : x);
          // LOAD CSV gives an empty cell as '' whether quoted or not: '' is "missing" here (the fixture has no empty texts).
          const cell = `row[${JSON.stringify(column)}]`;
          const value = type.endsWith("[]")
            ? `CASE WHEN ${cell} IS NULL THEN null WHEN ${cell} = '' THEN [] ELSE [x IN split(${cell}, $d) | ${convert("x")}] END`
            : `CASE WHEN ${cell} = '' THEN null ELSE ${convert(cell)} END`;
          return `\`${name}\`: ${value}`;
        })
        .join(", ");
    await write(
      `LOAD CSV WITH HEADERS FROM $url AS row MERGE (n:$(row[':LABEL']) {key: row['key:ID']}) SET n = {key: row['key:ID'], ${typed(header(csv.nodes))}}`,
      { url: url("nodes.csv"), d: csv.arrayDelimiter },
    );
    await write(
      `LOAD CSV WITH HEADERS FROM $url AS row MATCH (a {key: row[':START_ID']}) MATCH (b {key: row[':END_ID']}) ` +
        `MERGE (a)-[r:$(row[':TYPE'])]->(b) SET r = {${typed(header(csv.relationships))}}`,
      { url: url("relationships.csv"), d: csv.arrayDelimiter },
    );
    const lists = (text: string) => header(text).filter((c) => c.endsWith("[]")).map((c) => c.slice(0, c.lastIndexOf(":")));
    expectDatabaseHolds(await readDatabase(), graph, { node: lists(csv.nodes), edge: lists(csv.relationships) });
  });
});

describe("any text survives the Cypher script (property, real Neo4j)", () => {
  const special = fc.constantFrom('"', "'", "\\", "\n", "\r", "\t", "\u0000", "\u0007", "\u2028", "`", "😀", "Đặng", ";", "//", "*/");
  const text = fc.array(fc.oneof(special, fc.string({ unit: "grapheme", maxLength: 5 })), { minLength: 1, maxLength: 10 }).map((parts) => parts.join(""));

  it("a label, an alias and an evidence quote read back as written", async () => {
    await fc.assert(
      fc.asyncProperty(text, text, text, async (label, alias, quote) => {
        await wipe();
        const g = exportFixture();
        g.mergeNodeAttributes("official:pham-binh-minh", { label, aliases: [alias] });
        g.mergeEdgeAttributes("CHAIRED:official:pham-binh-minh->meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", {
          evidence: [{ article: "001_e970c5ff869cd3a7", sentence: 1, quote, start: 0, end: 1 }],
        });
        const selected = selectSubgraph(g, { around: { name: "official:pham-binh-minh", depth: 1 }, relations: ["CHAIRED"] });
        for (const statement of formatCypher(selected).split("\n").filter((line) => line.trim() && !line.startsWith("//"))) await write(statement);
        expectDatabaseHolds(await readDatabase(), selected);
      }),
      { numRuns: 15, seed: 20240601 },
    );
  });
});

describe("export --cypher", () => {
  beforeEach(wipe);

  it("writes what a read-only query returns, attributes folded back from the loaded properties", async () => {
    const fixture = exportFixture();
    const serialized = fixture.export() as SerializedKnowledgeGraph;
    await loadGraph(settings, serialized, "export fixture");
    const out = join(mkdtempSync(join(tmpdir(), "diplograph-export-cypher-")), "chaired.json");
    execFileSync(
      process.execPath,
      [join(PROJECT_ROOT, "bin/diplograph.js"), "export", "--cypher", "MATCH p = (:Official)-[:CHAIRED]->(:Meeting) RETURN p", "--format", "json", "--out", out],
      { cwd: PROJECT_ROOT, stdio: "pipe", env: process.env },
    );
    const exported = JSON.parse(readFileSync(out, "utf8")) as SerializedKnowledgeGraph;
    expect(exported.nodes.map((n) => n.key).sort()).toEqual(["meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", "official:pham-binh-minh"]);
    expect(exported.edges.map((e) => e.key)).toEqual(["CHAIRED:official:pham-binh-minh->meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean"]);
    for (const node of exported.nodes) {
      const attributes = (node.attributes ?? {}) as Record<string, unknown>;
      for (const [name, value] of Object.entries(fixture.getNodeAttributes(node.key))) expect(attributes[name], `${node.key}.${name}`).toEqual(value);
      // the loader's own properties (for its indexes) are not attributes of the graph
      expect(Object.keys(attributes).sort(), node.key).toEqual(Object.keys(fixture.getNodeAttributes(node.key)).sort());
    }
    const edge = exported.edges[0];
    const attributes = (edge?.attributes ?? {}) as Record<string, unknown>;
    for (const [name, value] of Object.entries(fixture.getEdgeAttributes(edge?.key ?? ""))) expect(attributes[name], name).toEqual(value);
  });
});
