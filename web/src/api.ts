// Calls to the viewer's server: health (is Neo4j there?), the Cypher console, the details a
// panel shows (bodies, evidence: not in the view graph), and graph.json whole for exports.
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, KnowledgeGraph, NodeAttributes, SerializedKnowledgeGraph } from "../../src/graph/types.ts";
import type { ApiError, CypherResult, EdgeDetails, HealthReport, NodeDetails } from "../../src/server/types.ts";
import { authHeaders } from "./api-token.ts";

export class ApiCallError extends Error {
  override name = "ApiCallError";
  constructor(
    /** The server's error class name, e.g. `WriteQueryRefusedError`. */
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchHealth(): Promise<HealthReport> {
  const response = await fetch("api/health", { headers: authHeaders() });
  return (await response.json()) as HealthReport;
}

export async function runCypher(query: string): Promise<CypherResult> {
  const response = await fetch("api/cypher", {
    method: "POST",
    headers: { "Content-Type": "application/json", ...authHeaders() },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as CypherResult | ApiError;
  if (!response.ok || "error" in body) {
    const error = body as ApiError;
    throw new ApiCallError(error.error ?? "Error", error.message ?? response.statusText);
  }
  return body;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: authHeaders() });
  const body = (await response.json().catch(() => null)) as T | ApiError | null;
  if (!response.ok || body === null || (typeof body === "object" && "error" in (body as object))) {
    const error = (body ?? {}) as Partial<ApiError>;
    throw new ApiCallError(error.error ?? "GraphLoadError", error.message ?? response.statusText);
  }
  return body as T;
}

export function fetchNodeDetails(key: string): Promise<NodeDetails> {
  return getJson<NodeDetails>(`api/node?key=${encodeURIComponent(key)}`);
}

export function fetchEdgeDetails(key: string): Promise<EdgeDetails> {
  return getJson<EdgeDetails>(`api/edge?key=${encodeURIComponent(key)}`);
}

let fullGraph: Promise<KnowledgeGraph> | null = null;

/** graph.json with every attribute, fetched once on the first export (the view graph lacks evidence). */
export function fetchFullGraph(): Promise<KnowledgeGraph> {
  fullGraph ??= getJson<SerializedKnowledgeGraph>("api/graph").then((data) => {
    const graph: KnowledgeGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.import(data);
    return graph;
  });
  fullGraph.catch(() => {
    fullGraph = null;
  });
  return fullGraph;
}
