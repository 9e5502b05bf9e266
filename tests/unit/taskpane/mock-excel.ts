/**
 * A small model-backed Excel for testing taskpane/office: sheets of cells with fills, hidden rows and
 * merges, notes and comments. Every loadable object is an office-addin-mock OfficeMockObject created when
 * `load` is called, so reading a property that was not loaded, or not synced yet, throws (office-addin-mock
 * returns an error string; the getters here turn it into an exception). Writes are queued and applied at
 * `context.sync()`, in order, like a real batch; `syncs` counts the round trips.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock imports office-addin-manifest only for its OfficeApp names; that package pulls in an
// ES-module dependency (strip-bom) jest cannot load untransformed. The names are all the mock needs.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "Excel", Outlook: "Outlook", Word: "Word", PowerPoint: "PowerPoint" } }));
import { address, parseAddress, parseRange, type Range } from "../../../addin/grid";

export interface MockCell {
  value: string | number | boolean | null;
  text?: string;
  format?: string;
  formula?: string;
  error?: string;
}

export interface MockSheet {
  name: string;
  cells: Map<string, MockCell>;
  hiddenRows: Set<number>;
  hiddenCols: Set<number>;
  merges: Range[];
  /** Fill by A1 address; absent = no fill. */
  fills: Map<string, string>;
  visibility: "Visible" | "Hidden";
  /** Charts added with worksheet.charts.add (ExcelApi 1.1). */
  charts?: MockChart[];
}

export interface MockChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  legendVisible?: boolean;
  showValue?: boolean;
  position?: [string, string];
  /** Fill colours set on data points, by point index. */
  pointFills: Map<number, string>;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

function guard(mock: OfficeMockObject, key: string): unknown {
  const v = (mock as unknown as Record<string, unknown>)[key];
  if (typeof v === "string" && v.startsWith("Error, ")) throw new Error(`${key}: ${v}`);
  return v;
}

export class MockExcel {
  readonly sheets: MockSheet[] = [];
  active = 0;
  readonly notes = new Map<string, string>(); // "sheet!A1" → text
  readonly comments = new Map<string, { sheet: string; cell: string; text: string }>();
  syncs = 0;
  /** Calls made, by method name, for asserting degradation. */
  readonly calls = new Map<string, number>();
  selected: { sheet: string; cell: string } | undefined;
  private pending: OfficeMockObject[] = [];
  private ops: (() => void)[] = [];
  private nextComment = 1;

