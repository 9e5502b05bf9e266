/**
 * Marking problem cells in the live workbook, and putting them back the way they were.
 *
 * markProblems fills each problem cell red (error) or yellow (warning) and, where this Excel can, puts the
 * message on it as a note (ExcelApi 1.18) or a comment (1.10). Before changing a cell it remembers the
 * cell's own fill, and which notes/comments it added, in a record kept in the document's settings (the
 * KeyValueStore), so clearMarks restores the sheet's look even after the pane was closed and reopened.
 *
 * Marking again (after the clerk fixed some cells) restores the fill of every cell that is fine now and deletes the
 * note or comment we put on it, in the same syncs.
 *
 * Round trips: markProblems = 2 syncs (read the original fills and existing notes, then write everything),
 * +1 only when comments are used and the workbook already has some (to find their cells); clearMarks =
 * 2 syncs. None of this grows with the number of problems: many cells are coloured at once with
 * worksheet.getRanges("A1,C3,…") (1.9), with one range per cell (still one sync) on older Excel.
 */
import { PALETTE } from "../../addin/grid";
import type { Issue } from "../../addin/validate";
import { chunkAddresses, qualified } from "./addresses";
import type { Capabilities } from "./capabilities";
import { getJson, setJson, type KeyValueStore } from "../storage";

export const MARK_FILL = { error: `#${PALETTE.error}`, warning: `#${PALETTE.warning}` } as const;
export const MARKS_KEY = "marks";

/** What was changed on one sheet. `fills`: the cell's original fill colour, null for no fill. */
export interface SheetMarks {
  fills: Record<string, string | null>;
  /** Cells that got a note from us. */
  notes: string[];
  /** Ids of the comments we added. */
  comments: string[];
  /** The cell of each comment we added (id → cell), so a comment can be removed once its cell is fine. */
  commentCells?: Record<string, string>;
}
export type MarksRecord = Record<string, SheetMarks>;

export interface MarkOptions {
  caps: Capabilities;
  store: KeyValueStore;
}

export interface MarkResult {
  cells: number;
  /** Notes or comments added. */
  annotations: number;
  /** "note" | "comment" | "none": how messages were attached on this Excel. */
  annotationKind: "note" | "comment" | "none";
  /** Problems without a cell (missing column, missing village …): listed in the pane only. */
  withoutCell: number;
}

interface Target {
  sheet: string;
  cell: string;
  severity: "error" | "warning";
  messages: string[];
}

/** One target per cell: an error wins over warnings; explained warnings are not marked. */
export function markTargets(issues: readonly Issue[]): { targets: Target[]; withoutCell: number } {
  const byKey = new Map<string, Target>();
  let withoutCell = 0;
  for (const i of issues) {
    if (i.severity === "warning" && i.explained) continue;
    if (!i.sheet || !i.cell) {
      withoutCell++;
      continue;
    }
    const cell = i.cell.replace(/\$/g, "").toUpperCase();
    const key = `${i.sheet}\u0000${cell}`;
    const t = byKey.get(key);
    if (t) {
      if (i.severity === "error") t.severity = "error";
      t.messages.push(i.message);
    } else byKey.set(key, { sheet: i.sheet, cell, severity: i.severity, messages: [i.message] });
  }
  return { targets: [...byKey.values()], withoutCell };
}

function annotationKind(caps: Capabilities): MarkResult["annotationKind"] {
  return caps.notes ? "note" : caps.comments ? "comment" : "none";
}

