/**
 * Boundary values: for every input (and every list field, keyed "list.field"), the values on either
 * side of each edge the artefact compares it with. Works on any artefact; knows nothing of the syntax.
 *
 * An edge is a constant an input is compared with:
 * - a json-rules-engine condition whose `fact` is the input (or a computed value or "$n" expression
 *   that is just the input) and whose `value` is a literal (a decimal string, a JSON number, a day
 *   number or "yyyy/mm/dd", each member of a zbIn/zbNotIn array) or `{ fact }` naming a parameter
 *   (or a constant computed value / expression); the mirror image (constant fact, input `value`) too;
 * - a `cmp` or `in` node anywhere in an Expr tree (computed values, anonymous expressions, table
 *   outputs, aggregate bodies and filters) with the input (`ref`) or a list field (`field`, resolved
 *   to the innermost enclosing aggregate's list) on one side and a constant on the other; also the
 *   constant arguments of a `min`/`max` that has the input among its arguments (a kink, not a branch);
 * - every range end (`lo`, `hi`) and every `eq` value of a table's condition column, for each look-up
 *   of that table whose argument in that column is the input or field.
 * A constant is a `num`/`date` literal, a parameter, or a computed value or expression built only of
 * those with `neg`, arithmetic, `round` and `min`/`max` (folded exactly, as the engine would).
 *
 * Each edge gives three values in the caller's form: just below, at, just above. The step is one unit
 * of the smallest decimal place present among that input's edges (in the caller's form: a percent in
 * percent points), 1 when they are all integers — so one rial for money — and one day for a date.
 *
 * Where the input is compared with something that is not a constant (another input, a computed value
 * that depends on inputs, an arithmetic expression of the input itself), the analysis falls back to
 * the edges of the input type's range (TYPE_RANGES below), marked "type range".
 *
 * Limits of the analysis (what it does not find):
 * - edges of derived quantities: `x × 2 > 10`, `x − y ≥ 0`, `round(x) = 5`, an aggregate such as
 *   `sum(list, field) > 100` or `count(list) ≥ 2` yield no edge for x / the field (only the fallback
 *   range where x itself is one side of the comparison); the cut-off is not inverted through
 *   arithmetic, rounding, tables or aggregates;
 * - a table whose argument is a computed value (another table's output, an arithmetic expression)
 *   contributes nothing to the inputs behind that value; `if` conditions and `and`/`or` are walked
 *   but give edges only through the comparisons inside them;
 * - edges are found per comparison, not per rule: combinations of edges (x at one edge while y is at
 *   another) are left to the case generator's random mixing;
 * - text and one-of inputs, yes/no and lists as wholes have no boundaries (an empty array);
 * - an edge that cannot be sent exactly (more than MAX_FRACTION_DIGITS decimals in the caller's form,
 *   more than MAX_INTEGER_DIGITS digits, a date outside the Jalali calendar) is dropped.
 */

import { MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS } from "../../artefact/limits";
import type { Artefact, Expr, JreCondition, JreValue, ScalarType, TableDef } from "../../artefact/types";
import { type Dec, dec, divide, isDec, plain, roundTo } from "../decimal";
import { formatJalali, parseJalali } from "../jalali";
import { parameterValue } from "../params";

export interface Boundary {
  /**
   * The value to send, in the caller's form: a plain decimal string for number and money (rials) and
   * percent (in percent points, "1.5" for 1.5%), "yyyy/mm/dd" for a date.
   */
  value: string;
  /** Where it stands against the edge. */
  side: "below" | "at" | "above";
  /** The edge itself, in the same form. */
  edge: string;
  /** Where the edge comes from: rules, values, tables, parameters — or "type range". */
  from: string[];
}

/** Number-like types: the only ones with boundaries. */
export type OrderedType = Extract<ScalarType, { kind: "number" | "money" | "percent" | "date" }>;

