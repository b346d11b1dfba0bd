// An extraction worker thread: reads (and extracts) the files it is given and extracts the
// articles the build keeps of a page (file-work.ts), in the order the tasks come. The lexicon is
// loaded once per worker. Tasks come in batches and answers go back in batches: every message
// to a thread that sleeps costs its sender about a millisecond of CPU here (the wake-up), so the
// answers are sent every few files, or as soon as no task waits.
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { loadLexicon } from "../extract/lexicon.ts";
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { BudgetRule } from "./budget.ts";
import { ANSWER_BATCH } from "./extract-pool.ts";
import { FileWork, type FileExtraction, type FileRead } from "./file-work.ts";

export type WorkerTask =
  | { op: "read"; id: number; file: ArticleFile }
  | { op: "extract"; id: number; keep: number[] }
  | { op: "drop"; id: number };

/** A task's answer (a `drop` has none). */
export type WorkerAnswer = { id: number; read: FileRead } | { id: number; extraction: FileExtraction };

export interface WorkerSettings {
  budget?: BudgetRule;
  version: string;
  /** Digests of the records the build may reuse: those articles are not extracted while their file is read. */
  reusable?: string[];
}

const settings = workerData as WorkerSettings;
const lexicon = loadLexicon();
const reusable = new Set(settings.reusable);
const work = new FileWork(() => lexicon, settings.version, settings.budget, (d) => reusable.has(d));
const port = parentPort!;

const answers: WorkerAnswer[] = [];
const transfer: ArrayBuffer[] = [];
function send(): void {
  if (answers.length === 0) return;
  port.postMessage(answers.splice(0), transfer.splice(0));
}

function perform(task: WorkerTask): void {
  if (task.op === "read") {
    // a path sent as a Buffer arrives as a Uint8Array
    const read = work.read(task.id, { name: task.file.name, path: Buffer.from(task.file.path) });
    answers.push({ id: task.id, read });
    transfer.push(read.bodies.buffer as ArrayBuffer);
  } else if (task.op === "extract") answers.push({ id: task.id, extraction: work.extract(task.id, task.keep) });
  else work.drop(task.id);
}

port.on("message", (first: WorkerTask[]) => {
  // the tasks already queued are taken here, without returning to the event loop, so that answers can wait for company
  for (let tasks: WorkerTask[] | undefined = first; tasks; tasks = receiveMessageOnPort(port)?.message as WorkerTask[] | undefined) {
    for (const task of tasks) {
      perform(task);
      if (answers.length >= ANSWER_BATCH) send();
    }
  }
  send();
});
