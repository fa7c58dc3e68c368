/**
 * Every expression of a file's declarations, each with the node it is an operand of, so a check can
 * judge an operand by where it stands (a list is fine as the first argument of جمع, nowhere else).
 * Tests are not walked: their values are literals for inputs, checked against the inputs' types.
 */
import type { Expr, RulesetFile } from "./ast";

export type Visitor = (expr: Expr, parent: Expr | undefined, index: number) => void;

/** An expression's operands in source order; a call's are its arguments, so `index` is the argument's. */
export function operands(e: Expr): (Expr | undefined)[] {
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

export function walkExpr(e: Expr | undefined, visit: Visitor, parent?: Expr, index = 0): void {
  if (!e) return;
  visit(e, parent, index);
  operands(e).forEach((child, i) => {
    walkExpr(child, visit, e, i);
  });
}

/** The top-level expressions of every declaration except tests, in source order within each kind. */
export function roots(file: RulesetFile): Expr[] {
  const out: (Expr | undefined)[] = [];
  for (const p of file.parameters) out.push(p.value);
  for (const v of file.values) out.push(v.expr);
  for (const t of file.tables) {
    for (const row of t.rows) {
      for (const cell of row.cells) {
        if (cell.kind === "values") out.push(...cell.values);
        if (cell.kind === "range") out.push(cell.low, cell.high);
      }
      out.push(row.output);
    }
  }
  for (const r of file.rules) {
    out.push(r.condition);
    for (const o of r.outcomes) {
      if (o.kind === "require") out.push(o.amount);
      if (o.kind === "set") out.push(o.value);
    }
  }
  return out.filter((e): e is Expr => e !== undefined);
}

export function forEachExpr(file: RulesetFile, visit: Visitor): void {
  for (const root of roots(file)) walkExpr(root, visit);
}
