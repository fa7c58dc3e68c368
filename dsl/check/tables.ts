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
import type { RulesetFile, TableDecl, TableRow } from "../syntax/ast";
import { nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import { type CellSet, cellSet, covers, gaps, type Interval, isEmpty, overlaps, point } from "./intervals";
import { choices, count, formatInterval, type ValueKind } from "./wording";

export function checkTables(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const table of file.tables) checkTable(table, analysis, out);
  for (const call of analysis.calls) {
    if (call.builtin) continue;
    const symbol = analysis.symbols.get(nameKey(call.callee.text));
    if (symbol?.kind !== "table") continue;
    const width = symbol.decl.columns.length;
    if (call.args.length !== width) {
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
    const intervals: Interval[] = [];
    for (const s of cells) {
      if (s.kind === "interval") intervals.push(s.iv);
      if (s.kind === "points") intervals.push(...s.nums.map(point));
    }
    const lows = intervals.flatMap((iv) => (iv.lo ? [iv.lo] : []));
    const from = kind !== "date" && lows.every((lo) => lo.gte(0)) ? new Decimal(0) : undefined;
    const uncovered = gaps(intervals, kind === "date", from);
    if (uncovered.length === 0) return;
    const worded = uncovered.map((g) => formatInterval(g, kind));
    out.push(
      diagnostic("ZB4002", column.range, column.text, name, {
        fa: worded.map((w) => w.fa).join("»، «"),
        en: worded.map((w) => w.en).join(", "),
      }),
    );
  });
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
function missingChoices(table: TableDecl, c: number, cells: CellSet[], analysis: CheckedAnalysis): string[] {
  const named = new Set(cells.flatMap((s) => (s.kind === "points" ? s.syms : [])));
  const missing: string[] = [];
  for (const call of analysis.calls) {
    if (call.builtin || !table.name || nameKey(call.callee.text) !== nameKey(table.name.text)) continue;
    const arg = call.args[c];
    const t = arg ? analysis.typeOf(arg) : undefined;
    if (t?.kind !== "enum") continue;
    for (const m of t.members) {
      if (!named.has(`member:${nameKey(m)}`) && !missing.includes(m)) missing.push(m);
    }
  }
  return missing;
}
