/**
 * The merge bench's corpus as other producers write it (docs/architecture.md: a reader is judged on files XiaoBo did not
 * write). XiaoBo's template writer makes the county once (bench/merge-data.ts); every other producer then loads and
 * saves each of those files itself, so each file holds that producer's own bytes, township by township:
 *  - openpyxl: Debian's python3-openpyxl, its default writer (inline strings, CJK text as numeric character
 *    references) — what a statistician's script writes. One python process saves every file.
 *  - libreoffice: a headless LibreOffice re-save (shared strings, its own styles), many files per soffice call.
 *  - sheetjs: SheetJS (@e965/xlsx) reads and writes each file with its defaults.
 *  - xiaobo: XiaoBo's own template writer (ExcelJS), the files as made.
 * Cached in .bench-cache/<N>x<V>/<producer>/files (a `.complete` marker per producer; delete the folder to remake).
 */
import { execFileSync, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { basename, join } from "path";
import * as XLSX from "@e965/xlsx";
import { benchData } from "./merge-data";

export const PRODUCERS = ["openpyxl", "libreoffice", "sheetjs", "xiaobo"] as const;
export type Producer = (typeof PRODUCERS)[number];

/** Debian's python3: the one python3-openpyxl and python3-pandas install for. */
export const PYTHON = "/usr/bin/python3";

export interface Corpus {
  /** Folder of the township files, per producer. */
  files: Record<Producer, string>;
  registry: string;
  targets: string;
}

/** Installs Debian's python3-pandas and python3-openpyxl when /usr/bin/python3 cannot import them (root, apt). */
export function ensurePython(log: (s: string) => void): void {
  if (spawnSync(PYTHON, ["-c", "import pandas, openpyxl"]).status === 0) return;
  log("  installing python3-pandas python3-openpyxl (apt-get)");
  execFileSync("apt-get", ["update"], { stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "python3-pandas", "python3-openpyxl"], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** Installs Debian's libreoffice-calc-nogui when there is no soffice on the PATH (root, apt). */
export function ensureSoffice(log: (s: string) => void): void {
  if (spawnSync("soffice", ["--version"]).status === 0) return;
  log("  installing libreoffice-calc-nogui (apt-get)");
  execFileSync("apt-get", ["update"], { stdio: "ignore" });
  execFileSync("apt-get", ["install", "-y", "libreoffice-calc-nogui"], { stdio: "ignore", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

export async function corpus(townships: number, villages: number, producers: readonly Producer[], log: (s: string) => void): Promise<Corpus> {
  const xiaobo = await benchData(townships, villages, log);
  const base = join(xiaobo.dir, "..", "..");
  const files = { xiaobo: xiaobo.dir } as Record<Producer, string>;
  for (const p of producers) {
    if (p === "xiaobo") continue;
    const dir = join(base, p, "files");
    files[p] = dir;
    if (existsSync(join(base, p, ".complete"))) continue;
    rmSync(join(base, p), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const started = Date.now();
    log(`  making the ${p} corpus (${townships} files)…`);
    MAKERS[p](xiaobo.files, dir, log);
    writeFileSync(join(base, p, ".complete"), "");
    log(`  ${p} corpus made in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { files, registry: xiaobo.registry, targets: xiaobo.targets };
}

const MAKERS: Record<Exclude<Producer, "xiaobo">, (sources: string[], dir: string, log: (s: string) => void) => void> = {
  openpyxl(sources, dir, log) {
    ensurePython(log);
    // load_workbook + save: every cell, merge, style and data validation written by openpyxl's default writer. openpyxl
    // saves formulas without their results, which XiaoBo rightly refuses (formula-uncalculated), so the 合计 row is
    // written as the numbers a script would compute: the cached results, read with data_only.
    const script = [
      "import sys, os, openpyxl",
      "out = sys.argv[1]",
      "for src in sys.stdin.read().split('\\n'):",
      "    if not src: continue",
      "    wb = openpyxl.load_workbook(src)",
      "    cached = openpyxl.load_workbook(src, data_only=True)",
      "    for ws, wc in zip(wb.worksheets, cached.worksheets):",
      "        for row in ws.iter_rows():",
      "            for c in row:",
      "                if c.data_type == 'f': c.value = wc[c.coordinate].value",
      "    wb.save(os.path.join(out, os.path.basename(src)))",
    ].join("\n");
    execFileSync(PYTHON, ["-c", script, dir], { input: sources.join("\n"), stdio: ["pipe", "inherit", "inherit"] });
  },
  libreoffice(sources, dir, log) {
    ensureSoffice(log);
    // soffice converts many files per call; a private profile so a running LibreOffice does not take the job over.
    const work = mkdtempSync(join(tmpdir(), "xiaobo-bench-lo-"));
    try {
      const batch = 100;
      for (let i = 0; i < sources.length; i += batch) {
        const out = join(work, "out");
        mkdirSync(out, { recursive: true });
        const chunk = sources.slice(i, i + batch);
        execFileSync("soffice", [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", "xlsx", "--outdir", out, ...chunk], { stdio: "ignore" });
        for (const src of chunk) renameSync(join(out, basename(src)), join(dir, basename(src)));
        log(`    libreoffice: ${Math.min(i + batch, sources.length)}/${sources.length}`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
  sheetjs(sources, dir) {
    for (const src of sources) {
      const wb = XLSX.read(readFileSync(src));
      writeFileSync(join(dir, basename(src)), XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }));
    }
  },
};

/** The township files of one producer's corpus, sorted as the CLI lists them. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .map((f) => join(dir, f));
}
