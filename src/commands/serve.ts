// `diplograph serve`: the viewer for a graph.json on http://127.0.0.1:PORT, with the Cypher
// console on when Neo4j answers (same settings as `diplograph load`).
import type { Command } from "commander";
import { resolve } from "node:path";
// The server (Fastify, the Neo4j driver) is loaded when `serve` runs, not for every command's start-up.
import type * as StartViewer from "../server/start-viewer.ts";

const DEFAULT_HOST: typeof StartViewer.DEFAULT_HOST = "127.0.0.1";

const DEFAULT_GRAPH = "graph/out/graph.json";

interface ServeOptions {
  graph?: string;
  port?: string;
  host: string;
  token?: string;
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    // Both `serve FILE` and `serve --graph FILE` (as `load` and `export` take it) are accepted.
    .argument("[graph]", `graph.json to show (default ${DEFAULT_GRAPH})`)
    .option("--graph <file>", "graph.json to show, as an option")
    .option("--port <port>", "port to listen on (env PORT, default 8080; 0 picks a free one)")
    .option("--host <host>", "address to bind; keep 127.0.0.1 unless you mean to share it", DEFAULT_HOST)
    .option("--token <token>", "API token, required with a --host other than loopback (env DIPLOGRAPH_TOKEN)")
    .option("--uri <uri>", "Neo4j for the Cypher console (env NEO4J_URI)")
    .option("--user <user>", "Neo4j user (env NEO4J_USER)")
    .option("--password <password>", "Neo4j password (env NEO4J_PASSWORD)")
    .option("--database <name>", "Neo4j database (env NEO4J_DATABASE)")
    .description("serve the graph viewer in the browser")
    .action(async (graph: string | undefined, options: ServeOptions, command: Command) => {
      if (graph !== undefined && options.graph !== undefined && graph !== options.graph) {
        command.error(`error: two graphs given ("${graph}" and --graph "${options.graph}"); give one`);
      }
      const { resolvePort, startViewer, TokenRequiredError } = await import("../server/start-viewer.ts");
      const token = options.token ?? process.env.DIPLOGRAPH_TOKEN;
      // a port that is no port is the user's mistake: one line, not a stack trace
      let port: number;
      try {
        port = resolvePort(options.port);
      } catch (error) {
        command.error(`error: ${(error as Error).message}`);
      }
      const viewer = await startViewer({
        token,
        graphPath: resolve(options.graph ?? graph ?? DEFAULT_GRAPH),
        port,
        host: options.host,
        neo4j: { uri: options.uri, user: options.user, password: options.password, database: options.database },
      }).catch((error: unknown) => {
        // An expected refusal is one line, not a stack trace.
        if (!(error instanceof TokenRequiredError)) throw error;
        console.error(error.message);
        process.exitCode = 1;
        return null;
      });
      if (!viewer) return;
      console.log(`Diplograph viewer: ${viewer.url}`);
      const stop = () => void viewer.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
