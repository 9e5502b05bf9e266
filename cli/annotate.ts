import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { annotateWorkbook, readBook } from "../addin/io";
import type { FileReport } from "../addin/validate";

/** --annotate: a marked-up copy of every readable file that has problems in cells. Returns the paths written. */
export async function annotateFiles(files: string[], reports: FileReport[], dir: string): Promise<string[]> {
  const outDir = resolve(dir);
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (let i = 0; i < files.length; i++) {
    const report = reports[i];
    if (report.status === "unreadable" || !report.issues.some((x) => x.cell)) continue;
    const bytes = new Uint8Array(readFileSync(files[i]));
    const { bytes: out, fileName } = await annotateWorkbook(bytes, readBook(bytes, report.file), report.issues);
    const path = join(outDir, fileName);
    writeFileSync(path, out);
    written.push(path);
  }
  return written;
}