/**
 * The range each number-like type is drawn from, and the fallback edges when an input is compared
 * with something that is not a constant. In the caller's form (percent points; dates as day numbers
 * of 1370/01/01 and 1420/12/29).
 */
export const TYPE_RANGES: Record<OrderedType["kind"], { lo: string; hi: string }> = {
  number: { lo: "0", hi: "1000" },
  money: { lo: "0", hi: "10000000000000" },
  percent: { lo: "0", hi: "200" },
  date: { lo: String(parseJalali("1370/01/01")), hi: String(parseJalali("1420/12/29")) },
};

export function isOrdered(t: ScalarType): t is OrderedType {
  return t.kind === "number" || t.kind === "money" || t.kind === "percent" || t.kind === "date";
}

interface Subject {
  key: string;
  type: OrderedType;
}

/** An edge in the artefact's own form (a percent as a fraction, a date as its day number). */
interface Edge {
  value: Dec;
  from: string;
}

interface Found {
  type: ScalarType;
  edges: Edge[];
  /** Compared with something not constant: add the type range's edges. */
  fallback: Set<string>;
}

export function boundaries(artefact: Artefact): Map<string, Boundary[]> {
  const found = new Map<string, Found>();
  const subjects = new Map<string, ScalarType>();
  const listFields = new Map<string, Map<string, ScalarType>>();
  for (const input of artefact.inputs) {
    if (input.type.kind === "list") {
      const fields = new Map<string, ScalarType>();
      for (const f of input.type.fields) {
        fields.set(f.name, f.type);
        found.set(`${input.name}.${f.name}`, { type: f.type, edges: [], fallback: new Set() });
      }
      listFields.set(input.name, fields);
    } else {
      subjects.set(input.name, input.type);
      found.set(input.name, { type: input.type, edges: [], fallback: new Set() });
    }
  }

  const params = new Map<string, Dec>();
  for (const p of artefact.parameters) {
    const r = parameterValue(p);
    if ("value" in r && isDec(r.value)) params.set(p.name, r.value);
  }
  const values = new Map(artefact.values.map((v) => [v.name, v.expr]));
  const tables = new Map<string, TableDef>(artefact.tables.map((t) => [t.name, t]));

  /** The input or list field an expression just is (through computed values that only rename it). */
  const subjectOf = (e: Expr, lists: readonly string[], seen = new Set<string>()): Subject | undefined => {
    if (e.k === "field") {
      for (let i = lists.length - 1; i >= 0; i--) {
        const list = lists[i] ?? "";
        const t = listFields.get(list)?.get(e.name);
        if (t) return isOrdered(t) ? { key: `${list}.${e.name}`, type: t } : undefined;
      }
      return undefined;
    }
    if (e.k !== "ref") return undefined;
    const t = subjects.get(e.name);
    if (t) return isOrdered(t) ? { key: e.name, type: t } : undefined;
    const expr = values.get(e.name) ?? artefact.expressions[e.name];
    if (!expr || seen.has(e.name)) return undefined;
    seen.add(e.name);
    return subjectOf(expr, [], seen);
  };

  /** The constant an expression folds to, exactly as the engine computes it; undefined if none. */
  const constantOf = (e: Expr, seen = new Set<string>()): Dec | undefined => {
    switch (e.k) {
      case "num":
        return dec(e.v);
      case "date":
        return dec(e.v);
      case "ref": {
        const p = params.get(e.name);
        if (p) return p;
        const expr = values.get(e.name) ?? artefact.expressions[e.name];
        if (!expr || seen.has(e.name) || subjects.has(e.name)) return undefined;
        seen.add(e.name);
        return constantOf(expr, seen);
      }
      case "neg": {
        const a = constantOf(e.a, seen);
        return a?.negated();
      }
      case "round": {
        const a = constantOf(e.a, seen);
        return a && roundTo(a, e.places, e.mode);
      }
      case "arith": {
        const a = constantOf(e.a, seen);
        const b = constantOf(e.b, seen);
        if (!a || !b) return undefined;
        if (e.op === "+") return a.plus(b);
        if (e.op === "-") return a.minus(b);
        if (e.op === "*") return a.times(b);
        return divide(a, b);
      }
      case "minmax": {
        const args = e.args.map((x) => constantOf(x, seen));
        if (args.length === 0 || args.some((x) => x === undefined)) return undefined;
        const ds = args as Dec[];
        return ds.reduce((m, x) => ((e.fn === "min" ? x.lt(m) : x.gt(m)) ? x : m));
      }
      default:
        return undefined;
    }
  };

  const addEdge = (s: Subject, value: Dec, from: string) => found.get(s.key)?.edges.push({ value, from });
  const addFallback = (s: Subject, from: string) => found.get(s.key)?.fallback.add(from);

  /** One side is the subject, the other a constant (edge) or anything else (fallback). */
  const pair = (a: Expr, b: Expr, lists: readonly string[], from: string) => {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const s = subjectOf(x, lists);
      if (!s) continue;
      const c = constantOf(y);
      if (c) addEdge(s, c, from);
      else addFallback(s, from);
    }
  };

  const walk = (e: Expr, lists: readonly string[], from: string): void => {
    switch (e.k) {
      case "cmp":
        pair(e.a, e.b, lists, from);
        walk(e.a, lists, from);
        walk(e.b, lists, from);
        return;
      case "in": {
        const s = subjectOf(e.a, lists);
        for (const item of e.set) {
          if (s) {
            const c = constantOf(item);
            if (c) addEdge(s, c, from);
            else addFallback(s, from);
          }
          walk(item, lists, from);
        }
        walk(e.a, lists, from);
        return;
      }
      case "minmax":
        for (const arg of e.args) {
          const s = subjectOf(arg, lists);
          if (s)
            for (const other of e.args) {
              const c = other === arg ? undefined : constantOf(other);
              if (c) addEdge(s, c, from);
            }
          walk(arg, lists, from);
        }
        return;
      case "table": {
        const table = tables.get(e.table);
        e.args.forEach((arg, col) => {
          walk(arg, lists, from);
          const s = subjectOf(arg, lists);
          if (!s || !table) return;
          table.rows.forEach((row, r) => {
            const cell = row.cells[col];
            const where = `table «${table.name}» row ${r + 1}`;
            const ends =
              cell?.k === "range"
                ? [cell.lo, cell.hi].filter((x): x is Expr => x !== undefined)
                : cell?.k === "eq"
                  ? cell.values
                  : [];
            for (const end of ends) {
              const c = constantOf(end);
              if (c) addEdge(s, c, where);
              else addFallback(s, where);
            }
          });
        });
        return;
      }
      case "agg":
        if (e.body) walk(e.body, [...lists, e.list], from);
        if (e.where) walk(e.where, [...lists, e.list], from);
        return;
      case "arith":
        walk(e.a, lists, from);
        walk(e.b, lists, from);
        return;
      case "neg":
      case "round":
      case "not":
      case "missing":
        walk(e.a, lists, from);
        return;
      case "if":
        walk(e.cond, lists, from);
        walk(e.then, lists, from);
        walk(e.else, lists, from);
        return;
      case "and":
      case "or":
        for (const item of e.items) walk(item, lists, from);
        return;
      default:
        return;
    }
  };

  for (const v of artefact.values) walk(v.expr, [], `value «${v.name}»`);
  for (const [name, e] of Object.entries(artefact.expressions)) walk(e, [], `expression «${name}»`);
  for (const t of artefact.tables) {
    t.rows.forEach((row, r) => {
      walk(row.output, [], `table «${t.name}» row ${r + 1}`);
      for (const cell of row.cells) {
        const exprs = cell.k === "eq" ? cell.values : cell.k === "range" ? [cell.lo, cell.hi] : [];
        for (const x of exprs) if (x) walk(x, [], `table «${t.name}» row ${r + 1}`);
      }
    });
  }

  /** A json-rules-engine fact or value as an Expr, so the same resolution applies. */
  const factExpr = (name: string): Expr => ({ k: "ref", name });
  const literal = (v: JreValue, type: OrderedType): Dec | undefined => {
    if (typeof v === "number") return Number.isFinite(v) ? dec(v) : undefined;
    if (typeof v !== "string") return undefined;
    if (/^-?\d+(\.\d+)?$/.test(v)) return dec(v);
    if (type.kind !== "date") return undefined;
    const day = parseJalali(v);
    return day === undefined ? undefined : dec(day);
  };
  const condition = (c: JreCondition, from: string): void => {
    if ("all" in c) for (const x of c.all) condition(x, from);
    else if ("any" in c) for (const x of c.any) condition(x, from);
    else if ("not" in c) condition(c.not, from);
    else {
      if (c.operator === "zbMissing" || c.operator === "zbPresent") return;
      const fact = factExpr(c.fact);
      const s = subjectOf(fact, []);
      const v = c.value;
      if (typeof v === "object" && !Array.isArray(v)) {
        pair(fact, factExpr(v.fact), [], from);
      } else if (s) {
        for (const item of Array.isArray(v) ? v : [v]) {
          const d = literal(item, s.type);
          if (d) addEdge(s, d, from);
        }
      }
    }
  };
  for (const rule of artefact.rules) condition(rule.conditions, `rule «${rule.name}»`);

  const out = new Map<string, Boundary[]>();
  for (const [key, f] of found) out.set(key, toBoundaries(f));
  return out;
}

