/**
 * Decision tables → TableDef: cells become data (any / values / ranges), outputs expressions.
 */
import type { Expr as ArtExpr, ScalarType, TableCell, TableDef, TableRow } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { TableRow as AstRow, Cell, Expr, RulesetFile, TableDecl } from "../syntax/ast";
import { forEachExpr } from "../syntax/walk";
import { CompileError } from "./errors";
import { compileExpr, unparen } from "./expressions";
import { nameType } from "./messages";
import { nameKey, symbolNamed } from "./names";
import { asScalar } from "./types";

/** A cell value: a bare name the analysis does not know is a one-of member (column types come from cells). */
function cellValue(e: Expr, analysis: Analysis): ArtExpr {
  const x = unparen(e);
  if (x?.kind === "name" && !analysis.resolve(x) && !symbolNamed(analysis, x.name)) {
    return { k: "member", v: x.name };
  }
  return compileExpr(e, analysis);
}

export function compileCell(cell: Cell, analysis: Analysis): TableCell {
  switch (cell.kind) {
    case "any":
      return { k: "any" };
    case "values":
      return { k: "eq", values: cell.values.map((v) => cellValue(v, analysis)) };
    case "range": {
      const out: TableCell = { k: "range", loInclusive: cell.lowInclusive, hiInclusive: cell.highInclusive };
      if (cell.low) out.lo = cellValue(cell.low, analysis);
      if (cell.high) out.hi = cellValue(cell.high, analysis);
      return out;
    }
  }
}

/**
 * A column's type: from the analysis, else from its first typed cell value, else from the arguments
 * the table is called with (a column of only «هر» cells); a column nothing types is text.
 */
function columnType(
  decl: TableDecl,
  index: number,
  analysis: Analysis,
  known: ScalarType | undefined,
  file: RulesetFile,
): ScalarType {
  if (known) return known;
  for (const row of decl.rows) {
    const cell = row.cells[index];
    const sample =
      cell?.kind === "values" ? cell.values[0] : cell?.kind === "range" ? (cell.low ?? cell.high) : undefined;
    const type = asScalar(sample ? analysis.typeOf(sample) : undefined);
    if (type) return type;
  }
  let fromCall: ScalarType | undefined;
  forEachExpr(file, (e) => {
    if (
      fromCall ||
      e.kind !== "call" ||
      e.builtin ||
      nameKey(e.callee?.text ?? "") !== nameKey(decl.name?.text ?? "")
    ) {
      return;
    }
    const arg = e.args[index];
    fromCall = asScalar(arg ? analysis.typeOf(arg) : undefined);
  });
  return fromCall ?? { kind: "text" };
}

function outputType(decl: TableDecl, analysis: Analysis, known: ScalarType | undefined): ScalarType {
  if (known) return known;
  for (const row of decl.rows) {
    const type = asScalar(row.output ? analysis.typeOf(row.output) : undefined);
    if (type) return type;
    const x = unparen(row.output);
    if (x?.kind === "name") {
      const t = nameType(x.name, analysis);
      if (t) return t;
    }
  }
  throw new CompileError(`the output type of table «${decl.name?.text ?? ""}» is unknown`, decl.range);
}

function compileRow(row: AstRow, analysis: Analysis): TableRow {
  if (!row.output) throw new CompileError("a table row has no output", row.range);
  const out: TableRow = {
    cells: row.cells.map((c) => compileCell(c, analysis)),
    output: cellValue(row.output, analysis),
    source: row.range,
  };
  if (row.citation) out.citation = row.citation.text;
  return out;
}

export function compileTable(decl: TableDecl, analysis: Analysis, file: RulesetFile): TableDef {
  const name = decl.name?.text;
  if (!name) throw new CompileError("a table has no name", decl.range);
  const symbol = symbolNamed(analysis, name);
  const info = symbol?.kind === "table" ? symbol : undefined;
  return {
    name,
    hitPolicy: decl.hitPolicy ?? "first",
    columns: decl.columns.map((c, i) => ({
      name: c.text,
      type: columnType(decl, i, analysis, info?.columnTypes[i], file),
    })),
    output: { name: decl.outputColumn?.text ?? "", type: outputType(decl, analysis, info?.outputType) },
    rows: decl.rows.map((r) => compileRow(r, analysis)),
    citation: decl.citation?.text ?? "",
    source: decl.range,
  };
}
