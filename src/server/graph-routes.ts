// The viewer's graph endpoints: the view graph for the first frame (slim, compressed once per
// build), the search's name index ready to use (packed once per build, fetched by the search
// worker alongside the view graph), and a node's or an edge's full attributes (bodies,
// evidence) when a panel opens. graph.json itself stays at /api/graph for exports, which need
// every attribute.
import type { FastifyInstance, FastifyReply } from "fastify";
import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { GraphStore, pickEncoding } from "./graph-store.ts";
import { GRAPH_VERSION_HEADER } from "./types.ts";
import type { ApiError, EdgeDetails, NodeDetails } from "./types.ts";

function apiError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  const body: ApiError = { error, message };
  return reply.code(status).send(body);
}

const KEY_QUERY = {
  type: "object",
  required: ["key"],
  properties: { key: { type: "string", minLength: 1, maxLength: 2_000 } },
} as const;

export function registerGraphRoutes(app: FastifyInstance, graphPath: string): void {
  const store = new GraphStore(graphPath);
  // Read and slim graph.json while the browser is still loading the page, not on its request;
  // then pack the name index, which the page's search worker asks for alongside the view.
  void store
    .view("br")
    .then(() => store.nameIndex("br"))
    .catch(() => {});
  const missing = (reply: FastifyReply) => apiError(reply, 404, "GraphNotFoundError", `no graph at ${graphPath}: run \`npx diplograph build\` first`);
  const present = () =>
    access(graphPath).then(
      () => true,
      () => false,
    );

  app.get("/api/graph", async (_request, reply) => {
    if (!(await present())) return missing(reply);
    return reply.type("application/json; charset=utf-8").header("Cache-Control", "no-store").send(createReadStream(graphPath));
  });

  app.get("/api/graph/view", async (request, reply) => {
    if (!(await present())) return missing(reply);
    const encoding = pickEncoding(request.headers["accept-encoding"]);
    const { body, version } = await store.view(encoding);
    reply.type("application/json; charset=utf-8").header("Cache-Control", "no-store").header("Vary", "Accept-Encoding").header(GRAPH_VERSION_HEADER, version);
    // Already compressed (once per build): @fastify/compress leaves a response with an encoding alone.
    if (encoding !== "identity") reply.header("Content-Encoding", encoding);
    return reply.send(body);
  });

  // The same for every load of a build: the browser keeps it and asks whether it changed
  // (ETag), so a reload gets "304 Not Modified" instead of the index again.
  app.get("/api/graph/search-index", async (request, reply) => {
    if (!(await present())) return missing(reply);
    const encoding = pickEncoding(request.headers["accept-encoding"]);
    const { body, version } = await store.nameIndex(encoding);
    const etag = `"${version}-${encoding}"`;
    reply.header("Cache-Control", "no-cache").header("Vary", "Accept-Encoding").header("ETag", etag).header(GRAPH_VERSION_HEADER, version);
    const known = (request.headers["if-none-match"] ?? "").split(",").map((tag) => tag.trim());
    if (known.includes(etag)) return reply.code(304).send();
    reply.type("application/json; charset=utf-8");
    if (encoding !== "identity") reply.header("Content-Encoding", encoding);
    return reply.send(body);
  });

  app.get<{ Querystring: { key: string } }>("/api/node", { schema: { querystring: KEY_QUERY } }, async (request, reply) => {
    if (!(await present())) return missing(reply);
    const node = await store.node(request.query.key);
    if (!node) return apiError(reply, 404, "NodeNotFoundError", `no node ${request.query.key} in the graph`);
    const evidence: NodeDetails["evidence"] = {};
    for (const edge of await store.edgesAt(node.key)) evidence[String(edge.key)] = edge.attributes?.evidence ?? [];
    const details: NodeDetails = { key: node.key, attributes: node.attributes as NodeDetails["attributes"], evidence };
    return reply.header("Cache-Control", "no-store").send(details);
  });

  app.get<{ Querystring: { key: string } }>("/api/edge", { schema: { querystring: KEY_QUERY } }, async (request, reply) => {
    if (!(await present())) return missing(reply);
    const edge = await store.edge(request.query.key);
    if (!edge) return apiError(reply, 404, "EdgeNotFoundError", `no edge ${request.query.key} in the graph`);
    const details: EdgeDetails = { key: String(edge.key), source: edge.source, target: edge.target, attributes: edge.attributes as EdgeDetails["attributes"] };
    return reply.header("Cache-Control", "no-store").send(details);
  });
}
