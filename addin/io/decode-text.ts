/**
 * Text of a CSV or registry file in whatever encoding Chinese offices save it: a BOM says UTF-8 or UTF-16;
 * otherwise strict UTF-8 if the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312, which is
 * what Chinese Excel and WPS write for "CSV" without a BOM). TextDecoder knows all of them, in Node and in
 * browsers alike, so no decoding library is needed on the reading path.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
