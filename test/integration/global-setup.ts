// vitest globalSetup of the integration project: makes sure a Neo4j server answers on the
// Bolt port (starting the local one if none does) and stops it afterwards only if it started it.
import { localServerConfig, portAnswers, startServer, stopServer } from "../../scripts/neo4j/server.ts";

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const config = localServerConfig();
  if (await portAnswers(config.boltPort)) return undefined;
  // A failure to start throws here, which fails the run: a missing Neo4j is never a skip.
  const { started } = await startServer(config, { log: (line) => console.error(line) });
  return async () => {
    if (started) await stopServer(config);
  };
}
