// A Cypher script that rebuilds the export in any Neo4j 5: key constraints first, then
// idempotent MERGE statements, one statement per line, each ending with `;`, replayable with
// `cypher-shell -f FILE`. Same labels, types and properties as `diplograph load` writes.
import type { KnowledgeGraph } from "../graph/types.ts";
import { cypherIdentifier, cypherValue } from "./cypher-literals.ts";
import type { CypherLiteral } from "./cypher-literals.ts";
import { columnsOf, conform, flatEdge, flatNode } from "./properties.ts";
import type { FlatRecord } from "./properties.ts";

/** Rows per UNWIND statement: few round trips, lines a text editor still opens. */
const ROWS_PER_STATEMENT = 100;

/** The loader's constraint name (src/neo4j/cypher.ts), so that a script and a load share one schema. */
const constraintName = (label: string) => `diplograph_${label.toLowerCase().replace(/[^a-z0-9_]/g, "_")}_key`;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** Values in their column's type, so that a property has one type on every node (int or float, list or not). */
function conformed(records: FlatRecord[]): { rows: FlatRecord[]; floats: Set<string> } {
  const columns = columnsOf(records);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const rows = records.map((record) =>
    Object.fromEntries(Object.entries(record).map(([name, value]) => [name, conform(value, byName.get(name) ?? { name, type: "string", list: false })])),
  );
  return { rows, floats: new Set(columns.filter((c) => c.type === "double").map((c) => c.name)) };
}

export function formatCypher(graph: KnowledgeGraph): string {
  const lines: string[] = [
    `// Diplograph export: ${graph.order} nodes, ${graph.size} relationships. Replay: cypher-shell -f FILE (one statement per line; running it twice changes nothing).`,
  ];
  const nodes = conformed(graph.mapNodes((key, attributes) => flatNode(key, attributes)));
  const edges = conformed(graph.mapEdges((_key, attributes) => flatEdge(attributes)));
  const kinds = graph.mapNodes((_key, attributes) => attributes.kind as string);

  const labels = [...new Set(kinds)];
  for (const label of labels) {
    lines.push(`CREATE CONSTRAINT ${cypherIdentifier(constraintName(label))} IF NOT EXISTS FOR (n:${cypherIdentifier(label)}) REQUIRE n.key IS UNIQUE;`);
  }

  // Nodes, by label: `SET n = props` replaces every property, so a replay leaves exactly the export.
  for (const label of labels) {
    const rows = nodes.rows.filter((_row, i) => kinds[i] === label);
    for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
      const literal = cypherValue(chunk.map((props) => ({ key: props.key, props }) as CypherLiteral), nodes.floats);
      lines.push(`UNWIND ${literal} AS row MERGE (n:${cypherIdentifier(label)} {key: row.key}) SET n = row.props;`);
    }
  }

  // Relationships, by (type, source label, target label), one per (type, source, target).
  const groups = new Map<string, { type: string; from: string; to: string; rows: CypherLiteral[] }>();
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target, sourceAttributes, targetAttributes) => {
    const props = edges.rows[index++] ?? {};
    const id = JSON.stringify([attributes.type, sourceAttributes.kind, targetAttributes.kind]);
    const group = groups.get(id) ?? { type: attributes.type, from: sourceAttributes.kind, to: targetAttributes.kind, rows: [] };
    group.rows.push({ source, target, props });
    groups.set(id, group);
  });
  for (const { type, from, to, rows } of groups.values()) {
    for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
      lines.push(
        `UNWIND ${cypherValue(chunk, edges.floats)} AS row ` +
          `MATCH (a:${cypherIdentifier(from)} {key: row.source}) MATCH (b:${cypherIdentifier(to)} {key: row.target}) ` +
          `MERGE (a)-[r:${cypherIdentifier(type)}]->(b) SET r = row.props;`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
