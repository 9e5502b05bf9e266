import { cpus } from "os";
import { join } from "path";
import { Worker } from "worker_threads";

/**
 * Worker threads started ahead of the work: a worker needs about a third of a second to load its bundle (mathjs, zod),
 * so the CLI starts them as soon as it knows the run is large, and they load while it reads the registry.
 */
export function startWorkers(worker: string, count: number, workerData?: unknown): Worker[] {
  const file = join(__dirname, "workers", worker);
  return Array.from({ length: Math.max(0, count) }, () => new Worker(file, { workerData }));
}

/** Where bin/xiaobo.js leaves the worker threads it starts before the CLI loads (its startEarly). */
const EARLY = Symbol.for("xiaobo.earlyWorkers");

/**
 * Up to `count` of the `worker` threads bin/xiaobo.js started as the process began (a `merge` or `validate` run): they
 * have been loading their bundle while this thread loaded its own. The rest, and any that has already ended, are
 * stopped; only the first call gets any.
 */
export function takeEarlyWorkers(worker: string, count: number): Worker[] {
  const g = globalThis as { [EARLY]?: { file: string; workers: Worker[] } };
  const early = g[EARLY];
  delete g[EARLY];
  if (!early) return [];
  const alive = early.file === join(__dirname, "workers", worker) ? early.workers.filter((w) => w.threadId >= 0) : [];
  const taken = alive.slice(0, Math.max(0, count));
  stopWorkers(early.workers.filter((w) => !taken.includes(w)));
  // Started unreferenced, so that a run that never got to use them (a usage error) still ends.
  for (const w of taken) w.ref();
  return taken;
}

/** Ends workers that are no longer needed (idempotent: ending an ended worker does nothing). */
export function stopWorkers(workers: readonly Worker[]): void {
  for (const w of workers) void w.terminate();
}

/** Tasks queued in each worker ahead of the one it is on. */
const IN_FLIGHT = 2;
/**
 * Tasks a worker is given at the start: the calling thread may be busy for a while before it answers any (it parses its
 * registry as it starts its own share: see validateFiles), and a worker with two files would wait for it.
 */
const FIRST_FEED = 48;

/**
 * Runs tasks on every core, results in input order. Reading spreadsheets is CPU-bound, so the county merge uses all
 * of them (docs/architecture.md targets). The calling thread works through the queue too (`inline`): it has everything
 * loaded already, and each worker takes its share from whenever it is ready. `shared` is sent once per worker
 * (template, registry); each task carries only its own input. The workers are ended when the queue is empty.
 */
export async function runPool<T, R>(opts: {
  workers: Worker[];
  shared: unknown;
  tasks: T[];
  /** The same work on the calling thread. */
  inline: (task: T) => Promise<R>;
  onResult?: (result: R, index: number) => void;
}): Promise<R[]> {
  const { tasks } = opts;
  const results = new Array<R>(tasks.length);
  let next = 0;
  const done = (value: R, index: number) => {
    results[index] = value;
    opts.onResult?.(value, index);
  };

  const viaWorker = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      // Tasks sent and not yet answered, oldest first (a worker answers in order). A worker always has the next task
      // waiting: were it fed one at a time, each answer would wait for the calling thread to finish the file it is on.
      const sent: number[] = [];
      let inFlight = Math.min(FIRST_FEED, Math.ceil(tasks.length / (opts.workers.length + 1)));
      const feed = () => {
        while (sent.length < inFlight && next < tasks.length) {
          sent.push(next);
          worker.postMessage(tasks[next++]);
        }
        if (sent.length === 0) void worker.terminate().then(() => resolve()); // resolves once it has ended
      };
      worker.on("message", (msg: { ok: true; value: R } | { ok: false; error: string }) => {
        if (!msg.ok) {
          stopWorkers([worker]);
          reject(new Error(msg.error));
          return;
        }
        done(msg.value, sent.shift()!);
        inFlight = IN_FLIGHT;
        feed();
      });
      worker.on("error", reject);
      worker.postMessage({ shared: opts.shared });
      feed();
    });

  const inline = async () => {
    while (next < tasks.length) {
      const index = next++;
      done(await opts.inline(tasks[index]), index);
      // Let the workers' messages in between files.
      await new Promise((r) => setImmediate(r));
    }
  };

  // The workers first: they have their files before the calling thread starts on its own.
  const workers = opts.workers.map(viaWorker);
  await Promise.all([inline(), ...workers]);
  return results;
}

/**
 * Threads for a run when --jobs does not say: XIAOBO_JOBS, else one per core, except on a machine of two cores or fewer:
 * there a worker costs as much as it saves (its own bundle, compiled code, registry and collector, on the core the
 * calling thread's collector, compiler and zlib use), so the calling thread works alone. Measured on two cores, 1,000
 * files from each of four producers: the same time (±0.1 s) on one thread as on two, with 1.5 s less CPU
 * (docs/decisions.md). bin/xiaobo.js applies the same rule to the workers it starts early.
 */
export function defaultJobs(cores = cpus().length): number {
  const env = Number(process.env.XIAOBO_JOBS);
  if (Number.isInteger(env) && env > 0) return env;
  return cores <= 2 ? 1 : cores;
}
