// The `diplograph` command line: parses arguments and hands over to one subcommand.
import { Command } from "commander";
import { COMMANDS } from "./commands/index.ts";

const program = new Command()
  .name("diplograph")
  .description("Turn news articles about diplomacy into a knowledge graph you can query and explore.")
  .showHelpAfterError();

for (const register of COMMANDS) register(program);

await program.parseAsync(process.argv);
