/**
 * Exact decimal arithmetic for the engine: a private decimal.js constructor, so the global `Decimal`
 * is never reconfigured.
 *
 * Rounding policy:
 * - Every intermediate result (+, −, ×, ÷, min, max, sums) is kept exact up to 40 significant digits;
 *   a result that needs more (in practice only a division such as 1 ÷ 3) is rounded to 40 significant
 *   digits, half-up (ties away from zero).
 * - Division by zero gives a missing value, never Infinity or NaN.
 * - Only an explicit `round` expression rounds to a number of decimal places, with its own mode:
 *   half-up (ties away from zero), half-even (banker's), up (away from zero), down (toward zero).
 *   `places` may be negative: −3 rounds to thousands.
 */
import Decimal from "decimal.js";
import type { RoundMode } from "../artefact/types";

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** A plain decimal numeral: optional minus, digits, optional fraction. No exponent, no grouping. */
export const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Every decimal the engine makes comes from `Dec` (decimal.js builds each result with its operand's
 * constructor), so comparing the constructor is exact, and twice as fast as `instanceof` on a clone:
 * this runs hundreds of times a case.
 */
export function isDec(v: unknown): v is Dec {
  return typeof v === "object" && v !== null && (v as { constructor: unknown }).constructor === Dec;
}

/** A decimal from a JSON number or a plain decimal string. */
export function dec(v: string | number): Dec {
  if (typeof v === "number") {
    if (Number.isSafeInteger(v) && v !== 0) return fromSafeInteger(v);
  } else if (v.length <= 15 && INTEGER_TEXT.test(v)) {
    const n = Number(v);
    if (n !== 0) return fromSafeInteger(n);
  }
  return new Dec(v);
}

const INTEGER_TEXT = /^-?\d+$/;

/**
 * A non-zero safe integer as decimal.js would build it — sign `s`, exponent `e`, base-10^7 words `d`
 * without trailing zero words, set in the order its constructor sets them — without its parsing: most
 * numbers a case sends are whole (rials, months, years, codes), and decimal.js reads a number above
 * 10^7 through its text. test/engine/decimal.test.ts holds it to `new Dec(n)`, field for field.
 */
function fromSafeInteger(n: number): Dec {
  const x = Object.create(Dec.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Dec;
  x.s = n < 0 ? -1 : 1;
  let a = n < 0 ? -n : n;
  const words: number[] = [];
  while (a >= 1e7) {
    const w = a % 1e7;
    words.push(w);
    a = (a - w) / 1e7;
  }
  const exponent =
    7 * words.length +
    (a >= 1e6 ? 6 : a >= 1e5 ? 5 : a >= 1e4 ? 4 : a >= 1e3 ? 3 : a >= 100 ? 2 : a >= 10 ? 1 : 0);
  words.push(a);
  words.reverse();
  let end = words.length;
  while (end > 1 && words[end - 1] === 0) end--;
  words.length = end;
  x.e = exponent;
  x.d = words;
  return x as unknown as Dec;
}

/**
 * `a.comparedTo(b)` (−1, 0, 1) for two decimals, without the copy of `b` decimal.js makes on every
 * comparison: the engine compares far more often than it computes. It reads the documented instance
 * properties (sign `s`, exponent `e`, digits `d` in base 10^7, no trailing zero words); NaN and
 * infinities, which the engine never makes, go to decimal.js itself.
 */
export function compareDec(a: Dec, b: Dec): number {
  const ad = a.d;
  const bd = b.d;
  if (!ad || !bd) return a.comparedTo(b);
  const as = a.s;
  const bs = b.s;
  if (!ad[0] || !bd[0]) return ad[0] ? as : bd[0] ? -bs : 0;
  if (as !== bs) return as;
  const flip = as < 0;
  if (a.e !== b.e) return a.e > b.e !== flip ? 1 : -1;
  const n = Math.min(ad.length, bd.length);
  for (let i = 0; i < n; i++) {
    const x = ad[i]!;
    const y = bd[i]!;
    if (x !== y) return x > y !== flip ? 1 : -1;
  }
  return ad.length === bd.length ? 0 : ad.length > bd.length !== flip ? 1 : -1;
}

export const ZERO = new Dec(0);
const HUNDRED = new Dec(100);

/** The value as a plain decimal string: no exponent, no trailing zeros, never "-0". */
export function plain(d: Dec): string {
  return shiftedText(d, 0) ?? (d.isZero() ? "0" : d.toFixed());
}

/** The plain text of a percent fraction in percent points (0.015 → "1.5"), as `plain(d × 100)`. */
export function percentPointsText(d: Dec): string {
  return shiftedText(d, 2) ?? plain(d.times(HUNDRED));
}

const ZEROS = "0000000";

/**
 * The plain text of d × 10^shift, read straight off decimal.js's documented representation (sign
 * `s`, exponent `e` of the first digit, digits `d` in base-10^7 words, the first unpadded): results go
 * out as text hundreds of times a case, and `toFixed` and a multiplication by 100 cost more than the
 * text itself. Moving the point is exact; undefined (the caller asks decimal.js) for NaN, infinities,
 * and a value of more than 40 significant digits with a shift, which decimal.js would round.
 * test/engine/decimal.test.ts holds it to decimal.js on every shape of value.
 */
function shiftedText(d: Dec, shift: number): string | undefined {
  const words = d.d;
  if (!words || words.length === 0) return undefined;
  if (!words[0]) return "0";
  let digits = String(words[0]);
  for (let i = 1; i < words.length; i++) {
    const w = String(words[i]);
    digits += ZEROS.slice(w.length) + w;
  }
  let end = digits.length;
  while (digits.charCodeAt(end - 1) === 48) end--;
  if (end < digits.length) digits = digits.slice(0, end);
  if (shift !== 0 && digits.length > 40) return undefined;
  const e = d.e + shift;
  let text: string;
  if (e < 0) text = `0.${"0".repeat(-e - 1)}${digits}`;
  else if (e >= digits.length - 1) text = digits + "0".repeat(e - digits.length + 1);
  else text = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return d.s < 0 ? `-${text}` : text;
}

const MODES: Record<RoundMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/** Round to `places` decimals (negative: to tens, hundreds, ...) with the given mode; exact. */
export function roundTo(d: Dec, places: number, mode: RoundMode): Dec {
  const rm = MODES[mode];
  if (places >= 0) return d.toDecimalPlaces(places, rm);
  // Shifting by a power of ten only moves the exponent: exact for any value of up to 40 digits.
  const scale = new Dec(10).pow(-places);
  return d.dividedBy(scale).toDecimalPlaces(0, rm).times(scale);
}

/** a ÷ b, rounded to 40 significant digits; missing when b is zero. */
export function divide(a: Dec, b: Dec): Dec | undefined {
  if (b.isZero()) return undefined;
  return a.dividedBy(b);
}

/** Percent points as a caller writes them (1.5) → the fraction used at run time (0.015). */
export function fromPercentPoints(d: Dec): Dec {
  return d.dividedBy(HUNDRED);
}

/** A run-time fraction (0.015) → percent points (1.5), for display and serialisation. */
export function toPercentPoints(d: Dec): Dec {
  return d.times(HUNDRED);
}
