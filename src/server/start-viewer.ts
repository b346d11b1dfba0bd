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

/** Loopback names, plus the bound address itself; none checked when bound to every interface. */
function allowedHostnamesFor(host: string): string[] | null {
  if (host === "0.0.0.0" || host === "::") return null;
  return [...LOOPBACK_HOSTNAMES, host.includes(":") ? `[${host}]` : host.toLowerCase()];
}

export async function startViewer(options: StartViewerOptions): Promise<RunningViewer> {
  const log = options.log ?? console.log;
  await ensureWebBundle({ log });
  const settings = connectionSettings(options.neo4j);
  const app = await createViewerServer({
    graphPath: options.graphPath,
    webRoot: WEB_ROOT,
    cypher: neo4jCypherConsole(settings, options.limits ?? DEFAULT_CYPHER_LIMITS),
    allowedHostnames: allowedHostnamesFor(options.host ?? DEFAULT_HOST),
  });
  const host = options.host ?? DEFAULT_HOST;
  await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/`;
  return {
    app,
    url,
    async close() {
      await app.close();
      await closeDrivers();
    },
  };
}