function toBoundaries(f: Found): Boundary[] {
  const { type } = f;
  // Text, one-of and yes/no keep their key in the result, with no boundaries.
  if (!isOrdered(type)) return [];
  const caller = (d: Dec): Dec => (type.kind === "percent" ? d.times(100) : d);
  const edges = f.edges.map((e) => ({ value: caller(e.value), from: e.from }));
  if (f.fallback.size > 0) {
    const range = TYPE_RANGES[type.kind];
    const why = `type range (compared with a non-constant in ${[...f.fallback].join(", ")})`;
    edges.push({ value: dec(range.lo), from: why }, { value: dec(range.hi), from: why });
  }
  const places = type.kind === "date" ? 0 : Math.max(0, ...edges.map((e) => e.value.decimalPlaces()));
  const step = dec(10).pow(-Math.min(places, MAX_FRACTION_DIGITS));

  const byEdge = new Map<string, { edge: Dec; from: Set<string> }>();
  for (const e of edges) {
    const k = plain(e.value);
    const entry = byEdge.get(k);
    if (entry) entry.from.add(e.from);
    else byEdge.set(k, { edge: e.value, from: new Set([e.from]) });
  }
  const result: Boundary[] = [];
  for (const { edge, from } of [...byEdge.values()].sort((a, b) => a.edge.comparedTo(b.edge))) {
    const show = (d: Dec) => showValue(d, type);
    const at = show(edge);
    if (at === undefined) continue;
    for (const [side, d] of [
      ["below", edge.minus(step)],
      ["at", edge],
      ["above", edge.plus(step)],
    ] as const) {
      const value = show(d);
      if (value !== undefined) result.push({ value, side, edge: at, from: [...from] });
    }
  }
  return result;
}

/** The caller's form of a value (already in percent points), or undefined if it cannot be sent. */
function showValue(d: Dec, type: OrderedType): string | undefined {
  if (type.kind === "date") {
    if (!d.isInteger()) return undefined;
    const text = formatJalali(d.toNumber());
    return parseJalali(text) === undefined ? undefined : text;
  }
  if (d.decimalPlaces() > MAX_FRACTION_DIGITS) return undefined;
  const integerDigits = d.isZero() ? 1 : Math.max(1, d.abs().floor().toFixed().length);
  return integerDigits > MAX_INTEGER_DIGITS ? undefined : plain(d);
}
