import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join, resolve } from "path";
import { t } from "../addin/i18n";
import { annotatedName, annotateWorkbook, DEFAULT_LIMITS, readBook, tooLargeToAnnotate } from "../addin/io";
import { boundedInflate } from "../addin/io/node";
import type { FileReport } from "../addin/validate";

export interface AnnotateResult {
  /** Paths written. */
  written: string[];
  /** Files whose marked copy could not be made, each with a Chinese message saying which and why. */
  failed: { file: string; message: string }[];
}

/**
 * The marked copies' file names, relative to the output folder: 东湖镇.xlsx → 东湖镇_审核标注.xlsx; a display name
 * with folders (东湖镇/东湖镇.xlsx) keeps them. When two files of the run would get the same name (东湖镇.xls and
 * 东湖镇.xlsx), both carry their extension (东湖镇_xls_审核标注.xlsx, 东湖镇_xlsx_审核标注.xlsx): none overwrites another.
 */
export function annotatedNames(files: readonly string[]): string[] {
  const plain = files.map((f) => annotatedName(f));
  const count = new Map<string, number>();
  for (const n of plain) count.set(n.toLowerCase(), (count.get(n.toLowerCase()) ?? 0) + 1);
  const names = plain.map((n, i) => {
    if (count.get(n.toLowerCase()) === 1) return n;
    const ext = /\.([^./]+)$/.exec(files[i])?.[1] ?? "";
    return annotatedName(files[i].replace(/\.[^./]+$/, `_${ext}.xlsx`));
  });
  // Still clashing (e.g. 东湖镇.xlsx and 东湖镇_xlsx.xlsx): number them in input order.
  const used = new Set<string>();
  return names.map((n) => {
    let out = n;
    for (let k = 2; used.has(out.toLowerCase()); k++) out = n.replace(/\.xlsx$/, `(${k}).xlsx`);
    used.add(out.toLowerCase());
    return out;
  });
}

/**
 * --annotate: a marked-up copy of every readable file that has problems in cells. A file whose copy cannot be
 * made is reported (in `failed`) and the others go on.
 */
export async function annotateFiles(files: string[], reports: FileReport[], dir: string): Promise<AnnotateResult> {
  const outDir = resolve(dir);
  mkdirSync(outDir, { recursive: true });
  const names = annotatedNames(reports.map((r) => r.file));
  const result: AnnotateResult = { written: [], failed: [] };
  for (let i = 0; i < files.length; i++) {
    const report = reports[i];
    if (report.status === "unreadable" || !report.issues.some((x) => x.cell)) continue;
    // Known from validation: a book too large to annotate is not read a second time.
    const tooLarge = report.cells === undefined ? undefined : tooLargeToAnnotate(report.file, report.cells);
    if (tooLarge) {
      result.failed.push({ file: report.file, message: t("cli.annotateFailed", { file: report.file, detail: tooLarge.slice(0, 200) }) });
      continue;
    }
    try {
      const bytes = new Uint8Array(readFileSync(files[i]));
      // Read as validation read it (the lean reader, bounded inflation), not through SheetJS's slower, larger path.
      const book = readBook(bytes, report.file, DEFAULT_LIMITS, boundedInflate);
      const { bytes: out } = await annotateWorkbook(bytes, book, report.issues);
      const path = join(outDir, names[i]);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, out);
      result.written.push(path);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      result.failed.push({ file: report.file, message: t("cli.annotateFailed", { file: report.file, detail: detail.slice(0, 200) }) });
    }
  }
  return result;
}
