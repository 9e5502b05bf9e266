/**
 * What every sum/mean/count/share measure reads from each unit, as typed columns: a bare unit key is read once per key
 * (several measures reading `operatingIncome` share one read), an expression once per distinct source (a count and a
 * share with the same `where` share one evaluation), with the unit loaded into the scope once for all of them. The
 * sums are then plain typed-array loops (measures.ts), with no per-unit closure or allocation.
 */
import type { CompiledSummary, ExprFn } from "../templates";
import type { UnitScope } from "./scope";
import type { UnitTable } from "./unit-table";

/** A measure's inputs: `of` as a number (NaN when it has none, i.e. not a finite number), `where`/`among` as 1 when true. */
export interface MeasureColumns {
  of: (Float64Array | undefined)[];
  where: (Uint8Array | undefined)[];
  among: (Uint8Array | undefined)[];
}

/**
 * The units' values of a key, read once per key however many measures and rankings read it: as numbers (NaN when
 * not a finite number) or as truths (1 when true).
 */
export class UnitColumns {
  private readonly numbersOf = new Map<string, Float64Array>();
  private readonly truthsOf = new Map<string, Uint8Array>();
  constructor(readonly units: UnitTable) {}

  numbers(key: string): Float64Array {
    let out = this.numbersOf.get(key);
    if (!out) {
      const column = this.units.column(key);
      // A number column is that already (NaN: none); it is only read.
      if (column instanceof Float64Array) out = column;
      else {
        out = new Float64Array(this.units.length);
        for (let i = 0; i < out.length; i++) {
          const v = column[i];
          out[i] = typeof v === "number" && Number.isFinite(v) ? v : NaN;
        }
      }
      this.numbersOf.set(key, out);
    }
    return out;
  }

  truths(key: string): Uint8Array {
    let out = this.truthsOf.get(key);
    if (!out) {
      const column = this.units.column(key);
      out = new Uint8Array(this.units.length);
      if (!(column instanceof Float64Array)) for (let i = 0; i < out.length; i++) out[i] = column[i] === true ? 1 : 0;
      this.truthsOf.set(key, out);
    }
    return out;
  }
}

/** One column to fill: read from a unit key, or evaluated from an expression through the scope. */
interface Source {
  key?: string;
  fn?: ExprFn;
  numbers?: Float64Array;
  truths?: Uint8Array;
}

export function measureColumns(summary: CompiledSummary, columns: UnitColumns, us: UnitScope): MeasureColumns {
  const units = columns.units;
  const n = units.length;
  const byName = new Map<string, Source>();
  const source = (kind: "number" | "truth", key: string | undefined, fn: ExprFn | undefined, text: string): Source => {
    // Keyed by kind and by key or expression text: one expression source compiles to the same function over the same symbols.
    const id = `${kind}\u0000${key === undefined ? "=" + text : "." + key}`;
    let s = byName.get(id);
    if (!s) {
      s = key === undefined ? { fn } : { key };
      if (key !== undefined) {
        if (kind === "number") s.numbers = columns.numbers(key);
        else s.truths = columns.truths(key);
      } else if (kind === "number") s.numbers = new Float64Array(n);
      else s.truths = new Uint8Array(n);
      byName.set(id, s);
    }
    return s;
  };
  const cols: MeasureColumns = { of: [], where: [], among: [] };
  for (const m of summary.measures) {
    const spec = m.spec as { of?: unknown; where?: unknown; among?: unknown };
    if (m.of) cols.of[m.index] = source("number", m.ofKey, m.of, String(spec.of)).numbers;
    if (m.where) cols.where[m.index] = source("truth", m.whereKey, m.where, String(spec.where)).truths;
    if (m.among) cols.among[m.index] = source("truth", m.amongKey, m.among, String(spec.among)).truths;
  }
  const scoped: Source[] = [];
  for (const s of byName.values()) if (s.key === undefined) scoped.push(s);
  if (scoped.length) evaluate(scoped, units, us);
  return cols;
}

/** The expressions' values for every unit, each unit loaded into the scope once (a small function, compiled on its own). */
function evaluate(scoped: readonly Source[], units: UnitTable, us: UnitScope): void {
  const load = us.loadRow(units);
  for (let i = 0; i < units.length; i++) {
    const scope = load(i);
    for (let k = 0; k < scoped.length; k++) {
      const s = scoped[k];
      const v = s.fn!(scope);
      if (s.numbers) s.numbers[i] = typeof v === "number" && Number.isFinite(v) ? v : NaN;
      else s.truths![i] = v === true ? 1 : 0;
    }
  }
}
