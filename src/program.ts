// The `diplograph` command line as a commander program, built by a function so that tests can
// parse arguments in-process (src/cli.ts runs it on process.argv).
import { readFileSync } from "node:fs";
import { Command } from "commander";
import { COMMANDS } from "./commands/index.ts";

/** The version of package.json (src/ and dist/ both sit one folder below it). */
export function packageVersion(): string {
  const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

export function createProgram(): Command {
  const program = new Command()
    .name("diplograph")
    .description("Turn news articles about diplomacy into a knowledge graph you can query and explore.")
    .version(packageVersion(), "-V, --version", "print the version and exit")
    // Unknown options are refused (commander's default, kept explicit), with the closest known
    // one suggested; the error stays on one line: commander puts the suggestion on a second.
    .allowUnknownOption(false)
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (text, write) => write(`${text.trimEnd().replace(/\s*\n\s*/g, " ")}\n`) });
  // Subcommands copy these settings when they are created, so they come before the commands.
  for (const register of COMMANDS) register(program);
  requireOptionsAfterUnknownOnes(program);
  return program;
}

/**
 * commander checks required options before unknown ones, so `export --fromat gexf` said
 * "required option '--format' not specified" instead of naming the typo. Required options are
 * therefore checked here, in a hook that runs after the unknown-option check.
 */
function requireOptionsAfterUnknownOnes(program: Command): void {
  const required = new Map<Command, Array<{ attribute: string; flags: string }>>();
  for (const command of program.commands) {
    const options = command.options.filter((option) => option.mandatory);
    for (const option of options) option.mandatory = false;
    required.set(command, options.map((option) => ({ attribute: option.attributeName(), flags: option.flags })));
  }
  program.hook("preAction", (_program, command) => {
    for (const { attribute, flags } of required.get(command) ?? []) {
      if (command.getOptionValue(attribute) === undefined) {
        command.error(`error: required option '${flags}' not specified`, { code: "commander.missingMandatoryOptionValue" });
      }
    }
  });
}
