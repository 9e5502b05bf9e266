import { z } from "zod";
import { readYesNo, REGISTRY_HEADERS, t, TARGET_HEADER, YES, NO, type MessageKey } from "../i18n";
import { parseCsvRecords, parseCsvText } from "../grid";
import type { Registry, RegistryTownship, RegistryVillage, Targets } from "./registry-types";

/** A registry or targets file that cannot be used; `messages` lists every problem, in Chinese. */
export class RegistryError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "RegistryError";
  }
}

/**
 * Villages in one registry: a county has hundreds, a province tens of thousands, and a province-scale merge (200,000
 * villages, bench/merge.ts) must still work; China has about 490,000 administrative villages, so a list over a
 * million is a wrong file.
 */
export const MAX_REGISTRY_VILLAGES = 1_000_000;
/** Problems of a registry listed one by one; the rest are counted. */
const MAX_LISTED_ERRORS = 200;

function boundedErrors(errors: string[], file: string): string[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  return [...errors.slice(0, MAX_LISTED_ERRORS), t("registry.moreErrors", { file, count: errors.length - MAX_LISTED_ERRORS })];
}

const REGISTRY_COLUMNS = REGISTRY_HEADERS;
const TARGET_COLUMNS = { townshipCode: REGISTRY_HEADERS.townshipCode, target: TARGET_HEADER };

const yesNo = z.string().refine((s) => readYesNo(s)?.form === "word", { message: `${YES}/${NO}` });
const registryRow = z.object({
  townshipCode: z.string().min(1),
  townshipName: z.string().min(1),
  code: z.string().regex(/^\d{12}$/),
  name: z.string().min(1),
  weak: yesNo,
});

const TWELVE_DIGITS = /^\d{12}$/;
/** A township's target: made once (a zod schema per row cost 90 ms for a province's 1,000 townships). */
const wholeNumber = z.coerce.number().int().min(0);

/** Maps the header row to column indexes by exact (trimmed) header text; reports every missing column. */
function columnIndexes<K extends string>(header: string[], wanted: Record<K, string>, file: string): Record<K, number> {
  const norm = header.map((h) => h.replace(/\s+/g, ""));
  const out = Object.create(null) as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const i = norm.indexOf(wanted[key]);
    if (i < 0) missing.push(t("registry.missingColumn", { file, column: wanted[key] }));
    out[key] = i;
  }
  if (missing.length) throw new RegistryError(missing);
  return out;
}

/**
 * Parses the county's registry (村名册) CSV text: one row per village, townships in first-seen order.
 * Every problem is collected; any problem makes the registry unusable (it is the reference for everything else).
 */
export function parseRegistry(text: string, file = "registry.csv", maxVillages = MAX_REGISTRY_VILLAGES): Registry {
  // Counted before parsing: a list of every village in the country (or a wrong file) is refused in milliseconds, not
  // after a gigabyte. A well-formed line is at least 28 characters (two codes, two names, 是/否, four commas): a
  // shorter text cannot hold too many, and the well-formed reader counts as it goes.
  let counted = false;
  const tooMany = () => {
    let newlines = 0;
    for (let i = text.indexOf("\n"); i >= 0 && newlines <= maxVillages + 1; i = text.indexOf("\n", i + 1)) newlines++;
    counted = true;
    const lines = newlines + (text.endsWith("\n") ? 0 : 1) - 1; // the lines after the header
    return lines > maxVillages;
  };
  const refuse = () => new RegistryError([t("registry.tooMany", { file, limit: maxVillages.toLocaleString("en-US") })]);
  if (text.length > 28 * maxVillages && tooMany()) throw refuse();
  const wellFormed = readWellFormedRegistry(text, file, maxVillages);
  if (wellFormed === TOO_MANY) throw refuse();
  if (wellFormed) return wellFormed;
  if (!counted && tooMany()) throw refuse();
  return readRegistryRows(text, file);
}

const TOO_MANY = Symbol("too many villages");

