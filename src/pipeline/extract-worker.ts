// An extraction worker thread: reads the files it is given and extracts the articles the build
// keeps of them (file-work.ts), one message at a time, in the order they come. The lexicon is
// loaded once per worker.
import { parentPort, workerData } from "node:worker_threads";
import { loadLexicon } from "../extract/lexicon.ts";
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { BudgetRule } from "./budget.ts";
import { FileWork } from "./file-work.ts";

export type WorkerTask =
  | { op: "read"; id: number; file: ArticleFile }
  | { op: "extract"; id: number; keep: number[] }
  | { op: "drop"; id: number };

export interface WorkerSettings {
  budget?: BudgetRule;
  version: string;
}

const settings = workerData as WorkerSettings;
const lexicon = loadLexicon();
const work = new FileWork(() => lexicon, settings.version, settings.budget);

parentPort!.on("message", (task: WorkerTask) => {
  if (task.op === "read") {
    // a path sent as a Buffer arrives as a Uint8Array
    const read = work.read(task.id, { name: task.file.name, path: Buffer.from(task.file.path) });
    parentPort!.postMessage({ id: task.id, read }, [read.bodies.buffer as ArrayBuffer]);
  } else if (task.op === "extract") parentPort!.postMessage({ id: task.id, extraction: work.extract(task.id, task.keep) });
  else work.drop(task.id);
});
