// Every format read back gives the exported subgraph: same nodes, relationships, properties,
// with quotes, markup characters, backslashes, newlines, emoji and Vietnamese intact.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  cypherIdentifier,
  cypherNumber,
  cypherString,
  ExportFormatError,
  formatCsv,
  formatCypher,
  formatGexf,
  formatGraphml,
  formatJson,
  selectSubgraph,
  unguardFormula,
} from "../../src/export/index.ts";
import type { FlatRecord } from "../../src/export/index.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { decodeLike, edgeId, expectedFlat, exportFixture, NASTY } from "./export-fixture.ts";

const hexToRgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(",")})`;

/** Each format's reader: the file's nodes and edges as flat records keyed like expectedFlat. */
type Read = { nodes: Map<string, Record<string, unknown>>; edges: Map<string, Record<string, unknown>> };

function readGexf(text: string): Read {
  const g = parseGexf(MultiDirectedGraph, text);
  return {
    nodes: new Map(g.mapNodes((key, a) => [key, { key, ...a }])),
    edges: new Map(g.mapEdges((_k, a, s, t) => [edgeId(String(a.type), s, t), a])),
  };
}

function readGraphml(text: string): Read {
  const g = parseGraphml(MultiDirectedGraph, text);
  return {
    nodes: new Map(g.mapNodes((key, a) => [key, a])),
    edges: new Map(g.mapEdges((_k, a, s, t) => [edgeId(String(a.label), s, t), a])),
  };
}

/** neo4j-admin's typed headers applied by hand: `name:long[]` split by the delimiter and parsed. */
function typedRow(header: string[], row: Array<string | null>, delimiter: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const cell = row[i];
    if (cell === undefined || cell === null) return;
    const at = column.lastIndexOf(":");
    const name = column.slice(0, at);
    const type = column.slice(at + 1);
    const list = type.endsWith("[]");
    const base = type.replace("[]", "");
    const value = (text: string) => (base === "long" || base === "double" ? Number(text) : base === "boolean" ? text === "true" : text);
    if (name === "" || type === "ID" || type === "LABEL") {
      record[column.startsWith(":") ? column : name] = cell;
      if (type === "ID") record[name] = cell;
      return;
    }
    record[name] = list ? (cell === "" ? [] : cell.split(delimiter).map(value)) : value(cell);
  });
  return record;
}

function readCsv(files: { nodes: string; relationships: string; arrayDelimiter: string }): Read {
  // A missing value is an unquoted empty cell (null here), an empty text or list a quoted one ("").
  // The spreadsheet formula guard (a leading ' before = + - @ tab CR) is undone as a reader would.
  const parse = (text: string) =>
    parseCsv(text, { cast: (value, context) => (value === "" && !context.quoting ? null : unguardFormula(value)) }) as Array<Array<string | null>>;
  const [nodeHeader = [], ...nodeRows] = parse(files.nodes);
  const [edgeHeader = [], ...edgeRows] = parse(files.relationships);
  const nodes = new Map<string, Record<string, unknown>>();
  for (const row of nodeRows) {
    const record = typedRow(nodeHeader as string[], row, files.arrayDelimiter);
    nodes.set(String(record.key), record);
  }
  const edges = new Map<string, Record<string, unknown>>();
  for (const row of edgeRows) {
    const record = typedRow(edgeHeader as string[], row, files.arrayDelimiter);
    edges.set(edgeId(String(record[":TYPE"]), String(record[":START_ID"]), String(record[":END_ID"])), record);
  }
  return { nodes, edges };
}

/** Compares a read-back file with the expected flat records; `adapt` says how a format renames or drops properties. */
function expectSame(graph: KnowledgeGraph, read: Read, adapt: { node?: (r: FlatRecord) => FlatRecord; edge?: (r: FlatRecord) => FlatRecord } = {}) {
  const expected = expectedFlat(graph);
  expect([...read.nodes.keys()].sort()).toEqual([...expected.nodes.keys()].sort());
  expect([...read.edges.keys()].sort()).toEqual([...expected.edges.keys()].sort());
  for (const [key, record] of expected.nodes) {
    const want = adapt.node ? adapt.node(record) : record;
    const got = read.nodes.get(key) ?? {};
    for (const [name, value] of Object.entries(want)) expect(decodeLike(value, got[name]), `${key}.${name}`).toEqual(value);
  }
  for (const [id, record] of expected.edges) {
    const want = adapt.edge ? adapt.edge(record) : record;
    const got = read.edges.get(id) ?? {};
    for (const [name, value] of Object.entries(want)) expect(decodeLike(value, got[name]), `${id}.${name}`).toEqual(value);
  }
}

const gexfNode = (r: FlatRecord): FlatRecord => ({ ...r, ...(typeof r.color === "string" ? { color: hexToRgb(r.color) } : {}) });

describe("round trips on the fixture (MENTIONED_IN edges included)", () => {
  const graph = selectSubgraph(exportFixture());

  it("keeps the nasty node and fact in the selection", () => {
    expect(graph.getNodeAttribute("official:nasty", "label")).toBe(NASTY);
    expect(graph.size).toBeGreaterThan(9);
  });

  it("GEXF read back by graphology-gexf", () => {
    expectSame(graph, readGexf(formatGexf(graph)), { node: gexfNode });
  });

  it("GraphML read back by graphology-graphml", () => {
    expectSame(graph, readGraphml(formatGraphml(graph)));
  });

  it("GraphML carries APOC's labels and relationship types and typed keys", () => {
    const text = formatGraphml(graph);
    expect(text).toContain(`<node id="official:pham-binh-minh" labels=":Official">`);
    expect(text).toMatch(/<edge id="CHAIRED:official:pham-binh-minh-&gt;meeting:[^"]+" source="official:pham-binh-minh" target="meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean" label="CHAIRED">/);
    expect(text).toMatch(/<key id="n\d+" for="node" attr.name="aliases" attr.type="string" attr.list="string"\/>/);
    expect(text).toMatch(/<key id="n\d+" for="node" attr.name="ordinal" attr.type="long"\/>/);
    expect(text).toMatch(/<key id="e\d+" for="edge" attr.name="confidence" attr.type="double"\/>/);
  });

  it("graphology JSON is the contract's shape, equal to the selection", () => {
    const back = MultiDirectedGraph.from(JSON.parse(formatJson(graph)));
    expect(back.export()).toEqual(graph.export());
  });

  it("CSV read back with neo4j-admin's header types", () => {
    const csv = formatCsv(graph);
    // The fixture's alias "a|b;c¦d" rules out the first three delimiters.
    expect(csv.arrayDelimiter).toBe("\u001f");
    expect(csv.nodes.split("\n")[0]).toMatch(/^key:ID,:LABEL,kind:string,label:string,aliases:string\[\],articles:string\[\],mentionArticles:string\[\],mentionSentences:long\[\]/);
    expect(csv.relationships.split("\n")[0]).toMatch(/^:START_ID,:END_ID,:TYPE,label:string,articles:string\[\],evidenceArticles:string\[\],/);
    expect(csv.relationships).toContain("confidence:double");
    expectSame(graph, readCsv(csv));
  });

  it("CSV refuses a chosen array delimiter that occurs in the data", () => {
    expect(() => formatCsv(graph, { arrayDelimiter: "|" })).toThrow(expect.objectContaining({ name: ExportFormatError.name }));
  });
});

describe("Cypher literals", () => {
  it.each([
    ["plain", "'plain'"],
    ["O'Neil", "'O\\'Neil'"],
    ['say "hi"', `'say "hi"'`],
    ["a\\b", "'a\\\\b'"],
    ["ends with \\", "'ends with \\\\'"],
    ["line 1\nline 2\r\n", "'line 1\\nline 2\\r\\n'"],
    ["tab\there", "'tab\\there'"],
    ["nul\u0000bell\u0007", "'nul\\u0000bell\\u0007'"],
    ["Phạm Bình Minh 😀", "'Phạm Bình Minh 😀'"],
    ["sep\u2028arator", "'sep\\u2028arator'"],
  ])("cypherString(%j) = %s", (text, literal) => {
    expect(cypherString(text)).toBe(literal);
  });

  it.each([
    ["Official", "`Official`"],
    ["we`ird name", "`we``ird name`"],
  ])("cypherIdentifier(%j) = %s", (name, quoted) => {
    expect(cypherIdentifier(name)).toBe(quoted);
  });

  it.each([
    [1, true, "1.0"],
    [1, false, "1"],
    [0.75, true, "0.75"],
    [-12.5, true, "-12.5"],
    [1e21, true, "1e21"],
    [1.5e-7, true, "1.5e-7"],
  ])("cypherNumber(%d, float %s) = %s", (value, asFloat, literal) => {
    expect(cypherNumber(value, asFloat)).toBe(literal);
  });

  it("writes constraints first, then one MERGE statement per line, each ending with ;", () => {
    const script = formatCypher(selectSubgraph(exportFixture()));
    const statements = script.split("\n").filter((line) => line && !line.startsWith("//"));
    const firstMerge = statements.findIndex((s) => s.startsWith("UNWIND"));
    expect(statements.slice(0, firstMerge).every((s) => s.startsWith("CREATE CONSTRAINT") && s.includes("IF NOT EXISTS"))).toBe(true);
    expect(statements.slice(0, firstMerge)).toHaveLength(6);
    expect(statements.slice(firstMerge).every((s) => s.startsWith("UNWIND") && / MERGE /.test(s) && s.endsWith(";"))).toBe(true);
    expect(script).toContain(cypherString(NASTY));
    expect(script).not.toContain(NASTY);
  });
});

