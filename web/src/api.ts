// Calls to the viewer's server: health (is Neo4j there?) and the Cypher console.
import type { ApiError, CypherResult, HealthReport } from "../../src/server/types.ts";
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
