/**
 * Run-time values. number, money, percent (as a fraction) and date (as a day number) are decimals;
 * text and one-of members are strings; yes/no is a boolean; a list input is an array of records; a
 * `collect` table look-up is an array of scalars. `undefined` is the missing value.
 */
import { compareDec, type Dec, dec, isDec, PLAIN_DECIMAL } from "./decimal";
import { parseJalali } from "./jalali";

export type Scalar = Dec | string | boolean;
/** A list item: field name → value, with no prototype (case keys can never reach Object.prototype). */
export type RecordValue = Record<string, Scalar | undefined>;
export type RuntimeValue = Scalar | RecordValue[] | Scalar[] | undefined;

export function emptyRecord(): RecordValue {
  return Object.create(null) as RecordValue;
}

export function isScalar(v: unknown): v is Scalar {
  return isDec(v) || typeof v === "string" || typeof v === "boolean";
}

/**
 * A value from a json-rules-engine condition, or an operand, as a decimal when it can be read as one:
 * a decimal, a JSON number, a plain decimal string, or a Jalali date string (as its day number).
 */
export function asDecimal(v: unknown): Dec | undefined {
  if (isDec(v)) return v;
  if (typeof v === "number") return Number.isFinite(v) ? dec(v) : undefined;
  if (typeof v === "string") {
    if (PLAIN_DECIMAL.test(v)) return dec(v);
    const day = parseJalali(v);
    return day === undefined ? undefined : dec(day);
  }
  return undefined;
}

/**
 * Equality of two present values: decimals by value (a decimal against a decimal string compares as
 * decimals), strings and booleans exactly. Values of different kinds are never equal. undefined when
 * the two cannot be compared at all (so that ≠ is false too, as for a missing value).
 */
export function equals(a: unknown, b: unknown): boolean | undefined {
  if (a === undefined || a === null || b === undefined || b === null) return undefined;
  if (isDec(a) || isDec(b)) {
    const x = asDecimal(a);
    const y = asDecimal(b);
    if (x === undefined || y === undefined) return undefined;
    return compareDec(x, y) === 0;
  }
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (typeof a === "boolean" && typeof b === "boolean") return a === b;
  if (typeof a === "number" || typeof b === "number") {
    const x = asDecimal(a);
    const y = asDecimal(b);
    if (x === undefined || y === undefined) return undefined;
    return compareDec(x, y) === 0;
  }
  return undefined;
}

/** Order of two decimals (−1, 0, 1), or undefined when either is missing or not a number. */
export function compare(a: unknown, b: unknown): number | undefined {
  if (a === undefined || a === null || b === undefined || b === null) return undefined;
  if (typeof a === "boolean" || typeof b === "boolean") return undefined;
  const x = asDecimal(a);
  const y = asDecimal(b);
  if (x === undefined || y === undefined) return undefined;
  return compareDec(x, y);
}

/** Truth in a condition: only `true` is true; a missing value (or anything else) is false. */
export function truthy(v: RuntimeValue): boolean {
  return v === true;
}
