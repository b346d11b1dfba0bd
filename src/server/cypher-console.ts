// The Cypher console's link to Neo4j: reachability for /api/health, and read-only queries
// through src/neo4j's runner (read session, time limit, row limit, writes refused).
import { runReadQuery, toSubgraph, verifyServer } from "../neo4j/index.ts";
import type { ConnectionSettings } from "../neo4j/index.ts";
import type { CypherConsole, CypherResult, Neo4jStatus } from "./types.ts";

export interface CypherLimits {
  timeoutMs: number;
  rowLimit: number;
  /** Bytes of rows (as JSON) sent at most: a browser cannot use more, and one huge value must not hold the server. */
  byteLimit: number;
}

export const DEFAULT_CYPHER_LIMITS: CypherLimits = { timeoutMs: 10_000, rowLimit: 1_000, byteLimit: 4 * 1024 * 1024 };

/** How long a reachability answer is trusted, so health checks do not hammer the server. */
const STATUS_TTL_MS = 5_000;

export function neo4jCypherConsole(settings: ConnectionSettings, limits: CypherLimits = DEFAULT_CYPHER_LIMITS): CypherConsole {
  let cached: { at: number; status: Neo4jStatus } | null = null;
  return {
    async status() {
      if (cached && Date.now() - cached.at < STATUS_TTL_MS) return cached.status;
      const status: Neo4jStatus = await verifyServer(settings).then(
        () => ({ configured: true, reachable: true, uri: settings.uri }),
        (error: unknown) => ({ configured: true, reachable: false, uri: settings.uri, error: error instanceof Error ? error.message : String(error) }),
      );
      cached = { at: Date.now(), status };
      return status;
    },
    async run(query, params): Promise<CypherResult> {
      const result = await runReadQuery(settings, query, params, limits);
      const subgraph = toSubgraph(result.rows);
      return {
        columns: result.columns,
        rows: result.rows,
        truncated: result.truncated,
        cut: result.cut,
        subgraph: {
          nodes: subgraph.nodes.map((node) => node.key),
          relationships: subgraph.edges.map(({ source, target, type }) => ({ source, target, type })),
        },
      };
    },
    async close() {},
  };
}
