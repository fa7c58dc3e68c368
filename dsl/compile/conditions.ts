/**
 * A rule's condition → json-rules-engine conditions on stock json-rules-engine with our zb* operators.
 *
 * and/or/not → all/any/not (same-kind nesting flattened); comparisons, ranges, sets and missing tests →
 * leaves `{ fact, operator, value }` whose fact is a plain name or an anonymous expression "$n"; any
 * other (bool-typed) expression → `{ fact, operator: "zbEq", value: true }`.
 */
import type { Expr as ArtExpr, CmpOp, JreCondition, JreRule, JreValue } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Expr, SourceRange } from "../syntax/ast";
import { CompileError } from "./errors";
import { compileExpr, unparen } from "./expressions";
import type { AnonymousFacts } from "./facts";

export const OPERATORS: Record<CmpOp, string> = {
  eq: "zbEq",
  ne: "zbNe",
  gt: "zbGt",
  gte: "zbGte",
  lt: "zbLt",
  lte: "zbLte",
};

/** The operator with its operands swapped: `a < b` ⇔ `b > a`. */
export const FLIPPED: Record<CmpOp, CmpOp> = {
  eq: "eq",
  ne: "ne",
  gt: "lt",
  gte: "lte",
  lt: "gt",
  lte: "gte",
};

interface Ctx {
  analysis: Analysis;
  facts: AnonymousFacts;
}

/** A literal as a JRE `value`: decimal string, day number string, string, or boolean. */
function literalValue(e: ArtExpr): string | boolean | undefined {
  switch (e.k) {
    case "num":
    case "text":
    case "member":
      return e.v;
    case "date":
      return String(e.v);
    case "bool":
      return e.v;
    default:
      return undefined;
  }
}

function need(e: Expr | undefined, what: string, range: SourceRange): Expr {
  if (!e) throw new CompileError(`incomplete condition: ${what} is missing`, range);
  return e;
}

/** The right-hand side of a leaf: a literal as is, a plain name as `{ fact }`, anything else anonymous. */
function valueSide(e: ArtExpr, ctx: Ctx): JreValue {
  return literalValue(e) ?? { fact: ctx.facts.factFor(e) };
}

function cmpLeaf(op: CmpOp, left: ArtExpr, right: ArtExpr, ctx: Ctx): JreCondition {
  // The left side must be a fact: a literal on the left with a non-literal on the right is swapped.
  if (literalValue(left) !== undefined && literalValue(right) === undefined) {
    return cmpLeaf(FLIPPED[op], right, left, ctx);
  }
  return { fact: ctx.facts.factFor(left), operator: OPERATORS[op], value: valueSide(right, ctx) };
}

function boolLeaf(e: Expr, ctx: Ctx): JreCondition {
  return { fact: ctx.facts.factFor(compileExpr(e, ctx.analysis)), operator: "zbEq", value: true };
}

function flatten(kind: "and" | "or", items: Expr[], ctx: Ctx): JreCondition[] {
  const out: JreCondition[] = [];
  for (const item of items) {
    const x = unparen(item);
    if (x?.kind === kind) out.push(...flatten(kind, x.items, ctx));
    else {
      const c = condition(need(x, "an operand", item.range), ctx);
      // A compiled range is itself an all/any; merge it when it is the same kind.
      if (kind === "and" && "all" in c) out.push(...c.all);
      else if (kind === "or" && "any" in c) out.push(...c.any);
      else out.push(c);
    }
  }
  return out;
}

/** One condition (any level). */
export function condition(expr: Expr, ctx: Ctx): JreCondition {
  const e = unparen(expr);
  if (!e) throw new CompileError("incomplete condition", expr.range);
  const sub = (x: Expr | undefined, what: string) => compileExpr(need(x, what, e.range), ctx.analysis);
  switch (e.kind) {
    case "and":
      return { all: flatten("and", e.items, ctx) };
    case "or":
      return { any: flatten("or", e.items, ctx) };
    case "not":
      return { not: condition(need(e.operand, "the operand", e.range), ctx) };
    case "cmp":
      return cmpLeaf(e.op, sub(e.left, "the left operand"), sub(e.right, "the right operand"), ctx);
    case "between": {
      const subject = sub(e.subject, "the subject");
      const lo = sub(e.low, "the lower bound");
      const hi = sub(e.high, "the upper bound");
      // One fact for the subject, shared by both leaves.
      const fact = literalValue(subject) === undefined ? ctx.facts.factFor(subject) : ctx.facts.add(subject);
      if (e.negated) {
        return {
          any: [
            { fact, operator: "zbLt", value: valueSide(lo, ctx) },
            { fact, operator: "zbGt", value: valueSide(hi, ctx) },
          ],
        };
      }
      return {
        all: [
          { fact, operator: "zbGte", value: valueSide(lo, ctx) },
          { fact, operator: "zbLte", value: valueSide(hi, ctx) },
        ],
      };
    }
    case "in": {
      const subject = sub(e.subject, "the subject");
      const set = e.set.map((v) => compileExpr(v, ctx.analysis));
      const values = set.map(literalValue);
      if (values.every((v): v is string => typeof v === "string")) {
        return { fact: ctx.facts.factFor(subject), operator: e.negated ? "zbNotIn" : "zbIn", value: values };
      }
      // A set with names or yes/no in it: the whole test is an expression.
      const test: ArtExpr = { k: "in", a: subject, set };
      return { fact: ctx.facts.add(e.negated ? { k: "not", a: test } : test), operator: "zbEq", value: true };
    }
    case "missing":
      return {
        fact: ctx.facts.factFor(sub(e.subject, "the subject")),
        operator: e.negated ? "zbPresent" : "zbMissing",
        value: true,
      };
    default:
      return boolLeaf(e, ctx);
  }
}

/** A rule's whole condition: always all/any/not at the top; none → `{ all: [] }`. */
export function ruleConditions(expr: Expr | undefined, ctx: Ctx): JreRule["conditions"] {
  if (!expr) return { all: [] };
  const c = condition(expr, ctx);
  if ("all" in c || "any" in c || "not" in c) return c;
  return { all: [c] };
}
