// An extraction worker thread: receives one file's articles at a time, answers with their
// records (or why the file is left out). The lexicon is loaded once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { loadLexicon } from "../extract/lexicon.ts";
import type { Article } from "../ingest/types.ts";
import type { BudgetRule } from "./budget.ts";
import { extractFile } from "./extract-file.ts";

export interface WorkerTask {
  id: number;
  articles: Article[];
}

const lexicon = loadLexicon();
const budget = (workerData as { budget?: BudgetRule } | undefined)?.budget;

parentPort!.on("message", (task: WorkerTask) => {
  parentPort!.postMessage({ id: task.id, outcome: extractFile(task.articles, lexicon, budget) });
});
