/**
 * Input size drives work after reading as well as while reading: the sheets searched for a header, the columns of
 * each header row, the merged areas looked up there, the shared strings, the registry's villages. Each is bounded,
 * and a file or registry over a bound is refused with a Chinese message saying what and how to fix it.
 */
import fc from "fast-check";
import * as XLSX from "@e965/xlsx";
import type { Range } from "../../../addin/grid";
import { DEFAULT_LIMITS, readBook, UnreadableError } from "../../../addin/io";
import { boundedInflate } from "../../../addin/io/node";
import { MAX_REGISTRY_VILLAGES, parseRegistry, RegistryError } from "../../../addin/templates";
import { MergeIndex } from "../../../addin/validate/locate-header";

function book(sheets: number, fill: (ws: XLSX.WorkSheet, i: number) => void = () => {}, sst = false): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (let i = 0; i < sheets; i++) {
    const ws = XLSX.utils.aoa_to_sheet([["村名", "总收入"], ["黄埠村", 1]]);
    fill(ws, i);
    XLSX.utils.book_append_sheet(wb, ws, `表${i + 1}`);
  }
  return new Uint8Array(XLSX.write(wb, { type: "buffer", bookType: "xlsx", bookSST: sst }));
}

function refusal(read: () => unknown): UnreadableError {
  try {
    read();
  } catch (e) {
    if (e instanceof UnreadableError) return e;
    throw e;
  }
  throw new Error("read, not refused");
}

test("a book of more sheets than a report has is refused, naming the count", () => {
  const bytes = book(DEFAULT_LIMITS.maxSheets + 1);
  const e = refusal(() => readBook(bytes, "多表.xlsx", {}, boundedInflate));
  expect(e.reason).toBe("too-many-sheets");
  expect(e.message).toBe("文件“多表.xlsx”有 256 个工作表，超过 255 个，不像一份乡镇报表。请只保留报表工作表后另存再提交。");
  // The same book in the browser (SheetJS reads it) is refused the same way; one sheet fewer is read.
  expect(refusal(() => readBook(bytes, "多表.xlsx")).reason).toBe("too-many-sheets");
  expect(readBook(book(DEFAULT_LIMITS.maxSheets), "f.xlsx", {}, boundedInflate).sheets).toHaveLength(255);
});

test("a sheet wider than Excel's 16,384 columns (a CSV line can be) is refused, naming sheet and count", () => {
  const line = (k: string) => Array.from({ length: 20_000 }, (_, i) => `${k}${i}`).join(",");
  const bytes = new TextEncoder().encode(`${line("列")}\n${line("")}\n`);
  const e = refusal(() => readBook(bytes, "宽表.csv"));
  expect(e.reason).toBe("too-many-columns");
  expect(e.message).toContain("有 20000 列，超过 16384 列");
});

test("more merged areas than the limit are refused; fewer are read", () => {
  const merges = (n: number) => (ws: XLSX.WorkSheet) => {
    ws["!merges"] = Array.from({ length: n }, (_, i) => ({ s: { r: 2 + i, c: 0 }, e: { r: 2 + i, c: 1 } }));
  };
  const e = refusal(() => readBook(book(1, merges(DEFAULT_LIMITS.maxMerges + 1)), "合并.xlsx", {}, boundedInflate));
  expect(e.reason).toBe("too-many-merges");
  expect(e.message).toContain("有 20001 个合并单元格区域，超过 20000 个");
  expect(readBook(book(1, merges(50)), "f.xlsx", {}, boundedInflate).sheets[0].merges).toHaveLength(50);
});

test("MergeIndex finds, for every cell, the first merge covering it, as a scan of all merges does (overlaps too)", () => {
  const range = fc.record({ top: fc.nat(6), left: fc.nat(12), h: fc.nat(3), w: fc.nat(5) }).map(({ top, left, h, w }): Range => ({ top, left, bottom: top + h, right: left + w }));
  fc.assert(
    fc.property(fc.array(range, { maxLength: 30 }), fc.integer({ min: 1, max: 16 }), (merges, cols) => {
      const index = new MergeIndex(merges, cols);
      for (let r = 0; r < 10; r++)
        for (let c = 0; c < cols; c++) expect(index.at(r, c)).toBe(merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right));
    }),
  );
});

test("a shared-string table longer than the limit is refused while it is read", () => {
  const bytes = book(1, (ws) => XLSX.utils.sheet_add_aoa(ws, [Array.from({ length: 30 }, (_, i) => `文字${i}`)], { origin: "A3" }), true);
  const e = refusal(() => readBook(bytes, "文字.xlsx", { maxStrings: 20 }, boundedInflate));
  expect(e.reason).toBe("too-many-strings");
  expect(e.message).toBe("文件“文字.xlsx”的共享文字表有超过 20 条文字，不像一份乡镇报表。请把报表工作表复制到新工作簿另存后再提交。");
});

describe("registry size", () => {
  const HEADER = "乡镇代码,乡镇名称,村代码,村名称,薄弱村基数";
  const village = (i: number) => {
    const tw = 339901100 + Math.floor(i / 900);
    return `${tw},镇${Math.floor(i / 900)},${tw}${String(100 + (i % 900)).padStart(3, "0")},村${i},否`;
  };

  test("a registry of 500,000 villages (a national list) is read: the limit is a wrong file, not a large county", () => {
    expect(MAX_REGISTRY_VILLAGES).toBeGreaterThanOrEqual(500_000);
    const text = [HEADER, ...Array.from({ length: 500_000 }, (_, i) => village(i))].join("\n");
    const reg = parseRegistry(text, "全国村名册.csv");
    expect(reg.townships.reduce((n, tw) => n + tw.villages.length, 0)).toBe(500_000);
  });

  test("a registry over the limit is refused before it is parsed, with a Chinese message", () => {
    const text = [HEADER, ...Array.from({ length: 1001 }, (_, i) => village(i))].join("\n");
    let error: unknown;
    try {
      parseRegistry(text, "错的文件.csv", 1000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).messages).toEqual(["错的文件.csv：村名册超过 1,000 个村，比全国的行政村还多，不是一份村名册。请确认选对了文件。"]);
    expect(parseRegistry([HEADER, ...Array.from({ length: 1000 }, (_, i) => village(i))].join("\n"), "f.csv", 1000).townships.length).toBeGreaterThan(0);
  });

  test("a registry with thousands of bad rows lists 200 problems and counts the rest", () => {
    const text = [HEADER, ...Array.from({ length: 1000 }, (_, i) => `339901101,东湖镇,33990110${i},村${i},否`)].join("\n");
    let error: unknown;
    try {
      parseRegistry(text, "村名册.csv");
    } catch (e) {
      error = e;
    }
    const messages = (error as RegistryError).messages;
    expect(messages).toHaveLength(201);
    expect(messages[200]).toBe("村名册.csv：另有 800 处问题未逐条列出，请先改正上面列出的问题。");
  });
});