/** Whether a UTF-16 code unit is whitespace that String.prototype.trim removes. */
function isTrimmed(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
}

/** Where each field of the line being read starts and ends, and which field is which column. */
interface RegistryLine {
  src: string;
  starts: Int32Array;
  ends: Int32Array;
  col: Record<keyof typeof REGISTRY_COLUMNS, number>;
  /** Whether the line's 薄弱村基数 is 是. */
  weak: boolean;
}

/**
 * The lines of a registry as its own program writes it: no quotes, no lone CR, no blank line but at the end, every line
 * with the header's fields, every field without spaces around it, 9-digit township codes that begin each 12-digit
 * village code, 是/否. `each` is given every line, in order, and may refuse it (false). undefined when a line is not
 * so (or refused), TOO_MANY past maxVillages lines, else the text with its BOM left out.
 */
function scanWellFormed(text: string, file: string, maxVillages: number, each: (line: RegistryLine) => boolean): string | typeof TOO_MANY | undefined {
  if (text.indexOf('"') >= 0) return undefined;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const headerEnd = src.indexOf("\n");
  if (headerEnd <= 0) return undefined;
  const [header = []] = parseCsvText(src.slice(0, headerEnd));
  if (header.length === 0 || header.every((h) => h.trim() === "")) return undefined;
  const col = columnIndexes(header, REGISTRY_COLUMNS, file);
  const fields = header.length;
  const starts = new Int32Array(fields);
  const ends = new Int32Array(fields);
  const yes = YES.charCodeAt(0);
  const no = NO.charCodeAt(0);
  if (YES.length !== 1 || NO.length !== 1) return undefined;
  const line: RegistryLine = { src, starts, ends, col, weak: false };
  // Field f of the line is not empty and has no space at either end.
  const bare = (f: number) => ends[f] > starts[f] && !isTrimmed(src.charCodeAt(starts[f])) && !isTrimmed(src.charCodeAt(ends[f] - 1));
  let count = 0;
  for (let at = headerEnd + 1; at < n; ) {
    const end = lineEnd(src, at);
    const next = src.charCodeAt(end) === 13 ? end + 2 : end + 1;
    if (end === at) {
      // A blank line: only at the very end (the general parse drops blank lines wherever they are, but is not worth
      // repeating here).
      if (src.slice(next).trim() !== "") return undefined;
      break;
    }
    if (!splitLine(src, at, end, starts, ends)) return undefined;
    if (!bare(col.townshipCode) || !bare(col.townshipName) || !bare(col.code) || !bare(col.name) || !bare(col.weak)) return undefined;
    const tc = starts[col.townshipCode];
    const vc = starts[col.code];
    if (ends[col.townshipCode] - tc !== 9 || ends[col.code] - vc !== 12 || ends[col.weak] - starts[col.weak] !== 1) return undefined;
    for (let i = 0; i < 12; i++) {
      const c = src.charCodeAt(vc + i);
      if (c < 48 || c > 57 || (i < 9 && c !== src.charCodeAt(tc + i))) return undefined;
    }
    const weak = src.charCodeAt(starts[col.weak]);
    if (weak !== yes && weak !== no) return undefined;
    if (++count > maxVillages) return TOO_MANY;
    line.weak = weak === yes;
    if (!each(line)) return undefined;
    at = next;
  }
  return count > 0 ? src : undefined;
}

/** Where the line from `at` ends: before its LF, or its CR LF (a lone CR is inside it), or at the end of the text. */
function lineEnd(src: string, at: number): number {
  let lf = src.indexOf("\n", at);
  if (lf < 0) lf = src.length;
  return lf > at && src.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
}

/**
 * The fields of src[at, end) split at its commas into starts/ends; false when they are not as many as `starts` has
 * room for, or the line holds a CR.
 */
function splitLine(src: string, at: number, end: number, starts: Int32Array, ends: Int32Array): boolean {
  let k = 0;
  starts[0] = at;
  for (let i = at; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 44) {
      if (++k === starts.length) return false;
      ends[k - 1] = i;
      starts[k] = i + 1;
    } else if (c === 13) return false;
  }
  ends[k] = end;
  return k === starts.length - 1;
}

