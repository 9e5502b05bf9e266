import { detectDelimiter, parseCsvText, type Book, type Cell } from "../grid";
import { decodeText } from "./decode-text";
import type { ReadLimits } from "./limits";
import { UnreadableError } from "./unreadable";

/**
 * A CSV (or tab/semicolon separated) file as a one-sheet Book. Every field stays the text it is: a CSV has no
 * types, and normalising "12.5万元" or a code is validation's job.
 */
export function readCsv(bytes: Uint8Array, file: string, limits: ReadLimits): Book {
  const text = decodeText(bytes);
  if (text.trim() === "") throw new UnreadableError(file, "empty");
  const records = parseCsvText(text, detectDelimiter(text));
  // A trailing newline leaves one empty record behind.
  if (records.length && records[records.length - 1].every((f) => f === "")) records.pop();
  if (records.length > limits.maxRows) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxRows });
  let cells = 0;
  let colCount = 0;
  const rows = records.map((fields) => {
    colCount = Math.max(colCount, fields.length);
    return fields.map((f): Cell | undefined => {
      if (f === "") return undefined;
      cells++;
      return { value: f, text: f };
    });
  });
  if (cells > limits.maxCells) throw new UnreadableError(file, "too-many-cells", { limit: limits.maxCells });
  const name = file.replace(/\.[^.]*$/, "");
  return { file, format: "csv", sheets: [{ name, rows, rowCount: rows.length, colCount, merges: [], hiddenRows: [], hiddenCols: [] }] };
}
