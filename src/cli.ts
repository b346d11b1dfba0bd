// The `diplograph` command line: parses arguments and hands over to one subcommand.
import { listenErrorLine } from "./commands/listen-errors.ts";
import { createProgram } from "./program.ts";

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  // `serve` on a busy port: the user's to fix, one line. Anything else is a bug: thrown as is.
  const line = listenErrorLine(error);
  if (line === undefined) throw error;
  console.error(`diplograph serve: ${line}`);
  process.exitCode = 1;
}
