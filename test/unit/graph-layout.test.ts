// The build's layout (src/graph/layout.ts): the full ForceAtlas2 layout gives the positions of the
// graphology package's own entry point on the same links (it fills the package's matrices
// itself), and the warm start of an incremental rebuild moves no node of the previous picture and
// puts each new one near what it is linked to.
import { MultiDirectedGraph, UndirectedGraph } from "graphology";
import forceAtlas2Module from "graphology-layout-forceatlas2";
import { describe, expect, it } from "vitest";
import { assignLayout, iterationsFor, WARM_START_SHARE } from "../../src/graph/layout.ts";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";

const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

/** A seeded pseudo-random sequence in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const node = (kind: NodeAttributes["kind"], articles: string[]): NodeAttributes =>
  ({ kind, label: "x", aliases: [], articles, mentions: [], ...(kind === "Official" ? { titles: [] } : {}) }) as NodeAttributes;

/** Articles, and entities that each mention a few of them and hold relations to a few others. */
function randomGraph(articles: number, entities: number, seed: number): KnowledgeGraph {
  const next = random(seed);
  const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const keys: string[] = [];
  for (let a = 0; a < articles; a++) graph.addNode(`article:a${String(a).padStart(5, "0")}`, node("Article", [`a${String(a).padStart(5, "0")}`]));
  for (let e = 0; e < entities; e++) {
    const mentioned = new Set<string>();
    for (let k = 1 + Math.floor(next() * 4); k > 0; k--) mentioned.add(`a${String(Math.floor(next() * articles)).padStart(5, "0")}`);
    const key = `meeting:m${String(e).padStart(5, "0")}`;
    graph.addNode(key, node("Meeting", [...mentioned].sort()));
    keys.push(key);
  }
  for (let r = 0; r < entities * 2; r++) {
    const s = keys[Math.floor(next() * keys.length)]!;
    const t = keys[Math.floor(next() * keys.length)]!;
    const edgeKey = `ATTENDED:${s}->${t}:${r}`;
    graph.addDirectedEdgeWithKey(edgeKey, s, t, { type: "ATTENDED", label: "ATTENDED", articles: [], evidence: [], confidence: 1 });
  }
  return graph;
}

/** The layout as the package's entry point computes it on a graphology copy (the code layout.ts replaced). */
function packageLayout(graph: KnowledgeGraph): Map<string, [number, number]> {
  const g = new UndirectedGraph();
  let i = 0;
  graph.forEachNode((n) => {
    const angle = (2 * Math.PI * i++) / graph.order;
    g.addNode(n, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  graph.forEachEdge((_, __, s, t) => {
    if (s !== t) g.mergeEdge(s, t);
  });
  graph.forEachNode((n, attrs) => {
    if (attrs.kind === "Article") return;
    for (const a of attrs.articles) if (g.hasNode(`article:${a}`)) g.mergeEdge(n, `article:${a}`);
  });
  const positions = forceAtlas2(g, {
    iterations: iterationsFor(graph.order),
    settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: graph.order > 1_000 },
  });
  const round = (x: number) => Math.round(x * 100) / 100;
  return new Map(Object.entries(positions).map(([k, p]) => [k, [round(p.x), round(p.y)]]));
}

const positionsOf = (graph: KnowledgeGraph) => new Map(graph.mapNodes((n, a): [string, [number, number]] => [n, [a.x!, a.y!]]));

describe("full layout", () => {
  it.each([
    ["small (no Barnes–Hut)", 300, 400],
    ["large (Barnes–Hut)", 900, 1_400],
  ])("gives the package's positions, %s", (_, articles, entities) => {
    const graph = randomGraph(articles, entities, 7);
    expect(assignLayout(graph)).toBe("full");
    expect(positionsOf(graph)).toEqual(packageLayout(graph));
  });
});

describe("warm start", () => {
  const before = randomGraph(600, 800, 3);
  assignLayout(before);
  const previous = new Map(before.mapNodes((n, a): [string, { x: number; y: number }] => [n, { x: a.x!, y: a.y! }]));

  /** The same graph plus a new article mentioned by an old entity, a new entity linked to it, and a lone new entity. */
  function grown(): KnowledgeGraph {
    const graph = before.copy();
    graph.forEachNode((n) => graph.removeNodeAttribute(n, "x"));
    graph.forEachNode((n) => graph.removeNodeAttribute(n, "y"));
    graph.addNode("article:new", node("Article", ["new"]));
    graph.updateNodeAttribute("meeting:m00010", "articles", (a) => [...(a ?? []), "new"]);
    graph.addNode("meeting:new", node("Meeting", ["new"]));
    graph.addDirectedEdgeWithKey("ATTENDED:new", "meeting:new", "meeting:m00020", { type: "ATTENDED", label: "ATTENDED", articles: [], evidence: [], confidence: 1 });
    graph.addNode("meeting:lone", node("Meeting", []));
    return graph;
  }

  it("keeps every old node where it was and places the new ones near their neighbours", () => {
    const graph = grown();
    expect(assignLayout(graph, { previous })).toBe("warm");
    for (const [key, p] of previous) expect(graph.getNodeAttributes(key)).toMatchObject(p);
    const at = (key: string) => graph.getNodeAttributes(key) as { x: number; y: number };
    const distance = (a: string, b: string) => Math.hypot(at(a).x - at(b).x, at(a).y - at(b).y);
    const xs = [...previous.values()].map((p) => p.x);
    const width = Math.max(...xs) - Math.min(...xs);
    // the new article sits by the old meeting that mentions it, the new meeting by both its links
    expect(distance("article:new", "meeting:m00010")).toBeLessThan(width / 4);
    expect(distance("meeting:new", "meeting:m00020")).toBeLessThan(width / 4);
    for (const key of ["article:new", "meeting:new", "meeting:lone"]) {
      expect(Number.isFinite(at(key).x) && Number.isFinite(at(key).y)).toBe(true);
    }
  });

  it("is deterministic", () => {
    const one = grown();
    const two = grown();
    assignLayout(one, { previous });
    assignLayout(two, { previous });
    expect(positionsOf(one)).toEqual(positionsOf(two));
  });

  it("runs the full layout when the previous picture covers too little of the graph", () => {
    const graph = grown();
    const few = new Map([...previous].slice(0, Math.floor(previous.size * (WARM_START_SHARE - 0.1))));
    expect(assignLayout(graph, { previous: few })).toBe("full");
    expect(positionsOf(graph)).toEqual(packageLayout(graph));
  });
});
