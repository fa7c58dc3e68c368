/**
 * Comparing a run-time value with a constant known at load (a literal in a condition, a set, a table
 * cell). The general functions (engine/values.ts, engine/evaluate-expr.ts) re-examine both sides on
 * every call; here the constant is examined once, and the value's usual kinds (a decimal against a
 * number, a string against a member) take a direct path. Any other kind goes to the general function,
 * so the result is always exactly the general one's: test/engine/against-constant.test.ts checks it.
 */
import { compareDec, type Dec, isDec, plain } from "../decimal";
import { comparison } from "../evaluate-expr";
import { asDecimal, equals, isScalar, type RuntimeValue } from "../values";

export type ComparisonOp = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

/** The constant as a decimal, when the general comparison would read it as one. */
function decimalOf(k: unknown): Dec | undefined {
  return typeof k === "boolean" || k === undefined || k === null ? undefined : asDecimal(k);
}

/** `comparison(op, v, k)` for a constant `k`. */
export function compareWithConstant(op: ComparisonOp, k: unknown): (v: unknown) => boolean {
  const general = (v: unknown) => comparison(op, v, k);
  const kDec = decimalOf(k);
  switch (op) {
    case "eq":
    case "ne": {
      const equal = op === "eq";
      if (typeof k === "string" || isDec(k)) {
        return (v) => {
          if (typeof v === "string" && typeof k === "string") return (v === k) === equal;
          // A decimal against a constant that does not read as a number: never equal, never unequal.
          if (isDec(v)) return kDec === undefined ? false : (compareDec(v, kDec) === 0) === equal;
          return general(v);
        };
      }
      if (typeof k === "boolean") return (v) => (typeof v === "boolean" ? (v === k) === equal : general(v));
      return general;
    }
    default: {
      if (kDec === undefined) return general;
      const holds = ORDER[op];
      return (v) => (isDec(v) ? holds(compareDec(v, kDec)) : general(v));
    }
  }
}

/** `comparison(op, a, b)`, directly when both are decimals (the usual case). */
export function compareValues(op: ComparisonOp): (a: unknown, b: unknown) => boolean {
  switch (op) {
    case "eq":
      return (a, b) => (isDec(a) && isDec(b) ? compareDec(a, b) === 0 : comparison(op, a, b));
    case "ne":
      return (a, b) => (isDec(a) && isDec(b) ? compareDec(a, b) !== 0 : comparison(op, a, b));
    default: {
      const holds = ORDER[op];
      return (a, b) => (isDec(a) && isDec(b) ? holds(compareDec(a, b)) : comparison(op, a, b));
    }
  }
}

const ORDER: Record<"gt" | "gte" | "lt" | "lte", (c: number) => boolean> = {
  gt: (c) => c > 0,
  gte: (c) => c >= 0,
  lt: (c) => c < 0,
  lte: (c) => c <= 0,
};

/** Whether `v` equals one of `members` (each a scalar, or a collect look-up's list of them). */
export function equalsAny(v: RuntimeValue, members: readonly RuntimeValue[]): boolean {
  for (const m of members) {
    if (Array.isArray(m)) {
      for (const x of m) if (isScalar(x) && equals(v, x) === true) return true;
    } else if (equals(v, m) === true) return true;
  }
  return false;
}

/**
 * `equalsAny(v, members)` for constant members. When every member is a string, a string value is
 * looked up in a set; when every member is a decimal (a list of codes), a decimal value is looked up
 * by its plain text, which is the same for equal decimals (12 and 12.0: "12"). A value of any other
 * kind still compares member by member (a decimal equals the string "12" when it is 12).
 */
export function memberOfConstants(members: readonly RuntimeValue[]): (v: RuntimeValue) => boolean {
  if (members.length > 0 && members.every((m) => typeof m === "string")) {
    const set = new Set(members as string[]);
    return (v) => (typeof v === "string" ? set.has(v) : equalsAny(v, members));
  }
  if (members.length > 1 && members.every(isDec)) {
    const set = new Set(members.map((m) => plain(m as Dec)));
    return (v) => (isDec(v) ? set.has(plain(v)) : equalsAny(v, members));
  }
  return (v) => equalsAny(v, members);
}
