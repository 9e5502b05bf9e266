/**
 * Step 5 of the merge: the accepted rows as merged units (村级明细), in registry order, column by column (unit-table.ts).
 * A unit has its template columns (all but 序号): the registry's values for the columns linked to it (code, name, 薄弱村基数:
 * the baseline is always the registry's, never the file's), numbers to the column's decimals (money to the cent), a
 * 4-digit year as a number, empty text as null; then the summary's derived values.
 */
import type { CompiledColumn, CompiledTemplate, Registry } from "../templates";
import type { FileReport } from "../validate";
import type { Accepted } from "./rows";
import type { UnitScope } from "./scope";
import type { FileSorting } from "./files";
import type { UnitValue } from "./types";
import { UnitTable } from "./unit-table";

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

export function buildUnits(accepted: Accepted, registry: Registry, reports: readonly FileReport[], ct: CompiledTemplate, sorting: FileSorting, us: UnitScope): UnitTable {
  const columns = ct.columns.filter((c) => c.key !== ct.template.sequenceColumn);
  const keys = columns.map((c) => c.key);
  const kinds = columns.map(kindOf);
  const kind = kinds.map((k) => k.kind);
  const factor = kinds.map((k) => k.factor);
  const nameColumn = ct.columns.find((c) => c.registry === "villageName");
  const derived = ct.summary.derived;
  const nameAt = nameColumn ? keys.indexOf(nameColumn.key) : -1;
  // Each file's columns in `keys` order (undefined: the file's rows have no such key).
  const columnsOf = reports.map((report) => keys.map((key) => report.rows.column(key)));
  let n = 0;
  for (let p = 0; p < accepted.file.length; p++) if (accepted.file[p] >= 0) n++;
  const table = new UnitTable(n, [...keys, ...derived.map((d) => d.key)]);
  // A number column's values in a Float64Array (NaN: none), with no boxed number per value; any other's as they are.
  const numbers = kind.map((k) => (k === Kind.Number || k === Kind.Rounded ? new Float64Array(n) : undefined));
  const others = kind.map((_, c) => (numbers[c] ? undefined : (new Array(n) as UnitValue[])));
  keys.forEach((key, c) => table.columns.set(key, numbers[c] ?? others[c]!));
  const { townshipCode, townshipName, villageCode, villageName, reportedName, file, fileIndex: fileIndexes, sheet, row: rows } = table;
  let i = 0;
  registry.townships.forEach((tw, t) => {
    const at = accepted.first[t];
    const villages = tw.villages;
    for (let k = 0; k < villages.length; k++) {
      const fileIndex = accepted.file[at + k];
      if (fileIndex < 0) continue;
      const village = villages[k];
      const j = accepted.row[at + k];
      const report = reports[fileIndex];
      sorting.files[fileIndex].mergedRows++;
      const v = columnsOf[fileIndex];
      townshipCode[i] = tw.code;
      townshipName[i] = tw.name;
      villageCode[i] = village.code;
      villageName[i] = village.name;
      reportedName[i] = nameColumn ? textOrNull(v[nameAt]?.[j]) : null;
      file[i] = report.file;
      fileIndexes[i] = fileIndex;
      sheet[i] = report.sheet;
      rows[i] = report.rows.row[j];
      for (let c = 0; c < keys.length; c++) {
        const kc = kind[c];
        const value =
          kc === Kind.VillageCode ? village.code
          : kc === Kind.VillageName ? village.name
          : kc === Kind.WeakBaseline ? village.weakBaseline
          : convert(kc, factor[c], v[c]?.[j]);
        const typed = numbers[c];
        if (typed) typed[i] = value === null ? NaN : (value as number);
        else others[c]![i] = value;
      }
      i++;
    }
  });
  if (derived.length) {
    // In order, each seeing the ones before it (a unit's later derived values still null in the scope).
    const values = derived.map((d) => {
      const column: UnitValue[] = new Array(n).fill(null);
      table.columns.set(d.key, column);
      return column;
    });
    const load = us.loadRow(table);
    for (let u = 0; u < n; u++) {
      const s = load(u);
      for (let k = 0; k < derived.length; k++) {
        const value = derived[k].fn(s);
        const kept: UnitValue = typeof value === "boolean" || typeof value === "number" || typeof value === "string" ? value : null;
        values[k][u] = kept;
        s[derived[k].key] = kept;
      }
    }
  }
  return table;
}