export async function markProblems(context: Excel.RequestContext, issues: readonly Issue[], opts: MarkOptions): Promise<MarkResult> {
  const { caps, store } = opts;
  const record = getJson<MarksRecord>(store, MARKS_KEY, {});
  const { targets, withoutCell } = markTargets(issues);
  const kind = annotationKind(caps);
  const sheets = context.workbook.worksheets;

  // Sync 1: the original fill of every cell not already marked, and whether it already has a note; the notes and
  // comments we added on earlier runs, whether their cell is still a problem (update) or fine now (delete).
  const wanted = new Set(targets.map((t) => `${t.sheet}\u0000${t.cell}`));
  const fills: { sheet: string; cell: string; fill: Excel.RangeFill }[] = [];
  const existingNotes = new Map<string, Excel.Note>();
  for (const t of targets) {
    const prev = record[t.sheet];
    if (!(prev && t.cell in prev.fills)) {
      const fill = sheets.getItem(t.sheet).getRange(t.cell).format.fill;
      fill.load(caps.multiRanges ? "color,pattern" : "color");
      fills.push({ sheet: t.sheet, cell: t.cell, fill });
    }
    if (kind === "note" && !(prev && prev.notes.includes(t.cell))) {
      // isNullObject is filled in by the next sync; nothing else of the note is needed.
      const note = context.workbook.notes.getItemOrNullObject(qualified(t.sheet, t.cell));
      existingNotes.set(`${t.sheet}\u0000${t.cell}`, note);
    }
  }
  const ours: { sheet: string; cell: string; note: Excel.Note }[] = [];
  const staleComments: { sheet: string; id: string; comment: Excel.Comment }[] = [];
  for (const [sheet, sm] of Object.entries(record)) {
    if (caps.notes) for (const c of sm.notes) ours.push({ sheet, cell: c, note: context.workbook.notes.getItemOrNullObject(qualified(sheet, c)) });
    if (caps.comments)
      for (const [id, cell] of Object.entries(sm.commentCells ?? {}))
        if (!wanted.has(`${sheet}\u0000${cell}`)) staleComments.push({ sheet, id, comment: context.workbook.comments.getItemOrNullObject(id) });
  }
  const comments = kind === "comment" ? context.workbook.comments : undefined;
  comments?.load("items/id");
  sheets.load("items/name");
  await context.sync();
  const present = new Set(sheets.items.map((ws) => ws.name));

  // Cells that already carry a comment (ours or the user's) do not get another one.
  const commented = new Set<string>();
  if (comments && comments.items.length > 0) {
    const locations = comments.items.map((c) => c.getLocation().load("address"));
    await context.sync();
    for (const loc of locations) commented.add(loc.address.replace(/\$/g, "").replace(/^'?(.*?)'?!/, (_m, s: string) => `${s.replace(/''/g, "'")}\u0000`));
  }

  for (const f of fills) {
    const sm = (record[f.sheet] ??= { fills: {}, notes: [], comments: [] });
    const noFill = caps.multiRanges ? f.fill.pattern === "None" : !f.fill.color || f.fill.color.toUpperCase() === "#FFFFFF";
    sm.fills[f.cell] = noFill ? null : f.fill.color;
  }

  // Sync 2: restore cells marked last time but fine now (fill, note, comment), colour the new set, add the messages.
  const ourNotes = new Map<string, Excel.Note>();
  for (const o of ours) {
    const key = `${o.sheet}\u0000${o.cell}`;
    const sm = record[o.sheet];
    if (o.note.isNullObject || !present.has(o.sheet)) {
      sm.notes = sm.notes.filter((c) => c !== o.cell); // the user deleted it (or its sheet): nothing of ours is there
      if (!o.note.isNullObject || !wanted.has(key)) continue;
      existingNotes.set(key, o.note); // still a problem: add it again below
    } else if (wanted.has(key)) ourNotes.set(key, o.note);
    else {
      o.note.delete();
      sm.notes = sm.notes.filter((c) => c !== o.cell);
    }
  }
  for (const s of staleComments) {
    if (!s.comment.isNullObject) s.comment.delete();
    const sm = record[s.sheet];
    sm.comments = sm.comments.filter((id) => id !== s.id);
    if (sm.commentCells) delete sm.commentCells[s.id];
  }
  for (const [sheet, sm] of Object.entries(record)) {
    if (!present.has(sheet)) {
      delete record[sheet]; // the sheet is gone, and its marks with it
      continue;
    }
    const stale = Object.keys(sm.fills).filter((c) => !wanted.has(`${sheet}\u0000${c}`));
    restoreFills(sheets.getItem(sheet), stale.map((c) => [c, sm.fills[c]]), caps);
    for (const c of stale) delete sm.fills[c];
  }
  const bySheetColor = new Map<string, string[]>();
  for (const t of targets) {
    const k = `${t.sheet}\u0000${MARK_FILL[t.severity]}`;
    (bySheetColor.get(k) ?? bySheetColor.set(k, []).get(k)!).push(t.cell);
  }
  for (const [k, cells] of bySheetColor) {
    const [sheet, color] = k.split("\u0000");
    setFill(sheets.getItem(sheet), cells, color, caps);
  }

  let annotations = 0;
  const added: { sheet: string; cell: string; comment: Excel.Comment }[] = [];
  for (const t of targets) {
    const text = t.messages.join("\n");
    const sm = record[t.sheet];
    const key = `${t.sheet}\u0000${t.cell}`;
    if (kind === "note") {
      const mine = ourNotes.get(key);
      const existing = existingNotes.get(key);
      if (mine) {
        mine.content = text;
        annotations++;
      } else if (existing && existing.isNullObject) {
        context.workbook.notes.add(sheets.getItem(t.sheet).getRange(t.cell), text);
        sm.notes.push(t.cell);
        annotations++;
      }
    } else if (kind === "comment" && !commented.has(key)) {
      const comment = context.workbook.comments.add(sheets.getItem(t.sheet).getRange(t.cell), text);
      comment.load("id");
      added.push({ sheet: t.sheet, cell: t.cell, comment });
      annotations++;
    }
  }
  await context.sync();
  for (const a of added) {
    const sm = record[a.sheet];
    sm.comments.push(a.comment.id);
    (sm.commentCells ??= {})[a.comment.id] = a.cell;
  }
  await setJson(store, MARKS_KEY, record);
  return { cells: targets.length, annotations, annotationKind: kind, withoutCell };
}

