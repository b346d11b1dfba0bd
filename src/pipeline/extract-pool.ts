// Extraction on every core: a pool of worker threads, each extracting one file at a time.
// Results come back in any order; the caller keeps its own order (build-to-file.ts writes
// records in file order), so the output does not depend on the number of workers.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { loadLexicon } from "../extract/lexicon.ts";
import type { Article } from "../ingest/types.ts";
import type { BudgetRule } from "./budget.ts";
import { extractFile, type FileOutcome } from "./extract-file.ts";
import type { WorkerTask } from "./extract-worker.ts";

export interface Extractor {
  extract(articles: Article[]): Promise<FileOutcome>;
  close(): Promise<void>;
}

export const defaultJobs = () => availableParallelism();

/**
 * The worker's entry. Under tsx (bin/diplograph.js, npm scripts, vitest) this module is
 * TypeScript and a worker thread does not inherit the parent's loader hooks, so the worker
 * registers tsx itself before importing its entry; compiled to JavaScript, it imports it directly.
 */
function startWorker(budget: BudgetRule | undefined): Worker {
  const typescript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./extract-worker.${typescript ? "ts" : "js"}`, import.meta.url).href;
  const boot = typescript
    ? `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`
    : `import(${JSON.stringify(entry)})`;
  return new Worker(boot, { eval: true, workerData: { budget } });
}

/** In-process extraction (one job): no thread to start, the same records. */
function inProcess(budget: BudgetRule | undefined): Extractor {
  let lexicon: ReturnType<typeof loadLexicon> | undefined;
  return {
    extract: async (articles) => extractFile(articles, (lexicon ??= loadLexicon()), budget),
    close: async () => {},
  };
}

export function createExtractor(jobs: number, budget?: BudgetRule): Extractor {
  if (jobs <= 1) return inProcess(budget);
  const workers = Array.from({ length: jobs }, () => startWorker(budget));
  const idle = [...workers];
  const queue: Array<{ task: WorkerTask; resolve: (o: FileOutcome) => void; reject: (e: Error) => void }> = [];
  const running = new Map<Worker, (typeof queue)[number]>();
  let nextId = 0;
  let failure: Error | undefined;
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const job = queue.shift()!;
      running.set(worker, job);
      worker.postMessage(job.task);
    }
  };
  for (const worker of workers) {
    worker.on("message", (message: { id: number; outcome: FileOutcome }) => {
      const job = running.get(worker)!;
      running.delete(worker);
      idle.push(worker);
      job.resolve(message.outcome);
      dispatch();
    });
    // a worker that dies (out of memory, a bug) fails the build with its reason, never hangs it
    const fail = (error: Error) => {
      failure ??= new Error(`extraction worker failed: ${error.message}`);
      running.get(worker)?.reject(failure);
      running.delete(worker);
      for (const job of queue.splice(0)) job.reject(failure);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0 || running.has(worker)) fail(new Error(`exited with code ${code}`));
    });
  }
  return {
    extract(articles) {
      if (failure) return Promise.reject(failure);
      return new Promise((resolve, reject) => {
        queue.push({ task: { id: nextId++, articles }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error("extraction pool closed");
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
