// Every subcommand of `diplograph`; each module registers itself on the program.
import type { Command } from "commander";
import { registerBuild } from "./build.ts";
import { registerEval } from "./eval.ts";
import { registerExport } from "./export.ts";
import { registerExtract } from "./extract.ts";
import { registerLoad } from "./load.ts";
import { registerQuery } from "./query.ts";
import { registerServe } from "./serve.ts";

export const COMMANDS: Array<(program: Command) => void> = [registerBuild, registerExtract, registerEval, registerServe, registerLoad, registerQuery, registerExport];
