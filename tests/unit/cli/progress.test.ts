/**
 * cli/progress.ts off a terminal (CI logs, a redirected stderr): a line now and then with the count and the time left,
 * never one per file, and one line at the end; on a terminal, the cli-progress bar with the time left.
 */
import { Writable } from "stream";
import { LINE_INTERVAL_MS, startProgress } from "../../../cli/progress";
import fc from "fast-check";

/** A stderr stand-in that keeps what is written; isTTY as asked. */
function sink(isTTY: boolean): Writable & { isTTY: boolean; text(): string; columns: number; cursorTo(): boolean; clearLine(): boolean; moveCursor(): boolean } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY: boolean; text(): string; columns: number; cursorTo(): boolean; clearLine(): boolean; moveCursor(): boolean };
  w.isTTY = isTTY;
  w.columns = 120;
  w.cursorTo = () => true;
  w.clearLine = () => true;
  w.moveCursor = () => true;
  w.text = () => chunks.join("");
  return w;
}

const lines = (s: string) => s.split("\n").filter(Boolean);

test("a quick run of 11 files writes one line, at the end — not one per file", () => {
  const out = sink(false);
  let clock = 1000;
  const p = startProgress("审核", 11, false, { stream: out, now: () => clock });
  for (let i = 0; i < 11; i++) {
    clock += 50;
    p.tick(`镇${i}.xlsx`);
  }
  p.stop();
  expect(lines(out.text())).toEqual(["审核完成：11 个文件，用时 0.6 秒"]);
});

test("a long run writes a line every interval with the count and the time left, then the final line", () => {
  const out = sink(false);
  let clock = 0;
  const p = startProgress("审核", 1000, false, { stream: out, now: () => clock });
  for (let i = 0; i < 1000; i++) {
    clock += 20; // 20 s in all: a line at 5, 10 and 15 s
    p.tick();
  }
  p.stop();
  expect(lines(out.text())).toEqual([
    "审核 250/1000，已用 5.0 秒，约剩 15 秒",
    "审核 500/1000，已用 10.0 秒，约剩 10 秒",
    "审核 750/1000，已用 15.0 秒，约剩 5 秒",
    "审核完成：1000 个文件，用时 20.0 秒",
  ]);
});

test("whatever the pace, the lines are bounded by the run's time, never by its file count", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 2, maxLength: 400 }), (steps) => {
      const out = sink(false);
      let clock = 0;
      const p = startProgress("审核", steps.length, false, { stream: out, now: () => clock });
      for (const s of steps) {
        clock += s;
        p.tick();
      }
      p.stop();
      const got = lines(out.text());
      expect(got.length).toBeLessThanOrEqual(Math.floor(clock / LINE_INTERVAL_MS) + 1);
      expect(got[got.length - 1]).toBe(`审核完成：${steps.length} 个文件，用时 ${(clock / 1000).toFixed(1)} 秒`);
      // Counts only go up.
      const counts = got.slice(0, -1).map((l) => Number(/ (\d+)\//.exec(l)![1]));
      for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThan(counts[i - 1]);
    }),
  );
});

test("a run stopped part way says how far it got; quiet and single-file runs write nothing", () => {
  const out = sink(false);
  const p = startProgress("审核", 10, false, { stream: out, now: () => 0 });
  p.tick();
  p.tick();
  p.stop();
  p.stop();
  expect(lines(out.text())).toEqual(["审核 2/10"]);
  const quiet = sink(false);
  const q = startProgress("审核", 10, true, { stream: quiet });
  q.tick();
  q.stop();
  const one = startProgress("审核", 1, false, { stream: quiet });
  one.tick();
  one.stop();
  expect(quiet.text()).toBe("");
});

test("on a terminal: a bar with the count and the time left", () => {
  const out = sink(true);
  const p = startProgress("审核", 4, false, { stream: out });
  p.tick("东湖镇.xlsx");
  p.tick("西山镇.xlsx");
  p.stop();
  expect(out.text()).toMatch(/审核 \[[=-]{40}\] 2\/4 剩余 \d+s 西山镇\.xlsx/);
});
