/**
 * Texts in the county workbook's XML (addin/io/summary-workbook.ts). Every text goes in as a shared or inline string
 * cell and the writer has no way to write a formula, so text starting with =, +, -, @, tab or CR is shown, never
 * executed (tests read the file back to check). Control characters other than tab/LF/CR are dropped (they would make
 * the XML invalid).
 */
function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

/** Text for XML content or attributes; a CR is written as a reference, or parsers would turn it into a line feed. */
export function escapeXml(s: string): string {
  return /[&<>"\r]/.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/\r/g, "&#13;")
    : s;
}

/** Text with no XML-special or control character and no space at either end. */
// eslint-disable-next-line no-control-regex
export const PLAIN_TEXT = /^(?!\s)[^&<>"\u0000-\u001f]*(?<!\s)$/;

/** A text as a <t> element: most texts (names, codes, 是/否) need neither escaping nor xml:space, one test decides. */
export function textElement(v: string): string {
  return PLAIN_TEXT.test(v) ? `<t>${v}</t>` : `<t${/^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : ""}>${escapeXml(safeText(v))}</t>`;
}
