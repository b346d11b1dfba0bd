// What the viewer's HTTP API answers: the shapes the server sends and the web app reads.
import type { EdgeAttributes, Evidence, NodeAttributes } from "../graph/types.ts";

/**
 * The version of graph.json a view graph or name index was made from (GraphStore): the page
 * takes the server's name index only when it was made from the same version as its view graph.
 */
export const GRAPH_VERSION_HEADER = "diplograph-graph-version";

/** Whether the Cypher console can run: Neo4j configured and answering. */
export interface Neo4jStatus {
  configured: boolean;
  reachable: boolean;
  /** Where it was looked for (no credentials), e.g. `neo4j://127.0.0.1:7687`. */
  uri?: string;
  /** Why it is not reachable, in a sentence. */
  error?: string;
}

export interface HealthReport {
  ok: boolean;
  graph: { path: string; present: boolean };
  neo4j: Neo4jStatus;
}

/** A relationship of a Cypher result, by the `key` of its ends. */
export interface ResultRelationship {
  source: string;
  target: string;
  type: string;
}

/** A read query's answer: a table, and the nodes and relationships it returned. */
export interface CypherResult {
  columns: string[];
  rows: Array<Record<string, unknown>>;
  subgraph: { nodes: string[]; relationships: ResultRelationship[] };
  /** True when the row or byte limit cut the result. */
  truncated: boolean;
  /** Where and why it was cut ("result cut at 1000 rows / 52311 bytes: …"), null when complete. */
  cut: string | null;
}

/** Runs the console's read-only queries; the server holds one, or none without Neo4j. */
export interface CypherConsole {
  status(): Promise<Neo4jStatus>;
  run(query: string, params: Record<string, unknown>): Promise<CypherResult>;
  close(): Promise<void>;
}

/** The JSON error body of every failed API call: the error's class name and a sentence. */
export interface ApiError {
  error: string;
  message: string;
}

/** GET /api/node?key=: a node's full attributes and the evidence of each of its edges. */
export interface NodeDetails {
  key: string;
  attributes: NodeAttributes;
  /** Evidence of every edge at the node, by edge key. */
  evidence: Record<string, Evidence[]>;
}

/** GET /api/edge?key=: an edge's full attributes, evidence included. */
export interface EdgeDetails {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
}
