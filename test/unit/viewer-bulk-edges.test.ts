// What sigma is given of a large graph and what the bulk edge layer draws instead
// (web/src/drawn-graph.ts, web/src/edge-table.ts), on random graphs (fast-check): the table
// holds every edge once with its own ends, in groups of one type, each in the graph's order,
// the slices in the graph's order too; the mask is the shown set; the edges sigma gets are exactly those the edge
// reducer brings forward; and syncing sigma's graph gives it exactly those edges.
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, test } from "vitest";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, RelationType } from "../../src/graph/types.ts";
import { focusEdges, MAX_ARROWS, nodesOnly, splitFocus, syncEdges } from "../../web/src/drawn-graph.ts";
import type { Focus } from "../../web/src/drawn-graph.ts";
import { edgeColumnsOf } from "../../web/src/edge-columns.ts";
import { edgeTable } from "../../web/src/edge-table.ts";
import { maskOf } from "../../web/src/edge-set.ts";
import type { Visibility } from "../../web/src/filters.ts";

const TYPES: RelationType[] = ["ATTENDED", "CHAIRED", "ADOPTED", "PROPOSED_BY", "OFFICIAL_OF"];

interface RandomGraph {
  nodes: number;
  edges: Array<{ source: number; target: number; type: number }>;
}

const randomGraph: fc.Arbitrary<RandomGraph> = fc.integer({ min: 1, max: 40 }).chain((nodes) =>
  fc.record({
    nodes: fc.constant(nodes),
    edges: fc.array(fc.record({ source: fc.nat(nodes - 1), target: fc.nat(nodes - 1), type: fc.nat(TYPES.length - 1) }), { maxLength: 300 }),
  }),
);

/** The random graph as the viewer's graph, parallel edges included (the graph is a multigraph). */
function build({ nodes, edges }: RandomGraph): KnowledgeGraph {
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  for (let i = 0; i < nodes; i += 1) graph.addNode(`n${i}`, { kind: "Official", label: `n${i}`, aliases: [], articles: [], mentions: [], titles: [], x: i, y: -i });
  edges.forEach(({ source, target, type }, i) => {
    graph.addDirectedEdgeWithKey(`e${i}`, `n${source}`, `n${target}`, { type: TYPES[type] ?? "ATTENDED", articles: [], evidence: [], confidence: 1 });
  });
  return graph;
}

/** A subset of a list chosen by a seed's bits, as a set. */
const subset = (items: string[], seed: number) => new Set(items.filter((_item, i) => (seed >> i % 30) & 1 || (i * 7 + seed) % 3 === 0));

describe("edge table", () => {
  test("every edge once, with its own ends, in groups of one type, each in the graph's order", () => {
    fc.assert(
      fc.property(randomGraph, (random) => {
        const graph = build(random);
        const table = edgeTable(edgeColumnsOf(graph));
        expect(table.keys).toEqual(graph.edges());
        expect(table.nodes).toEqual(graph.nodes());
        expect([...table.order].sort((a, b) => a - b)).toEqual(table.keys.map((_key, i) => i));
        table.keys.forEach((key, i) => {
          expect(table.nodes[table.source[i] ?? -1]).toBe(graph.source(key));
          expect(table.nodes[table.target[i] ?? -1]).toBe(graph.target(key));
        });
        let start = 0;
        let lastEdge = -1;
        let lastGroupEnd = -1;
        for (const { type, end } of table.groups) {
          const group = [...table.order.slice(start, end)];
          expect(group.length).toBeGreaterThan(0);
          for (const edge of group) expect(graph.getEdgeAttribute(table.keys[edge] ?? "", "type")).toBe(type);
          // Within a group, the graph's order.
          expect(group).toEqual([...group].sort((a, b) => a - b));
          lastEdge = Math.max(lastEdge, ...group);
          lastGroupEnd = end;
          start = end;
        }
        expect(lastGroupEnd === -1 ? 0 : lastGroupEnd).toBe(table.keys.length);
        expect(lastEdge).toBe(table.keys.length - 1);
      }),
    );
  });

  test("with one relation type the slices follow one another: the graph's own order", () => {
    fc.assert(
      fc.property(randomGraph, (random) => {
        const graph = build({ ...random, edges: random.edges.map((edge) => ({ ...edge, type: 0 })) });
        const table = edgeTable(edgeColumnsOf(graph));
        expect([...table.order]).toEqual(table.keys.map((_key, i) => i));
        expect(new Set(table.groups.map((group) => group.type)).size).toBeLessThanOrEqual(1);
      }),
    );
  });

  test("the mask marks exactly the shown edges", () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), (random, seed) => {
        const graph = build(random);
        const table = edgeTable(edgeColumnsOf(graph));
        const shown = subset(graph.edges(), seed);
        const mask = maskOf(table, shown);
        expect(table.keys.filter((_key, i) => mask[i] === 1)).toEqual(graph.edges().filter((edge) => shown.has(edge)));
        expect([...maskOf(table, new Set(graph.edges()))].every((bit) => bit === 1)).toBe(true);
      }),
    );
  });
});

