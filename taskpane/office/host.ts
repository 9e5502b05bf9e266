/**
 * Are we inside Office? The pane runs as an Excel add-in (Office.js loaded by taskpane.html and
 * Office.onReady resolving with host Excel) or as a standalone page (no Office global, or onReady not
 * resolving within `timeoutMs`, which is what office.js does when the page is opened in a plain browser).
 */
export type HostMode = "office" | "standalone";

export interface OfficeLike {
  onReady(callback?: (info: { host: unknown; platform: unknown }) => unknown): Promise<{ host: unknown; platform: unknown }>;
}

export async function detectHost(office: OfficeLike | undefined = globalOffice(), timeoutMs = 1500): Promise<HostMode> {
  if (!office || typeof office.onReady !== "function") return "standalone";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"standalone">((resolve) => {
    timer = setTimeout(() => resolve("standalone"), timeoutMs);
  });
  const ready = office
    .onReady()
    .then((info): HostMode => (info && String(info.host) === "Excel" ? "office" : "standalone"))
    .catch((): HostMode => "standalone");
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** Office's display language (e.g. "zh-CN"): the pane speaks it once Office is ready. */
export function officeDisplayLanguage(): string {
  return Office.context.displayLanguage;
}

function globalOffice(): OfficeLike | undefined {
  const g = globalThis as { Office?: OfficeLike };
  return g.Office;
}
