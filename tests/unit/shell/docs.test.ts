/** The user guide's screenshots exist, at the task pane's width (made by `npm run screenshots`). */
import { existsSync, readFileSync } from "fs";
import { join } from "path";

const DOCS = join(__dirname, "..", "..", "..", "docs");

test("every screenshot docs/user-guide.md shows is in docs/screenshots, 320–360 px wide and small", () => {
  const guide = readFileSync(join(DOCS, "user-guide.md"), "utf8");
  const shots = [...guide.matchAll(/!\[[^\]]*\]\((screenshots\/[^)]+\.png)\)/g)].map((m) => m[1]);
  expect(shots.sort()).toEqual(["screenshots/检查.png", "screenshots/汇总.png", "screenshots/设置.png"]);
  for (const s of shots) {
    const path = join(DOCS, s);
    expect([s, existsSync(path)]).toEqual([s, true]);
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.readUInt32BE(16);
    expect([s, width >= 320 && width <= 360]).toEqual([s, true]);
    expect(png.length).toBeLessThan(200 * 1024);
  }
});
