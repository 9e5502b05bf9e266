/**
 * Header text normalisation, shared by template loading (two columns must not claim the same header) and validation
 * (matching a file's headers). Real headers come with stray spaces, line breaks, full-width brackets and letters, a
 * leading * for required columns and a unit in brackets: `村（社区）\n代码`, `＊总收入（万元）`.
 */
import { HEADER_UNITS } from "../i18n";

const WHITESPACE = /[\s\u200b\u00a0\u3000\ufeff]+/g;
const LEADING_MARKS = /^[*※#]+/;
const TRAILING_UNITS = new RegExp(`(?:\\((?:${HEADER_UNITS.join("|")})\\))+$`);

/**
 * Header texts normalised so far: a county's files share one template, so the same few dozen headers come in every file
 * (normalising them again was ≈ 30 ms of 1,000 files). Bounded: emptied when full, and short texts only. A text of
 * 13 characters or more may be a slice of its sheet's whole XML (V8 makes substrings that long as views of their
 * parent): kept as a key, it would keep that XML alive (90 MB more of a 1,000-file merge when it was 64).
 */
const HEADERS = new Map<string, string>();
const HEADERS_MAX = 4096;
const HEADER_MAX_LENGTH = 12;

/** NFKC (full-width → half-width), no whitespace at all, no leading * marks, no trailing unit in brackets, lower case. */
export function normaliseHeader(text: string): string {
  if (text.length > HEADER_MAX_LENGTH) return normaliseHeaderText(text);
  let s = HEADERS.get(text);
  if (s === undefined) {
    if (HEADERS.size >= HEADERS_MAX) HEADERS.clear();
    HEADERS.set(text, (s = normaliseHeaderText(text)));
  }
  return s;
}

function normaliseHeaderText(text: string): string {
  // Each step can expose work for another (NFKC after lower-casing, a unit behind a stripped mark): repeat until stable.
  let s = text;
  for (let i = 0; i < 8; i++) {
    const next = s.normalize("NFKC").toLowerCase().replace(WHITESPACE, "").replace(LEADING_MARKS, "").replace(TRAILING_UNITS, "");
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * Text that NFKC leaves as it is and that holds no whitespace: printable ASCII and CJK unified ideographs (most names,
 * codes and 是/否). The normalisers return it at once: they run for cells of every row.
 */
const STABLE = /^[\x21-\x7e\u4e00-\u9fff]*$/;

/** NFKC and trim: for cell text compared with a list (是/否, enum values, village names). */
export function normaliseText(text: string): string {
  return STABLE.test(text) ? text : text.normalize("NFKC").replace(WHITESPACE, " ").trim();
}

/** NFKC with no whitespace at all: for comparing names and phrases. */
export function compactText(text: string): string {
  return STABLE.test(text) ? text : text.normalize("NFKC").replace(WHITESPACE, "");
}
