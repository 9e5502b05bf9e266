import { SingleBar } from "cli-progress";
import { t } from "../addin/i18n";

/**
 * Progress on stderr, nothing when quiet. On a terminal, a bar with the count and the time left. Otherwise (a CI log,
 * a file) a plain line now and then — at most one every `intervalMs`, with the count and the time left — and one
 * line at the end, so a log of 10,000 files stays a few lines long.
 */
export interface Progress {
  tick(detail?: string): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Where it goes (process.stderr). Its isTTY decides bar or lines. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** The clock, in ms (Date.now). */
  now?: () => number;
  /** The least time between two plain lines. */
  intervalMs?: number;
}

/** Plain lines: one every 5 s at most, and the last. */
export const LINE_INTERVAL_MS = 5000;

const seconds = (ms: number) => (ms / 1000).toFixed(1);

export function startProgress(label: string, total: number, quiet = false, opts: ProgressOptions = {}): Progress {
  if (quiet || total < 2) return { tick() {}, stop() {} };
  const stream = opts.stream ?? process.stderr;
  if (stream.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} ${t("cli.progressLeft")} {eta_formatted} {detail}`,
      stream,
      hideCursor: true,
      etaBuffer: 20,
    });
    bar.start(total, 0, { detail: "" });
    return { tick: (detail = "") => bar.increment(1, { detail }), stop: () => bar.stop() };
  }
  const now = opts.now ?? Date.now;
  const interval = opts.intervalMs ?? LINE_INTERVAL_MS;
  const start = now();
  let last = start;
  let done = 0;
  let stopped = false;
  return {
    tick() {
      done++;
      const at = now();
      if (done < total && at - last >= interval) {
        last = at;
        const elapsed = at - start;
        const left = (elapsed / done) * (total - done);
        stream.write(t("cli.progressLine", { label, done, total, elapsed: seconds(elapsed), left: Math.ceil(left / 1000) }) + "\n");
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // The last line: how many were done (all, unless the run failed part way) and how long it took.
      const line = done === total ? t("cli.progressDone", { label, total, elapsed: seconds(now() - start) }) : `${label} ${done}/${total}`;
      stream.write(line + "\n");
    },
  };
}
