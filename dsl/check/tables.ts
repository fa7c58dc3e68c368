/**
 * Decision tables under their hit policy. `یکتا` promises exactly one row matches: two rows that
 * can both match break it (an error), and values no row matches leave the look-up missing (a
 * warning; also under `اولین`). Under `اولین` a row an earlier row fully covers is dead. Gaps are
 * judged column by column, as the author reads a table: a range column that skips a stretch, a
 * one-of column that forgets a choice; a `هر` in the column covers everything.
 */
import Decimal from "decimal.js";
import type { ScalarType } from "../../artefact/types";
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { Expr, RulesetFile, TableDecl, TableRow } from "../syntax/ast";
import { nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import {
  type CellSet,
  type Const,
  cellSet,
  constOf,
  covers,
  gaps,
  type Interval,
  isEmpty,
  overlaps,
  point,
} from "./intervals";
import { choices, count, formatBound, formatInterval, type ValueKind, type Worded } from "./wording";

export function checkTables(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of file.tables) checkTable(table, analysis, out);
  for (const call of analysis.calls) {
    if (call.builtin) continue;
    const symbol = analysis.symbols.get(nameKey(call.callee.text));
    if (symbol?.kind !== "table") continue;
    const width = symbol.decl.columns.length;
    // A table without columns is a header the parser could not read; it has said so.
    if (width > 0 && call.args.length !== width) {
      out.push(diagnostic("ZB4006", call.range, symbol.name, count(width), count(call.args.length)));
    }
  }
  return out;
}

interface Row {
  index: number;
  row: TableRow;
  sets: CellSet[];
}

function checkTable(table: TableDecl, analysis: CheckedAnalysis, out: Diagnostic[]): void {
  const name = table.name?.text ?? "";
  const width = table.columns.length;
  const rows: Row[] = [];
  if (width === 0) return;
  table.rows.forEach((row, index) => {
    if (row.cells.length !== width) {
      out.push(diagnostic("ZB4004", row.range, count(row.cells.length), name, count(width)));
      return;
    }
    const sets = row.cells.map((cell) => cellSet(cell, analysis));
    sets.forEach((s, i) => {
      const cell = row.cells[i];
      if (cell && s.kind === "interval" && isEmpty(s.iv)) out.push(diagnostic("ZB4007", cell.range));
    });
    rows.push({ index, row, sets });
  });

  if (table.hitPolicy === "unique") {
    for (let j = 0; j < rows.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = rows[i]!;
        const b = rows[j]!;
        if (!a.sets.every((s, c) => overlaps(s, b.sets[c]!) === "yes")) continue;
        out.push(
          diagnostic(
            "ZB4001",
            b.row.range,
            count(a.index + 1),
            count(b.index + 1),
            name,
            count(a.row.range.startLine),
            count(b.row.range.startLine),
          ),
        );
      }
    }
  }

  if (table.hitPolicy === "first") {
    for (let j = 1; j < rows.length; j++) {
      const b = rows[j]!;
      const a = rows.slice(0, j).find((r) => r.sets.every((s, c) => covers(s, b.sets[c]!)));
      if (a) out.push(diagnostic("ZB4005", b.row.range, count(b.index + 1), count(a.index + 1)));
    }
  }

  if (table.hitPolicy !== "unique" && table.hitPolicy !== "first") return;
  const symbol = table.name ? analysis.symbols.get(nameKey(table.name.text)) : undefined;
  const columnTypes = symbol?.kind === "table" ? symbol.columnTypes : [];
  table.columns.forEach((column, c) => {
    const cells = rows.map((r) => r.sets[c]!);
    if (cells.some((s) => s.kind === "all" || s.kind === "unknown")) return;
    const type = columnTypes[c];
    if (type?.kind === "enum") {
      const missing = missingChoices(table, c, cells, analysis);
      if (missing.length > 0)
        out.push(diagnostic("ZB4003", column.range, column.text, name, choices(missing)));
      return;
    }
    const kind = valueKind(type);
    if (!kind || !cells.some((s) => s.kind === "interval")) return;
    const uncovered = rangeGaps(table, rows, c, kind, columnTypes, analysis);
    if (uncovered) out.push(diagnostic("ZB4002", column.range, column.text, name, uncovered));
  });
}

/** One value of a point column: how the cell sets know it, and how the reader wrote it. */
interface PointValue {
  key: string;
  label: Worded;
}

function pointKey(c: Const): string {
  return c.kind === "sym" ? c.key : `num:${c.v.toString()}`;
}

function admits(set: CellSet, key: string): boolean {
  if (set.kind === "all") return true;
  if (set.kind !== "points") return false;
  return set.syms.includes(key) || set.nums.some((v) => `num:${v.toString()}` === key);
}

/** The distinct values a column's cells name, in the order they first appear; undefined if any cell is not a list of values. */
function pointValues(table: TableDecl, c: number, type: ScalarType | undefined, analysis: CheckedAnalysis) {
  const values: PointValue[] = [];
  for (const row of table.rows) {
    const cell = row.cells[c];
    if (cell?.kind === "any") continue;
    if (cell?.kind !== "values") return undefined;
    for (const v of cell.values) {
      const k = constOf(v, analysis);
      if (!k) return undefined;
      const key = pointKey(k);
      if (values.some((p) => p.key === key)) continue;
      values.push({ key, label: describe(v, k, type) });
    }
  }
  return values;
}