/**
 * Each line's township, made (code and name) at its first line; `townships` in first-seen order. Villages come
 * township by township, so a line's township is usually the line before's.
 */
function townshipsOfLines(): { townships: Map<string, RegistryTownship>; of: (line: RegistryLine) => RegistryTownship } {
  const townships = new Map<string, RegistryTownship>();
  let last: RegistryTownship | undefined;
  const of = ({ src, starts, ends, col }: RegistryLine) => {
    const tc = starts[col.townshipCode];
    if (last && src.startsWith(last.code, tc)) return last;
    const code = src.slice(tc, tc + 9);
    last = townships.get(code);
    if (!last) {
      last = { code, name: src.slice(starts[col.townshipName], ends[col.townshipName]), villages: [] };
      townships.set(code, last);
    }
    return last;
  };
  return { townships, of };
}

/** A line's village (its township's code given, as the township object holds it). */
function villageOf({ src, starts, ends, col, weak }: RegistryLine, townshipCode: string): RegistryVillage {
  const vc = starts[col.code];
  return { code: src.slice(vc, vc + 12), name: src.slice(starts[col.name], ends[col.name]), weakBaseline: weak, townshipCode };
}

/**
 * A well-formed registry (scanWellFormed), read line by line: what readRegistryRows gives, making fewer objects (no
 * array of fields per line, a township's code and name taken once). undefined for anything else (a code twice too),
 * which readRegistryRows then reads and explains. Every CLI thread parses the registry as it starts: for 200,000
 * villages this took 0.45 s, most of it the garbage collector copying the fields of the general CSV parse, all live.
 *
 * A village code begins with its line's township code (scanWellFormed), so a code can only come twice within one
 * township: while a township's codes come in ascending order (as a county's program lists them) each is new, and only a
 * township that breaks that order is checked against a set of its codes. Its villages by code (villagesByCode) are
 * looked up by their township and serial (LazyVillages), not hashed into a 200,000-entry map: building that map here,
 * or a township at a time as codes were looked up, cost ≈ 0.14 s of every 1,000 files' validation.
 */
export function readWellFormedRegistry(text: string, file: string, maxVillages: number): Registry | typeof TOO_MANY | undefined {
  const { townships, of } = townshipsOfLines();
  const unordered = new Map<RegistryTownship, Set<string>>();
  const read = scanWellFormed(text, file, maxVillages, (line) => {
    const township = of(line);
    const village = villageOf(line, township.code);
    const villages = township.villages;
    const last = villages.length ? villages[villages.length - 1].code : "";
    let seen = unordered.get(township);
    if (!seen && village.code <= last) unordered.set(township, (seen = new Set(villages.map((v) => v.code))));
    // Once a township is out of order, any of its codes may be one seen before, above the last one as well as below.
    if (seen) {
      if (seen.has(village.code)) return false;
      seen.add(village.code);
    }
    villages.push(village);
    return true;
  });
  if (read === undefined || read === TOO_MANY) return read;
  const registry: Registry = { townships: [...townships.values()] };
  const byCode = new LazyVillages();
  for (const township of registry.townships) byCode.townships.set(township.code, () => township.villages);
  byCodeCache.set(registry, byCode);
  return registry;
}

/**
 * A well-formed registry whose villages are read when first asked for, a township at a time: its townships (code and
 * name) at once, and the place of each village's line. What a CLI worker thread validates with: it only needs the
 * townships its files are for, and making 200,000 villages took it half a second before its first file. The calling
 * thread reads the same text in full (parseRegistry) or `ascending`, and reports any problem in it, a code twice among
 * them. undefined when the text is not well formed (the worker then parses it in full too).
 *
 * `ascending`: only a registry whose every township lists its codes in ascending order (as its program writes them) is
 * indexed, so that no code is there twice: the index then stands for the full parse, which finds nothing wrong in such
 * a text. What `xiaobo validate` reads with, which may be asked about one file of a province.
 */
