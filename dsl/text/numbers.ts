import { toAsciiDigits } from "./digits";
import { canonical } from "./exact";

/**
 * A number as circulars write it. The thousands separators «٬» and «,» only count as such in groups
 * of three after a first group of one to three digits: «۱٬۰۰۰٬۰۰۰» is a number, «۱۰۰۰٬۰۰» and
 * «۱۲۳۴٬۵۶۷» are typos we must not read as some other amount. «/» «٫» «.» are decimal points; the
 * lexer only hands us «/» between two digit runs, so dates and division never reach here.
 */
const NUMBER = /^([0-9]{1,3}(?:[,\u066c][0-9]{3})+|[0-9]+)(?:[./\u066b]([0-9]+))?$/;

/**
 * The canonical decimal text of a number literal ("1.5", "1000000", "0.7"), or undefined when the
 * image is not a well-formed number. Exact: the digits go to decimal.js as text, never via a float.
 */
export function parseNumber(image: string): string | undefined {
  const match = NUMBER.exec(toAsciiDigits(image));
  if (!match) return undefined;
  const integer = match[1]!.replace(/[,\u066c]/g, "");
  const fraction = match[2];
  return canonical(fraction === undefined ? integer : `${integer}.${fraction}`);
}
