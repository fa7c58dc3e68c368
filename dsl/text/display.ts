import { canonical } from "./exact";

/**
 * Numbers as a Persian reader expects them in messages and reports: Persian digits, «٬» between
 * thousands, «٫» as the decimal point. Done on the decimal's text, not with Intl.NumberFormat,
 * because Intl goes through a float and money must not move by a rial.
 */

/** ASCII and Arabic-Indic digits to Persian ۰–۹ (Persian draws ۴ ۵ ۶ differently from Arabic). */
export function toPersianDigits(s: string): string {
  return s.replace(/[0-9\u0660-\u0669]/g, (d) => {
    const c = d.charCodeAt(0);
    return String.fromCharCode(0x06f0 + c - (c >= 0x0660 ? 0x0660 : 0x30));
  });
}

export interface FormatOptions {
  /** Separate thousands with «٬»; default true. Off for things like years or ids. */
  grouping?: boolean;
}

const PLAIN = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

/**
 * `decimal` ("-1234567.5") in Persian ("-۱٬۲۳۴٬۵۶۷٫۵"). Digits are kept exactly as given, trailing
 * fraction zeros included, so a value rounded to two places shows two places. Other notations
 * decimal.js reads ("1e-7", "+3", ".5") are first written out in full; anything else throws, as it
 * means a non-number reached display.
 */
export function formatDecimalFa(decimal: string, options: FormatOptions = {}): string {
  const grouping = options.grouping ?? true;
  const match = PLAIN.exec(decimal) ?? PLAIN.exec(plainNotation(decimal));
  if (!match) throw new RangeError(`not a decimal: «${decimal}»`);
  const [, sign, integer, fraction] = match;
  const grouped = grouping ? integer!.replace(/\B(?=(?:[0-9]{3})+$)/g, "\u066c") : integer!;
  return toPersianDigits(`${sign}${grouped}${fraction === undefined ? "" : `\u066b${fraction}`}`);
}

function plainNotation(decimal: string): string {
  try {
    return canonical(decimal.trim());
  } catch {
    return "";
  }
}
