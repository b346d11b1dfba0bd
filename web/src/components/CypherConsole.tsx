// The Cypher console: read-only queries run by the server against Neo4j; the answer is
// shown as a table and as a highlighted subgraph on the canvas. Off without Neo4j.
import { useState } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import type { CypherResult, Neo4jStatus } from "../../../src/server/types.ts";
import { ApiCallError, runCypher } from "../api.ts";
import { readableError } from "../messages.ts";
import { CypherInput } from "./CypherInput.tsx";

export interface CypherConsoleProps {
  graph: KnowledgeGraph;
  status: Neo4jStatus | null;
  query: string;
  onQuery(query: string): void;
  onResult(result: CypherResult | null): void;
}

const EXAMPLE = "MATCH (c:Country)-[r:CHAIRED]->(m:Meeting) RETURN c, r, m LIMIT 25";

interface GraphValue {
  $type?: string;
  type?: string;
  properties?: { label?: unknown; key?: unknown };
  nodes?: unknown[];
}

/** A cell as text: nodes by their label, relationships by their type, the rest as JSON. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  const graphValue = value as GraphValue;
  if (graphValue.$type === "node") return String(graphValue.properties?.label ?? graphValue.properties?.key ?? "(node)");
  if (graphValue.$type === "relationship") return `–${graphValue.type ?? ""}→`;
  if (graphValue.$type === "path") return `(path of ${graphValue.nodes?.length ?? 0} nodes)`;
  return JSON.stringify(value);
}

function labelOf(graph: KnowledgeGraph, key: string): string {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : key;
}

export function CypherConsole({ graph, status, query, onQuery, onResult }: CypherConsoleProps) {
  const [result, setResult] = useState<CypherResult | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [running, setRunning] = useState(false);
  const enabled = status?.reachable === true;

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      const answer = await runCypher(query || EXAMPLE);
      setResult(answer);
      onResult(answer);
    } catch (caught) {
      setResult(null);
      onResult(null);
      setError(caught instanceof ApiCallError ? caught : new ApiCallError("Error", String(caught)));
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="cypher" data-testid="cypher-console" data-enabled={enabled}>
      <header>
        <h3>Cypher</h3>
        <span className={`status ${enabled ? "on" : "off"}`} title={status?.error ?? status?.uri ?? ""}>
          {status === null ? "…" : enabled ? `Neo4j: ${status.uri ?? "đã kết nối"}` : "Neo4j không kết nối — bảng điều khiển tắt"}
        </span>
      </header>
      <CypherInput value={query} enabled={enabled} placeholder={EXAMPLE} onChange={onQuery} onRun={() => void run()} />
      <div className="cypher-actions">
        <button type="button" data-testid="cypher-run" disabled={!enabled || running} onClick={() => void run()}>
          {running ? "Đang chạy…" : "Chạy (Ctrl+Enter)"}
        </button>
        {result && (
          <button
            type="button"
            onClick={() => {
              setResult(null);
              onResult(null);
            }}
          >
            Xoá kết quả
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert" data-testid="cypher-error" data-error={error.errorName}>
          {readableError(error.errorName, error.message)}
          <small className="error-detail">
            {error.errorName}: {error.message}
          </small>
        </p>
      )}
      {result && (
        <div className="cypher-result" data-testid="cypher-result">
          {result.subgraph.relationships.length > 0 && (
            <ul className="result-relationships" data-testid="cypher-relationships">
              {result.subgraph.relationships.map((relationship, index) => (
                <li key={index}>
                  {labelOf(graph, relationship.source)} –{relationship.type}→ {labelOf(graph, relationship.target)}
                </li>
              ))}
            </ul>
          )}
          <table>
            <thead>
              <tr>
                {result.columns.map((column) => (
                  <th key={column}>{column}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row, index) => (
                <tr key={index}>
                  {result.columns.map((column) => (
                    <td key={column}>{cellText(row[column])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">
            {result.rows.length} dòng{result.truncated ? ` (đã cắt theo giới hạn: ${result.cut ?? ""})` : ""}
          </p>
        </div>
      )}
    </section>
  );
}
