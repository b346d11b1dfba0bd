// How to reach Neo4j: one settings object shared by the loader, `query`, the viewer's
// server and the Cypher exporter, with environment variables as defaults.

export interface ConnectionSettings {
  /** `NEO4J_URI`, default `bolt://127.0.0.1:7687` (the local server of `npm run neo4j:start`). */
  uri: string;
  /** `NEO4J_USER`, default `neo4j`. */
  user: string;
  /** `NEO4J_PASSWORD`, default `diplograph` (the local server's default password). */
  password: string;
  /** `NEO4J_DATABASE`, default `neo4j`. */
  database: string;
}

export const DEFAULT_SETTINGS: ConnectionSettings = {
  uri: "bolt://127.0.0.1:7687",
  user: "neo4j",
  password: "diplograph",
  database: "neo4j",
};

/** Settings from explicit values (command-line options), then the environment, then the defaults. */
export function connectionSettings(
  overrides: Partial<ConnectionSettings> = {},
  env: NodeJS.ProcessEnv = process.env,
): ConnectionSettings {
  const pick = (key: keyof ConnectionSettings, variable: string): string =>
    overrides[key] ?? env[variable] ?? DEFAULT_SETTINGS[key];
  return {
    uri: pick("uri", "NEO4J_URI"),
    user: pick("user", "NEO4J_USER"),
    password: pick("password", "NEO4J_PASSWORD"),
    database: pick("database", "NEO4J_DATABASE"),
  };
}
