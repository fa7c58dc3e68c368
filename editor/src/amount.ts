/**
 * A number or an amount as staff type it in a form — «۱۲۰ میلیون ریال», «۱۲۰٬۰۰۰٬۰۰۰», «۵ میلیارد
 * تومان», «۱٫۵» — read exactly as the rule language reads a literal (dsl/text: the same digits,
 * separators, scale words and currencies), into the plain decimal text a case carries. The engine's
 * case reader takes Persian digits and separators itself, but not scale words or currencies: those
 * are read here. Anything else is passed on as typed, for the engine to report in its own words.
 */
import { applyScale, moneyToRials, normalize, parseNumber } from "../../dsl/text/index";

const SCALES = ["هزار", "میلیون", "میلیارد"];

export function readAmount(typed: string, money: boolean): string {
  const words = normalize(typed.trim()).text.split(/\s+/).filter(Boolean);
  const first = words.shift();
  if (first === undefined) return typed;
  const negative = first.startsWith("-") || first.startsWith("\u2212");
  let value = parseNumber(negative ? first.slice(1) : first);
  if (value === undefined) return typed;
  for (const word of words) {
    if (SCALES.includes(word)) value = applyScale(value, word);
    else if (money && (word === "ریال" || word === "تومان")) value = moneyToRials(value, word);
    else return typed;
  }
  return negative && value !== "0" ? `-${value}` : value;
}