describe("any text survives every file format (property)", () => {
  const special = fc.constantFrom('"', "'", "<", ">", "&", "\\", "\n", "\t", "😀", "ạ", "Đ", "ư", "|", ";", ",", "]]>", " ");
  const text = fc.array(fc.oneof(special, fc.string({ maxLength: 4 }), fc.constantFrom("Phạm", "Nguyễn", "Hội nghị")), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));
  // Not generated: control characters other than \n and \t (XML 1.0 cannot hold them) and \r (XML
  // parsers turn it into \n); empty texts (graphology-gexf writes no value for them). See docs/export.md.
  const xmlSafe = text.filter((s) => s.length > 0);

  const graphWith = (label: string, alias: string, quote: string) => {
    const g = exportFixture();
    g.mergeNodeAttributes("official:pham-binh-minh", { label, aliases: [alias, "x"] });
    g.mergeEdgeAttributes("CHAIRED:official:pham-binh-minh->meeting:hoi-nghi-25-hoi-dong-dieu-phoi-asean", {
      evidence: [{ article: "001_e970c5ff869cd3a7", sentence: 1, quote, start: 0, end: quote.length }],
    });
    return selectSubgraph(g, { relations: ["CHAIRED", "OFFICIAL_OF", "ATTENDED"] });
  };

  it("GEXF, GraphML, JSON and CSV", () => {
    fc.assert(
      fc.property(xmlSafe, xmlSafe, xmlSafe, (label, alias, quote) => {
        const g = graphWith(label, alias, quote);
        expectSame(g, readGexf(formatGexf(g)), { node: gexfNode });
        expectSame(g, readGraphml(formatGraphml(g)));
        expect(MultiDirectedGraph.from(JSON.parse(formatJson(g))).export()).toEqual(g.export());
        const csv = (() => {
          try {
            return formatCsv(g);
          } catch (error) {
            // Only when the text uses every delimiter there is.
            expect((error as Error).name).toBe(ExportFormatError.name);
            return undefined;
          }
        })();
        if (csv) expectSame(g, readCsv(csv));
      }),
      { numRuns: 60, seed: 20240601 },
    );
  });
});