export function indexRegistry(text: string, file: string, maxVillages = MAX_REGISTRY_VILLAGES, ascending = false): Registry | undefined {
  const { townships, of } = townshipsOfLines();
  const lines = new Map<RegistryTownship, number[]>();
  const lastSerial = new Map<RegistryTownship, number>();
  let line: RegistryLine | undefined;
  const read = scanWellFormed(text, file, maxVillages, (each) => {
    line = each;
    const township = of(each);
    if (ascending) {
      // The line's code is 12 digits that begin with its township's 9 (scanWellFormed): its last 3 are its place.
      const serial = serialAt(each.src, each.starts[each.col.code] + 9);
      if (serial <= (lastSerial.get(township) ?? -1)) return false;
      lastSerial.set(township, serial);
    }
    let at = lines.get(township);
    if (!at) lines.set(township, (at = []));
    at.push(each.starts[0]);
    return true;
  });
  if (read === undefined || read === TOO_MANY || !line) return undefined;
  // Its field places and 是/否 are refilled for each line read again (scanWellFormed is done with it).
  const again: RegistryLine = line;
  const byCode = new LazyVillages();
  for (const township of townships.values()) {
    let villages: RegistryVillage[] | undefined;
    const load = () => {
      if (villages) return villages;
      villages = [];
      // Each line read again as scanWellFormed read it: it is well formed.
      for (const at of lines.get(township)!) {
        splitLine(read, at, lineEnd(read, at), again.starts, again.ends);
        again.weak = read.charCodeAt(again.starts[again.col.weak]) === YES.charCodeAt(0);
        villages.push(villageOf(again, township.code));
      }
      return villages;
    };
    Object.defineProperty(township, "villages", { get: load, enumerable: true });
    byCode.townships.set(township.code, load);
  }
  const registry: Registry = { townships: [...townships.values()] };
  byCodeCache.set(registry, byCode);
  return registry;
}

/** A 12-digit code's last 3 digits as a number (its place in its township); -1 when they are not digits. */
function serialOf(code: string): number {
  return serialAt(code, 9);
}

/** The 3 digits of `s` from `at` as a number; -1 when they are not digits. */
function serialAt(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  const c = s.charCodeAt(at + 2) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? a * 100 + b * 10 + c : -1;
}

/**
 * A township's villages and, for each serial, the place of its village among them (-1: none): a typed array, which the
 * garbage collector neither traces nor copies (an array of 1,000 villages per township was 8 MB of pointers in a
 * province's registry, promoted while its files were validated).
 */
interface Serials {
  villages: RegistryVillage[];
  at: Int32Array;
}

/**
 * villagesByCode of a well-formed registry (readWellFormedRegistry, indexRegistry). In such a registry every code is 12
 * digits that begin with its township's 9, so a code is looked up in its township's villages by its last 3 digits (the
 * serial): no string hashed, no map of every village built; from indexRegistry, a township's villages are read when a
 * code of it is first looked up. Only going through the whole map (not done by the engine) fills the map itself.
 */
class LazyVillages extends Map<string, RegistryVillage> {
  /** Each township's villages (read on the first call), by township code (a village code's first 9 digits). */
  readonly townships = new Map<string, () => RegistryVillage[]>();
  private readonly bySerial = new Map<string, Serials>();
  // The township of the last lookup: a file's codes are mostly its own township's.
  private lastTownship = "";
  private lastSerials: Serials | undefined;
  private all = false;

  /** A code's township's villages by serial; undefined for a code that is not 12 digits of a township here. */
  private serials(code: string): Serials | undefined {
    if (code.length !== 12) return undefined;
    if (this.lastSerials && code.startsWith(this.lastTownship)) return this.lastSerials;
    const township = code.slice(0, 9);
    let serials = this.bySerial.get(township);
    if (!serials) {
      const villages = this.townships.get(township)?.();
      if (!villages) return undefined;
      serials = { villages, at: new Int32Array(1000).fill(-1) };
      for (let k = 0; k < villages.length; k++) serials.at[serialOf(villages[k].code)] = k;
      this.bySerial.set(township, serials);
    }
    this.lastTownship = township;
    this.lastSerials = serials;
    return serials;
  }

