// The build's compact detail (resolve/details.ts) and layout (graph/layout.ts): mentions and
// evidence kept as rows come back as the objects graph.json lists, quotes kept on disk come back
// exactly, and the layout built straight into ForceAtlas2's matrices places every node where the
// library's own path (an undirected graphology copy of the graph) places it. graph.json's bytes
// against the in-memory build are checked by build-stream.test.ts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { describe, expect, it } from "vitest";
import { assignLayout, iterationsFor } from "../../src/graph/layout.ts";
import type { KnowledgeGraph } from "../../src/graph/types.ts";
import { Details, emptyList, FileQuotes, MemoryQuotes } from "../../src/resolve/details.ts";
import { exportFixture, NASTY } from "./export-fixture.ts";

const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

describe("FileQuotes", () => {
  // a small file is read whole at the first quote asked for, a large one quote by quote
  it.each([
    ["read whole", undefined],
    ["read quote by quote", 0],
  ])("gives back every quote as it was filed, across the buffer's flushes, whatever its characters (%s)", (_how, readWholeUpTo) => {
    const quotes = new FileQuotes(join(mkdtempSync(join(tmpdir(), "diplograph-quotes-")), "quotes.tmp"), readWholeUpTo);
    const filed = [NASTY, "", "Hội nghị Cấp cao ASEAN lần thứ 37", "😀".repeat(100_000), "x".repeat(3 << 20), NASTY.repeat(7)];
    const ids = filed.map((q) => quotes.put(q));
    expect(ids.map((id) => quotes.get(id))).toEqual(filed);
    // read while still filing: the pending part is written first (past the end of a file read whole)
    const late = quotes.put("sau cùng");
    expect(quotes.get(late)).toBe("sau cùng");
    expect(quotes.get(ids[0]!)).toBe(filed[0]);
    expect(quotes.get(ids[3]!)).toBe(filed[3]);
    quotes.close();
  });
});

describe("Details", () => {
  it("lists mentions and evidence in the order added, and as graph.json does: by article id, then start, ties in the order added", () => {
    const details = new Details(new MemoryQuotes());
    const b = details.addArticle("b");
    const a = details.addArticle("a");
    const c = details.addArticle("a#2");
    const list = emptyList();
    details.addMention(list, b, 0, 5, 9);
    details.addMention(list, a, 2, 30, 35);
    details.addMention(list, a, 1, 10, 12);
    details.addMention(list, c, 0, 0, 4);
    details.addMention(list, a, 1, 10, 14);
    expect(details.mentionsOf(list).map((m) => `${m.article}:${m.start}-${m.end}`)).toEqual(["b:5-9", "a:30-35", "a:10-12", "a#2:0-4", "a:10-14"]);
    expect(details.sortedMentions(list).map((m) => `${m.article}:${m.start}-${m.end}`)).toEqual(["a:10-12", "a:10-14", "a:30-35", "a#2:0-4", "b:5-9"]);
    expect(details.articlesOf(list, "mentions")).toEqual(["a", "a#2", "b"]);

    const evidence = emptyList();
    const q = details.quotes.put(NASTY);
    details.appendEvidence(evidence, details.evidence(b, 3, 7, 40, q, "attend.verb"));
    details.appendEvidence(evidence, details.evidence(a, 1, 0, 12, q, undefined));
    expect(details.sortedEvidence(evidence)).toEqual([
      { article: "a", sentence: 1, quote: NASTY, start: 0, end: 12 },
      { article: "b", sentence: 3, quote: NASTY, start: 7, end: 40, rule: "attend.verb" },
    ]);
    // the keys in the order graph.json has always written them
    expect(Object.keys(details.evidenceOf(evidence)[0]!)).toEqual(["article", "sentence", "quote", "start", "end", "rule"]);
    expect(details.quotesSentence(evidence, a, 1)).toBe(true);
    expect(details.quotesSentence(evidence, a, 3)).toBe(false);
  });

  it("sorts any list as a sort of the objects by article id then start would (stable)", () => {
    const row = fc.record({ article: fc.integer({ min: 0, max: 5 }), start: fc.integer({ min: 0, max: 20 }), sentence: fc.integer({ min: 0, max: 3 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const details = new Details();
        const ids = ["z", "a", "a#2", "m", "b10", "b9"];
        ids.forEach((id) => details.addArticle(id));
        const list = emptyList();
        for (const r of rows) details.addMention(list, r.article, r.sentence, r.start, r.start + 1);
        const byObjects = [...details.mentionsOf(list)].sort((x, y) => (x.article < y.article ? -1 : x.article > y.article ? 1 : 0) || x.start - y.start);
        expect(details.sortedMentions(list)).toEqual(byObjects);
      }),
    );
  });
});

/** The layout as graphology-layout-forceatlas2 computes it from an undirected copy of the graph (the way layout.ts once did). */
function libraryLayout(graph: KnowledgeGraph): Map<string, [number, number]> {
  const g = new UndirectedGraph();
  let i = 0;
  graph.forEachNode((node) => {
    const angle = (2 * Math.PI * i++) / graph.order;
    g.addNode(node, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  graph.forEachEdge((_, __, source, target) => {
    if (source !== target) g.mergeEdge(source, target);
  });
  graph.forEachNode((node, attrs) => {
    if (attrs.kind === "Article") return;
    for (const article of attrs.articles) if (g.hasNode(`article:${article}`)) g.mergeEdge(node, `article:${article}`);
  });
  const positions = forceAtlas2(g, { iterations: iterationsFor(graph.order), settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: graph.order > 1_000 } });
  const round = (x: number) => Math.round(x * 100) / 100;
  return new Map(Object.entries(positions).map(([node, p]) => [node, [round(p.x), round(p.y)]]));
}

/** A graph of `entities` officials and meetings over `articles` articles, with relations both ways and repeated (seeded). */
function randomGraph(entities: number, articles: number, seed: number): KnowledgeGraph {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const graph = exportFixture();
  graph.clear();
  for (let a = 0; a < articles; a++) graph.addNode(`article:a${a}`, { kind: "Article", label: "", aliases: [], articles: [`a${a}`], mentions: [], title: "", published: null, publisher: null, file: "", sha256: "", body: "" });
  for (let e = 0; e < entities; e++) {
    const mentioned = [...new Set(Array.from({ length: 1 + next(4) }, () => `a${next(articles)}`))].sort();
    graph.addNode(`official:${e}`, { kind: "Official", label: `${e}`, aliases: [], articles: mentioned, mentions: [], titles: [] });
  }
  for (let r = 0; r < entities * 3; r++) {
    const source = `official:${next(entities)}`;
    const target = `official:${next(entities)}`;
    graph.addDirectedEdge(source, target, { type: "ATTENDED", articles: [], evidence: [], confidence: 1 });
  }
  return graph;
}

describe("assignLayout", () => {
  it.each([
    ["the export fixture", () => exportFixture()],
    ["300 entities over 100 articles (200 iterations)", () => randomGraph(300, 100, 7)],
    ["2,500 entities over 900 articles (Barnes-Hut, 30 iterations)", () => randomGraph(2_500, 900, 11)],
  ])("places every node where the library's own path does: %s", (_, make) => {
    const graph = make();
    const expected = libraryLayout(graph);
    assignLayout(graph);
    graph.forEachNode((node, attrs) => expect([attrs.x, attrs.y], node).toEqual(expected.get(node)));
  });
});
