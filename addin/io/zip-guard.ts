import type { ReadLimits } from "./limits";
import { UnreadableError } from "./unreadable";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads the zip central directory (no inflation) and rejects a zip bomb before any library inflates it:
 * declared total size and per-entry compression ratio are bounded. A zip whose directory is missing or
 * inconsistent was cut short. Returns the entries so a caller can also bound the real inflation.
 */
export function guardZip(bytes: Uint8Array, file: string, limits: ReadLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new UnreadableError(file, "truncated");
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (dirOffset === 0xffffffff || count === 0xffff) throw new UnreadableError(file, "too-large"); // ZIP64: no report is that big
  if (dirOffset + dirSize > eocd) throw new UnreadableError(file, "truncated");
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw new UnreadableError(file, "truncated");
    const entry: ZipEntry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))),
    };
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (entry.localHeaderOffset + entry.compressedSize > bytes.length) throw new UnreadableError(file, "truncated");
    total += entry.size;
    if (total > limits.maxUnzippedBytes) throw new UnreadableError(file, "zip-bomb");
    if (entry.size > 1024 * 1024 && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) throw new UnreadableError(file, "zip-bomb");
    entries.push(entry);
  }
  return entries;
}

/** Offset of an entry's compressed data (after its local header). */
export function dataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  return p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
}
