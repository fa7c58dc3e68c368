/**
 * Evaluates an `Expr` tree for one case. Missing values (undefined):
 * - propagate through arithmetic, negation, min/max and rounding; division by zero is missing;
 * - make every comparison false (=, ≠, <, ... and `in`), so nothing is concluded from absent data;
 * - count as false wherever a truth value is needed (and/or/not, `if` conditions, aggregate filters).
 *   This is two-valued logic, the same the json-rules-engine operators apply: `not` of a comparison
 *   with a missing value is true;
 * - are tested for by `missing`.
 * Tables: `first` gives the first matching row's output, `unique` the only matching row's (more than
 * one match is missing, with a warning), `collect` the array of every matching row's output; no
 * matching row is missing. Aggregates run once over their list (linear in its length).
 * Recursion is bounded by the artefact's depth limits (engine/load.ts).
 */
import type { Expr, TableCell, TableDef } from "../artefact/types";
import { compareDec, type Dec, dec, divide, isDec, roundTo, ZERO } from "./decimal";
import type { EvaluationWarning, Frame, Scope } from "./scope";
import {
  compare,
  equals,
  isScalar,
  type RecordValue,
  type RuntimeValue,
  type Scalar,
  truthy,
} from "./values";

const literalCache = new WeakMap<Expr, Dec>();

function literal(expr: Expr & { v: string | number }): Dec {
  let d = literalCache.get(expr);
  if (d === undefined) {
    d = dec(expr.v);
    literalCache.set(expr, d);
  }
  return d;
}

export function evaluateExpr(expr: Expr, scope: Scope, stack: readonly Frame[] = []): RuntimeValue {
  const ev = (e: Expr): RuntimeValue => evaluateExpr(e, scope, stack);
  switch (expr.k) {
    case "num":
    case "date":
      return literal(expr);
    case "text":
    case "member":
    case "bool":
      return expr.v;
    case "ref":
      return scope.get(expr.name);
    case "field":
      for (let i = stack.length - 1; i >= 0; i--) {
        const frame = stack[i];
        if (frame?.fields.has(expr.name)) return frame.record[expr.name];
      }
      return undefined;
    case "arith":
      return arith(expr.op, ev(expr.a), ev(expr.b));
    case "neg": {
      const a = ev(expr.a);
      return isDec(a) ? a.negated() : undefined;
    }
    case "minmax":
      return minmax(expr.fn, expr.args.map(ev));
    case "round": {
      const a = ev(expr.a);
      return isDec(a) ? roundTo(a, expr.places, expr.mode) : undefined;
    }
    case "if":
      return truthy(ev(expr.cond)) ? ev(expr.then) : ev(expr.else);
    case "table": {
      const table = scope.table(expr.table);
      return table ? lookUp(table, expr.args.map(ev), scope) : undefined;
    }
    case "agg":
      return aggregate(expr, scope, stack);
    case "and":
      return expr.items.every((e) => truthy(ev(e)));
    case "or":
      return expr.items.some((e) => truthy(ev(e)));
    case "not":
      return !truthy(ev(expr.a));
    case "cmp":
      return comparison(expr.op, ev(expr.a), ev(expr.b));
    case "in": {
      const a = ev(expr.a);
      if (a === undefined) return false;
      return expr.set.some((e) => flatten(ev(e)).some((x) => equals(a, x) === true));
    }
    case "missing":
      return ev(expr.a) === undefined;
  }
}

export function arith(op: "+" | "-" | "*" | "/", a: RuntimeValue, b: RuntimeValue): RuntimeValue {
  if (!isDec(a) || !isDec(b)) return undefined;
  switch (op) {
    case "+":
      return a.plus(b);
    case "-":
      return a.minus(b);
    case "*":
      return a.times(b);
    case "/":
      return divide(a, b);
  }
}

/** A collect look-up's array counts as its elements; any other value as itself. */
export function flatten(v: RuntimeValue): RuntimeValue[] {
  return Array.isArray(v) ? v.filter(isScalar) : [v];
}

export function minmax(fn: "min" | "max", args: RuntimeValue[]): Dec | undefined {
  let best: Dec | undefined;
  for (const arg of args) {
    if (Array.isArray(arg) && arg.length === 0) return undefined;
    for (const v of flatten(arg)) {
      if (!isDec(v)) return undefined;
      if (best === undefined || (fn === "min" ? compareDec(v, best) < 0 : compareDec(v, best) > 0)) best = v;
    }
  }
  return best;
}

