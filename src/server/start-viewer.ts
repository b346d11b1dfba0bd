// Starting the viewer: the web bundle made fresh, the Cypher console linked to Neo4j,
// and the server listening (on 127.0.0.1 unless told otherwise).
import type { FastifyInstance } from "fastify";
import { closeDrivers, connectionSettings } from "../neo4j/index.ts";
import type { ConnectionSettings } from "../neo4j/index.ts";
import { createViewerServer, LOOPBACK_HOSTNAMES } from "./app.ts";
import { DEFAULT_CYPHER_LIMITS, neo4jCypherConsole } from "./cypher-console.ts";
import type { CypherLimits } from "./cypher-console.ts";
import { WEB_ROOT, ensureWebBundle } from "./web-bundle.ts";

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";

export interface StartViewerOptions {
  graphPath: string;
  port?: number;
  host?: string;
  neo4j?: Partial<ConnectionSettings>;
  limits?: CypherLimits;
  /** Required when `host` is not a loopback address (see createViewerServer's `token`). */
  token?: string | undefined;
  log?: (line: string) => void;
}

export interface RunningViewer {
  app: FastifyInstance;
  url: string;
  close(): Promise<void>;
}

/** The port from `--port`, then `PORT`, then the default; a clear error for anything else. */
export function resolvePort(option: string | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const text = option ?? env.PORT;
  if (text === undefined || text === "") return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError(`serve: port must be an integer from 0 to 65535, got "${text}"`);
  return port;
}

/** The viewer refuses to serve a network without a token; loopback needs none. */
export class TokenRequiredError extends Error {
  override name = "TokenRequiredError";
}

export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, "");
  return name === "localhost" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/** Loopback names, plus the bound address itself; none checked when bound to every interface. */
function allowedHostnamesFor(host: string): string[] | null {
  if (host === "0.0.0.0" || host === "::") return null;
  return [...LOOPBACK_HOSTNAMES, host.includes(":") ? `[${host}]` : host.toLowerCase()];
}

export async function startViewer(options: StartViewerOptions): Promise<RunningViewer> {
  const log = options.log ?? console.log;
  const host = options.host ?? DEFAULT_HOST;
  const token = options.token || undefined;
  if (!isLoopback(host) && !token) {
    throw new TokenRequiredError(`serve: --host ${host} opens the viewer and its Cypher console to the network; give --token or set DIPLOGRAPH_TOKEN`);
  }
  await ensureWebBundle({ log });
  const settings = connectionSettings(options.neo4j);
  const app = await createViewerServer({
    graphPath: options.graphPath,
    webRoot: WEB_ROOT,
    cypher: neo4jCypherConsole(settings, options.limits ?? DEFAULT_CYPHER_LIMITS),
    allowedHostnames: allowedHostnamesFor(host),
    token,
  });
  await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/${token ? `#token=${encodeURIComponent(token)}` : ""}`;
  return {
    app,
    url,
    async close() {
      await app.close();
      await closeDrivers();
    },
  };
}
