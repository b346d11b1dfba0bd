// `npm run neo4j:build|start|stop|status`: the local Neo4j server from the command line.
import { buildLauncher, LocalServerError, localServerConfig, serverStatus, startServer, stopServer } from "./server.ts";

const config = localServerConfig();
const command = process.argv[2];

try {
  if (command === "build") {
    buildLauncher((line) => console.error(line));
    console.log("neo4j: launcher built (scripts/neo4j/target)");
  } else if (command === "start") {
    const { started, pid } = await startServer(config);
    console.log(
      `neo4j: ${started ? "started" : "already running"} (pid ${pid}) on bolt://127.0.0.1:${config.boltPort}` +
        (config.httpPort > 0 ? ` and http://127.0.0.1:${config.httpPort}` : "") +
        `, data in ${config.home}`,
    );
  } else if (command === "stop") {
    console.log((await stopServer(config)) ? "neo4j: stopped" : `neo4j: not running (home ${config.home})`);
  } else if (command === "status") {
    const status = await serverStatus(config);
    if (status.state === "running") {
      console.log(`neo4j: running (pid ${status.pid}) on bolt://127.0.0.1:${status.boltPort}, data in ${status.home}`);
    } else if (status.state === "starting") {
      console.log(`neo4j: starting (pid ${status.pid}), data in ${status.home}`);
      process.exitCode = 3;
    } else {
      const busy = status.portBusy ? ` (port ${config.boltPort} is answering: a server this home did not start)` : "";
      console.log(`neo4j: not running${busy}`);
      process.exitCode = 3;
    }
  } else {
    console.error("usage: tsx scripts/neo4j/cli.ts build|start|stop|status");
    process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof LocalServerError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