export function comparison(op: "eq" | "ne" | "gt" | "gte" | "lt" | "lte", a: unknown, b: unknown): boolean {
  switch (op) {
    case "eq":
      return equals(a, b) === true;
    case "ne":
      return equals(a, b) === false;
    default: {
      const c = compare(a, b);
      if (c === undefined) return false;
      if (op === "gt") return c > 0;
      if (op === "gte") return c >= 0;
      if (op === "lt") return c < 0;
      return c <= 0;
    }
  }
}

function cellMatches(cell: TableCell, v: RuntimeValue, scope: Scope): boolean {
  switch (cell.k) {
    case "any":
      return true;
    case "eq":
      if (v === undefined) return false;
      return cell.values.some((e) => flatten(evaluateExpr(e, scope)).some((x) => equals(v, x) === true));
    case "range": {
      if (v === undefined) return false;
      if (cell.lo && !comparison(cell.loInclusive ? "gte" : "gt", v, evaluateExpr(cell.lo, scope)))
        return false;
      if (cell.hi && !comparison(cell.hiInclusive ? "lte" : "lt", v, evaluateExpr(cell.hi, scope)))
        return false;
      return true;
    }
  }
}

/** A `unique` table matched more than one row: the look-up is missing, and the person is told why. */
export function ambiguousTable(table: string, rows: number): EvaluationWarning {
  return {
    table,
    fa: `در جدول «${table}» بیش از یک سطر (${rows} سطر) با این پرونده جور است؛ نتیجه ناموجود شد`,
    en: `Table «${table}» is unique-hit but ${rows} rows matched; the look-up is missing`,
  };
}

function lookUp(table: TableDef, args: RuntimeValue[], scope: Scope): RuntimeValue {
  const matching = (cells: TableCell[]) => cells.every((cell, i) => cellMatches(cell, args[i], scope));
  switch (table.hitPolicy) {
    case "first": {
      const row = table.rows.find((r) => matching(r.cells));
      return row ? evaluateExpr(row.output, scope) : undefined;
    }
    case "unique": {
      const rows = table.rows.filter((r) => matching(r.cells));
      if (rows.length > 1) scope.warn(ambiguousTable(table.name, rows.length));
      const only = rows.length === 1 ? rows[0] : undefined;
      return only ? evaluateExpr(only.output, scope) : undefined;
    }
    case "collect": {
      const out: Scalar[] = [];
      for (const row of table.rows) {
        if (!matching(row.cells)) continue;
        const v = evaluateExpr(row.output, scope);
        if (!isScalar(v)) return undefined;
        out.push(v);
      }
      return out.length > 0 ? out : undefined;
    }
  }
}

function aggregate(expr: Expr & { k: "agg" }, scope: Scope, stack: readonly Frame[]): RuntimeValue {
  const items = scope.get(expr.list);
  const declared = scope.listFields(expr.list);
  if (!Array.isArray(items) || !declared) return undefined;
  const fields = new Set(declared.map((f) => f.name));
  const records = items.filter((x): x is RecordValue => typeof x === "object" && x !== null && !isDec(x));
  const inner = (record: RecordValue): Frame[] => [...stack, { fields, record }];
  const itemValue = (e: Expr, record: RecordValue) => evaluateExpr(e, scope, inner(record));
  const passes = (e: Expr | undefined, record: RecordValue) =>
    e === undefined || truthy(itemValue(e, record));

  switch (expr.fn) {
    case "sum":
    case "min":
    case "max": {
      if (!expr.body) return undefined;
      let acc: Dec | undefined = expr.fn === "sum" ? ZERO : undefined;
      for (const record of records) {
        if (!passes(expr.where, record)) continue;
        const v = itemValue(expr.body, record);
        if (!isDec(v)) return undefined;
        if (acc === undefined) acc = v;
        else if (expr.fn === "sum") acc = acc.plus(v);
        else if (expr.fn === "min" ? compareDec(v, acc) < 0 : compareDec(v, acc) > 0) acc = v;
      }
      return acc;
    }
    case "count": {
      let n = 0;
      for (const record of records) if (passes(expr.where, record) && passes(expr.body, record)) n++;
      return dec(n);
    }
    case "any":
    case "all": {
      // The condition is `body`, or `where` when there is no body; with both, `where` filters first.
      const predicate = expr.body ?? expr.where;
      const filter = expr.body ? expr.where : undefined;
      const considered = records.filter((r) => passes(filter, r));
      return expr.fn === "any"
        ? considered.some((r) => passes(predicate, r))
        : considered.every((r) => passes(predicate, r));
    }
  }
}
