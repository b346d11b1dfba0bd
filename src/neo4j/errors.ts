// Named errors of the Neo4j side, and the one place that turns driver errors into them
// so that every command prints one clear line.
import { Neo4jError } from "neo4j-driver";
import type { ConnectionSettings } from "./settings.ts";

export class Neo4jUnavailableError extends Error {
  override name = "Neo4jUnavailableError";
}
export class Neo4jAuthError extends Error {
  override name = "Neo4jAuthError";
}
/** A query that would write, or call an administration procedure, sent to a read-only runner. */
export class WriteQueryRefusedError extends Error {
  override name = "WriteQueryRefusedError";
}
export class QueryTimeoutError extends Error {
  override name = "QueryTimeoutError";
}
/** The server rejected a query: syntax, unknown function, missing parameter… */
export class CypherError extends Error {
  override name = "CypherError";
}
/** graph.json cannot be loaded as it is: the message names the file and the reason. */
export class GraphFileError extends Error {
  override name = "GraphFileError";
}
export class SavedQueryError extends Error {
  override name = "SavedQueryError";
}
/** A command-line option with a value the command cannot use. */
export class UsageError extends Error {
  override name = "UsageError";
}

const AUTH_CODES = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
]);

/** Maps a driver error to a named error with a one-line message; other errors pass through. */
export function describeDriverError(error: unknown, settings: ConnectionSettings): unknown {
  if (!(error instanceof Neo4jError)) return error;
  const where = `${settings.uri} (database ${settings.database})`;
  if (error.code === "ServiceUnavailable" || error.code === "SessionExpired") {
    return new Neo4jUnavailableError(
      `neo4j: cannot reach the server at ${where}; start one with \`npm run neo4j:start\` or set NEO4J_URI`,
      { cause: error },
    );
  }
  if (AUTH_CODES.has(error.code)) {
    return new Neo4jAuthError(
      `neo4j: the server at ${settings.uri} refused user "${settings.user}": wrong user or password (set --user/--password or NEO4J_USER/NEO4J_PASSWORD)`,
      { cause: error },
    );
  }
  if (error.code === "Neo.ClientError.Statement.AccessMode" || error.code.startsWith("Neo.ClientError.Security.Forbidden")) {
    return new WriteQueryRefusedError(`neo4j: the server refused a write in a read-only session: ${firstLine(error.message)}`, {
      cause: error,
    });
  }
  if (error.code.startsWith("Neo.ClientError.Transaction.TransactionTimedOut") || error.code.includes("TransactionTimedOut")) {
    return new QueryTimeoutError(`neo4j: the query ran past its time limit: ${firstLine(error.message)}`, { cause: error });
  }
  if (error.code.startsWith("Neo.ClientError.Statement") || error.code.startsWith("Neo.ClientError.Procedure")) {
    return new CypherError(`neo4j: ${firstLine(error.message)}`, { cause: error });
  }
  if (error.code === "Neo.ClientError.Database.DatabaseNotFound") {
    return new Neo4jUnavailableError(`neo4j: no database "${settings.database}" at ${settings.uri}`, { cause: error });
  }
  return error;
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}
