// `diplograph build`: articles in a folder → graph.json (placeholder until the pipeline lands).
import type { Command } from "commander";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .argument("[dir]", "folder of articles (.txt, .html, .md)", "graph/articles")
    .option("--out <dir>", "output folder", "graph/out")
    .description("build graph.json from the articles")
    .action(() => {
      throw new Error("build: not implemented yet");
    });
}
