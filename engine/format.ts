/**
 * Values shown inside a Persian message: Persian digits, «٬» between thousands, «٫» as the decimal
 * point, percents as percent points followed by «٪», dates as yyyy/mm/dd in Persian digits.
 * Display words only: nothing here is part of the rule language.
 */
import type { MessagePart, ScalarType } from "../artefact/types";
import { type Dec, isDec, percentPointsText, plain } from "./decimal";
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

/**
 * A plain decimal text ("-1234567.5") → «−۱٬۲۳۴٬۵۶۷٫۵»: Persian digits, «٬» between thousands, «٫»
 * as the point, a leading minus sign (U+2212). One pass: it runs for every hole of every message.
 */
function persianNumber(text: string): string {
  const negative = text.charCodeAt(0) === 45;
  const start = negative ? 1 : 0;
  const point = text.indexOf(".");
  const intEnd = point < 0 ? text.length : point;
  let out = negative ? "\u2212" : "";
  for (let i = start; i < text.length; i++) {
    if (i === point) {
      out += "\u066B";
      continue;
    }
    if (i < intEnd && i > start && (intEnd - i) % 3 === 0) out += "\u066C";
    out += PERSIAN_DIGITS[text.charCodeAt(i) - 48];
  }
  return out;
}

/** 1234567.5 → «۱٬۲۳۴٬۵۶۷٫۵»; negative numbers get a leading minus sign (U+2212). */
export function formatNumber(d: Dec): string {
  return persianNumber(plain(d));
}

function formatDecimal(v: Dec, type: ScalarType): string {
  if (type.kind === "percent") return `${persianNumber(percentPointsText(v))}٪`;
  if (type.kind === "date" && v.isInteger()) return persianDigits(formatJalali(v.toNumber()));
  return formatNumber(v);
}

export function formatValue(v: RuntimeValue, type: ScalarType): string {
  if (v === undefined) return MISSING;
  if (typeof v === "boolean") return v ? "بله" : "خیر";
  if (typeof v === "string") return v;
  if (isDec(v)) return formatDecimal(v, type);
  return MISSING;
}

/** A message's holes filled from a case's values. */
export type MessageFormatter = (values: { fact(name: string): RuntimeValue }) => string;

/**
 * A message, prepared once per engine: its text, and each hole that shows a parameter (the same value
 * in every case), written out once; only the holes that show a case's own values are filled per case.
 * Each hole's `suffix` (a unit word) follows its value, unless the value is missing.
 */
export function messageFormatter(
  parts: readonly MessagePart[],
  constants: ReadonlyMap<string, RuntimeValue>,
): MessageFormatter {
  const fixed: string[] = [""];
  const holes: { ref: string; type: ScalarType; suffix: string }[] = [];
  for (const part of parts) {
    if ("text" in part) {
      fixed[fixed.length - 1] += part.text;
      continue;
    }
    const suffix = part.suffix ?? "";
    if (constants.has(part.ref)) {
      const shown = formatValue(constants.get(part.ref), part.type);
      fixed[fixed.length - 1] += shown !== MISSING ? shown + suffix : shown;
      continue;
    }
    holes.push({ ref: part.ref, type: part.type, suffix });
    fixed.push("");
  }
  if (holes.length === 0) {
    const text = fixed[0] ?? "";
    return () => text;
  }
  return (values) => {
    let out = fixed[0] ?? "";
    for (let i = 0; i < holes.length; i++) {
      const hole = holes[i]!;
      const shown = formatValue(values.fact(hole.ref), hole.type);
      out += (shown !== MISSING ? shown + hole.suffix : shown) + fixed[i + 1];
    }
    return out;
  };
}
