/**
 * The type of an expression, for reporting its value in the right form (percent points, dates).
 * Follows the arithmetic rules of docs/language-spec.md ("Types and arithmetic"). Only used where the
 * artefact does not state the type; a bare number literal is taken as a plain number.
 */
import type { Expr, ScalarType } from "../artefact/types";

export interface TypeContext {
  /** Declared type of an input (scalar), parameter or computed value. */
  typeOf(name: string): ScalarType | undefined;
  tableOutput(table: string): ScalarType | undefined;
  /** Type of a field of a list input. */
  fieldType(list: string, field: string): ScalarType | undefined;
}

const NUMBER: ScalarType = { kind: "number" };
const BOOL: ScalarType = { kind: "bool" };

export function inferType(
  expr: Expr,
  ctx: TypeContext,
  lists: readonly string[] = [],
): ScalarType | undefined {
  const infer = (e: Expr) => inferType(e, ctx, lists);
  switch (expr.k) {
    case "num":
      return NUMBER;
    case "text":
      return { kind: "text" };
    case "member":
      return { kind: "enum", members: [expr.v] };
    case "bool":
    case "and":
    case "or":
    case "not":
    case "cmp":
    case "in":
    case "missing":
      return BOOL;
    case "date":
      return { kind: "date" };
    case "ref":
      return ctx.typeOf(expr.name);
    case "field":
      for (let i = lists.length - 1; i >= 0; i--) {
        const t = ctx.fieldType(lists[i] ?? "", expr.name);
        if (t) return t;
      }
      return undefined;
    case "arith":
      return arithType(expr.op, infer(expr.a), infer(expr.b));
    case "neg":
    case "round":
      return infer(expr.a);
    case "minmax":
      return expr.args.length > 0 && expr.args[0] ? infer(expr.args[0]) : undefined;
    case "if":
      return infer(expr.then) ?? infer(expr.else);
    case "table":
      return ctx.tableOutput(expr.table);
    case "agg":
      if (expr.fn === "count") return NUMBER;
      if (expr.fn === "any" || expr.fn === "all") return BOOL;
      return expr.body ? inferType(expr.body, ctx, [...lists, expr.list]) : undefined;
  }
}

function arithType(op: string, a: ScalarType | undefined, b: ScalarType | undefined): ScalarType | undefined {
  const ka = a?.kind;
  const kb = b?.kind;
  if (ka === undefined || kb === undefined) return a ?? b;
  if (op === "+" || op === "-") {
    if (ka === "date" && kb === "date") return NUMBER;
    if (ka === "date") return a;
    if (kb === "date") return b;
    if (ka === "money" || kb === "money") return { kind: "money" };
    if (ka === "percent" && kb === "percent") return a;
    return NUMBER;
  }
  if (op === "*") {
    if (ka === "money" || kb === "money") return { kind: "money" };
    if (ka === "percent" || kb === "percent") return { kind: "percent" };
    return NUMBER;
  }
  // division
  if (ka === "money") return kb === "money" ? NUMBER : { kind: "money" };
  if (ka === "percent" && kb !== "percent") return a;
  return NUMBER;
}
