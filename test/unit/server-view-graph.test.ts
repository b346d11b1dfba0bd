// The viewer's slim graph and its details endpoints, through Fastify's inject: the view
// graph keeps every node and edge with what is drawn, searched and filtered, and leaves out
// bodies, evidence and mentions, which /api/node and /api/edge give whole; all compressed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, test } from "vitest";
import { createViewerServer } from "../../src/server/app.ts";
import { pickEncoding } from "../../src/server/graph-store.ts";
import { GRAPH_VERSION_HEADER } from "../../src/server/types.ts";
import type { EdgeDetails, NodeDetails } from "../../src/server/types.ts";
import { NameIndex } from "../../src/graph/search.ts";
import type { PackedNameIndex } from "../../src/graph/search.ts";
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes } from "../../src/graph/types.ts";
import { readViewGraph, viewGraph, ViewGraphFormatError } from "../../src/server/view-graph.ts";
import { writeViewerFixture } from "../helpers/viewer-fixture.ts";

function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), "diplograph-web-"));
  writeFileSync(join(dir, "index.html"), `<!doctype html><title>Diplograph</title>${"<!-- padding -->".repeat(200)}`);
  return dir;
}

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("view graph", () => {
  const emptyGraph = (): KnowledgeGraph => new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const HEAVY_NODE = ["body", "mentions", "sha256", "file", "size", "color"];

  test("every node and edge, without bodies, evidence and mentions, read back as the same graph", () => {
    const { graph } = writeViewerFixture();
    const view = viewGraph(graph);
    expect(view.nodes.map((node) => node.key)).toEqual(graph.nodes.map((node) => node.key));
    for (const node of view.nodes) {
      for (const heavy of HEAVY_NODE) expect(node.attributes).not.toHaveProperty(heavy);
      expect(node.attributes).toHaveProperty("label");
      expect(node.attributes).toHaveProperty("articles");
    }
    // Edges by column: node indices, a type table; contract keys left out, to be derived again.
    expect(view.edges.source).toHaveLength(graph.edges.length);
    expect(view.edges.keys).toEqual({});
    expect(JSON.stringify(view)).not.toContain("evidence");
    const read = readViewGraph(JSON.parse(JSON.stringify(view)), emptyGraph());
    expect(read.nodes()).toEqual(graph.nodes.map((node) => node.key));
    expect(read.edges()).toEqual(graph.edges.map((edge) => edge.key));
    graph.edges.forEach((edge) => {
      const key = String(edge.key);
      expect([read.source(key), read.target(key)]).toEqual([edge.source, edge.target]);
      const kept = Object.fromEntries(Object.entries(edge.attributes ?? {}).filter(([name]) => name !== "evidence" && name !== "label"));
      expect(read.getEdgeAttributes(key)).toEqual(kept);
    });
    for (const node of graph.nodes) {
      // Positions to a hundredth of a layout unit.
      const kept = Object.fromEntries(
        Object.entries(node.attributes ?? {})
          .filter(([name]) => !HEAVY_NODE.includes(name))
          .map(([name, value]) => [name, name === "x" || name === "y" ? Math.round(Number(value) * 100) / 100 : value]),
      );
      expect(read.getNodeAttributes(node.key)).toEqual(kept);
    }
    expect(read.getAttributes()).toEqual(graph.attributes);
  });

  test("an edge key other than the contract's, and attributes beyond the columns, come back as they were", () => {
    const { graph } = writeViewerFixture();
    const [first, ...rest] = graph.edges;
    if (!first) throw new Error("fixture without edges");
    const odd = { ...graph, edges: [{ ...first, key: "custom-key", attributes: { ...first.attributes, rule: "agent-verb-meeting" } as EdgeAttributes }, ...rest] };
    const view = viewGraph(odd);
    expect(view.edges.keys).toEqual({ 0: "custom-key" });
    const read = readViewGraph(JSON.parse(JSON.stringify(view)), emptyGraph());
    expect(read.hasEdge("custom-key")).toBe(true);
    expect(read.getEdgeAttribute("custom-key", "rule" as keyof EdgeAttributes)).toBe("agent-verb-meeting");
    expect(read.size).toBe(graph.edges.length);
  });

  test("another shape (graphology's export, an old server) is refused by name", () => {
    const { graph } = writeViewerFixture();
    expect(() => readViewGraph(graph as never, emptyGraph())).toThrow(ViewGraphFormatError);
    const view = viewGraph(graph);
    view.edges.source[0] = view.nodes.length + 5;
    expect(() => readViewGraph(view, emptyGraph())).toThrow(ViewGraphFormatError);
  });

  test("GET /api/graph/view answers brotli, gzip or plain, as the client accepts", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const expected = viewGraph(fixture.graph);
    const plain = await app.inject({ method: "GET", url: "/api/graph/view" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json()).toEqual(JSON.parse(JSON.stringify(expected)));
    const br = await app.inject({ method: "GET", url: "/api/graph/view", headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());
    const gz = await app.inject({ method: "GET", url: "/api/graph/view", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString("utf8"))).toEqual(plain.json());
  });

  test("a graph.json whose edge names a missing node is refused by name, with the file, not drawn half", async () => {
    const fixture = writeViewerFixture();
    const [first, ...rest] = fixture.graph.edges;
    if (!first) throw new Error("fixture without edges");
    writeFileSync(fixture.path, JSON.stringify({ ...fixture.graph, edges: [{ ...first, target: "nobody:here" }, ...rest] }));
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const answer = await app.inject({ method: "GET", url: "/api/graph/view" });
    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toMatchObject({ error: "ViewGraphFormatError" });
    expect(answer.json<{ message: string }>().message).toContain(fixture.path);
  });

  test("graph.json and the page are compressed too", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const graph = await app.inject({ method: "GET", url: "/api/graph", headers: { "accept-encoding": "gzip" } });
    expect(graph.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(graph.rawPayload).toString("utf8"))).toEqual(fixture.graph);
    const page = await app.inject({ method: "GET", url: "/", headers: { "accept-encoding": "br" } });
    expect(page.headers["content-encoding"]).toBe("br");
  });

  test("GET /api/node and /api/edge give the full attributes and evidence; unknown keys are 404 by name", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const article = fixture.graph.nodes.find((node) => node.attributes?.kind === "Article");
    const node = (await app.inject({ method: "GET", url: `/api/node?key=${encodeURIComponent(article?.key ?? "")}` })).json<NodeDetails>();
    expect(node.attributes).toEqual(article?.attributes);
    const edge = fixture.graph.edges[0];
    const details = (await app.inject({ method: "GET", url: `/api/edge?key=${encodeURIComponent(String(edge?.key))}` })).json<EdgeDetails>();
    expect(details.attributes.evidence).toEqual(edge?.attributes?.evidence);
    const source = (await app.inject({ method: "GET", url: `/api/node?key=${encodeURIComponent(edge?.source ?? "")}` })).json<NodeDetails>();
    expect(source.evidence[String(edge?.key)]).toEqual(edge?.attributes?.evidence);
    const missing = await app.inject({ method: "GET", url: "/api/node?key=nothing:here" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: "NodeNotFoundError" });
    expect((await app.inject({ method: "GET", url: "/api/edge?key=nothing" })).json()).toMatchObject({ error: "EdgeNotFoundError" });
    expect((await app.inject({ method: "GET", url: "/api/node" })).statusCode).toBe(400);
  });

  test("a rebuilt graph.json is served on the next request", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const before = (await app.inject({ method: "GET", url: "/api/graph/view" })).json<{ nodes: unknown[] }>();
    const smaller = { ...fixture.graph, nodes: fixture.graph.nodes.slice(0, 2), edges: [] };
    writeFileSync(fixture.path, `${JSON.stringify(smaller)}\n`);
    const after = (await app.inject({ method: "GET", url: "/api/graph/view" })).json<{ nodes: unknown[] }>();
    expect(before.nodes.length).toBeGreaterThan(2);
    expect(after.nodes.length).toBe(2);
  });

  test("GET /api/graph/search-index: the name index packed from graph.json, of the view's version, kept by the browser until graph.json changes", async () => {
    const fixture = writeViewerFixture();
    app = await createViewerServer({ graphPath: fixture.path, webRoot: webRoot() });
    const view = await app.inject({ method: "GET", url: "/api/graph/view" });
    const plain = await app.inject({ method: "GET", url: "/api/graph/search-index" });
    expect(plain.statusCode).toBe(200);
    const version = plain.headers[GRAPH_VERSION_HEADER];
    expect(version).toBeTruthy();
    expect(view.headers[GRAPH_VERSION_HEADER]).toBe(version);
    // The same answers as an index of graph.json's nodes made on the spot.
    const built = new NameIndex({ forEachNode: (callback) => fixture.graph.nodes.forEach((node) => callback(node.key, node.attributes ?? {})) });
    const sent = NameIndex.unpack(plain.json<PackedNameIndex>());
    for (const query of ["pham binh minh", "hncc", "jcm", "viet nam", "bruney", "acc 25", "asean"]) expect(sent.search(query, 8)).toEqual(built.search(query, 8));
    const br = await app.inject({ method: "GET", url: "/api/graph/search-index", headers: { "accept-encoding": "br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString("utf8"))).toEqual(plain.json());
    // Asked again with its ETag: not modified, no body; another encoding's tag is not this one.
    const etag = String(br.headers.etag);
    const again = await app.inject({ method: "GET", url: "/api/graph/search-index", headers: { "accept-encoding": "br", "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expect((await app.inject({ method: "GET", url: "/api/graph/search-index", headers: { "if-none-match": etag } })).statusCode).toBe(200);
    // A rebuild is another version: new names, a new tag.
    const renamed = { ...fixture.graph, nodes: fixture.graph.nodes.map((node) => (node.key === "official:pham-binh-minh" ? { ...node, attributes: { ...node.attributes, label: "Lorin Arlen" } } : node)) };
    writeFileSync(fixture.path, `${JSON.stringify(renamed)}\n`);
    const rebuilt = await app.inject({ method: "GET", url: "/api/graph/search-index", headers: { "accept-encoding": "br", "if-none-match": etag } });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.headers[GRAPH_VERSION_HEADER]).not.toBe(version);
    const index = NameIndex.unpack(JSON.parse(brotliDecompressSync(rebuilt.rawPayload).toString("utf8")) as PackedNameIndex);
    expect(index.search("lorin arlen", 1)[0]).toMatchObject({ key: "official:pham-binh-minh", tier: "exact" });
  });

  test("encodings: brotli first, then gzip, else none", () => {
    expect(pickEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(pickEncoding("gzip")).toBe("gzip");
    expect(pickEncoding(undefined)).toBe("identity");
    expect(pickEncoding("deflate")).toBe("identity");
  });
});
