// Reading and extraction on every core: a pool of worker threads, each reading (and extracting)
// the files it is given (file-work.ts). Files asked wait in one queue and go to a worker only when
// it has fewer than WORKER_QUEUE files left to do, so a file is read by whichever worker is free
// first (not by the one that looked least busy when the file was asked), and what workers hold
// does not grow with how far ahead the caller asks. A file of which only some articles are kept is
// extracted by the worker that read it (which holds its text). Answers come back in any order; the
// caller keeps its own (extract-files.ts hands files on in file order), so the output does not
// depend on the number of workers. Tasks given in one turn of the event loop go to a worker in one
// message, and a worker answers a few files at a time (extract-worker.ts): a message costs its
// sender a wake-up, not worth one per file.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { loadLexicon, type Lexicon } from "../extract/lexicon.ts";
import type { ArticleFile } from "../ingest/read-folder.ts";
import type { BudgetRule } from "./budget.ts";
import { FileWork, type FileExtraction, type FileRead } from "./file-work.ts";
import type { WorkerAnswer, WorkerSettings, WorkerTask } from "./extract-worker.ts";

/**
 * Files by number: `read` each once (which extracts it too, unless every record is reusable),
 * then, if the answer says it is `held`, `extract` the articles kept of it or `drop` it.
 */
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
function inProcess(settings: WorkerSettings, reusable: (digest: string) => boolean): Extractor {
  let lexicon: Lexicon | undefined;
  const work = new FileWork(() => (lexicon ??= loadLexicon()), settings.version, settings.budget, reusable);
  return {
    read: async (id, file) => work.read(id, file),
    extract: async (id, keep) => work.extract(id, keep),
    drop: (id) => work.drop(id),
    close: async () => {},
  };
}

interface Pending {
  resolve(answer: WorkerAnswer): void;
  reject(error: Error): void;
}

/** Answers a worker sends together at most: a few files' worth, so that the build hands files on steadily. */
export const ANSWER_BATCH = 8;

/**
 * Files a worker is given ahead of its answers: two batches, so that it works on the second while
 * the caller takes the first and gives it more. At most this many files' texts per worker are in
 * its hands or in its answers on the way.
 */
export const WORKER_QUEUE = 2 * ANSWER_BATCH;

/** Digests of records that can be reused (an earlier store): their articles are not extracted while read. */
export interface Reusable {
  has(digest: string): boolean;
  digests(): Iterable<string>;
}

export function createExtractor(jobs: number, version: string, budget?: BudgetRule, reusable?: Reusable): Extractor {
  const settings: WorkerSettings = { version, ...(budget ? { budget } : {}) };
  if (jobs <= 1) return inProcess(settings, (d) => reusable?.has(d) ?? false);
  const digests = reusable ? [...reusable.digests()] : [];
  const workers = Array.from({ length: jobs }, () => startWorker(digests.length > 0 ? { ...settings, reusable: digests } : settings));
  // what each worker has been asked and not yet answered, in order (a worker answers in order)
  const asked = new Map<Worker, Pending[]>(workers.map((w) => [w, []]));
  // tasks not yet sent, per worker: sent together once this turn of the event loop is over
  const outbox = new Map<Worker, WorkerTask[]>();
  let sending: NodeJS.Immediate | undefined;
  const post = (worker: Worker, task: WorkerTask) => {
    const tasks = outbox.get(worker) ?? [];
    tasks.push(task);
    outbox.set(worker, tasks);
    sending ??= setImmediate(() => {
      sending = undefined;
      for (const [w, batch] of outbox) w.postMessage(batch);
      outbox.clear();
    });
  };
  const holder = new Map<number, Worker>();
  // files asked and not yet given to a worker, in the order asked
  const waiting: Array<{ task: WorkerTask & { op: "read" } } & Pending> = [];
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= new Error(`extraction worker failed: ${error.message}`);
    for (const pending of asked.values()) for (const p of pending.splice(0)) p.reject(failure);
    for (const w of waiting.splice(0)) w.reject(failure);
  };
  const ask = (worker: Worker, task: WorkerTask) =>
    new Promise<WorkerAnswer>((resolve, reject) => {
      if (failure) return reject(failure);
      asked.get(worker)!.push({ resolve, reject });
      post(worker, task);
    });
  /** Waiting files to the least busy workers, while one has room. */
  const dispatch = () => {
    while (waiting.length > 0 && !failure) {
      const worker = workers.reduce((a, b) => (asked.get(b)!.length < asked.get(a)!.length ? b : a));
      if (asked.get(worker)!.length >= WORKER_QUEUE) return;
      const next = waiting.shift()!;
      asked.get(worker)!.push(next);
      post(worker, next.task);
    }
  };
  for (const worker of workers) {
    worker.on("message", (answers: WorkerAnswer[]) => {
      for (const answer of answers) {
        // a page kept only in part is extracted by the worker that read it
        if ("read" in answer && answer.read.held) holder.set(answer.id, worker);
        asked.get(worker)!.shift()?.resolve(answer);
      }
      dispatch();
    });
    // a worker that dies (out of memory, a bug) fails the build with its reason, never hangs it
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0 || asked.get(worker)!.length > 0) fail(new Error(`exited with code ${code}`));
    });
  }
  return {
    async read(id, file) {
      const answer = await new Promise<WorkerAnswer>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.push({ task: { op: "read", id, file }, resolve, reject });
        dispatch();
      });
      if (!("read" in answer)) throw new Error(`extraction worker: file ${id} answered out of turn`);
      return answer.read;
    },
    async extract(id, keep) {
      const worker = holder.get(id)!;
      holder.delete(id);
      const answer = await ask(worker, { op: "extract", id, keep });
      if (!("extraction" in answer)) throw new Error(`extraction worker: file ${id} answered out of turn`);
      return answer.extraction;
    },
    drop(id) {
      const worker = holder.get(id);
      holder.delete(id);
      if (worker && !failure) post(worker, { op: "drop", id });
    },
    async close() {
      failure ??= new Error("extraction pool closed");
      if (sending) clearImmediate(sending);
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