describe("sigma's graph past 2,000 edges", () => {
  test("the edges in focus are the shown ones the edge reducer brings forward, and the selected one", () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), fc.nat(), fc.nat(), fc.boolean(), (random, nodeSeed, edgeSeed, showSeed, byEdges) => {
        const graph = build(random);
        const visibility: Visibility = { nodes: new Set(graph.nodes()), edges: subset(graph.edges(), showSeed) };
        const focusNodes = subset(graph.nodes(), nodeSeed);
        const focus: Focus = byEdges ? { nodes: focusNodes, edges: subset(graph.edges(), edgeSeed) } : { nodes: focusNodes };
        const selectedEdge = graph.size > 0 ? (graph.edges()[edgeSeed % graph.size] ?? null) : null;
        // The rule of GraphView's edge reducer: shown, and selected or strong.
        const strong = (edge: string) => (focus.edges ? focus.edges.has(edge) : focus.nodes.has(graph.source(edge)) && focus.nodes.has(graph.target(edge)));
        const expected = graph.edges().filter((edge) => visibility.edges.has(edge) && (edge === selectedEdge || strong(edge)));
        expect([...focusEdges(graph, visibility, focus, selectedEdge)].sort()).toEqual(expected.sort());
        expect([...focusEdges(graph, visibility, null, null)]).toEqual([]);
      }),
    );
  });

  test("synced, sigma's graph holds every node and exactly the wanted edges, sharing their attributes", () => {
    fc.assert(
      fc.property(randomGraph, fc.nat(), fc.nat(), (random, firstSeed, secondSeed) => {
        const graph = build(random);
        const drawn = nodesOnly(graph);
        expect(drawn.nodes()).toEqual(graph.nodes());
        expect(drawn.size).toBe(0);
        for (const seed of [firstSeed, secondSeed, firstSeed]) {
          const wanted = subset(graph.edges(), seed);
          syncEdges(drawn, graph, wanted);
          expect(drawn.edges().sort()).toEqual([...wanted].sort());
          for (const edge of drawn.edges()) {
            expect(drawn.extremities(edge)).toEqual(graph.extremities(edge));
            expect(drawn.getEdgeAttributes(edge)).toBe(graph.getEdgeAttributes(edge));
          }
        }
        expect(drawn.getNodeAttributes(graph.nodes()[0] ?? "")).toBe(graph.getNodeAttributes(graph.nodes()[0] ?? ""));
      }),
    );
  });

  test("up to MAX_ARROWS edges in focus are sigma's arrows; past it the layer's lines, and sigma keeps the selected edge", () => {
    const few = new Set(["a", "b"]);
    expect(splitFocus(few, "a")).toEqual({ arrows: few, lines: null });
    const many = new Set(Array.from({ length: MAX_ARROWS + 1 }, (_, i) => `e${i}`));
    expect(splitFocus(many, "e7")).toEqual({ arrows: new Set(["e7"]), lines: many });
    expect(splitFocus(many, null)).toEqual({ arrows: new Set(), lines: many });
    expect(splitFocus(many, "elsewhere")).toEqual({ arrows: new Set(), lines: many });
  });
});
