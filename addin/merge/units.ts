/**
 * Step 5 of the merge: the accepted rows as merged units (村级明细), in registry order. A unit carries its template
 * columns (all but 序号) as own properties: the registry's values for the columns linked to it (code, name, 薄弱村基数:
 * the baseline is always the registry's, never the file's), numbers to the column's decimals (money to the cent), a
 * 4-digit year as a number, empty text as null; then the summary's derived values.
 */
import type { CompiledColumn, CompiledTemplate } from "../templates";
import type { FileReport } from "../validate";
import type { Candidate } from "./rows";
import type { UnitScope } from "./scope";
import type { FileSorting } from "./files";
import type { MergedVillage, UnitValue } from "./types";

const textOrNull = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));

type Convert = (v: unknown) => UnitValue;

/** How a column's cell value becomes a unit's value: chosen once per column, not per cell. */
function converter(c: CompiledColumn): Convert {
  switch (c.type) {
    case "number":
    case "integer": {
      const d = c.type === "integer" ? 0 : c.decimals;
      if (d === undefined) return (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
      const f = 10 ** d;
      return (v) => (typeof v === "number" && Number.isFinite(v) ? Math.round(v * f) / f : null);
    }
    case "year":
      return (v) => (typeof v === "number" ? v : typeof v === "string" && /^\d{4}$/.test(v.trim()) ? Number(v) : null);
    case "yesno":
      return (v) => (typeof v === "boolean" ? v : null);
    case "date":
      return (v) => (typeof v === "number" ? v : null);
    default:
      return (v) => (typeof v === "number" || typeof v === "boolean" ? v : textOrNull(v));
  }
}

export function buildUnits(accepted: readonly Candidate[], reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, us: UnitScope): MergedVillage[] {
  const columns = ct.columns.filter((c) => c.key !== ct.template.sequenceColumn);
  const keys = columns.map((c) => c.key);
  const links = columns.map((c) => c.registry);
  const converts = columns.map(converter);
  const nameColumn = ct.columns.find((c) => c.registry === "villageName");
  const shape: Record<string, unknown> = { townshipCode: "", townshipName: "", villageCode: "", villageName: "", reportedName: null, source: null };
  for (const k of [...keys, ...ct.summary.derived.map((d) => d.key)]) shape[k] = null;
  const derived = ct.summary.derived;
  return accepted.map((c) => {
    const report = reports[c.fileIndex];
    sorting.files[c.fileIndex].mergedRows++;
    const v = c.row.values;
    // A copy of one shape with every key already there: one allocation, no per-key transitions.
    const unit = { ...shape } as MergedVillage;
    unit.townshipCode = c.ref.township.code;
    unit.townshipName = c.ref.township.name;
    unit.villageCode = c.ref.village.code;
    unit.villageName = c.ref.village.name;
    unit.reportedName = nameColumn ? textOrNull(v[nameColumn.key]) : null;
    unit.source = { file: report.file, fileIndex: c.fileIndex, sheet: report.sheet, row: c.row.row };
    for (let k = 0; k < keys.length; k++) {
      const link = links[k];
      unit[keys[k]] =
        link === undefined ? converts[k](v[keys[k]])
        : link === "villageCode" ? c.ref.village.code
        : link === "villageName" ? c.ref.village.name
        : c.ref.village.weakBaseline;
    }
    if (derived.length) {
      const s = us.load(unit);
      for (const d of derived) {
        const value = d.fn(s);
        const kept: UnitValue = typeof value === "boolean" || typeof value === "number" || typeof value === "string" ? value : null;
        unit[d.key] = kept;
        s[d.key] = kept;
      }
    }
    return unit;
  });
}
