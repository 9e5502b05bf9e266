/**
 * Checks against the county's registry (村名册): which township the file is for, every code known and in that township,
 * no village twice (重报), none missing (漏报), the baseline (薄弱村基数) as the registry has it, the name as the registry
 * spells it.
 */
import { NO, VILLAGE_NAME_SUFFIXES, YES } from "../i18n";
import { address, type Grid } from "../grid";
import { compactText, villagesByCode, type CompiledColumn, type CompiledTemplate, type Registry, type RegistryTownship, type RegistryVillage } from "../templates";
import type { Collector } from "./context";
import type { ColumnMap } from "./map-columns";
import type { RowTable } from "./row-table";

interface RegistryIndex {
  byCode: Map<string, RegistryVillage>;
  townshipByCode: Map<string, RegistryTownship>;
  /**
   * Townships by compacted name (the first of two with the same name), and the lengths of those names, longest first:
   * the longest name in a text wins, so 东湖镇 is not taken for 湖镇.
   */
  byName: Map<string, { township: RegistryTownship; order: number }>;
  nameLengths: number[];
}

const indexCache = new WeakMap<Registry, RegistryIndex>();

export function registryIndex(registry: Registry): RegistryIndex {
  let idx = indexCache.get(registry);
  if (!idx) {
    const byCode = villagesByCode(registry);
    const townshipByCode = new Map<string, RegistryTownship>();
    for (const tw of registry.townships) townshipByCode.set(tw.code, tw);
    const byName = new Map<string, { township: RegistryTownship; order: number }>();
    registry.townships.forEach((township, order) => {
      const compact = compactText(township.name);
      if (compact !== "" && !byName.has(compact)) byName.set(compact, { township, order });
    });
    const nameLengths = [...new Set([...byName.keys()].map((name) => name.length))].sort((a, b) => b - a);
    idx = { byCode, townshipByCode, byName, nameLengths };
    indexCache.set(registry, idx);
  }
  return idx;
}

function textAbove(grid: Grid, top: number): string {
  let s = "";
  for (let r = 0; r < top && r < grid.rowCount; r++) {
    const row = grid.rows[r];
    if (!row) continue;
    for (const cell of row) if (cell) s += typeof cell.value === "string" ? cell.value : cell.text;
  }
  return compactText(s);
}

/**
 * The township whose name the text contains: the longest such name, and of names as long, the first in the registry.
 * The text's pieces of each name length are looked up, not every township's name searched for in the text: a province
 * has a thousand townships, and every file asks.
 */
function namedIn(text: string, idx: RegistryIndex): RegistryTownship | undefined {
  if (text === "") return undefined;
  for (const len of idx.nameLengths) {
    let found: { township: RegistryTownship; order: number } | undefined;
    for (let i = 0; i + len <= text.length; i++) {
      const hit = idx.byName.get(text.slice(i, i + len));
      if (hit && (!found || hit.order < found.order)) found = hit;
    }
    if (found) return found.township;
  }
  return undefined;
}

/**
 * The township of a file: `given` (the caller's code) when there is one; else the township named in the title rows
 * (填报单位：东湖镇); else the township most village codes belong to; else one named in the file name.
 */
