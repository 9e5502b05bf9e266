/**
 * Step 5 of the merge: the accepted rows as merged units (村级明细), in registry order. A unit carries its template
 * columns (all but 序号) as own properties: the registry's values for the columns linked to it (code, name, 薄弱村基数:
 * the baseline is always the registry's, never the file's), numbers to the column's decimals (money to the cent), a
 * 4-digit year as a number, empty text as null; then the summary's derived values.
 */
import type { CompiledColumn, CompiledTemplate, Registry } from "../templates";
import type { FileReport } from "../validate";
import type { Accepted } from "./rows";
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

export function buildUnits(accepted: Accepted, registry: Registry, reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, us: UnitScope): MergedVillage[] {
  const columns = ct.columns.filter((c) => c.key !== ct.template.sequenceColumn);
  const keys = columns.map((c) => c.key);
  const links = columns.map((c) => c.registry);
  const converts = columns.map(converter);
  const nameColumn = ct.columns.find((c) => c.registry === "villageName");
  const shape: Record<string, unknown> = { townshipCode: "", townshipName: "", villageCode: "", villageName: "", reportedName: null, source: null };
  for (const k of [...keys, ...ct.summary.derived.map((d) => d.key)]) shape[k] = null;
  const derived = ct.summary.derived;
  const units: MergedVillage[] = [];
  registry.townships.forEach((tw, t) => {
    const at = accepted.first[t];
    tw.villages.forEach((village, k) => {
      const fileIndex = accepted.file[at + k];
      if (fileIndex < 0) return;
      const row = accepted.row[at + k]!;
      const report = reports[fileIndex];
      sorting.files[fileIndex].mergedRows++;
      const v = row.values;
      // A copy of one shape with every key already there: one allocation, no per-key transitions.
      const unit = { ...shape } as MergedVillage;
      unit.townshipCode = tw.code;
      unit.townshipName = tw.name;
      unit.villageCode = village.code;
      unit.villageName = village.name;
      unit.reportedName = nameColumn ? textOrNull(v[nameColumn.key]) : null;
      unit.source = { file: report.file, fileIndex, sheet: report.sheet, row: row.row };
      for (let c = 0; c < keys.length; c++) {
        const link = links[c];
        unit[keys[c]] =
          link === undefined ? converts[c](v[keys[c]])
          : link === "villageCode" ? village.code
          : link === "villageName" ? village.name
          : village.weakBaseline;
      }
      if (derived.length) {
        const s = us.load(unit);
        for (let k = 0; k < derived.length; k++) {
          const d = derived[k];
          const value = d.fn(s);
          const kept: UnitValue = typeof value === "boolean" || typeof value === "number" || typeof value === "string" ? value : null;
          unit[d.key] = kept;
          s[d.key] = kept;
        }
      }
      units.push(unit);
    });
  });
  return units;
}
