// The Cypher console: read-only queries run by the server against Neo4j; the answer is
// shown as a table and as a highlighted subgraph on the canvas. Off without Neo4j. A query
// that arrives in a shared link (`?cypher=`) is shown and waits for the reader's yes.
import { useState } from "react";
import type { KnowledgeGraph } from "../../../src/graph/types.ts";
import type { CypherResult, Neo4jStatus } from "../../../src/server/types.ts";
import { ApiCallError, runCypher } from "../api.ts";
import { localized, readableError } from "../messages.ts";
import { CypherInput } from "./CypherInput.tsx";

export interface CypherConsoleProps {
  graph: KnowledgeGraph;
  status: Neo4jStatus | null;
  query: string;
  onQuery(query: string): void;
  onResult(result: CypherResult | null): void;
  /** The query came in the page's link: run it only once the reader confirms. */
  confirmFirst: boolean;
  /** Relationships of the result drawn dashed (not among the view's shown edges). */
  dashedCount: number;
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

export function CypherConsole({ graph, status, query, onQuery, onResult, confirmFirst, dashedCount }: CypherConsoleProps) {
  const [result, setResult] = useState<CypherResult | null>(null);
  // A link can carry any read query (a heavy one, or one that shows something misleading):
  // nothing runs on load; the query is shown and the reader decides.
  const [awaiting, setAwaiting] = useState(confirmFirst && query.trim() !== "");
  const [error, setError] = useState<ApiCallError | null>(null);
  const [running, setRunning] = useState(false);
  const enabled = status?.reachable === true;

  const run = async () => {
    setAwaiting(false);
    setRunning(true);
    setError(null);
    try {
      const answer = await runCypher(query || EXAMPLE);
      setResult(answer);
      onResult(answer);
    } catch (caught) {
      setResult(null);
      onResult(null);
      // fetch rejects with a TypeError when the server cannot be reached at all.
      setError(caught instanceof ApiCallError ? caught : new ApiCallError(caught instanceof TypeError ? "NetworkError" : "Error", String(caught)));
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
      <CypherInput
        value={query}
        enabled={enabled}
        placeholder={EXAMPLE}
        onChange={(value) => {
          // An edit means the reader has taken the query over (an echo of the link's is none).
          if (value !== query) setAwaiting(false);
          onQuery(value);
        }}
        onRun={() => void run()}
      />
      {awaiting && (
        <div className="cypher-confirm" role="group" aria-label={localized("Truy vấn từ liên kết", "Query from the link")} data-testid="cypher-confirm">
          <p>
            <strong>{localized("Chạy truy vấn này?", "Run this query?")}</strong>{" "}
            {localized(
              "Liên kết bạn mở có kèm câu truy vấn ở trên; nó chỉ chạy khi bạn đồng ý.",
              "The link you opened carries the query above; it runs only if you agree.",
            )}
            {!enabled && ` ${localized("(Neo4j chưa kết nối nên chưa chạy được.)", "(Neo4j is not connected, so it cannot run yet.)")}`}
          </p>
          <button type="button" data-testid="cypher-confirm-run" disabled={!enabled || running} onClick={() => void run()}>
            {localized("Chạy truy vấn", "Run the query")}
          </button>{" "}
          <button type="button" data-testid="cypher-confirm-dismiss" onClick={() => setAwaiting(false)}>
            {localized("Không chạy", "Don't run")}
          </button>
        </div>
      )}
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
          {dashedCount > 0 && (
            <p className="note" data-testid="cypher-dashed-note">
              {localized(
                `${dashedCount} quan hệ không có trong đồ thị đang xem (như MENTIONED_IN, chỉ có trong Neo4j) được vẽ bằng nét đứt.`,
                `${dashedCount} relationship(s) not in the graph on view (such as MENTIONED_IN, which only Neo4j holds) are drawn dashed.`,
              )}
            </p>
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