export function determineTownship(
  registry: Registry,
  grid: Grid,
  headerTop: number,
  codes: Iterable<string>,
  file: string,
  given?: string,
): RegistryTownship | undefined {
  const idx = registryIndex(registry);
  if (given !== undefined) return idx.townshipByCode.get(given);
  const named = namedIn(textAbove(grid, headerTop), idx);
  if (named) return named;
  const counts = new Map<string, number>();
  for (const code of codes) {
    const v = idx.byCode.get(code);
    if (v) counts.set(v.townshipCode, (counts.get(v.townshipCode) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [tw, n] of counts) if (best === undefined || n > counts.get(best)!) best = tw;
  if (best !== undefined) return idx.townshipByCode.get(best);
  return namedIn(compactText(file), idx);
}

const NAME_SUFFIX = new RegExp(`(?:${VILLAGE_NAME_SUFFIXES.join("|")})$`);

function stem(name: string): string {
  let s = compactText(name);
  for (let next = s.replace(NAME_SUFFIX, ""); next !== s && next !== ""; next = s.replace(NAME_SUFFIX, "")) s = next;
  return s;
}

/** 小口村 = 小口村 = 小口 = 小口村村委会: names differing only in a 村/社区/村委会 suffix are the same. */
function sameName(a: string, b: string): boolean {
  return a === b || compactText(a) === compactText(b) || stem(a) === stem(b);
}

export interface RegistryColumns {
  code?: CompiledColumn;
  name?: CompiledColumn;
  baseline?: CompiledColumn;
}

export function registryColumns(ct: CompiledTemplate): RegistryColumns {
  const find = (link: string) => ct.columns.find((c) => c.registry === link);
  return { code: find("villageCode"), name: find("villageName"), baseline: find("weakBaseline") };
}

/**
 * Registry checks over the data rows. Returns the 1-based rows that must count as having errors besides the rows of
 * their own issues (the first of two rows reporting the same village).
 */
export function checkRegistry(
  registry: Registry,
  township: RegistryTownship | undefined,
  rows: RowTable,
  cols: RegistryColumns,
  map: ColumnMap,
  out: Collector,
  everyVillage = true,
): Set<number> {
  const idx = registryIndex(registry);
  const extraErrorRows = new Set<number>();
  const codeCol = cols.code!;
  const at = (row: number, col: CompiledColumn | undefined): string | undefined => {
    const c = col ? map.colOf[col.index] : -1;
    return c < 0 ? undefined : address(row - 1, c);
  };
  const seen = new Map<string, number>();
  /** Names of rows whose code could not be used: such a row still accounts for its village (no 漏报 on top). */
  const uncodedNames = new Set<string>();
  const names = cols.name ? rows.columns[cols.name.index] : undefined;
  const nameOf = (j: number): string | undefined => {
    const v = names?.[j];
    return typeof v === "string" && v !== "" ? v : undefined;
  };
  // The file's own township's villages by name stem, for the hint "the registry has code … for this village".
  let byStem: Map<string, RegistryVillage> | undefined;
  const namedVillage = (name: string | undefined): RegistryVillage | undefined => {
    if (!township || !name) return undefined;
    if (!byStem) {
      byStem = new Map();
      for (const v of township.villages) if (!byStem.has(stem(v.name))) byStem.set(stem(v.name), v);
    }
    return byStem.get(stem(name));
  };
  const codes = rows.columns[codeCol.index];
  const baselines = cols.baseline ? rows.columns[cols.baseline.index] : undefined;
  for (let j = 0; j < rows.length; j++) {
    const code = codes[j];
    const name = nameOf(j);
    const row = rows.row[j];
    if (typeof code !== "string") {
      if (name) uncodedNames.add(compactText(name));
      continue;
    }
    const village = idx.byCode.get(code);
    if (!village) {
      const hint = namedVillage(name);
      const variant = hint ? "unknownVillageHint" : "unknownVillage";
      out.add("unknown-village", variant, { code, name: hint?.name, expected: hint?.code, township: township?.name }, { cell: at(row, codeCol), row, column: codeCol, villageCode: code });
      if (name) uncodedNames.add(compactText(name));
      continue;
    }
    if (township && village.townshipCode !== township.code) {
      const actual = idx.townshipByCode.get(village.townshipCode)?.name ?? village.townshipCode;
      const hint = namedVillage(name);
      out.add(
        "wrong-township",
        hint ? "wrongTownshipHint" : "wrongTownship",
        { code, name: village.name, actual, township: township.name, own: hint?.name, expected: hint?.code },
        { cell: at(row, codeCol), row, column: codeCol, villageCode: code },
      );
      continue;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      out.add(
        "duplicate-village",
        "duplicateVillage",
        { code, name: village.name, first, row },
        { cell: at(row, codeCol), row, column: codeCol, villageCode: code },
      );
      extraErrorRows.add(first);
      continue;
    }
    seen.set(code, row);
    if (cols.name && name !== undefined && !sameName(name, village.name)) {
      out.add("name-mismatch", "nameMismatch", { value: name, code, expected: village.name }, { cell: at(row, cols.name), row, column: cols.name, villageCode: code });
    }
    const baseline = baselines?.[j];
    if (typeof baseline === "boolean" && baseline !== village.weakBaseline) {
      out.add(
        "registry-mismatch",
        "registryMismatch",
        { name: village.name, code, value: baseline ? YES : NO, expected: village.weakBaseline ? YES : NO },
        { cell: at(row, cols.baseline), row, column: cols.baseline, villageCode: code },
      );
    }
  }
  // 漏报: every registry village of the township, unless the report lists only the villages concerned (coverage "some").
  if (township && everyVillage) {
    for (const v of township.villages) {
      if (seen.has(v.code) || uncodedNames.has(compactText(v.name))) continue;
      out.add("missing-village", "missingVillage", { township: township.name, name: v.name, code: v.code }, { villageCode: v.code });
    }
  }
  return extraErrorRows;
}
