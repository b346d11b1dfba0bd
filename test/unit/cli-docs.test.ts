// The command line as the README documents it: every subcommand's --help, every option the
// README's usage lines name, --version, unknown options refused on one line with a suggestion,
// and the README's examples that need no Neo4j (build, eval, export), run through bin/diplograph.js.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CommanderError, type Command } from "commander";
import { describe, expect, it } from "vitest";
import { listenErrorLine } from "../../src/commands/listen-errors.ts";
import { createProgram, packageVersion } from "../../src/program.ts";
import { portFromNpm } from "../../scripts/npm-port.ts";
import { PROJECT_ROOT } from "../helpers/sample-graph.ts";

const CLI = join(PROJECT_ROOT, "bin/diplograph.js");
const README = readFileSync(join(PROJECT_ROOT, "README.md"), "utf8");

/** The README's usage block: `npx diplograph NAME …` lines. */
const usage = [...README.matchAll(/^npx diplograph (\w+) (.*)$/gm)].map((m) => ({ name: m[1]!, line: m[2]! }));

/** Parses `args` in-process; commander's exits become results. */
async function parse(args: string[]): Promise<{ exitCode: number; out: string; err: string; program: Command }> {
  const program = createProgram();
  let out = "";
  let err = "";
  const quiet = (command: Command) => {
    command.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
    // keep createProgram's one-line error formatting
    command.configureOutput({ outputError: (text, write) => write(`${text.trimEnd().replace(/\s*\n\s*/g, " ")}\n`) });
    command.commands.forEach(quiet);
  };
  quiet(program);
  // no action runs here: the commands are replaced by a recorder
  for (const command of program.commands) command.action(() => undefined);
  try {
    await program.parseAsync(["node", "diplograph", ...args]);
    return { exitCode: 0, out, err, program };
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { exitCode: error.exitCode, out, err, program };
  }
}

describe("documented invocations", () => {
  it("the README documents every subcommand, and every one is documented", () => {
    const names = createProgram().commands.map((c) => c.name()).sort();
    expect([...new Set(usage.map((u) => u.name))].sort()).toEqual(names);
  });

  it.each(usage.map((u) => [u.name, u.line]))("%s --help lists every option of `%s`", async (name, line) => {
    const { exitCode, out } = await parse([name, "--help"]);
    expect(exitCode).toBe(0);
    expect(out).toContain(`Usage: diplograph ${name}`);
    for (const option of line.match(/--[a-z][a-z-]*/g) ?? []) expect(out, option).toContain(option);
  });

  it("--help and --version", async () => {
    expect((await parse(["--help"])).exitCode).toBe(0);
    const version = await parse(["--version"]);
    expect(version.exitCode).toBe(0);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")).version);
    expect(packageVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each(usage.map((u) => u.name))("%s refuses an unknown option on one line", async (name) => {
    const { exitCode, err } = await parse([name, "--no-such-option"]);
    expect(exitCode).toBe(1);
    expect(err.trimEnd().split("\n")).toEqual(["error: unknown option '--no-such-option'"]);
  });

  it("a misspelt option is named, with the right one suggested, before any missing required option", async () => {
    const { exitCode, err } = await parse(["export", "--fromat", "gexf", "--out", "x.gexf"]);
    expect(exitCode).toBe(1);
    expect(err).toBe("error: unknown option '--fromat' (Did you mean --format?)\n");
    const missing = await parse(["export", "--out", "x.gexf"]);
    expect(missing.err).toBe("error: required option '--format <format>' not specified\n");
    expect((await parse(["eval"])).err).toMatch(/^error: required option '--gold <file>' not specified\n$/);
  });

  it("serve takes the graph as an argument or as --graph, as documented", async () => {
    for (const args of [["serve", "g.json"], ["serve", "--graph", "g.json"], ["serve", "--graph", "g.json", "--port", "0"]]) {
      const { exitCode, err, program } = await parse(args);
      expect(err).toBe("");
      expect(exitCode).toBe(0);
      const serve = program.commands.find((c) => c.name() === "serve")!;
      expect(serve.opts().graph ?? serve.args[0]).toBe("g.json");
    }
  });
});

describe("the command itself (bin/diplograph.js)", () => {
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, encoding: "utf8" });

  it("--version prints the version; an unknown option is one line on stderr and exit code 1", () => {
    const version = run(["--version"]);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(packageVersion());
    const typo = run(["export", "--fromat", "gexf"]);
    expect(typo.status).toBe(1);
    expect(typo.stdout).toBe("");
    expect(typo.stderr).toBe("error: unknown option '--fromat' (Did you mean --format?)\n");
  });

  it("a port that is no port is one line on stderr and exit code 1, from --port or PORT", () => {
    for (const [args, env] of [[["serve", "--port", "abc"], {}], [["serve"], { PORT: "99999" }]] as const) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, encoding: "utf8", env: { ...process.env, ...env } });
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toContain("port must be an integer from 0 to 65535");
    }
  });

  it("the README's examples without Neo4j: build to a folder, eval, export from the built graph", () => {
    const out = mkdtempSync(join(tmpdir(), "diplograph-readme-"));
    const build = run(["build", "graph/articles", "--out", out]);
    expect(build.status, build.stderr).toBe(0);
    const graph = join(out, "graph.json");
    expect(existsSync(graph)).toBe(true);

    const evaluated = run(["eval", "--gold", "test/fixtures/gold-seeds.json", "--articles", "graph/articles"]);
    expect(evaluated.status, evaluated.stderr).toBe(0);
    expect(evaluated.stdout).toMatch(/F1/i);
    const scored = run(["eval", "--gold", "test/fixtures/gold-seeds.json", "--graph", graph, "--json"]);
    expect(scored.status, scored.stderr).toBe(0);
    expect(() => JSON.parse(scored.stdout)).not.toThrow();

    for (const format of ["gexf", "graphml", "json", "cypher"]) {
      const file = join(out, `g.${format}`);
      const exported = run(["export", "--format", format, "--out", file, "--graph", graph]);
      expect(exported.status, exported.stderr).toBe(0);
      expect(existsSync(file)).toBe(true);
    }
    const csv = run(["export", "--format", "csv", "--out", join(out, "g.csv"), "--graph", graph, "--kinds", "Official,Meeting"]);
    expect(csv.status, csv.stderr).toBe(0);
    expect(existsSync(join(out, "g-nodes.csv")) && existsSync(join(out, "g-relationships.csv"))).toBe(true);
  });
});

describe("friction around the viewer's port", () => {
  it("a busy port is one line naming it and --port", async () => {
    const first = net.createServer().listen(0, "127.0.0.1");
    await new Promise((done) => first.once("listening", done));
    const port = (first.address() as net.AddressInfo).port;
    const second = net.createServer();
    const error = await new Promise<Error>((done) => second.once("error", done).listen(port, "127.0.0.1"));
    first.close();
    expect(listenErrorLine(error)).toBe(`port ${port} is in use; choose another with --port (or PORT=N npm start)`);
    expect(listenErrorLine(new Error("something else"))).toBeUndefined();
  });

  it("`npm start --port 9000` and `npm start --port=9000` give 9000 (npm swallows the flag)", () => {
    expect(portFromNpm("9000", { npm_config_port: "true" })).toBe("9000");
    expect(portFromNpm(undefined, { npm_config_port: "9000" })).toBe("9000");
    expect(portFromNpm("whatever", {})).toBeUndefined();
  });
});
