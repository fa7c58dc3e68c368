/**
 * Jalali dates as day numbers: days since 1970-01-01 (Gregorian), i.e. jalaali-js's j2d minus the
 * j2d of 1970-01-01. Written form: "yyyy/mm/dd" (also "yyyy-mm-dd" on input).
 */
import jalaali from "jalaali-js";

const EPOCH = jalaali.g2d(1970, 1, 1);
const DATE = /^(\d{1,4})[/-](\d{1,2})[/-](\d{1,2})$/;

/** The day number of a Jalali date, or undefined if it is not a valid date. */
export function jalaliToDay(jy: number, jm: number, jd: number): number | undefined {
  if (!jalaali.isValidJalaaliDate(jy, jm, jd)) return undefined;
  return jalaali.j2d(jy, jm, jd) - EPOCH;
}

/** "1403/01/15" or "1403-01-15" (ASCII digits) → day number; undefined if malformed or invalid. */
export function parseJalali(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  return jalaliToDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number → "yyyy/mm/dd" with ASCII digits. */
export function formatJalali(day: number): string {
  const { jy, jm, jd } = jalaali.d2j(day + EPOCH);
  return `${String(jy).padStart(4, "0")}/${String(jm).padStart(2, "0")}/${String(jd).padStart(2, "0")}`;
}
