// Every subcommand of `diplograph`; each module registers itself on the program.
import type { Command } from "commander";
import { registerBuild } from "./build.ts";

export const COMMANDS: Array<(program: Command) => void> = [registerBuild];