/** Puts back every fill recorded by markProblems and removes the notes/comments it added. */
export async function clearMarks(context: Excel.RequestContext, opts: MarkOptions): Promise<{ cells: number }> {
  const { caps, store } = opts;
  const record = getJson<MarksRecord>(store, MARKS_KEY, {});
  const names = Object.keys(record);
  if (names.length === 0) return { cells: 0 };

  // Sync 1: which marked sheets still exist, and which of our notes/comments are still there.
  const sheetsByName = new Map<string, Excel.Worksheet>();
  const notes: Excel.Note[] = [];
  const comments: Excel.Comment[] = [];
  const all = context.workbook.worksheets;
  all.load("items/name");
  for (const name of names) {
    if (caps.notes) for (const c of record[name].notes) notes.push(context.workbook.notes.getItemOrNullObject(qualified(name, c)));
    if (caps.comments) for (const id of record[name].comments) comments.push(context.workbook.comments.getItemOrNullObject(id));
  }
  await context.sync();
  for (const ws of all.items) sheetsByName.set(ws.name, ws);

  // Sync 2: restore.
  let cells = 0;
  for (const name of names) {
    const ws = sheetsByName.get(name);
    if (!ws) continue;
    const entries = Object.entries(record[name].fills);
    restoreFills(ws, entries, caps);
    cells += entries.length;
  }
  for (const n of notes) if (!n.isNullObject) n.delete();
  for (const c of comments) if (!c.isNullObject) c.delete();
  await context.sync();
  await store.set(MARKS_KEY, undefined);
  return { cells };
}

function setFill(ws: Excel.Worksheet, cells: string[], color: string, caps: Capabilities): void {
  if (caps.multiRanges) for (const list of chunkAddresses(cells)) ws.getRanges(list).format.fill.color = color;
  else for (const c of cells) ws.getRange(c).format.fill.color = color;
}

function restoreFills(ws: Excel.Worksheet, entries: [string, string | null][], caps: Capabilities): void {
  const byColor = new Map<string | null, string[]>();
  for (const [cell, color] of entries) (byColor.get(color) ?? byColor.set(color, []).get(color)!).push(cell);
  for (const [color, cells] of byColor) {
    if (color === null) {
      if (caps.multiRanges) for (const list of chunkAddresses(cells)) ws.getRanges(list).format.fill.clear();
      else for (const c of cells) ws.getRange(c).format.fill.clear();
    } else setFill(ws, cells, color, caps);
  }
}
