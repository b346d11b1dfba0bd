// A large graph's first frame before graphology holds its edges (web/src/graph-data.ts
// LoadedGraph, edge-columns.ts, edge-set.ts, filters.ts), on random view graphs (fast-check):
// the edges' columns are the graph's edges, in its order, with their own ends and types; the
// degrees are graphology's; the filters' kinds and types read from the columns keep exactly
// what the export's selection keeps on the whole graph, which is built afterwards (in slices,
// or at once) equal to the graph read in one go, sharing its node attribute objects.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, test } from "vitest";
import { selectSubgraph } from "../../src/export/select.ts";
import type { EdgeAttributes, EntityKind, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../../src/graph/types.ts";
import { readViewGraph, viewGraph } from "../../src/server/view-graph.ts";
import type { ViewGraph } from "../../src/server/view-graph.ts";
import { edgeColumnsOf } from "../../web/src/edge-columns.ts";
import { EdgeMask, maskOf } from "../../web/src/edge-set.ts";
import { filterCounts, NO_FILTERS, toSelection, visibleIn, wholeSource } from "../../web/src/filters.ts";
import { LoadedGraph } from "../../web/src/loaded-graph.ts";

const KINDS: EntityKind[] = ["Official", "Meeting", "Document", "Country", "Article"];
const TYPES: RelationType[] = ["ATTENDED", "CHAIRED", "ADOPTED", "PROPOSED_BY", "OFFICIAL_OF"];

interface RandomGraph {
  kinds: number[];
  edges: Array<{ source: number; target: number; type: number; keyed: boolean }>;
}

const randomGraph: fc.Arbitrary<RandomGraph> = fc.integer({ min: 1, max: 40 }).chain((nodes) =>
  fc.record({
    kinds: fc.array(fc.nat(KINDS.length - 1), { minLength: nodes, maxLength: nodes }),
    edges: fc.array(fc.record({ source: fc.nat(nodes - 1), target: fc.nat(nodes - 1), type: fc.nat(TYPES.length - 1), keyed: fc.boolean() }), { maxLength: 200 }),
  }),
);

/** The random graph as graph.json would hold it: parallel edges and loops, contract keys and others. */
function build({ kinds, edges }: RandomGraph): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  kinds.forEach((kind, i) => {
    graph.addNode(`n${i}`, { kind: KINDS[kind] ?? "Official", label: `n${i}`, aliases: [], articles: [`a${i % 3}`], mentions: [], x: i, y: -i } as NodeAttributes);
  });
  edges.forEach(({ source, target, type, keyed }, i) => {
    const relation = TYPES[type] ?? "ATTENDED";
    // A contract key (TYPE:source->target) once per pair and type, else one of its own.
    const contract = `${relation}:n${source}->n${target}`;
    const key = keyed || graph.hasEdge(contract) ? `e${i}` : contract;
    graph.addDirectedEdgeWithKey(key, `n${source}`, `n${target}`, { type: relation, articles: [`a${i % 3}`], evidence: [], confidence: (i % 10) / 10 });
  });
  return graph;
}

/** The view graph as the page receives it (a fresh copy each time: reading it writes article ids into its nodes). */
const wire = (graph: KnowledgeGraph): ViewGraph => JSON.parse(JSON.stringify(viewGraph(graph.export() as never))) as ViewGraph;
const readWhole = (graph: KnowledgeGraph) => readViewGraph(wire(graph), new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>());

function expectSameGraph(actual: KnowledgeGraph, expected: KnowledgeGraph): void {
  expect(actual.nodes()).toEqual(expected.nodes());
  expect(actual.edges()).toEqual(expected.edges());
  expected.forEachEdge((edge, attributes, source, target) => {
    expect(actual.extremities(edge)).toEqual([source, target]);
    expect(actual.getEdgeAttributes(edge)).toEqual(attributes);
  });
  expected.forEachNode((node, attributes) => expect(actual.getNodeAttributes(node)).toEqual(attributes));
}

