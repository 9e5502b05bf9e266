/**
 * Where each registry village is: township t's village k at position first[t] + k (registry order). Looking a village
 * up by code is done where it is expected first (a file lists its township's villages in registry order), and the
 * code maps are made only when needed: per township, or for the whole registry when a code is not in the township it
 * should be in. Registry village and township codes are unique (parseRegistry refuses duplicates).
 */
import type { Registry } from "../templates";

/** Positions of registry villages: township t's village k is at first[t] + k. */
export interface RegistryPositions {
  townshipAt: Map<string, number>;
  first: Int32Array;
  /** Village position by code, within one township (made when a unit is not where the registry order puts it). */
  within(t: number): Map<string, number>;
  /** Village position by code, the whole registry (made when a unit is not in the township it claims). */
  anywhere(): Map<string, number>;
  /** The township of a village position. */
  townshipOf(p: number): number;
}

export function registryPositions(registry: Registry): RegistryPositions {
  const tws = registry.townships;
  const townshipAt = new Map<string, number>();
  const first = new Int32Array(tws.length + 1);
  tws.forEach((tw, t) => {
    if (!townshipAt.has(tw.code)) townshipAt.set(tw.code, t);
    first[t + 1] = first[t] + tw.villages.length;
  });
  const maps: (Map<string, number> | undefined)[] = new Array(tws.length);
  let all: Map<string, number> | undefined;
  return {
    townshipAt,
    first,
    within(t) {
      let m = maps[t];
      if (!m) {
        m = new Map();
        tws[t].villages.forEach((v, k) => m!.set(v.code, k));
        maps[t] = m;
      }
      return m;
    },
    anywhere() {
      if (!all) {
        all = new Map();
        tws.forEach((tw, t) => tw.villages.forEach((v, k) => all!.set(v.code, first[t] + k)));
      }
      return all;
    },
    townshipOf(p) {
      let lo = 0;
      let hi = tws.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (first[mid] <= p) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