function describe(e: Expr, k: Const, type: ScalarType | undefined): Worded {
  if (k.kind === "num") return formatBound(k.v, valueKind(type) ?? "number");
  if (e.kind === "name") return { fa: e.name, en: e.name };
  if (e.kind === "string") return { fa: `«${e.value}»`, en: `«${e.value}»` };
  if (e.kind === "bool") return e.value ? { fa: "بله", en: "yes" } : { fa: "خیر", en: "no" };
  return { fa: k.key, en: k.key };
}

/** Tables are small; past this many combinations of the other columns, judge the column as a whole. */
const MAX_COMBINATIONS = 256;

/**
 * What a range column leaves uncovered. Where every other column lists values (or `هر`), each
 * combination of those values is its own look-up and gets its own gaps: a range missing for one
 * guarantee type is a gap even if another type's rows cover it. Otherwise the column is judged as
 * a whole, which finds fewer gaps but never a false one.
 */
function rangeGaps(
  table: TableDecl,
  rows: Row[],
  c: number,
  kind: ValueKind,
  columnTypes: (ScalarType | undefined)[],
  analysis: CheckedAnalysis,
): Worded | undefined {
  const all: Interval[] = [];
  for (const r of rows) {
    const s = r.sets[c]!;
    if (s.kind === "interval") all.push(s.iv);
    if (s.kind === "points") all.push(...s.nums.map(point));
  }
  const lows = all.flatMap((iv) => (iv.lo ? [iv.lo] : []));
  const from = kind !== "date" && lows.every((lo) => lo.gte(0)) ? new Decimal(0) : undefined;
  const gapsOf = (subset: Row[]): Interval[] => {
    const intervals: Interval[] = [];
    for (const r of subset) {
      const s = r.sets[c]!;
      if (s.kind === "all") return [];
      if (s.kind === "interval") intervals.push(s.iv);
      if (s.kind === "points") intervals.push(...s.nums.map(point));
    }
    return intervals.length === 0 ? [] : gaps(intervals, kind === "date", from);
  };
  const word = (gs: Interval[], context: Worded) =>
    gs.map((g) => {
      const w = formatInterval(g, kind);
      return { fa: `«${w.fa}»${context.fa}`, en: `${w.en}${context.en}` };
    });

  const whole = gapsOf(rows);
  const found: Worded[] = word(whole, { fa: "", en: "" });
  const others = table.columns.map((_, o) => o).filter((o) => o !== c);
  const values = others.map((o) => pointValues(table, o, columnTypes[o], analysis));
  const combinations = values.reduce((n, v) => n * Math.max(1, v?.length ?? 0), 1);
  if (whole.length === 0 && values.every((v) => v !== undefined) && combinations <= MAX_COMBINATIONS) {
    let combos: { o: number; value: PointValue }[][] = [[]];
    others.forEach((o, i) => {
      const vs = values[i]!;
      if (vs.length === 0) return;
      combos = combos.flatMap((combo) => vs.map((value) => [...combo, { o, value }]));
    });
    for (const combo of combos) {
      if (combo.length === 0) continue;
      const applicable = rows.filter((r) => combo.every(({ o, value }) => admits(r.sets[o]!, value.key)));
      const context = {
        fa: ` (برای ${combo.map(({ o, value }) => `${table.columns[o]?.text ?? ""} = ${value.label.fa}`).join("، ")})`,
        en: ` (for ${combo.map(({ o, value }) => `${table.columns[o]?.text ?? ""} = ${value.label.en}`).join(", ")})`,
      };
      found.push(...word(gapsOf(applicable), context));
    }
  }
  if (found.length === 0) return undefined;
  return { fa: found.map((w) => w.fa).join("، "), en: found.map((w) => w.en).join("; ") };
}

function valueKind(t: ScalarType | undefined): ValueKind | undefined {
  switch (t?.kind) {
    case "number":
    case "money":
    case "percent":
    case "date":
      return t.kind;
    default:
      return undefined;
  }
}

/** The choices of the one-of each look-up passes for column `c` that no row names. */
const lookUps = new WeakMap<CheckedAnalysis, Map<string, CheckedAnalysis["calls"]>>();

/** The table look-ups of a file by table (a file may have thousands of tables and of look-ups). */
function lookUpsOf(analysis: CheckedAnalysis): Map<string, CheckedAnalysis["calls"]> {
  let byTable = lookUps.get(analysis);
  if (!byTable) {
    byTable = new Map();
    for (const call of analysis.calls) {
      if (call.builtin) continue;
      const key = nameKey(call.callee.text);
      const calls = byTable.get(key);
      if (calls) calls.push(call);
      else byTable.set(key, [call]);
    }
    lookUps.set(analysis, byTable);
  }
  return byTable;
}

function missingChoices(table: TableDecl, c: number, cells: CellSet[], analysis: CheckedAnalysis): string[] {
  const named = new Set(cells.flatMap((s) => (s.kind === "points" ? s.syms : [])));
  const missing: string[] = [];
  for (const call of table.name ? (lookUpsOf(analysis).get(nameKey(table.name.text)) ?? []) : []) {
    const arg = call.args[c];
    const t = arg ? analysis.typeOf(arg) : undefined;
    if (t?.kind !== "enum") continue;
    for (const m of t.members) {
      if (!named.has(`member:${nameKey(m)}`) && !missing.includes(m)) missing.push(m);
    }
  }
  return missing;
}
