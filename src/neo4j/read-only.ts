// Read-only Cypher for people and programs: a lexical check that refuses writes and
// administration, then a READ session with a time limit and a row limit.
import neo4j from "neo4j-driver";
import { withSession } from "./driver.ts";
import { WriteQueryRefusedError } from "./errors.ts";
import { toPlain } from "./values.ts";
import type { PlainValue } from "./values.ts";
import type { ConnectionSettings } from "./settings.ts";

/** Clauses that write, change the schema, administer the server or reach outside the database. */
const REFUSED_CLAUSES: Array<[RegExp, string]> = [
  [/\bCREATE\b/, "CREATE"],
  [/\bMERGE\b/, "MERGE"],
  [/\bDELETE\b/, "DELETE"],
  [/\bSET\b/, "SET"],
  [/\bREMOVE\b/, "REMOVE"],
  [/\bDROP\b/, "DROP"],
  [/\bFOREACH\b/, "FOREACH"],
  [/\bLOAD\s+CSV\b/, "LOAD CSV"],
  [/\bIN\s+TRANSACTIONS\b/, "CALL … IN TRANSACTIONS"],
  [/\bUSE\b/, "USE"],
  [/\b(GRANT|REVOKE|DENY|ALTER|RENAME|SHOW|TERMINATE|ENABLE|DEALLOCATE|REALLOCATE)\b/, "an administration command"],
  [/\b(START|STOP)\s+DATABASE\b/, "an administration command"],
];

/** Procedures that only read the schema; every other CALL of a procedure is refused. */
const READ_PROCEDURES = new Set([
  "db.labels",
  "db.relationshiptypes",
  "db.propertykeys",
  "db.schema.visualization",
  "db.schema.nodetypeproperties",
  "db.schema.reltypeproperties",
]);

/** Blanks out comments, string literals and `quoted` identifiers so that only Cypher words remain. */
function codeOnly(cypher: string): string {
  return cypher.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:``|[^`])*`/g, (m) => " ".repeat(m.length));
}

/** Throws WriteQueryRefusedError when the query could write or administer; returns otherwise. */
export function checkReadOnly(cypher: string): void {
  const code = codeOnly(cypher).toUpperCase();
  for (const match of code.matchAll(/\bCALL\s+(?![({])([A-Z_][\w.]*)/g)) {
    const name = (match[1] ?? "").toLowerCase();
    if (!READ_PROCEDURES.has(name)) {
      throw new WriteQueryRefusedError(`query: refused: procedure ${name} is not allowed in a read-only query`);
    }
  }
  // Property names such as n.set or n.use are not clauses.
  const clauses = code.replace(/\.\s*[A-Z_]\w*/g, " ");
  for (const [pattern, clause] of REFUSED_CLAUSES) {
    if (pattern.test(clauses)) {
      throw new WriteQueryRefusedError(`query: refused: ${clause} is not allowed in a read-only query`);
    }
  }
}

export interface ReadQueryOptions {
  /** Server-side transaction time limit (default 30 s). */
  timeoutMs?: number;
  /** Rows returned at most; `truncated` says when there were more (default 10,000). */
  rowLimit?: number;
}

export interface ReadQueryResult {
  columns: string[];
  rows: Array<Record<string, PlainValue>>;
  truncated: boolean;
}

/** Parameters as Neo4j expects them: whole numbers as integers (LIMIT $n, ordinals). */
function toDriverParams(params: Record<string, unknown>): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
    if (Array.isArray(value)) return value.map(convert);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    return value;
  };
  return convert(params) as Record<string, unknown>;
}

/** Runs a read query: checked lexically, then in a READ session that the server also enforces. */
export async function runReadQuery(
  settings: ConnectionSettings,
  cypher: string,
  params: Record<string, unknown> = {},
  options: ReadQueryOptions = {},
): Promise<ReadQueryResult> {
  checkReadOnly(cypher);
  return runInReadSession(settings, cypher, params, options);
}

/** The session half of runReadQuery, without the lexical check (exported for the tests that prove the server refuses too). */
export async function runInReadSession(
  settings: ConnectionSettings,
  cypher: string,
  params: Record<string, unknown> = {},
  { timeoutMs = 30_000, rowLimit = 10_000 }: ReadQueryOptions = {},
): Promise<ReadQueryResult> {
  return withSession(settings, "READ", async (session) => {
    const tx = await session.beginTransaction({ timeout: timeoutMs });
    try {
      const result = tx.run(cypher, toDriverParams(params));
      const rows: Array<Record<string, PlainValue>> = [];
      let truncated = false;
      for await (const record of result) {
        if (rows.length >= rowLimit) {
          truncated = true;
          break;
        }
        rows.push(Object.fromEntries(record.keys.map((key) => [String(key), toPlain(record.get(key))])));
      }
      const columns = (await result.keys()).map(String);
      return { columns, rows, truncated };
    } finally {
      if (tx.isOpen()) await tx.rollback();
    }
  });
}
