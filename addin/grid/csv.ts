/**
 * An RFC 4180 parser for delimited text (CSV, or tab/semicolon separated): quoted fields, doubled quotes,
 * CRLF or LF, a leading BOM. Used for township CSV submissions (addin/io, after the encoding is detected) and
 * for the county's registry and targets.
 */
export function parseCsvText(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delimiter) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Like parseCsvText, dropping wholly empty lines (a trailing newline, blank lines between records). */
export function parseCsvRecords(text: string, delimiter = ","): string[][] {
  return parseCsvText(text, delimiter).filter((r) => r.some((c) => c.trim() !== ""));
}

/** The delimiter of a CSV-like text: whichever of , tab ; occurs most on its first line. */
export function detectDelimiter(text: string): string {
  const first = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  let best = ",";
  let most = 0;
  for (const d of [",", "\t", ";"]) {
    const n = first.split(d).length - 1;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}
