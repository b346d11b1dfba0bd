// vitest globalSetup of the integration project: the tests get a Neo4j server of their own,
// never the user's. It starts on a free Bolt port chosen now (never 7687), with its data under
// this run's temporary folder, and is stopped at the end; the tests (and the commands they
// spawn) find it through NEO4J_URI and friends, which replace whatever the user had set.
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localServerConfig, startServer, stopServer } from "../../scripts/neo4j/server.ts";
import type { LocalServerConfig } from "../../scripts/neo4j/server.ts";
import { freePort } from "./free-port.ts";

/** The default Bolt port: where a user's own Neo4j most likely listens. Tests never use it. */
const USER_DEFAULT_BOLT_PORT = 7687;
const TEST_PASSWORD = "diplograph-tests";

/** The test server's settings: a fresh home in the run's temporary folder, a free port, LOAD CSV confined to `import/`. */
export async function testServerConfig(): Promise<LocalServerConfig> {
  // test/temp-dir.ts runs first and points TMPDIR at this run's folder, removed at the end.
  const home = join(tmpdir(), "neo4j");
  const importDir = join(home, "import");
  mkdirSync(importDir, { recursive: true });
  let boltPort = await freePort();
  while (boltPort === USER_DEFAULT_BOLT_PORT) boltPort = await freePort();
  return {
    ...localServerConfig({}),
    home,
    boltPort,
    httpPort: 0,
    javaOpts: ["-Xms128m", "-Xmx768m", "-XX:+UseG1GC"],
    password: TEST_PASSWORD,
    importDir,
    // The export tests replay CSV files with LOAD CSV from this folder (and only from it).
    csvFileUrls: true,
  };
}

export default async function setup(): Promise<() => Promise<void>> {
  const config = await testServerConfig();
  // A failure to start throws here, which fails the run: a missing Neo4j is never a skip.
  await startServer(config, { log: (line) => console.error(line) });
  Object.assign(process.env, {
    NEO4J_URI: `bolt://127.0.0.1:${config.boltPort}`,
    NEO4J_USER: "neo4j",
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: "neo4j",
    DIPLOGRAPH_TEST_NEO4J_IMPORT: config.importDir,
  });
  return async () => {
    await stopServer(config);
  };
}
