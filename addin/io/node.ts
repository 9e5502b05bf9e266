/**
 * Node-only file access (the CLI, tests, benches). Kept out of addin/io/index.ts so the browser bundle never
 * pulls in fs or zlib.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from "fs";
import { readdir, stat } from "fs/promises";
import { basename, extname, join } from "path";
import { constants, crc32, createDeflateRaw, inflateRawSync } from "zlib";
import type { Book, SummaryTable } from "../grid";
import type { Locale } from "../i18n";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import { readBook, type Inflater } from "./read-book";
import { UnreadableError } from "./unreadable";
import { dataOffset, type ZipEntry } from "./zip-guard";
import type { ChunkDeflater } from "./zip-writer";
import { streamSummaryWorkbook } from "./summary-workbook";

export { UnreadableError };

/**
 * Inflates an entry when the reader first asks for it, with a hard output bound over all entries (a zip that lies about
 * its sizes is a zip bomb): a reader needs five or six of a package's parts, and each inflation has a fixed cost.
 */
export const boundedInflate: Inflater = (bytes, entries, file, limits) => {
  let budget = limits.maxUnzippedBytes;
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) if (e.method === 0 || e.method === 8) byName.set(e.name, e);
  const done = new Map<string, Uint8Array>();
  const inflate = (e: ZipEntry): Uint8Array => {
    const start = dataOffset(bytes, e);
    if (e.method === 0) return bytes.subarray(start, start + e.compressedSize);
    if (e.compressedSize === 0) {
      if (e.size !== 0) throw new UnreadableError(file, "truncated");
      return new Uint8Array(0);
    }
    let out: Buffer;
    try {
      // Room for one byte more than declared (a lying size is caught) in one piece: at zlib's default of 16 KB pieces, a
      // sheet came out in several, each fresh memory, then copied once more into one.
      const room = Math.min(budget, e.size + 1);
      out = inflateRawSync(bytes.subarray(start, start + e.compressedSize), { maxOutputLength: room, chunkSize: Math.max(64, room) });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UnreadableError(file, code === "ERR_BUFFER_TOO_LARGE" ? "zip-bomb" : "truncated");
    }
    if (out.length !== e.size) throw new UnreadableError(file, "zip-bomb");
    budget -= out.length;
    return out;
  };
  const get = (name: string) => {
    let part = done.get(name);
    if (part === undefined) {
      const e = byName.get(name);
      if (e === undefined) return undefined;
      part = inflate(e);
      done.set(name, part);
    }
    return part;
  };
  return {
    get,
    binary: (name) => {
      const part = get(name);
      return part && Buffer.from(part.buffer, part.byteOffset, part.length).toString("latin1");
    },
    checkAll: () => {
      for (const name of byName.keys()) get(name);
    },
  };
};

export async function readBookFile(path: string, limits: Partial<ReadLimits> = {}): Promise<Book> {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const file = basename(path);
  // Synchronous reads: reading is CPU-bound and each thread reads one file at a time, so the thread-pool round trips
  // of fs/promises (stat, open, read, close) would only add waiting between files.
  const fd = openSync(path, "r");
  let bytes: Uint8Array;
  try {
    const size = fstatSync(fd).size;
    if (size > lim.maxBytes) throw new UnreadableError(file, "too-large", { limit: Math.round(lim.maxBytes / 1024 / 1024) });
    bytes = readInto(fd, size);
  } finally {
    closeSync(fd);
  }
  // Read before anything else runs: the bytes are the shared buffer's (readInto), which the next file's read overwrites.
  return readBook(bytes, file, lim, boundedInflate);
}

/**
 * The buffer files are read into, one file after another. A buffer made per file is fresh memory, which the system
 * gives page by page, inside the read (≈ 9 µs a page on this project's machine): reading 1,000 township files alone
 * took 100 ms and 6,400 page faults so, 26 ms and 400 faults into one buffer; in a profile of the CLI's merge the native
 * read went 124 → 53 ms. Safe because readBook is synchronous and gives a Book of strings and numbers, with no view of
 * the bytes it read (tests/unit/io/read-book.test.ts). A file larger than REUSED_BYTES is read into a buffer of its own.
 */
let reused = Buffer.allocUnsafeSlow(0);
const REUSED_BYTES = 8 * 1024 * 1024;

/** The first `size` bytes of an open file (fewer if it has fewer). */
function readInto(fd: number, size: number): Uint8Array {
  let buffer = reused;
  if (size > buffer.length) {
    buffer = Buffer.allocUnsafeSlow(size <= REUSED_BYTES ? Math.min(REUSED_BYTES, Math.max(size, 2 * buffer.length, 256 * 1024)) : size);
    if (buffer.length <= REUSED_BYTES) reused = buffer;
  }
  let read = 0;
  while (read < size) {
    const n = readSync(fd, buffer, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return new Uint8Array(buffer.buffer, buffer.byteOffset, read);
}

const EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".csv", ".et", ".ods", ".fods"]);

/**
 * The spreadsheets under the given paths: folders are walked recursively (skipping hidden files and Excel's ~$
 * lock files), in a stable sorted order. A file named explicitly is kept whatever its extension, so a clerk's
 * misnamed file gets an "unreadable" report instead of being silently ignored.
 */
export async function listSpreadsheets(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith(".") || e.name.startsWith("~$")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(full);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) await walk(p);
    else out.push(p);
  }
  return [...new Set(out)];
}

/**
 * One raw deflate stream on zlib's thread pool: each chunk written, then sync-flushed, its output (the `data` the
 * stream emits before the flush's callback) given back in order.
 */
export function chunkDeflater(): ChunkDeflater {
  // Level 3 and one output buffer per chunk: see writeSummaryFile.
  const z = createDeflateRaw({ level: 3, chunkSize: 1 << 18 });
  let out: Buffer[] = [];
  let failed: Error | undefined;
  z.on("data", (b: Buffer) => void out.push(b));
  z.on("error", (e) => (failed = e));
  return {
    deflate: (data) =>
      new Promise((resolve, reject) => {
        z.write(data);
        z.flush(constants.Z_SYNC_FLUSH, () => {
          if (failed) return reject(failed);
          const parts = out;
          out = [];
          resolve(parts.length === 1 ? parts[0] : Buffer.concat(parts));
        });
      }),
    close: () => z.close(),
  };
}

/**
 * Writes the county summary workbook to a file, streamed: sheet chunks are compressed on zlib's threads while the
 * next ones are built, and written as they are done.
 */
export async function writeSummaryFile(tables: readonly SummaryTable[], path: string, locale?: Locale): Promise<void> {
  const fd = openSync(path, "w");
  try {
    await streamSummaryWorkbook(
      tables,
      {
        // Level 3: the county workbook of 200,000 villages is ~130 MB of XML, deflated on zlib's threads while this one
        // builds the next chunk; level 1 takes 0.85× the CPU for an 18% larger file (9.8 MB against 8.3), level 4 twice
        // (docs/decisions.md). One output buffer per chunk (a 1 MB chunk of sheet XML deflates to ~65 KB): with zlib's
        // default 16 KB, each chunk went back and forth between the thread pool and this thread several times.
        chunkDeflater,
        crc32: (data, previous) => crc32(data, previous),
        // Written synchronously: a workbook is a few hundred pieces (~8 MB for 200,000 villages), each a copy into the
        // page cache; awaited fs/promises writes were a thread-pool round trip each, queued behind zlib's chunks.
        write: (bytes) => {
          for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
        },
      },
      locale,
    );
  } finally {
    closeSync(fd);
  }
}
