import jalaali from "jalaali-js";
import { toAsciiDigits } from "./digits";

/**
 * Jalali (Solar Hijri) dates, the calendar every circular and case uses. Dates are carried as a day
 * number, days since 1970-01-01 Gregorian, so that date arithmetic (date − date = days, date ± days)
 * is integer arithmetic and independent of time zones; the Jalali text is for display.
 */

export interface JalaliDate {
  year: number;
  month: number;
  day: number;
  /** Days since 1970-01-01 (Gregorian); negative before it. */
  dayNumber: number;
  /** "yyyy/mm/dd", zero-padded, ASCII digits. */
  text: string;
}

/** jalaali-js counts Julian Day numbers; this is the one of 1970-01-01, our day zero. */
const EPOCH_JDN = jalaali.g2d(1970, 1, 1);

/**
 * Year first, four digits, as Iranian documents write dates; one separator used throughout, since a
 * mixed «۱۳۹۳/۰۹-۱۰» is more likely a typo than a date.
 */
const DATE = /^([0-9]{4})([/-])([0-9]{1,2})\2([0-9]{1,2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function format(year: number, month: number, day: number): string {
  return `${pad(year, 4)}/${pad(month, 2)}/${pad(day, 2)}`;
}

/**
 * A Jalali date from its text ("1393/09/10", "1393-9-10"), or undefined if malformed or not a real
 * day: month lengths and the leap Esfand 30th (1399/12/30 exists, 1400/12/30 does not) are checked.
 */
export function parseJalaliDate(image: string): JalaliDate | undefined {
  const match = DATE.exec(toAsciiDigits(image.trim()));
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (!jalaali.isValidJalaaliDate(year, month, day)) return undefined;
  return {
    year,
    month,
    day,
    dayNumber: jalaali.j2d(year, month, day) - EPOCH_JDN,
    text: format(year, month, day),
  };
}

/** "yyyy/mm/dd" of a day number; the inverse of `parseJalaliDate(...).dayNumber`. */
export function jalaliFromDayNumber(day: number): string {
  if (!Number.isSafeInteger(day)) throw new RangeError(`not a day number: ${day}`);
  const { jy, jm, jd } = jalaali.d2j(day + EPOCH_JDN);
  return format(jy, jm, jd);
}