describe("a large graph read before its edges are in graphology", () => {
  test("the columns are the graph's edges in its order, and the degrees graphology's", () => {
    fc.assert(
      fc.property(randomGraph, (random) => {
        const expected = readWhole(build(random));
        const loaded = LoadedGraph.read(wire(build(random)), -1);
        expect(loaded.graph).toBeNull();
        expect(loaded.nodes.nodes()).toEqual(expected.nodes());
        expect(loaded.nodes.size).toBe(0);
        const { keys, nodes, source, target, type, types } = loaded.edges;
        expect(keys).toEqual(expected.edges());
        keys.forEach((key, i) => {
          expect([nodes[source[i] ?? -1], nodes[target[i] ?? -1]]).toEqual(expected.extremities(key));
          expect(types[type[i] ?? -1]).toBe(expected.getEdgeAttribute(key, "type"));
        });
        expect([...loaded.degrees]).toEqual(expected.nodes().map((node) => expected.degree(node)));
      }),
      { numRuns: 60 },
    );
  });

  test("built afterwards, in slices or at once, the whole graph is the one read in one go, its nodes' attributes shared", async () => {
    await fc.assert(
      fc.asyncProperty(randomGraph, async (random) => {
        const expected = readWhole(build(random));
        const sliced = LoadedGraph.read(wire(build(random)), -1);
        const whole = await sliced.complete();
        expectSameGraph(whole, expected);
        expect(sliced.graph).toBe(whole);
        whole.forEachNode((node, attributes) => expect(attributes).toBe(sliced.nodes.getNodeAttributes(node)));
        const atOnce = LoadedGraph.read(wire(build(random)), -1);
        expectSameGraph(atOnce.completeNow(), expected);
      }),
      { numRuns: 40 },
    );
  });

  test("60,000 edges added in slices between which other tasks run; made at once meanwhile, that graph stays", async () => {
    const random: RandomGraph = { kinds: Array.from({ length: 2_000 }, (_kind, i) => i % KINDS.length), edges: [] };
    for (let i = 0; i < 60_000; i += 1) random.edges.push({ source: (i * 7919) % 2_000, target: (i * 104_729) % 2_000, type: i % TYPES.length, keyed: i % 2 === 0 });
    const loaded = LoadedGraph.read(wire(build(random)), -1);
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 0);
    const whole = await loaded.complete();
    clearInterval(ticker);
    expect(whole.size).toBe(60_000);
    expect(ticks).toBeGreaterThan(0);
    // completeNow while a sliced build is under way: both give the one made first.
    const raced = LoadedGraph.read(wire(build({ ...random, edges: random.edges.slice(0, 20_000) })), -1);
    const pending = raced.complete();
    const now = raced.completeNow();
    expect(await pending).toBe(now);
    expect(now.size).toBe(20_000);
  });

  test("a small graph is whole at once", () => {
    const random: RandomGraph = { kinds: [0, 1, 2], edges: [{ source: 0, target: 1, type: 0, keyed: false }] };
    const loaded = LoadedGraph.read(wire(build(random)));
    expect(loaded.graph).toBe(loaded.nodes);
    expect(loaded.nodes.size).toBe(1);
  });
});

describe("filters from the edges' columns", () => {
  const filterCases = fc.record({
    hiddenKinds: fc.subarray(KINDS).map((kinds) => new Set(kinds)),
    hiddenTypes: fc.subarray(TYPES).map((types) => new Set(types)),
  });

  test("kinds and relation types keep what the export's selection keeps on the whole graph, before it is built", () => {
    fc.assert(
      fc.property(randomGraph, filterCases, (random, partial) => {
        const loaded = LoadedGraph.read(wire(build(random)), -1);
        const filters = { ...NO_FILTERS, ...partial };
        const visible = visibleIn({ nodes: loaded.nodes, edges: loaded.edges, whole: null }, filters);
        const exported = selectSubgraph(loaded.completeNow(), toSelection(filters));
        expect([...(visible?.nodes ?? [])].sort()).toEqual(exported.nodes().sort());
        expect([...(visible?.edges ?? [])].sort()).toEqual(exported.edges().sort());
        // The counts from the columns are those of the whole graph.
        const shown = visible ?? { nodes: new Set<string>(), edges: new Set<string>() };
        expect(filterCounts(loaded, shown)).toEqual(filterCounts(wholeSource(loaded.completeNow()), shown));
      }),
      { numRuns: 60 },
    );
  });

  test("dates and articles wait for the whole graph", () => {
    const loaded = LoadedGraph.read(wire(build({ kinds: [1, 0], edges: [{ source: 0, target: 1, type: 0, keyed: false }] })), -1);
    const source = { nodes: loaded.nodes, edges: loaded.edges, whole: null };
    expect(visibleIn(source, { ...NO_FILTERS, from: "2020-01-01" })).toBeNull();
    expect(visibleIn(source, { ...NO_FILTERS, articles: new Set(["a0"]) })).toBeNull();
    // n0 cites a0, n1 a1: the article keeps n0 alone.
    expect([...(visibleIn({ ...source, whole: loaded.completeNow() }, { ...NO_FILTERS, articles: new Set(["a0"]) })?.nodes ?? [])]).toEqual(["n0"]);
  });

  test("an edge mask is the set of its edges: has, size, iteration; maskOf gives the mask back, or makes one from any set", () => {
    fc.assert(
      fc.property(randomGraph, fc.array(fc.boolean(), { maxLength: 200 }), (random, bits) => {
        const graph = build(random);
        const columns = edgeColumnsOf(graph);
        const mask = Uint8Array.from(columns.keys, (_key, i) => (bits[i] ? 1 : 0));
        const set = new EdgeMask(columns, mask, mask.reduce((sum, bit) => sum + bit, 0));
        const expected = columns.keys.filter((_key, i) => bits[i]);
        expect([...set]).toEqual(expected);
        expect(set.size).toBe(expected.length);
        for (const key of columns.keys) expect(set.has(key)).toBe(expected.includes(key));
        expect(set.has("no such edge")).toBe(false);
        expect(maskOf(columns, set)).toBe(mask);
        expect([...maskOf(columns, new Set(expected))]).toEqual([...mask]);
      }),
      { numRuns: 60 },
    );
  });
});
