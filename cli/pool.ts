import { cpus } from "os";
import { join } from "path";
import { Worker } from "worker_threads";

/**
 * Runs tasks on every core, results in input order. Reading spreadsheets is CPU-bound, so the county merge uses all
 * of them (architecture.md targets). The calling thread works through the queue too (`inline`): it has everything
 * loaded already, and a worker needs a good half second to start (TypeScript, mathjs), so on a 2-core machine one
 * worker joins the caller and takes its share from whenever it is ready. `shared` is sent once per worker
 * (template, registry); each task carries only its own input.
 */
export async function runPool<T, R>(opts: {
  /** A .js worker entry next to this file, in cli/workers/. */
  worker: string;
  shared: unknown;
  tasks: T[];
  /** The same work on the calling thread. */
  inline: (task: T) => Promise<R>;
  jobs?: number;
  onResult?: (result: R, index: number) => void;
}): Promise<R[]> {
  const { tasks } = opts;
  const results = new Array<R>(tasks.length);
  let next = 0;
  const done = (value: R, index: number) => {
    results[index] = value;
    opts.onResult?.(value, index);
  };
  const file = join(__dirname, "workers", opts.worker);
  const workers = Math.max(0, Math.min((opts.jobs ?? defaultJobs()) - 1, tasks.length - 1));

  const viaWorker = () =>
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
        done(msg.value, current);
        feed();
      });
      worker.on("error", reject);
      worker.on("online", feed);
    });

  const inline = async () => {
    while (next < tasks.length) {
      const index = next++;
      done(await opts.inline(tasks[index]), index);
      // Let the workers' messages in between files.
      await new Promise((r) => setImmediate(r));
    }
  };

  await Promise.all([inline(), ...Array.from({ length: workers }, viaWorker)]);
  return results;
}

export function defaultJobs(): number {
  const env = Number(process.env.XIAOBO_JOBS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, cpus().length);
}
