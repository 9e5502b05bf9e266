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

/** How a column's cell value becomes a unit's value: chosen once per column (a kind and a factor), not per cell. */
const Kind = { Number: 0, Rounded: 1, Year: 2, YesNo: 3, Date: 4, Text: 5, VillageCode: 6, VillageName: 7, WeakBaseline: 8 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(c: CompiledColumn): { kind: Kind; factor: number } {
  if (c.registry === "villageCode") return { kind: Kind.VillageCode, factor: 0 };
  if (c.registry === "villageName") return { kind: Kind.VillageName, factor: 0 };
  if (c.registry !== undefined) return { kind: Kind.WeakBaseline, factor: 0 };
  switch (c.type) {
    case "number":
    case "integer": {
      const d = c.type === "integer" ? 0 : c.decimals;
      return d === undefined ? { kind: Kind.Number, factor: 0 } : { kind: Kind.Rounded, factor: 10 ** d };
    }
    case "year":
      return { kind: Kind.Year, factor: 0 };
    case "yesno":
      return { kind: Kind.YesNo, factor: 0 };
    case "date":
      return { kind: Kind.Date, factor: 0 };
    default:
      return { kind: Kind.Text, factor: 0 };
  }
}

/** A cell value as a unit value (numbers to the column's decimals, a 4-digit year as a number, empty text as null). */
function convert(kind: Kind, f: number, v: unknown): UnitValue {
  switch (kind) {
    case Kind.Number:
      return typeof v === "number" && Number.isFinite(v) ? v : null;
    case Kind.Rounded:
      return typeof v === "number" && Number.isFinite(v) ? Math.round(v * f) / f : null;
    case Kind.Year:
      return typeof v === "number" ? v : typeof v === "string" && /^\d{4}$/.test(v.trim()) ? Number(v) : null;
    case Kind.YesNo:
      return typeof v === "boolean" ? v : null;
    case Kind.Date:
      return typeof v === "number" ? v : null;
    default:
      return typeof v === "number" || typeof v === "boolean" ? v : textOrNull(v);
  }
}

export function buildUnits(accepted: Accepted, registry: Registry, reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, us: UnitScope): MergedVillage[] {
  const columns = ct.columns.filter((c) => c.key !== ct.template.sequenceColumn);
  const keys = columns.map((c) => c.key);
  const kinds = columns.map(kindOf);
  const kind = kinds.map((k) => k.kind);
  const factor = kinds.map((k) => k.factor);
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
        const k = kind[c];
        unit[keys[c]] =
          k === Kind.VillageCode ? village.code
          : k === Kind.VillageName ? village.name
          : k === Kind.WeakBaseline ? village.weakBaseline
          : convert(k, factor[c], v[keys[c]]);
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
