/**
 * Numbers as a Persian message shows them, written for the hand-written decisions: Persian digits,
 * «٬» between thousands, «٫» as the decimal point, a leading minus sign (U+2212) for a negative
 * number, and percents in percent points followed by «٪» (1.2 → «۱۲۰٪»).
 */
import { D, plain } from "./read";

const DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const GROUP = "\u066C";
const POINT = "\u066B";
const MINUS = "\u2212";
const HUNDRED = new D(100);

/** 1234567.5 → «۱٬۲۳۴٬۵۶۷٫۵». */
export function faNumber(d: D): string {
  const text = plain(d);
  let out = "";
  let start = 0;
  if (text.charCodeAt(0) === 45 /* - */) {
    out = MINUS;
    start = 1;
  }
  const dot = text.indexOf(".");
  const end = dot < 0 ? text.length : dot;
  for (let i = start; i < end; i++) {
    if (i > start && (end - i) % 3 === 0) out += GROUP;
    out += DIGITS.charAt(text.charCodeAt(i) - 48);
  }
  if (dot >= 0) {
    out += POINT;
    for (let i = dot + 1; i < text.length; i++) out += DIGITS.charAt(text.charCodeAt(i) - 48);
  }
  return out;
}

/** A fraction shown in percent points: 0.8 → «۸۰٪». */
export function faPercent(d: D): string {
  return `${faNumber(d.times(HUNDRED))}٪`;
}
