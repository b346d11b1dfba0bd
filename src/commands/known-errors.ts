// The commands that talk to Neo4j end the same way: an expected error (bad input, refused query,
// unreachable server) is one line on standard error and exit code 1; anything else is a bug and
// is thrown; the drivers are closed either way so the process can exit.
// The error classes come from errors.ts, which does not load the driver; the driver itself is
// loaded only by the commands' work (so `--help` and `--version` start fast).
import { Neo4jAuthError, Neo4jServerError, Neo4jUnavailableError, Neo4jUriError } from "../neo4j/errors.ts";

type ErrorClass = abstract new (...args: never[]) => Error;

/** What any talk with Neo4j can end in, whatever the command: each already one line. */
const NEO4J_ERRORS: readonly ErrorClass[] = [Neo4jUriError, Neo4jUnavailableError, Neo4jAuthError, Neo4jServerError];

export async function runWithNeo4j(known: readonly ErrorClass[], run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (![...NEO4J_ERRORS, ...known].some((type) => error instanceof type)) throw error;
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    const { closeDrivers } = await import("../neo4j/driver.ts");
    await closeDrivers();
  }
}
