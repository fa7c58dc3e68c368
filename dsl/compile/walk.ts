/** Visiting every expression of a file (for facts the analysis does not record, e.g. a table's call sites). */
import type { Expr, Outcome, RulesetFile } from "../syntax/ast";

function children(e: Expr): (Expr | undefined)[] {
  switch (e.kind) {
    case "paren":
      return [e.inner];
    case "neg":
    case "not":
      return [e.operand];
    case "arith":
    case "cmp":
      return [e.left, e.right];
    case "and":
    case "or":
      return e.items;
    case "between":
      return [e.subject, e.low, e.high];
    case "in":
      return [e.subject, ...e.set];
    case "missing":
      return [e.subject];
    case "if":
      return [e.cond, e.then, e.else];
    case "call":
      return e.args;
    default:
      return [];
  }
}

export function walkExpr(e: Expr | undefined, visit: (e: Expr) => void): void {
  if (!e) return;
  visit(e);
  for (const c of children(e)) walkExpr(c, visit);
}

function outcomeExprs(o: Outcome): (Expr | undefined)[] {
  if (o.kind === "require") return [o.amount];
  if (o.kind === "set") return [o.value];
  return [];
}

/** Every expression in the file's values, tables and rules, outermost first, in source order per section. */
export function walkFile(file: RulesetFile, visit: (e: Expr) => void): void {
  for (const v of file.values) walkExpr(v.expr, visit);
  for (const t of file.tables) {
    for (const row of t.rows) {
      for (const cell of row.cells) {
        if (cell.kind === "values") for (const x of cell.values) walkExpr(x, visit);
        if (cell.kind === "range") for (const x of [cell.low, cell.high]) walkExpr(x, visit);
      }
      walkExpr(row.output, visit);
    }
  }
  for (const r of file.rules) {
    walkExpr(r.condition, visit);
    for (const o of r.outcomes) for (const x of outcomeExprs(o)) walkExpr(x, visit);
  }
}