  addSheet(name: string, rows: (string | number | boolean | null | MockCell)[][], origin = "A1"): MockSheet {
    const sheet: MockSheet = { name, cells: new Map(), hiddenRows: new Set(), hiddenCols: new Set(), merges: [], fills: new Map(), visibility: "Visible" };
    const o = parseAddress(origin);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell: MockCell = typeof v === "object" ? v : { value: v };
        sheet.cells.set(address(o.row + r, o.col + c), cell);
      }),
    );
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): MockSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: sheet ${name}`);
    return s;
  }

  private count(name: string): void {
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  private queue(op: () => void): void {
    this.ops.push(op);
  }

  /** An object whose listed properties become readable after load + sync (through an OfficeMockObject). */
  /** An *OrNullObject proxy: isNullObject is known after the next sync without an explicit load. */
  private nullable<T extends object>(target: T, data: () => Record<string, unknown>): T {
    const obj = this.loadable(target, data) as T & { load(p?: string | string[]): T };
    const load = obj.load.bind(obj);
    load([]);
    obj.load = load;
    return obj;
  }

  private loadable<T extends object>(target: T, data: () => Record<string, unknown>): T {
    let mock: OfficeMockObject | undefined;
    const self = this;
    Object.assign(target, {
      load(props?: string | string[]) {
        const d = data();
        mock = new OfficeMockObject(d);
        const list = typeof props === "string" ? props.split(",").map((p) => p.trim().split("/")[0]) : props ?? Object.keys(d);
        for (const p of list) if (!(p in d)) throw new Error(`mock: property ${p} cannot be loaded here`);
        // Office.js fills isNullObject at sync for every *OrNullObject proxy, loaded or not.
        if ("isNullObject" in d && !list.includes("isNullObject")) list.push("isNullObject");
        mock.load(list);
        self.pending.push(mock);
        for (const key of Object.keys(d)) {
          Object.defineProperty(target, key, { configurable: true, get: () => guard(mock!, key) });
        }
        return target;
      },
    });
    return target;
  }

  private usedRect(s: MockSheet): Range {
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const a of s.cells.keys()) {
      const p = parseAddress(a);
      top = Math.min(top, p.row); left = Math.min(left, p.col); bottom = Math.max(bottom, p.row); right = Math.max(right, p.col);
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  private rangeAddress(s: MockSheet, r: Range): string {
    const a = address(r.top, r.left);
    const b = address(r.bottom, r.right);
    return `${s.name}!${a === b ? a : `${a}:${b}`}`;
  }

  private fill(s: MockSheet, rects: () => Range[]) {
    const self = this;
    const cellsOf = () => rects().flatMap((r) => {
      const out: string[] = [];
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push(address(row, col));
      return out;
    });
    const fill = {
      set color(v: string) {
        self.queue(() => cellsOf().forEach((a) => s.fills.set(a, v)));
      },
      clear() {
        self.queue(() => cellsOf().forEach((a) => s.fills.delete(a)));
      },
    };
    return this.loadable(fill, () => {
      const a = cellsOf()[0];
      const color = s.fills.get(a);
      return { color: color ?? "#FFFFFF", pattern: color ? "Solid" : "None" };
    });
  }

  private format(s: MockSheet, rects: () => Range[]) {
    const self = this;
    return {
      fill: this.fill(s, rects),
      font: { set bold(_v: boolean) { self.queue(() => undefined); } },
      autofitColumns() {
        self.count("autofitColumns");
      },
    };
  }

  range(s: MockSheet, rect: Range): Excel.Range {
    const self = this;
    const clamp = (r: Range): Range => {
      if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) throw new Error("InvalidArgument: outside the sheet");
      return r;
    };
    const rg = {
      getCell: (r: number, c: number) => self.range(s, clamp({ top: rect.top + r, left: rect.left + c, bottom: rect.top + r, right: rect.left + c })),
      getOffsetRange: (r: number, c: number) =>
        self.range(s, clamp({ top: rect.top + r, left: rect.left + c, bottom: rect.bottom + r, right: rect.right + c })),
      getBoundingRect: (o: { __rect: Range }) =>
        self.range(s, {
          top: Math.min(rect.top, o.__rect.top), left: Math.min(rect.left, o.__rect.left),
          bottom: Math.max(rect.bottom, o.__rect.bottom), right: Math.max(rect.right, o.__rect.right),
        }),
      getEntireRow: () => self.range(s, { top: rect.top, bottom: rect.bottom, left: 0, right: MAX_COLS - 1 }),
      getIntersection: (o: { __rect: Range }) => {
        const r = { top: Math.max(rect.top, o.__rect.top), left: Math.max(rect.left, o.__rect.left), bottom: Math.min(rect.bottom, o.__rect.bottom), right: Math.min(rect.right, o.__rect.right) };
        if (r.top > r.bottom || r.left > r.right) throw new Error("mock: no intersection");
        return self.range(s, r);
      },
      getRow: (i: number) => self.range(s, { top: rect.top + i, bottom: rect.top + i, left: rect.left, right: rect.right }),
      getColumn: (j: number) => self.range(s, { top: rect.top, bottom: rect.bottom, left: rect.left + j, right: rect.left + j }),
      getMergedAreasOrNullObject: () => {
        self.count("getMergedAreasOrNullObject");
        const inside = s.merges.filter((m) => m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right);
        return self.nullable({}, () => ({ isNullObject: inside.length === 0, address: inside.map((m) => self.rangeAddress(s, m)).join(",") }));
      },
      getSpecialCellsOrNullObject: (type: string) => {
        self.count("getSpecialCellsOrNullObject");
        if (type !== "Visible") throw new Error("mock: only Visible");
        // One area per run of visible rows × run of visible columns, as Excel reports them.
        const runs = (lo: number, hi: number, hidden: Set<number>) => {
          const out: [number, number][] = [];
          for (let i = lo; i <= hi; i++) {
            if (hidden.has(i)) continue;
            if (out.length && out[out.length - 1][1] === i - 1) out[out.length - 1][1] = i;
            else out.push([i, i]);
          }
          return out;
        };
        const areas: string[] = [];
        for (const [t, b] of runs(rect.top, rect.bottom, s.hiddenRows))
          for (const [l, r] of runs(rect.left, rect.right, s.hiddenCols)) areas.push(self.rangeAddress(s, { top: t, bottom: b, left: l, right: r }));
        return self.nullable({}, () => ({ isNullObject: areas.length === 0, address: areas.join(",") }));
      },
      select: () => self.queue(() => (self.selected = { sheet: s.name, cell: address(rect.top, rect.left) })),
      format: self.format(s, () => [rect]),
      set values(v: unknown[][]) {
        self.queue(() => v.forEach((row, r) => row.forEach((x, c) => {
          const a = address(rect.top + r, rect.left + c);
          const format = s.cells.get(a)?.format;
          if (x === "" || x === null) s.cells.delete(a);
          // Like Excel: a string starting with "=" becomes a formula unless the cell is formatted as Text.
          else if (typeof x === "string" && x.startsWith("=") && format !== "@") s.cells.set(a, { value: null, formula: x, format });
          else s.cells.set(a, { value: x as MockCell["value"], format });
        })));
      },
      set numberFormat(v: unknown[][]) {
        self.queue(() => v.forEach((row, r) => row.forEach((f, c) => {
          const a = address(rect.top + r, rect.left + c);
          s.cells.set(a, { ...(s.cells.get(a) ?? { value: null }), format: String(f) });
        })));
      },
      __rect: rect,
    };
    return this.loadable(rg, () => this.rangeData(s, rect)) as unknown as Excel.Range;
  }

  private rangeData(s: MockSheet, r: Range): Record<string, unknown> {
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    const grid = <T>(f: (c: MockCell | undefined) => T): T[][] => {
      if (width > 1000) return []; // an entire row is never loaded by the code under test
      return Array.from({ length: height }, (_, i) => Array.from({ length: width }, (_, j) => f(s.cells.get(address(r.top + i, r.left + j)))));
    };
    return {
      address: this.rangeAddress(s, r),
      rowIndex: r.top,
      columnIndex: r.left,
      rowCount: height,
      columnCount: width,
      values: grid((c) => (c ? (c.error ?? c.value ?? "") : "")),
      text: grid((c) => (c ? (c.error ?? c.text ?? (c.value === null ? "" : String(c.value))) : "")),
      numberFormat: grid((c) => c?.format ?? "General"),
      valueTypes: grid((c) => (!c ? "Empty" : c.error ? "Error" : c.value === null || c.value === "" ? "Empty" : typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String")),
      formulas: grid((c) => (c?.formula ? `=${c.formula}` : c ? (c.error ?? c.value ?? "") : "")),
      rowHidden: s.hiddenRows.has(r.top) && height === 1,
      columnHidden: s.hiddenCols.has(r.left) && width === 1,
    };
  }

  worksheet(s: MockSheet): Excel.Worksheet {
    const self = this;
    const ws = {
      getRange: (a?: string) => {
        if (a !== undefined) return self.range(s, parseRange(a));
        return { clear: () => self.queue(() => { s.cells.clear(); s.fills.clear(); }) };
      },
      getRanges: (list: string) => {
        self.count("getRanges");
        const rects = list.split(",").map((a) => parseRange(a));
        return { format: self.format(s, () => rects) };
      },
      getUsedRange: () => self.range(s, self.usedRect(s)),
      charts: self.charts(s),
      activate: () => self.queue(() => (self.active = self.sheets.indexOf(s))),
      delete: () =>
        self.queue(() => {
          if (self.sheets.length === 1) throw new Error("InvalidOperation: a workbook must keep one sheet");
          self.sheets.splice(self.sheets.indexOf(s), 1);
        }),
      get __name() {
        return s.name;
      },
    };
    return this.loadable(ws, () => ({ name: s.name, visibility: s.visibility })) as unknown as Excel.Worksheet;
  }

  /** worksheet.charts: add (type, source range, series by) and items to delete; every change applied at sync. */
  private charts(s: MockSheet) {
    const self = this;
    const list = () => (s.charts ??= []);
    const chartProxy = (c: MockChart) => {
      const set = (f: () => void) => self.queue(f);
      return {
        title: { set text(v: string) { set(() => (c.title = v)); } },
        legend: { set visible(v: boolean) { set(() => (c.legendVisible = v)); } },
        dataLabels: { set showValue(v: boolean) { set(() => (c.showValue = v)); } },
        setPosition: (from: string, to: string) => set(() => (c.position = [from, to])),
        series: {
          getItemAt: (i: number) => {
            if (i !== 0) throw new Error("mock: one series");
            return { points: { getItemAt: (k: number) => ({ format: { fill: { setSolidColor: (colour: string) => set(() => c.pointFills.set(k, colour)) } } }) } };
          },
        },
        delete: () => set(() => list().splice(list().indexOf(c), 1)),
      };
    };
    return this.loadable(
      {
        add: (type: string, source: { __rect: Range }, seriesBy: string) => {
          self.count("charts.add");
          const c: MockChart = { type, source: self.rangeAddress(s, source.__rect), seriesBy, pointFills: new Map() };
          self.queue(() => list().push(c));
          return chartProxy(c);
        },
      },
      () => ({ items: list().map(chartProxy) }),
    );
  }

  private noteKey(key: string): string {
    const m = /^'(.*)'!(.+)$/.exec(key);
    if (!m) throw new Error(`mock: unexpected note key ${key}`);
    return `${m[1].replace(/''/g, "'")}!${m[2]}`;
  }

  readonly context = this.makeContext();

  private makeContext(): Excel.RequestContext {
    const self = this;
    // Each call makes a fresh proxy, as getItem(...) does in Office.js.
    const sheetByName = (name: string): Excel.Worksheet => {
      const s = self.sheets.find((x) => x.name === name);
      if (s) return self.worksheet(s);
      // Office.js fails at sync time, not when the proxy is made.
      const missing = { name } as unknown as MockSheet;
      self.queue(() => {
        throw new Error(`ItemNotFound: ${name}`);
      });
      return self.worksheet({ ...missing, cells: new Map(), hiddenRows: new Set(), hiddenCols: new Set(), merges: [], fills: new Map(), visibility: "Visible" });
    };
    const worksheets = self.loadable(
      {
        getActiveWorksheet: () => self.worksheet(self.sheets[self.active]),
        getItem: sheetByName,
        add: (name: string) => {
          const s: MockSheet = { name, cells: new Map(), hiddenRows: new Set(), hiddenCols: new Set(), merges: [], fills: new Map(), visibility: "Visible" };
          self.queue(() => {
            if (self.sheets.some((x) => x.name === name)) throw new Error(`InvalidArgument: sheet ${name} exists`);
            self.sheets.push(s);
          });
          return self.worksheet(s);
        },
      },
      () => ({ items: self.sheets.map((s) => Object.assign(self.worksheet(s), { name: s.name })) }),
    );
    const notes = {
      add: (range: { __rect: Range } & { format: unknown }, text: string) => {
        self.count("notes.add");
        const a = address(range.__rect.top, range.__rect.left);
        const sheetName = (range as unknown as { address?: string }).address;
        void sheetName;
        // The sheet is found from the proxy's owner: ranges made here carry it in rangeOwner.
        const owner = rangeOwner.get(range as object);
        self.queue(() => {
          const key = `${owner}!${a}`;
          if (self.notes.has(key)) throw new Error("InvalidArgument: the cell already has a note");
          self.notes.set(key, text);
        });
      },
      getItemOrNullObject: (key: string) => {
        const k = self.noteKey(key);
        const note = {
          delete: () => self.queue(() => self.notes.delete(k)),
          set content(v: string) {
            self.queue(() => {
              if (!self.notes.has(k)) throw new Error("ItemNotFound: note");
              self.notes.set(k, v);
            });
          },
        };
        return self.nullable(note, () => ({ isNullObject: !self.notes.has(k) }));
      },
      getItem: (key: string) => {
        const k = self.noteKey(key);
        return {
          set content(v: string) {
            self.queue(() => {
              if (!self.notes.has(k)) throw new Error("ItemNotFound: note");
              self.notes.set(k, v);
            });
          },
        };
      },
    };
    const comments = self.loadable(
      {
        add: (range: object, text: string) => {
          self.count("comments.add");
          const owner = rangeOwner.get(range)!;
          const r = (range as { __rect: Range }).__rect;
          const cell = address(r.top, r.left);
          const id = `c${self.nextComment++}`;
          self.queue(() => {
            if ([...self.comments.values()].some((c) => c.sheet === owner && c.cell === cell)) throw new Error("InvalidArgument: comment exists");
            self.comments.set(id, { sheet: owner, cell, text });
          });
          return self.loadable({}, () => ({ id }));
        },
        getItemOrNullObject: (id: string) =>
          self.nullable({ delete: () => self.queue(() => self.comments.delete(id)) }, () => ({ isNullObject: !self.comments.has(id) })),
      },
      () => ({
        items: [...self.comments.entries()].map(([id, c]) => ({
          id,
          getLocation: () => self.loadable({}, () => ({ address: `'${c.sheet}'!${c.cell}` })),
        })),
      }),
    );
    return {
      workbook: { worksheets, notes, comments },
      sync: async () => {
        self.syncs++;
        const ops = self.ops;
        self.ops = [];
        for (const op of ops) op();
        const pending = self.pending;
        self.pending = [];
        for (const m of pending) await m.sync();
        await new Promise((r) => setImmediate(r));
      },
    } as unknown as Excel.RequestContext;
  }
}

/** Which sheet a range proxy belongs to (for notes.add / comments.add, which take a Range). */
const rangeOwner = new WeakMap<object, string>();
const originalRange = MockExcel.prototype.range;
MockExcel.prototype.range = function (this: MockExcel, s: MockSheet, rect: Range) {
  const r = originalRange.call(this, s, rect);
  rangeOwner.set(r as unknown as object, s.name);
  return r;
};
