/** The sub-expressions of an expression, for walks over the tree that do not care about its kind. */
import type { Expr } from "./types";

export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.k) {
    case "num":
    case "text":
    case "bool":
    case "date":
    case "member":
    case "ref":
    case "field":
      return [];
    case "arith":
    case "cmp":
      return [e.a, e.b];
    case "neg":
    case "not":
    case "missing":
    case "round":
      return [e.a];
    case "minmax":
    case "table":
      return e.args;
    case "if":
      return [e.cond, e.then, e.else];
    case "agg":
      return [...(e.body ? [e.body] : []), ...(e.where ? [e.where] : [])];
    case "and":
    case "or":
      return e.items;
    case "in":
      return [e.a, ...e.set];
  }
}

/** Whether `test` holds for `e` or any expression inside it. */
export function someExpr(e: Expr, test: (e: Expr) => boolean): boolean {
  return test(e) || exprChildren(e).some((c) => someExpr(c, test));
}
