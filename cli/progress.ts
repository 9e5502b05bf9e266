import { SingleBar } from "cli-progress";

/** Progress on stderr: a bar on a terminal, a line every 10% otherwise (CI logs), nothing when quiet. */
export interface Progress {
  tick(detail?: string): void;
  stop(): void;
}

export function startProgress(label: string, total: number, quiet = false): Progress {
  if (quiet || total < 2) return { tick() {}, stop() {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} {detail}`, stream: process.stderr, hideCursor: true });
    bar.start(total, 0, { detail: "" });
    return { tick: (detail = "") => bar.increment(1, { detail }), stop: () => bar.stop() };
  }
  let done = 0;
  let lastDecile = 0;
  return {
    tick() {
      done++;
      const decile = Math.floor((done * 10) / total);
      if (decile > lastDecile) {
        lastDecile = decile;
        process.stderr.write(`${label} ${done}/${total}\n`);
      }
    },
    stop() {},
  };
}
