// The viewer's HTTP server: the web bundle as static files, the graph, health, and the
// read-only Cypher console. Built on Fastify; listening is left to the caller.
import fastifyCompress from "@fastify/compress";
import fastifyStatic from "@fastify/static";
import Fastify from "fastify";
import type { FastifyInstance, FastifyReply } from "fastify";
import { timingSafeEqual } from "node:crypto";
import { access } from "node:fs/promises";
import { constants as zlib } from "node:zlib";
import { registerGraphRoutes } from "./graph-routes.ts";
import type { ApiError, CypherConsole, HealthReport, Neo4jStatus } from "./types.ts";

export interface ViewerServerOptions {
  /** The graph.json to serve; read on every request, so a rebuild shows on reload. */
  graphPath: string;
  /** The built web bundle (web/dist). */
  webRoot: string;
  /** The Cypher console, or undefined when no Neo4j is configured. */
  cypher?: CypherConsole | undefined;
  /**
   * Host names the server answers to (the Host header); others get 403, so a web page on
   * another site cannot reach the API by pointing its own name at 127.0.0.1 (DNS rebinding).
   * Default: loopback names. null answers every name (when serving on purpose to a network).
   */
  allowedHostnames?: readonly string[] | null;
  /**
   * When set, every /api/ call must carry `Authorization: Bearer <token>` (else 401): the
   * viewer serves a network, where anyone could otherwise run queries. Loopback needs none.
   */
  token?: string | undefined;
  logger?: boolean;
}

export const LOOPBACK_HOSTNAMES = ["127.0.0.1", "localhost", "[::1]"] as const;

/** The host name of a Host header value (`127.0.0.1:8080` → `127.0.0.1`, `[::1]:80` → `[::1]`). */
function hostnameOf(host: string): string {
  const match = /^(\[[^\]]*\]|[^:]*)/.exec(host.trim().toLowerCase());
  return match?.[1] ?? "";
}

/** Scripts only from the bundle itself; evidence and article text can never run as code. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

const NOT_CONFIGURED: Neo4jStatus = {
  configured: false,
  reachable: false,
  error: "no Neo4j configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to switch the Cypher console on",
};

interface CypherBody {
  query: string;
  params?: Record<string, unknown>;
}

const CYPHER_BODY_SCHEMA = {
  type: "object",
  required: ["query"],
  additionalProperties: false,
  properties: {
    query: { type: "string", minLength: 1, maxLength: 20_000 },
    params: { type: "object" },
  },
} as const;

function apiError(reply: FastifyReply, status: number, error: string, message: string): FastifyReply {
  const body: ApiError = { error, message };
  return reply.code(status).send(body);
}

/** Status code for an error thrown by the Cypher console, by its class name. */
function cypherErrorStatus(name: string): number {
  if (name === "CypherConsoleUnavailableError" || /Unavailable|ServiceUnavailable|Connection/i.test(name)) return 503;
  if (/Timeout/i.test(name)) return 504;
  return 400;
}

export async function createViewerServer(options: ViewerServerOptions): Promise<FastifyInstance> {
  // Strict bodies: no coercing 42 into "42", no silently dropping unknown fields.
  const app = Fastify({ logger: options.logger ?? false, ajv: { customOptions: { coerceTypes: false, removeAdditional: false } } });

  const allowed = options.allowedHostnames === null ? null : new Set(options.allowedHostnames ?? LOOPBACK_HOSTNAMES);
  app.addHook("onRequest", async (request, reply) => {
    if (allowed && !allowed.has(hostnameOf(request.headers.host ?? ""))) {
      return apiError(reply, 403, "ForbiddenHostError", `the viewer answers only to ${[...allowed].join(", ")}`);
    }
  });

  const expected = options.token ? Buffer.from(`Bearer ${options.token}`) : null;
  app.addHook("onRequest", async (request, reply) => {
    if (!expected || !request.url.startsWith("/api/")) return;
    const given = Buffer.from(request.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return apiError(reply, 401, "UnauthorizedError", "this viewer needs its token: open the address `serve` printed (…#token=…)");
    }
  });

  app.addHook("onSend", async (_request, reply, payload) => {
    reply.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    return payload;
  });

  // The bundle and graph.json compressed on the way (brotli at quality 4: the default 11 takes
  // seconds on graph.json); the view graph comes compressed already (graph-store.ts).
  await app.register(fastifyCompress, { global: true, encodings: ["br", "gzip"], brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
  await app.register(fastifyStatic, { root: options.webRoot, index: ["index.html"] });

  app.get("/api/health", async (): Promise<HealthReport> => {
    const present = await access(options.graphPath).then(
      () => true,
      () => false,
    );
    const neo4j = options.cypher ? await options.cypher.status() : NOT_CONFIGURED;
    return { ok: present, graph: { path: options.graphPath, present }, neo4j };
  });

  registerGraphRoutes(app, options.graphPath);

  app.post<{ Body: CypherBody }>("/api/cypher", { schema: { body: CYPHER_BODY_SCHEMA } }, async (request, reply) => {
    if (!options.cypher) return apiError(reply, 503, "CypherConsoleUnavailableError", NOT_CONFIGURED.error ?? "");
    try {
      return await options.cypher.run(request.body.query, request.body.params ?? {});
    } catch (error) {
      const name = error instanceof Error ? error.name : "Error";
      const message = error instanceof Error ? error.message : String(error);
      return apiError(reply, cypherErrorStatus(name), name, message);
    }
  });

  app.setErrorHandler((error: { statusCode?: number; validation?: unknown; name?: string; message?: string }, _request, reply) => {
    if (error.validation) return apiError(reply, 400, "BadRequestError", error.message ?? "bad request");
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    return apiError(reply, status, error.name ?? "Error", error.message ?? "internal error");
  });

  app.addHook("onClose", async () => {
    await options.cypher?.close();
  });

  return app;
}
