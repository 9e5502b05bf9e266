/**
 * reconcile()'s unit check: each unit is in the detail at most once, under its own registry township, with the
 * registry's values in the columns linked to it. A unit is looked up in the registry township it claims, first at the
 * position after the previous unit's (a merge lists a township's villages in registry order), else through that
 * township's codes; the whole registry is indexed only when some unit is not found there. Registry village and
 * township codes are unique (parseRegistry refuses duplicates).
 */
import type { RegistryVillage } from "../templates";
import { registryPositions } from "./registry-positions";
import type { Fail } from "./reconcile-rows";
import type { CountySummary } from "./types";
import { valueAt, type UnitTable } from "./unit-table";

export interface UnitGroups {
  /** Each unit's township line (the first with its code), -1 when none. */
  groupOf: Int32Array;
  /** Units per township code, at the code's first line (a line sharing its code with another reads the first's). */
  count: Float64Array;
}

export function checkUnits(summary: CountySummary, linked: readonly { key: string; header: string; registry?: string }[], fail: Fail): UnitGroups {
  const detail = summary.detail;
  const n = detail.length;
  const tws = summary.registry.townships;
  const reg = registryPositions(summary.registry);
  const lineAt = new Map<string, number>();
  summary.townships.forEach((tw, i) => {
    if (!lineAt.has(tw.code)) lineAt.set(tw.code, i);
  });
  const groupOf = new Int32Array(n);
  const count = new Float64Array(summary.townships.length);
  // Each unit's registry position when it is a village of the township it claims, else -1 (outside); and its village.
  const at = new Int32Array(n);
  const village: (RegistryVillage | undefined)[] = new Array(n);
  // How often each village code is in the detail: registry villages by position, other codes by code.
  const times = new Uint32Array(reg.first[tws.length]);
  const otherTimes = new Map<string, number>();
  let twice = false;
  let outside = false;
  let code: string | undefined;
  let t = -1;
  let line = -1;
  let next = 0;
  const { townshipCode, villageCode } = detail;
  for (let i = 0; i < n; i++) {
    const vc = villageCode[i];
    if (townshipCode[i] !== code || i === 0) {
      code = townshipCode[i];
      t = reg.townshipAt.get(code) ?? -1;
      line = lineAt.get(code) ?? -1;
      next = 0;
    }
    groupOf[i] = line;
    if (line >= 0) count[line]++;
    let k = -1;
    if (t >= 0) {
      const villages = tws[t].villages;
      k = next < villages.length && villages[next].code === vc ? next : (reg.within(t).get(vc) ?? -1);
      if (k >= 0) next = k + 1;
    }
    if (k >= 0) {
      const p = reg.first[t] + k;
      at[i] = p;
      village[i] = tws[t].villages[k];
      if (++times[p] > 1) twice = true;
      continue;
    }
    at[i] = -1;
    outside = true;
    const p = reg.anywhere().get(vc);
    if (p !== undefined) {
      if (++times[p] > 1) twice = true;
    } else {
      const c = (otherTimes.get(vc) ?? 0) + 1;
      otherTimes.set(vc, c);
      if (c > 1) twice = true;
    }
  }
  // Linked columns, one column at a time; a unit with a wrong value is reported below, in detail order.
  const wrong = new Uint8Array(n);
  let anyWrong = false;
  for (const c of linked) {
    const column = detail.column(c.key);
    const link = c.registry;
    for (let i = 0; i < n; i++) {
      if (at[i] < 0) continue;
      const v = village[i]!;
      const truth = link === "villageCode" ? villageCode[i] : link === "villageName" ? v.name : v.weakBaseline;
      if (valueAt(column, i) !== truth) {
        wrong[i] = 1;
        anyWrong = true;
      }
    }
  }
  if (outside || anyWrong) {
    for (let i = 0; i < n; i++) {
      if (at[i] < 0) fail("reconcile-registry", "villageOutside", { code: villageCode[i], township: detail.townshipName[i] });
      else if (wrong[i]) reportLinked(detail, i, village[i]!, linked, fail);
    }
  }
  if (twice) {
    // In the order each code first appears in the detail.
    const told = new Set<string>();
    for (let i = 0; i < n; i++) {
      const vc = villageCode[i];
      const p = at[i] >= 0 ? at[i] : reg.anywhere().get(vc);
      const seen = p !== undefined ? times[p] : otherTimes.get(vc)!;
      if (seen > 1 && !told.has(vc)) {
        told.add(vc);
        fail("reconcile-registry", "villageTwice", { code: vc, n: seen });
      }
    }
  }
  return { groupOf, count };
}

function reportLinked(detail: UnitTable, i: number, v: { name: string; weakBaseline: boolean }, linked: readonly { key: string; header: string; registry?: string }[], fail: Fail): void {
  const code = detail.villageCode[i];
  for (const c of linked) {
    const truth = c.registry === "villageCode" ? code : c.registry === "villageName" ? v.name : v.weakBaseline;
    const value = valueAt(detail.column(c.key), i);
    if (value !== truth) fail("reconcile-registry", "registryValue", { code, column: c.header, value: String(value), expected: String(truth) });
  }
}