  // A code of 12 characters whose first 9 are a township's and last 3 a serial is that one village's code, or none's.
  override get(code: string): RegistryVillage | undefined {
    const serials = this.serials(code);
    const serial = serialOf(code);
    if (!serials || serial < 0) return undefined;
    const k = serials.at[serial];
    return k < 0 ? undefined : serials.villages[k];
  }

  override has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  /** Going through every village maps every township first. */
  private loadAll(): void {
    if (this.all) return;
    this.all = true;
    for (const load of this.townships.values()) for (const v of load()) super.set(v.code, v);
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override forEach(each: (v: RegistryVillage, code: string, map: Map<string, RegistryVillage>) => void, thisArg?: unknown): void {
    this.loadAll();
    super.forEach(each, thisArg);
  }

  override entries(): MapIterator<[string, RegistryVillage]> {
    this.loadAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.loadAll();
    return super.keys();
  }

  override values(): MapIterator<RegistryVillage> {
    this.loadAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, RegistryVillage]> {
    return this.entries();
  }
}

/** The registry read through the general CSV parse, every problem found and explained. */
export function readRegistryRows(text: string, file: string): Registry {
  const [header = [], ...rows] = parseCsvRecords(text);
  const col = columnIndexes(header, REGISTRY_COLUMNS, file);
  const errors: string[] = [];
  const townships = new Map<string, RegistryTownship>();
  const byCode = new Map<string, RegistryVillage>();
  const cell = (cells: string[], k: number) => (cells[k] ?? "").trim();
  // The row a code was first seen on, for the message of a duplicate: looked for only while messages are still listed.
  const firstRow = (code: string, before: number) => {
    for (let j = 0; j < before; j++) if (cell(rows[j], col.code) === code) return j + 2;
    return 0;
  };
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i];
    const row = i + 2;
    const townshipCode = cell(cells, col.townshipCode);
    const townshipName = cell(cells, col.townshipName);
    const code = cell(cells, col.code);
    const name = cell(cells, col.name);
    const weak = cell(cells, col.weak);
    // The rows of a good registry pass these plain checks (zod's, done directly: 200,000 villages in a province-scale
    // merge); a row that fails them goes through zod for its messages.
    if (townshipCode === "" || townshipName === "" || name === "" || !TWELVE_DIGITS.test(code) || (weak !== YES && weak !== NO)) {
      const raw = { townshipCode, townshipName, code, name, weak };
      const parsed = registryRow.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as keyof typeof REGISTRY_COLUMNS;
          const value = raw[key];
          const msg: MessageKey =
            value === "" ? "registry.required" : key === "code" ? "registry.badVillageCode" : key === "weak" ? "registry.badYesNo" : "registry.required";
          errors.push(t(msg, { file, row, value, column: REGISTRY_COLUMNS[key] }));
        }
        continue;
      }
    }
    if (townshipCode.length !== 9 || !code.startsWith(townshipCode)) {
      errors.push(t("registry.badTownshipCode", { file, row, value: townshipCode, expected: code.slice(0, 9) }));
      continue;
    }
    if (byCode.has(code)) {
      errors.push(errors.length < MAX_LISTED_ERRORS ? t("registry.duplicateVillage", { file, row, value: code, first: firstRow(code, i) }) : "");
      continue;
    }
    let township = townships.get(townshipCode);
    if (!township) {
      township = { code: townshipCode, name: townshipName, villages: [] };
      townships.set(townshipCode, township);
    }
    const village = { code, name, weakBaseline: weak === YES || (weak !== NO && readYesNo(weak)!.value), townshipCode: township.code };
    township.villages.push(village);
    byCode.set(code, village);
  }
  if (errors.length) throw new RegistryError(boundedErrors(errors, file));
  if (townships.size === 0) throw new RegistryError([t("registry.empty", { file })]);
  const registry: Registry = { townships: [...townships.values()] };
  byCodeCache.set(registry, byCode);
  return registry;
}

