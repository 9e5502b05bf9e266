import { cpus } from "os";
import { join } from "path";
import { Worker } from "worker_threads";

/**
 * Runs tasks on worker threads, one task in flight per worker, results in input order.
 * Reading spreadsheets is CPU-bound, so the county merge uses every core (architecture.md targets).
 * `shared` is sent once per worker (template, registry); each task carries only its own input.
 */
export async function runPool<T, R>(opts: {
  /** A .js worker entry next to this file, in cli/workers/. */
  worker: string;
  shared: unknown;
  tasks: T[];
  jobs?: number;
  onResult?: (result: R, index: number) => void;
}): Promise<R[]> {
  const { tasks } = opts;
  const results = new Array<R>(tasks.length);
  if (tasks.length === 0) return results;
  const jobs = Math.max(1, Math.min(opts.jobs ?? defaultJobs(), tasks.length));
  let next = 0;
  const file = join(__dirname, "workers", opts.worker);

  await Promise.all(
    Array.from({ length: jobs }, () =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(file, { workerData: opts.shared });
        let current = -1;
        const feed = () => {
          if (next >= tasks.length) {
            void worker.terminate().then(() => resolve());
            return;
          }
          current = next++;
          worker.postMessage(tasks[current]);
        };
        worker.on("message", (msg: { ok: true; value: R } | { ok: false; error: string }) => {
          if (!msg.ok) {
            void worker.terminate();
            reject(new Error(msg.error));
            return;
          }
          results[current] = msg.value;
          opts.onResult?.(msg.value, current);
          feed();
        });
        worker.on("error", reject);
        feed();
      }),
    ),
  );
  return results;
}

export function defaultJobs(): number {
  const env = Number(process.env.XIAOBO_JOBS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, cpus().length);
}
