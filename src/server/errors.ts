// Named errors of the viewer's server; the API sends their name so clients (and tests)
// can tell them apart without reading the wording.

/** Neo4j is not configured or does not answer, so the Cypher console is off. */
export class CypherConsoleUnavailableError extends Error {
  override name = "CypherConsoleUnavailableError";
}

/** The web bundle could not be built (Vite failed); the message carries Vite's reason. */
export class WebBundleError extends Error {
  override name = "WebBundleError";
}
