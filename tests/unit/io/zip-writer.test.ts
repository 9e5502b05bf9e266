import { mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { crc32 as zlibCrc32 } from "zlib";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { DEFAULT_LIMITS } from "../../../addin/io";
import { boundedInflate, chunkDeflater, writeSummaryFile } from "../../../addin/io/node";
import { guardZip } from "../../../addin/io/zip-guard";
import { crc32, crc32Combine, ZipWriter, type ZipHost } from "../../../addin/io/zip-writer";
import { mergeSubmissions, summaryTables } from "../../../addin/merge";
import { parseRegistry } from "../../../addin/templates";
import { cleanReport, editRows } from "../merge/helpers";

const nodeHost = (sink: Uint8Array[]): ZipHost => ({
  chunkDeflater,
  crc32: zlibCrc32,
  write: (b) => void sink.push(b),
});

/** A zip of the entries; with `headLast`, each entry's first chunk is given last, as its head (ZipWriter.addHeadLast). */
async function zipOf(host: (sink: Uint8Array[]) => ZipHost, entries: Record<string, string[]>, headLast = false): Promise<Uint8Array> {
  const sink: Uint8Array[] = [];
  const zip = new ZipWriter(host(sink));
  for (const [name, chunks] of Object.entries(entries)) {
    if (headLast) await zip.addHeadLast(name, chunks.slice(1), () => chunks[0] ?? "");
    else await zip.add(name, chunks);
  }
  await zip.finish();
  return new Uint8Array(Buffer.concat(sink));
}

/** The CRC-32 the central directory records for each entry. */
function centralCrcs(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out = new Map<string, number>();
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    out.set(Buffer.from(bytes.subarray(at + 46, at + 46 + nameLength)).toString("utf8"), view.getUint32(at + 16, true));
    at += 45 + nameLength;
  }
  return out;
}

describe("zip writer", () => {
  test("the table CRC-32 agrees with zlib's", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
      expect(crc32(b, crc32(a))).toBe(zlibCrc32(Buffer.concat([a, b])));
    }));
  });

  test("CRC-32s combine as zlib's crc32_combine: the CRC of a then b from theirs and b's length", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), fc.uint8Array({ maxLength: 3000 }), (a, b) => {
      expect(crc32Combine(zlibCrc32(a), zlibCrc32(b), b.length)).toBe(zlibCrc32(Buffer.concat([a, b])));
    }), { numRuns: 500 });
  });

  test.each([
    ["chunks deflated one by one and concatenated (Node)", nodeHost, false],
    ["entries stored whole (a browser without CompressionStream)", (sink: Uint8Array[]): ZipHost => ({ write: (b) => void sink.push(b) }), false],
    ["the head given after the rest (Node)", nodeHost, true],
    ["the head given after the rest, stored whole", (sink: Uint8Array[]): ZipHost => ({ write: (b) => void sink.push(b) }), true],
  ])("%s: every entry inflates back to exactly its chunks, its CRC the directory's", async (_, host, headLast) => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.string({ unit: "binary", maxLength: 2000 }), { maxLength: 6 }), { minLength: 1, maxLength: 4 }), async (entries) => {
        const named = Object.fromEntries(entries.map((chunks, i) => [`xl/part${i}.xml`, chunks]));
        const bytes = await zipOf(host, named, headLast);
        const parts = boundedInflate(bytes, guardZip(bytes, "t.xlsx", DEFAULT_LIMITS), "t.xlsx", DEFAULT_LIMITS);
        const crcs = centralCrcs(bytes);
        for (const [name, chunks] of Object.entries(named)) {
          const content = Buffer.from(parts.get(name)!);
          expect(content.toString("utf8")).toBe(chunks.join(""));
          expect(crcs.get(name)).toBe(zlibCrc32(content));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("zip writer: chunks given back", () => {
  test("a chunk is released only once compressed: its maker may scribble over it and fill it again, the entry unchanged", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 3000 }), { minLength: 1, maxLength: 12 }), async (chunks) => {
        const spare: Uint8Array[] = [];
        let released = 0;
        // Each chunk written into a buffer given back earlier when there is one, as the county workbook's rows are.
        function* body(): Generator<Uint8Array> {
          for (const text of chunks.slice(1)) {
            const bytes = Buffer.from(text, "utf8");
            const buf = spare.pop() ?? new Uint8Array(4 * 3000);
            buf.set(bytes);
            yield buf.subarray(0, bytes.length);
          }
        }
        const release = (chunk: Uint8Array) => {
          released++;
          const whole = new Uint8Array(chunk.buffer, 0, chunk.buffer.byteLength);
          whole.fill(0xff);
          spare.push(whole);
        };
        const sink: Uint8Array[] = [];
        const zip = new ZipWriter(nodeHost(sink));
        await zip.addHeadLast("xl/part.xml", body(), () => chunks[0], release);
        await zip.finish();
        const bytes = new Uint8Array(Buffer.concat(sink));
        const parts = boundedInflate(bytes, guardZip(bytes, "t.xlsx", DEFAULT_LIMITS), "t.xlsx", DEFAULT_LIMITS);
        expect(Buffer.from(parts.get("xl/part.xml")!).toString("utf8")).toBe(chunks.join(""));
        expect(released).toBe(chunks.length - 1);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the county workbook streamed to a file", () => {
  test("a county larger than one chunk reads back, cell for cell, as the summary's tables", async () => {
    // 3 townships × 700 villages: the detail sheet spans several compressed chunks.
    const lines = ["乡镇代码,乡镇名称,村代码,村名称,薄弱村基数"];
    for (let t = 0; t < 3; t++) {
      const tw = `33990110${t + 1}`;
      const villages = Array.from({ length: 700 }, (_, v) => `${tw}${String(200 + v).padStart(3, "0")}`);
      villages.forEach((c, v) => lines.push(`${tw},乡镇${t + 1},${c},村${v},${v % 5 === 0 ? "是" : "否"}`));
    }
    const registry = parseRegistry(lines.join("\n"));
    const reports = registry.townships.map((tw) => cleanReport(tw));
    editRows(reports[0], (rows) => void (rows[3].values.remarks = "=1+1 不是公式"));
    const summary = mergeSubmissions(reports, { registry, targets: {}, locale: "zh-CN" });
    const file = join(mkdtempSync(join(tmpdir(), "xiaobo-")), "县汇总.xlsx");
    await writeSummaryFile(summaryTables(summary, { county: "测试县" }), file, summary.locale);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const tables = summaryTables(summary, { county: "测试县" });
    expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.name));
    for (const table of tables) {
      const ws = wb.getWorksheet(table.name)!;
      const first = table.note === null ? 3 : 4;
      table.rows.forEach((values, r) =>
        values.forEach((v, k) => expect(ws.getCell(first + r, k + 1).value ?? null).toEqual(v)),
      );
    }
    expect(wb.getWorksheet("村级明细")!.rowCount).toBe(3 + 2100);
  });
});
