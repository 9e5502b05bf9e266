/**
 * Plain-text tables for the terminal. Chinese characters take two columns in a terminal, so widths are
 * measured in display cells, not string length.
 */

/** Display width of a string in a monospace terminal: East Asian wide and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** Renders rows under a header; `rightAlign[i]` right-aligns column i (numbers). */
export function renderTable(header: string[], rows: string[][], rightAlign: boolean[] = []): string {
  // A loop, not Math.max(...rows): spreading a long array into a call overflows the stack.
  const widths = header.map((h, i) => {
    let w = displayWidth(h);
    for (const r of rows) w = Math.max(w, displayWidth(r[i] ?? ""));
    return w;
  });
  const line = (cells: string[]) => cells.map((c, i) => pad(c ?? "", widths[i], !!rightAlign[i])).join("  ").trimEnd();
  const rule = widths.map((w) => "─".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
