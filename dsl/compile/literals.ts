/**
 * Literal values as the artefact stores them: exact decimal strings (percents as fractions, money in
 * rials), Jalali dates as day numbers. All arithmetic on literals goes through decimal.js.
 */
import Decimal from "decimal.js";
import jalaali from "jalaali-js";
import type { DateLit, NumberLit } from "../syntax/ast";
import { UNIT_WORDS } from "../text";

/** A decimal in plain positional notation: no exponent, no trailing zeros, never "-0" (as the engine writes values). */
export function decimalString(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}

/** A decimal string in that plain form ("1.50" → "1.5"), for strings compared exactly. */
export function plainDecimal(value: string): string {
  return decimalString(new Decimal(value));
}

/** A number literal's value in arithmetic: percent → fraction, money already in rials, others as written. */
export function numberValue(lit: NumberLit): string {
  if (lit.unit === "percent") return decimalString(new Decimal(lit.value).div(100));
  return lit.value;
}

/** The same with a sign flipped, for a unary minus folded onto a literal. */
export function negateDecimal(value: string): string {
  return decimalString(new Decimal(value).neg());
}

const EPOCH = jalaali.g2d(1970, 1, 1);

/** Days since 1970-01-01 of a Jalali date (jalaali-js's j2d minus the epoch). */
export function jalaliDayNumber(year: number, month: number, day: number): number {
  return jalaali.j2d(year, month, day) - EPOCH;
}

export function dateDayNumber(lit: DateLit): number {
  return jalaliDayNumber(lit.year, lit.month, lit.day);
}

/** "yyyy/mm/dd", as a caller writes a date in a case. */
export function formatJalali(lit: DateLit): string {
  return `${lit.year}/${String(lit.month).padStart(2, "0")}/${String(lit.day).padStart(2, "0")}`;
}

/** A unit as the type system carries it (English key or the word itself) → the Persian word. */
export function unitWord(unit: string): string {
  return (UNIT_WORDS as Record<string, string>)[unit] ?? unit;
}