const byCodeCache = new WeakMap<Registry, Map<string, RegistryVillage>>();

/**
 * The registry's villages by code: the map parseRegistry built while checking for duplicates, or (a registry that came
 * another way: from a worker, a test) made once and kept.
 */
export function villagesByCode(registry: Registry): Map<string, RegistryVillage> {
  let map = byCodeCache.get(registry);
  if (!map) {
    map = new Map();
    for (const tw of registry.townships) for (const v of tw.villages) map.set(v.code, v);
    byCodeCache.set(registry, map);
  }
  return map;
}

/** Parses targets.csv (乡镇代码, 年度消薄任务数); every township code must be in the registry when one is given. */
export function parseTargets(text: string, file = "targets.csv", registry?: Registry): Targets {
  const [header = [], ...rows] = parseCsvRecords(text);
  const col = columnIndexes(header, TARGET_COLUMNS, file);
  const known = registry ? new Set(registry.townships.map((tw) => tw.code)) : undefined;
  const errors: string[] = [];
  const targets: Targets = Object.create(null);
  rows.forEach((cells, i) => {
    const row = i + 2;
    const code = (cells[col.townshipCode] ?? "").trim();
    const value = (cells[col.target] ?? "").trim();
    const n = wholeNumber.safeParse(value === "" ? NaN : value);
    if (!n.success) errors.push(t("targets.badNumber", { file, row, value }));
    else if (known && !known.has(code)) errors.push(t("targets.unknownTownship", { file, row, value: code }));
    else targets[code] = n.data;
  });
  if (errors.length) throw new RegistryError(boundedErrors(errors, file));
  return targets;
}

/**
 * Every number column of a targets CSV (乡镇代码, then any columns: 年度消薄任务数, 示范村目标数 …), by column header, for
 * the summary's `target` measures. 乡镇名称 and text columns are left out; a blank cell means no number for that
 * township. A column whose cells are numbers except some is a problem listed with its row and column.
 */
export function parseTargetColumns(text: string, file = "targets.csv", registry?: Registry): Record<string, Targets> {
  const [header = [], ...rows] = parseCsvRecords(text);
  const names = header.map((h) => h.replace(/\s+/g, ""));
  const col = columnIndexes(header, { townshipCode: TARGET_COLUMNS.townshipCode }, file);
  const known = registry ? new Set(registry.townships.map((tw) => tw.code)) : undefined;
  const out: Record<string, Targets> = Object.create(null);
  const errors: string[] = [];
  names.forEach((name, k) => {
    if (k === col.townshipCode || name === "" || name === REGISTRY_HEADERS.townshipName) return;
    const cells = rows.map((r) => (r[k] ?? "").trim());
    // A column of names or notes is not a number column: left out rather than refused.
    if (!cells.some((c) => c !== "" && Number.isFinite(Number(c)))) return;
    const table: Targets = Object.create(null);
    cells.forEach((value, i) => {
      if (value === "") return;
      const n = Number(value);
      const code = (rows[i][col.townshipCode] ?? "").trim();
      if (!Number.isFinite(n)) errors.push(t("targets.badColumnNumber", { file, row: i + 2, column: name, value }));
      else if (known && !known.has(code)) errors.push(t("targets.unknownTownship", { file, row: i + 2, value: code }));
      else table[code] = n;
    });
    out[name] = table;
  });
  if (errors.length) throw new RegistryError([...new Set(errors)]);
  return out;
}

/** The registry's township for a village code (first 9 digits), if any. */
export function townshipOfVillage(registry: Registry, villageCode: string): RegistryTownship | undefined {
  const code = villageCode.slice(0, 9);
  return registry.townships.find((tw) => tw.code === code);
}
