// `npm start`: the README's main command. Builds graph/out/graph.json from graph/articles
// when the articles (or the code that reads them) changed, builds the viewer when stale,
// then serves it on http://127.0.0.1:PORT and prints the address.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { Command } from "commander";
import { hashInputs, readRecordedHash, recordHash } from "../src/server/inputs-hash.ts";
import { DEFAULT_HOST, resolvePort, startViewer } from "../src/server/start-viewer.ts";
import { PROJECT_ROOT } from "../src/server/web-bundle.ts";
import { listenErrorLine } from "../src/commands/listen-errors.ts";
import { portFromNpm } from "./npm-port.ts";

interface StartOptions {
  articles: string;
  out: string;
  port?: string;
  host: string;
}

/** The graph depends on the articles and on the code that reads them; not on the viewer's. */
function graphInputsHash(articles: string): string {
  return hashInputs(PROJECT_ROOT, [relative(PROJECT_ROOT, articles), "src", "package-lock.json"], ["src/server", "src/commands/serve.ts"]);
}

/** Runs `diplograph build` unless graph.json is there and was built from these very inputs. */
function ensureGraph(articles: string, out: string): string {
  const graphPath = join(out, "graph.json");
  const stamp = join(out, ".inputs.sha256");
  const hash = graphInputsHash(articles);
  if (existsSync(graphPath) && readRecordedHash(stamp) === hash) {
    console.log(`Graph up to date: ${relative(process.cwd(), graphPath)}`);
    return graphPath;
  }
  console.log(`Building the graph from ${relative(process.cwd(), articles) || "."}…`);
  const build = spawnSync(process.execPath, [join(PROJECT_ROOT, "bin/diplograph.js"), "build", articles, "--out", out], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error(`start: \`diplograph build\` failed (exit ${build.status ?? build.signal}); the viewer was not started`);
    process.exit(1);
  }
  recordHash(stamp, hash);
  return graphPath;
}

const program = new Command()
  .name("npm start")
  .option("--articles <dir>", "folder of articles", join(PROJECT_ROOT, "graph/articles"))
  .option("--out <dir>", "where graph.json goes", join(PROJECT_ROOT, "graph/out"))
  .option("--port <port>", "port (env PORT, default 8080)")
  .option("--host <host>", "address to bind", DEFAULT_HOST)
  // `npm start --port 9000` hands over only "9000" (npm keeps `--port` as its own setting)
  .argument("[port]")
  .parse(process.argv);
const options = program.opts<StartOptions>();

const graphPath = ensureGraph(resolve(options.articles), resolve(options.out));
const port = resolvePort(options.port ?? portFromNpm(program.args[0], process.env));
const viewer = await startViewer({ graphPath, port, host: options.host }).catch((error: unknown) => {
  const line = listenErrorLine(error);
  if (line === undefined) throw error;
  console.error(`start: ${line}`);
  process.exit(1);
});
console.log(`Diplograph viewer: ${viewer.url}`);
const stop = () => void viewer.close().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
