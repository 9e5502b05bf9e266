/**
 * An RFC 4180 parser for delimited text (CSV, or tab/semicolon separated): quoted fields, doubled quotes,
 * CRLF or LF, a leading BOM. Used for township CSV submissions (addin/io, after the encoding is detected) and
 * for the county's registry and targets.
 */
export function parseCsvText(text: string, delimiter = ","): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const rows: string[][] = [];
  let row: string[] = [];
  // Fields are sliced between delimiters found with indexOf, not built a character at a time: a county registry or
  // a CSV submission is read in one pass at native string-search speed.
  let nextDelim = -2;
  let nextLf = -2;
  let nextCr = -2;
  const endOfField = (from: number) => {
    if (nextDelim < from && nextDelim !== -1) nextDelim = src.indexOf(delimiter, from);
    if (nextLf < from && nextLf !== -1) nextLf = src.indexOf("\n", from);
    if (nextCr < from && nextCr !== -1) nextCr = src.indexOf("\r", from);
    let end = n;
    if (nextDelim >= 0 && nextDelim < end) end = nextDelim;
    if (nextLf >= 0 && nextLf < end) end = nextLf;
    if (nextCr >= 0 && nextCr < end) end = nextCr;
    return end;
  };
  let i = 0;
  while (i < n) {
    let field = "";
    if (src.charCodeAt(i) === 34) {
      // A quoted field: doubled quotes are one quote; delimiters and line breaks inside are text.
      let j = i + 1;
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) {
          field += src.slice(j);
          j = n;
          break;
        }
        if (src.charCodeAt(q + 1) === 34) {
          field += src.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        field += src.slice(j, q);
        j = q + 1;
        break;
      }
      i = j;
    }
    // Unquoted text (or what follows a closing quote) runs to the next delimiter or line break.
    const end = i < n ? endOfField(i) : n;
    field += src.slice(i, end);
    if (end >= n) {
      if (field !== "" || row.length > 0) row.push(field); // "" alone at the very end is no record
      break;
    }
    row.push(field);
    const ch = src.charCodeAt(end);
    i = end + 1;
    if (ch === 10 || ch === 13) {
      if (ch === 13 && src.charCodeAt(i) === 10) i++;
      rows.push(row);
      row = [];
    } else if (i >= n) row.push(""); // a delimiter at the very end: one more, empty field
  }
  if (row.length > 0) rows.push(row);
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
