// Reading and extraction on every core: a pool of worker threads, each reading and extracting
// the files it is given (file-work.ts). A file is read by whichever worker has least to do and
// extracted by the one that read it (which holds its text). Answers come back in any order;
// the caller keeps its own (extract-files.ts hands files on in file order), so the output does
// not depend on the number of workers.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { loadLexicon, type Lexicon } from "../extract/lexicon.ts";
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { BudgetRule } from "./budget.ts";
import { FileWork, type FileExtraction, type FileRead } from "./file-work.ts";
import type { WorkerSettings, WorkerTask } from "./extract-worker.ts";

/** Files by number: `read` each once, then `extract` the articles kept of it or `drop` it. */
export interface Extractor {
  read(id: number, file: ArticleFile): Promise<FileRead>;
  extract(id: number, keep: number[]): Promise<FileExtraction>;
  drop(id: number): void;
  close(): Promise<void>;
}

export const defaultJobs = () => availableParallelism();

/**
 * The worker's entry. Under tsx (bin/diplograph.js, npm scripts, vitest) this module is
 * TypeScript and a worker thread does not inherit the parent's loader hooks, so the worker
 * registers tsx itself before importing its entry; compiled to JavaScript, it imports it directly.
 */
function startWorker(settings: WorkerSettings): Worker {
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./extract-worker.${typescript ? "ts" : "js"}`, import.meta.url).href;
  const boot = typescript
    ? `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`
    : `import(${JSON.stringify(entry)})`;
  return new Worker(boot, { eval: true, workerData: settings });
}

/** In-process work (one job): no thread to start, the same answers. */
function inProcess(settings: WorkerSettings): Extractor {
  let lexicon: Lexicon | undefined;
  const work = new FileWork(() => (lexicon ??= loadLexicon()), settings.version, settings.budget);
  return {
    read: async (id, file) => work.read(id, file),
    extract: async (id, keep) => work.extract(id, keep),
    drop: (id) => work.drop(id),
    close: async () => {},
  };
}

interface Pending {
  resolve(answer: { read?: FileRead; extraction?: FileExtraction }): void;
  reject(error: Error): void;
}

export function createExtractor(jobs: number, version: string, budget?: BudgetRule): Extractor {
  const settings: WorkerSettings = { version, ...(budget ? { budget } : {}) };
  if (jobs <= 1) return inProcess(settings);
  const workers = Array.from({ length: jobs }, () => startWorker(settings));
  // what each worker has been asked and not yet answered, in order (a worker answers in order)
  const asked = new Map<Worker, Pending[]>(workers.map((w) => [w, []]));
  const holder = new Map<number, Worker>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= new Error(`extraction worker failed: ${error.message}`);
    for (const pending of asked.values()) for (const p of pending.splice(0)) p.reject(failure);
  };
  for (const worker of workers) {
    worker.on("message", (answer: { id: number; read?: FileRead; extraction?: FileExtraction }) => asked.get(worker)!.shift()?.resolve(answer));
    // a worker that dies (out of memory, a bug) fails the build with its reason, never hangs it
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0 || asked.get(worker)!.length > 0) fail(new Error(`exited with code ${code}`));
    });
  }
  const ask = (worker: Worker, task: WorkerTask) =>
    new Promise<{ read?: FileRead; extraction?: FileExtraction }>((resolve, reject) => {
      if (failure) return reject(failure);
      asked.get(worker)!.push({ resolve, reject });
      worker.postMessage(task);
    });
  return {
    async read(id, file) {
      const worker = workers.reduce((a, b) => (asked.get(b)!.length < asked.get(a)!.length ? b : a));
      holder.set(id, worker);
      return (await ask(worker, { op: "read", id, file })).read!;
    },
    async extract(id, keep) {
      const worker = holder.get(id)!;
      holder.delete(id);
      return (await ask(worker, { op: "extract", id, keep })).extraction!;
    },
    drop(id) {
      const worker = holder.get(id);
      holder.delete(id);
      if (worker && !failure) worker.postMessage({ op: "drop", id } satisfies WorkerTask);
    },
    async close() {
      failure ??= new Error("extraction pool closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
