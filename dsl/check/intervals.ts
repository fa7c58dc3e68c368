/**
 * What a table cell or a comparison admits, as a set of values the checker can reason about exactly:
 * intervals of decimals (dates as day numbers, percents as fractions) and sets of symbols (one-of
 * members, yes/no, text). Only constants count: literals and parameters, which are literals by
 * definition. Anything else is "unknown", and no check may claim an overlap or a gap from it.
 */
import Decimal from "decimal.js";
import type { Cell, Expr } from "../syntax/ast";
import { nameKey, parseJalaliDate } from "../text";
import type { Analysis } from "./analysis";

export type Const = { kind: "num"; v: Decimal } | { kind: "sym"; key: string };

export interface Interval {
  lo?: Decimal;
  loInclusive: boolean;
  hi?: Decimal;
  hiInclusive: boolean;
}

export function constOf(e: Expr | undefined, analysis: Analysis, depth = 0): Const | undefined {
  if (!e || depth > 8) return undefined;
  switch (e.kind) {
    case "paren":
      return constOf(e.inner, analysis, depth + 1);
    case "number": {
      const v = new Decimal(e.value);
      return { kind: "num", v: e.unit === "percent" ? v.div(100) : v };
    }
    case "neg": {
      const inner = constOf(e.operand, analysis, depth + 1);
      return inner?.kind === "num" ? { kind: "num", v: inner.v.neg() } : undefined;
    }
    case "date": {
      const d = parseJalaliDate(e.text);
      return d ? { kind: "num", v: new Decimal(d.dayNumber) } : undefined;
    }
    case "bool":
      return { kind: "sym", key: `bool:${e.value}` };
    case "string":
      return { kind: "sym", key: `text:${e.value}` };
    case "name": {
      const r = analysis.resolve(e);
      if (r?.kind === "member") return { kind: "sym", key: `member:${nameKey(e.name)}` };
      if (r?.kind === "symbol" && r.symbol.kind === "parameter")
        return constOf(r.symbol.decl.value, analysis, depth + 1);
      return undefined;
    }
    default:
      return undefined;
  }
}

export function point(v: Decimal): Interval {
  return { lo: v, loInclusive: true, hi: v, hiInclusive: true };
}

export function isEmpty(iv: Interval): boolean {
  if (!iv.lo || !iv.hi) return false;
  const c = iv.lo.cmp(iv.hi);
  return c > 0 || (c === 0 && !(iv.loInclusive && iv.hiInclusive));
}

export function intersect(a: Interval, b: Interval): Interval {
  const out: Interval = { loInclusive: false, hiInclusive: false };
  if (!a.lo || (b.lo && b.lo.cmp(a.lo) > 0)) {
    if (b.lo) out.lo = b.lo;
    out.loInclusive = b.loInclusive;
  } else if (b.lo?.equals(a.lo)) {
    out.lo = a.lo;
    out.loInclusive = a.loInclusive && b.loInclusive;
  } else {
    out.lo = a.lo;
    out.loInclusive = a.loInclusive;
  }
  if (!a.hi || (b.hi && b.hi.cmp(a.hi) < 0)) {
    if (b.hi) out.hi = b.hi;
    out.hiInclusive = b.hiInclusive;
  } else if (b.hi?.equals(a.hi)) {
    out.hi = a.hi;
    out.hiInclusive = a.hiInclusive && b.hiInclusive;
  } else {
    out.hi = a.hi;
    out.hiInclusive = a.hiInclusive;
  }
  return out;
}

export function includes(iv: Interval, v: Decimal): boolean {
  return !isEmpty(intersect(iv, point(v)));
}

/** Whether `outer` holds every value of `inner`. */
export function containsInterval(outer: Interval, inner: Interval): boolean {
  if (isEmpty(inner)) return true;
  const loOk =
    !outer.lo ||
    (inner.lo !== undefined &&
      (outer.lo.cmp(inner.lo) < 0 ||
        (outer.lo.equals(inner.lo) && (outer.loInclusive || !inner.loInclusive))));
  const hiOk =
    !outer.hi ||
    (inner.hi !== undefined &&
      (outer.hi.cmp(inner.hi) > 0 ||
        (outer.hi.equals(inner.hi) && (outer.hiInclusive || !inner.hiInclusive))));
  return loOk && hiOk;
}

// ---- table cells -------------------------------------------------------------------------------

export type CellSet =
  | { kind: "all" }
  | { kind: "points"; nums: Decimal[]; syms: string[] }
  | { kind: "interval"; iv: Interval }
  | { kind: "unknown" };

export function cellSet(cell: Cell | undefined, analysis: Analysis): CellSet {
  if (!cell) return { kind: "unknown" };
  if (cell.kind === "any") return { kind: "all" };
  if (cell.kind === "values") {
    const nums: Decimal[] = [];
    const syms: string[] = [];
    for (const v of cell.values) {
      const c = constOf(v, analysis);
      if (!c) return { kind: "unknown" };
      if (c.kind === "num") nums.push(c.v);
      else syms.push(c.key);
    }
    return { kind: "points", nums, syms };
  }
  const iv: Interval = { loInclusive: cell.lowInclusive, hiInclusive: cell.highInclusive };
  for (const [bound, side] of [
    [cell.low, "lo"],
    [cell.high, "hi"],
  ] as const) {
    if (!bound) continue;
    const c = constOf(bound, analysis);
    if (c?.kind !== "num") return { kind: "unknown" };
    iv[side] = c.v;
  }
  if (!iv.lo && !iv.hi) return { kind: "unknown" };
  return { kind: "interval", iv };
}

