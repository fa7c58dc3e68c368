/**
 * Values shown inside a Persian message: Persian digits, «٬» between thousands, «٫» as the decimal
 * point, percents as percent points followed by «٪», dates as yyyy/mm/dd in Persian digits.
 * Display words only: nothing here is part of the rule language.
 */
import type { MessagePart, ScalarType } from "../artefact/types";
import { type Dec, isDec, plain, toPercentPoints } from "./decimal";
import { formatJalali } from "./jalali";
import type { RuntimeValue } from "./values";

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const MISSING = "—";

export function persianDigits(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 48 && c <= 57 ? PERSIAN_DIGITS[c - 48] : text[i];
  }
  return out;
}

/** 1234567.5 → «۱٬۲۳۴٬۵۶۷٫۵»; negative numbers get a leading minus sign (U+2212). */
export function formatNumber(d: Dec): string {
  const text = plain(d);
  const negative = text.startsWith("-");
  const [int = "0", frac] = (negative ? text.slice(1) : text).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, "\u066C");
  const body = frac === undefined ? grouped : `${grouped}\u066B${frac}`;
  return `${negative ? "\u2212" : ""}${persianDigits(body)}`;
}

/**
 * Formatted decimals, by the decimal object and how it is shown. Messages mostly show parameters,
 * which are the same objects in every case, so each is formatted once per engine, not once a case.
 */
const formatted = {
  percent: new WeakMap<Dec, string>(),
  date: new WeakMap<Dec, string>(),
  number: new WeakMap<Dec, string>(),
};

function formatDecimal(v: Dec, type: ScalarType): string {
  const kind =
    type.kind === "percent" ? "percent" : type.kind === "date" && v.isInteger() ? "date" : "number";
  const cache = formatted[kind];
  let text = cache.get(v);
  if (text === undefined) {
    if (kind === "percent") text = `${formatNumber(toPercentPoints(v))}٪`;
    else if (kind === "date") text = persianDigits(formatJalali(v.toNumber()));
    else text = formatNumber(v);
    cache.set(v, text);
  }
  return text;
}

export function formatValue(v: RuntimeValue, type: ScalarType): string {
  if (v === undefined) return MISSING;
  if (typeof v === "boolean") return v ? "بله" : "خیر";
  if (typeof v === "string") return v;
  if (isDec(v)) return formatDecimal(v, type);
  return MISSING;
}

/** Fill a message's holes from `values`; each hole's `suffix` (a unit word) follows its value. */
export function formatMessage(
  parts: readonly MessagePart[],
  values: { fact(name: string): RuntimeValue },
): string {
  let out = "";
  for (const part of parts) {
    if ("text" in part) {
      out += part.text;
      continue;
    }
    const shown = formatValue(values.fact(part.ref), part.type);
    out += part.suffix && shown !== MISSING ? `${shown}${part.suffix}` : shown;
  }
  return out;
}
