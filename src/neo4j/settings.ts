// How to reach Neo4j: one settings object shared by the loader, `query`, the viewer's
// server and the Cypher exporter, with environment variables as defaults.
import { Neo4jUriError } from "./errors.ts";

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

/** The schemes the JavaScript driver speaks: Bolt direct, or neo4j:// routing; +s = TLS, +ssc = TLS with a self-signed certificate. */
export const URI_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"] as const;

/**
 * Refuses a URI the driver cannot use before any connection is tried: `http://host:7474` (the
 * browser's address, the usual mistake) would otherwise fail later with a less helpful message.
 */
export function checkUri(uri: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(uri)?.[1]?.toLowerCase();
  if (scheme !== undefined && (URI_SCHEMES as readonly string[]).includes(scheme)) return;
  const accepted = URI_SCHEMES.map((s) => `${s}://`).join(", ");
  throw new Neo4jUriError(`neo4j: "${uri}" is not a Neo4j address: the URI must start with one of ${accepted} (e.g. bolt://127.0.0.1:7687)`);
}
