// Named errors of the Neo4j side, and the one place that turns driver errors into them
// so that every command prints one clear line.
import type { Neo4jError } from "neo4j-driver";
import type { ConnectionSettings } from "./settings.ts";

export class Neo4jUnavailableError extends Error {
  override name = "Neo4jUnavailableError";
}
export class Neo4jAuthError extends Error {
  override name = "Neo4jAuthError";
}
/** `--uri` / NEO4J_URI that no driver can use (http://…, a bare host): refused before any connection. */
export class Neo4jUriError extends Error {
  override name = "Neo4jUriError";
}
/** Any other failure the server reports (out of memory, database unavailable…): one line with its code. */
export class Neo4jServerError extends Error {
  override name = "Neo4jServerError";
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
/** `load --bulk` cannot go on: not the local server, a server that will not stop, neo4j-admin refusing the files. */
export class BulkLoadError extends Error {
  override name = "BulkLoadError";
}
/** A command-line option with a value the command cannot use. */
export class UsageError extends Error {
  override name = "UsageError";
}

const AUTH_CODES = new Set(["Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Security.CredentialsExpired"]);
/** Raised after several wrong passwords in a row: the right one is refused too until the lock ends. */
const RATE_LIMIT = "Neo.ClientError.Security.AuthenticationRateLimit";

/** Maps a driver error to a named error with a one-line message; other errors pass through. */
export function describeDriverError(error: unknown, settings: ConnectionSettings): unknown {
  if (!isDriverError(error)) return error;
  const where = `${settings.uri} (database ${settings.database})`;
  if (error.code === "ServiceUnavailable" || error.code === "SessionExpired") {
    return new Neo4jUnavailableError(
      `neo4j: cannot reach the server at ${where}; start one with \`npm run neo4j:start\` or set NEO4J_URI`,
      { cause: error },
    );
  }
  if (error.code === RATE_LIMIT) {
    return new Neo4jAuthError(
      `neo4j: the server at ${settings.uri} has locked user "${settings.user}" out for a while after too many failed logins (${RATE_LIMIT}); wait a few seconds, then retry with the right password`,
      { cause: error },
    );
  }
  // The driver's own failures carry no server code: nothing answered as Neo4j on that port.
  if (error.code === "N/A" || error.code === "ProtocolError") {
    const http = /responded HTTP/i.test(error.message);
    return new Neo4jUnavailableError(
      http
        ? `neo4j: ${settings.uri} answers HTTP, not Bolt: give the Bolt port (7687 by default), not the HTTP one (7474)`
        : `neo4j: ${settings.uri} does not answer as a Neo4j server (${firstLine(error.message)}); is it a Bolt port?`,
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
  // Whatever else the server says (its memory limit, a database that is stopping…) is the server's
  // answer, not a bug of ours: one line with Neo4j's code, which is what its manual is searched by.
  const memory = /MemoryPoolOutOfMemoryError|OutOfMemory/i.test(error.code) ? " (the server ran out of memory: a smaller --batch-size or --limit, or more memory for Neo4j)" : "";
  return new Neo4jServerError(`neo4j: the server at ${where} failed: ${error.code}: ${firstLine(error.message)}${memory}`, { cause: error });
}

/**
 * The driver's errors, told by name and code rather than `instanceof`, so that this module (which
 * every command imports for its error classes) does not load the driver at start-up.
 */
function isDriverError(error: unknown): error is Neo4jError {
  return error instanceof Error && error.name === "Neo4jError" && typeof (error as { code?: unknown }).code === "string";
}

function firstLine(text: string): string {
  return text.split("\n")[0]?.trim() ?? text;
}
