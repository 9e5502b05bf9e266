/**
 * The workbook's shared-strings table (xl/sharedStrings.xml): a text that repeats (乡镇, 是/否, 来源文件 …) is written
 * once and each cell refers to it by number (t="s"), so a cell is a few ASCII bytes instead of its text in UTF-8 wrapped
 * in an inline-string element. Numbered in the order first asked for, so the same tables give the same bytes.
 *
 * Bounded: past `max` distinct texts, new texts are not taken (the caller writes them inline), so a pathological table
 * cannot grow the map without bound; texts already in the table are still shared.
 */
export const MAX_SHARED_STRINGS = 1 << 19;

export class SharedStrings {
  private readonly ids = new Map<string, number>();
  /** References written (the <sst> count attribute). */
  private refs = 0;

  constructor(private readonly max = MAX_SHARED_STRINGS) {}

  /** The text's number in the table, or -1 when the table is full and does not hold it. */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      if (this.ids.size >= this.max) return -1;
      id = this.ids.size;
      this.ids.set(s, id);
    }
    this.refs++;
    return id;
  }

  /** Another reference to a text already looked up (`id` as it answered, -1 included). */
  repeat(id: number): number {
    if (id >= 0) this.refs++;
    return id;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The part's XML in pieces of about 1 MB of text, each text as `element` writes a <t> element. */
  *xml(head: string, ns: string, element: (s: string) => string): Generator<string> {
    let part = [head + `<sst xmlns="${ns}" count="${this.refs}" uniqueCount="${this.ids.size}">`];
    let length = 0;
    for (const s of this.ids.keys()) {
      const si = `<si>${element(s)}</si>`;
      part.push(si);
      length += si.length;
      if (length >= 1 << 20) {
        yield part.join("");
        part = [];
        length = 0;
      }
    }
    part.push(`</sst>`);
    yield part.join("");
  }
}