export type Tri = "yes" | "no" | "unknown";

/** Whether some value satisfies both cells. */
export function overlaps(a: CellSet, b: CellSet): Tri {
  if (a.kind === "unknown" || b.kind === "unknown") return "unknown";
  if (a.kind === "all") return b.kind === "interval" && isEmpty(b.iv) ? "no" : "yes";
  if (b.kind === "all") return overlaps(b, a);
  if (a.kind === "points" && b.kind === "points") {
    const shared =
      a.nums.some((x) => b.nums.some((y) => x.equals(y))) || a.syms.some((x) => b.syms.includes(x));
    return shared ? "yes" : "no";
  }
  if (a.kind === "interval" && b.kind === "interval") return isEmpty(intersect(a.iv, b.iv)) ? "no" : "yes";
  const [pts, range] = a.kind === "points" ? [a, b] : [b, a];
  if (pts.kind !== "points" || range.kind !== "interval") return "unknown";
  return pts.nums.some((x) => includes(range.iv, x)) ? "yes" : "no";
}

/** Whether every value `b` admits, `a` admits too (provably). */
export function covers(a: CellSet, b: CellSet): boolean {
  if (a.kind === "all") return true;
  if (a.kind === "unknown" || b.kind === "unknown" || b.kind === "all") return false;
  if (b.kind === "points") {
    if (a.kind === "points") {
      return b.nums.every((x) => a.nums.some((y) => x.equals(y))) && b.syms.every((x) => a.syms.includes(x));
    }
    return b.syms.length === 0 && b.nums.every((x) => includes(a.iv, x));
  }
  if (a.kind === "interval") return containsInterval(a.iv, b.iv);
  return isEmpty(b.iv);
}

// ---- gaps --------------------------------------------------------------------------------------

/**
 * The stretches of the line no interval covers. `discrete` reads the values as whole days (dates):
 * then ۱۴۰۰/۱۲/۲۹ and ۱۴۰۱/۰۱/۰۱ leave no gap. `from` is where the line starts (0 for quantities
 * that cannot be negative), undefined for the whole line.
 */
export function gaps(
  intervals: readonly Interval[],
  discrete: boolean,
  from: Decimal | undefined,
): Interval[] {
  const norm = intervals.map((iv) => (discrete ? closedDays(iv) : iv)).filter((iv) => !isEmpty(iv));
  norm.sort((a, b) => {
    if (!a.lo || !b.lo) return (a.lo ? 1 : 0) - (b.lo ? 1 : 0);
    return a.lo.cmp(b.lo) || Number(b.loInclusive) - Number(a.loInclusive);
  });
  const out: Interval[] = [];
  const first = norm[0];
  if (!first) return out;
  // How far the covered stretch reaches; `hi` undefined once it reaches the end of the line.
  let reach: { hi?: Decimal; inclusive: boolean };
  if (from !== undefined) {
    reach = discrete ? { hi: from.minus(1), inclusive: true } : { hi: from, inclusive: false };
  } else {
    if (first.lo) {
      out.push(
        discrete
          ? { hi: first.lo.minus(1), hiInclusive: true, loInclusive: false }
          : { hi: first.lo, hiInclusive: !first.loInclusive, loInclusive: false },
      );
    }
    reach = first.hi ? { hi: first.hi, inclusive: first.hiInclusive } : { inclusive: false };
  }
  for (const iv of norm) {
    const hi = reach.hi;
    if (hi === undefined) break;
    const connected = discrete
      ? !iv.lo || iv.lo.lte(hi.plus(1))
      : !iv.lo || iv.lo.lt(hi) || (iv.lo.equals(hi) && (iv.loInclusive || reach.inclusive));
    if (!connected && iv.lo) {
      out.push(
        discrete
          ? { lo: hi.plus(1), loInclusive: true, hi: iv.lo.minus(1), hiInclusive: true }
          : { lo: hi, loInclusive: !reach.inclusive, hi: iv.lo, hiInclusive: !iv.loInclusive },
      );
    }
    if (!iv.hi) reach = { inclusive: false };
    else if (iv.hi.gt(hi) || (iv.hi.equals(hi) && iv.hiInclusive))
      reach = { hi: iv.hi, inclusive: iv.hiInclusive };
  }
  if (reach.hi !== undefined) {
    out.push(
      discrete
        ? { lo: reach.hi.plus(1), loInclusive: true, hiInclusive: false }
        : { lo: reach.hi, loInclusive: !reach.inclusive, hiInclusive: false },
    );
  }
  return out;
}

/** A date interval as whole days, both ends included. */
function closedDays(iv: Interval): Interval {
  const out: Interval = { loInclusive: true, hiInclusive: true };
  if (iv.lo) out.lo = iv.loInclusive ? iv.lo.ceil() : iv.lo.floor().plus(1);
  if (iv.hi) out.hi = iv.hiInclusive ? iv.hi.floor() : iv.hi.ceil().minus(1);
  return out;
}
