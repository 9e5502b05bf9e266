/** The county's registry (村名册) and the year's targets, as loaded from registry.csv / targets.csv. */

export interface RegistryVillage {
  /** 12-digit 统计用区划代码. */
  code: string;
  name: string;
  /** In the 薄弱村基数 (the fixed baseline list of weak villages). */
  weakBaseline: boolean;
  /** Its township's 9-digit code (the first 9 digits of `code`). */
  townshipCode: string;
}

export interface RegistryTownship {
  /** 9-digit code. */
  code: string;
  name: string;
  /** In registry order. */
  villages: RegistryVillage[];
}

export interface Registry {
  /** County name, when known (the demo is 示例县). */
  county?: string;
  /** In registry order. */
  townships: RegistryTownship[];
}

/** 年度消薄任务数 per township code. */
export type Targets = Record<string, number>;
