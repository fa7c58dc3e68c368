/**
 * How the checker words the parts of a message that differ between Persian and English: type names,
 * lists of choices, "did you mean", numbers and intervals. A policy officer reads the Persian, so it
 * uses the language's own words (ریال، درصد، «بیشتر از») and Persian digits; the English is for engineers.
 */
import type Decimal from "decimal.js";
import { formatDecimalFa, jalaliFromDayNumber, toPersianDigits } from "../text";
import type { LangType } from "./analysis";

export interface Worded {
  fa: string;
  en: string;
}

export function typeName(t: LangType | undefined): Worded {
  if (!t) return { fa: "نامعلوم", en: "unknown" };
  switch (t.kind) {
    case "number":
      return { fa: "عدد", en: "a number" };
    case "money":
      return { fa: "مبلغ ریالی", en: "money (rials)" };
    case "percent":
      return { fa: "درصد", en: "a percent" };
    case "bool":
      return { fa: "بله/خیر", en: "yes/no" };
    case "text":
      return { fa: "متن", en: "text" };
    case "date":
      return { fa: "تاریخ", en: "a date" };
    case "enum":
      return { fa: `یکی از (${t.members.join("، ")})`, en: `one of (${t.members.join(", ")})` };
    case "list":
      return { fa: "فهرست", en: "a list" };
    case "scalars": {
      const of = typeName(t.of);
      return { fa: `فهرستی از ${of.fa}`, en: `a list of ${of.en}` };
    }
  }
}

/** The choices of a one-of, as a reader scans them. */
export function choices(members: readonly string[]): Worded {
  return { fa: members.join("، "), en: members.join(", ") };
}

/** The tail of an "unknown name" message; empty when there is nothing close enough to suggest. */
export function didYouMean(suggestions: readonly string[]): Worded {
  const best = suggestions[0];
  if (best === undefined) return { fa: "", en: "" };
  return { fa: `؛ منظورتان «${best}» بود؟`, en: `; did you mean «${best}»?` };
}

/** A count or line number: Persian digits for the Persian reader. */
export function count(n: number): Worded {
  return { fa: toPersianDigits(String(n)), en: String(n) };
}

export function both(fa: string, en: string): Worded {
  return { fa, en };
}

/** How the values of a column or subject are written back to the reader. */
export type ValueKind = "number" | "money" | "percent" | "date";

/** A bound as the rule author wrote it: money in rials, a percent in points, a date in Jalali. */
export function formatBound(v: Decimal, kind: ValueKind): Worded {
  switch (kind) {
    case "money":
      return { fa: `${formatDecimalFa(v.toFixed())} ریال`, en: `${grouped(v.toFixed())} rials` };
    case "percent": {
      const points = v.times(100).toFixed();
      return { fa: `${formatDecimalFa(points)}٪`, en: `${points}%` };
    }
    case "date": {
      const text = jalaliFromDayNumber(v.toNumber());
      return { fa: toPersianDigits(text), en: text };
    }
    case "number":
      return { fa: formatDecimalFa(v.toFixed()), en: grouped(v.toFixed()) };
  }
}

/** "1234567.5" as "1,234,567.5". */
function grouped(decimal: string): string {
  const [integer = "", fraction] = decimal.split(".");
  const withCommas = integer.replace(/\B(?=(?:[0-9]{3})+$)/g, ",");
  return fraction === undefined ? withCommas : `${withCommas}.${fraction}`;
}

export interface IntervalText {
  lo?: Decimal;
  loInclusive: boolean;
  hi?: Decimal;
  hiInclusive: boolean;
}

/** An interval in the words a table cell uses (`بیشتر از a تا b`), so the author can paste it. */
export function formatInterval(iv: IntervalText, kind: ValueKind): Worded {
  const lo = iv.lo === undefined ? undefined : formatBound(iv.lo, kind);
  const hi = iv.hi === undefined ? undefined : formatBound(iv.hi, kind);
  if (lo && hi && iv.lo?.equals(iv.hi ?? Number.NaN)) return { fa: lo.fa, en: `exactly ${lo.en}` };
  if (lo && hi) {
    const faLo = iv.loInclusive ? lo.fa : `بیشتر از ${lo.fa}`;
    const faHi = iv.hiInclusive ? hi.fa : `کمتر از ${hi.fa}`;
    const enLo = iv.loInclusive ? `from ${lo.en} to` : `above ${lo.en}`;
    const enHi = iv.hiInclusive
      ? iv.loInclusive
        ? hi.en
        : `up to ${hi.en}`
      : iv.loInclusive
        ? `below ${hi.en}`
        : `and below ${hi.en}`;
    return { fa: `${faLo} تا ${faHi}`, en: `${enLo} ${enHi}` };
  }
  if (lo) {
    return iv.loInclusive
      ? { fa: `بیشتر یا مساوی ${lo.fa}`, en: `${lo.en} or more` }
      : { fa: `بیشتر از ${lo.fa}`, en: `above ${lo.en}` };
  }
  if (hi) {
    return iv.hiInclusive
      ? { fa: `کمتر یا مساوی ${hi.fa}`, en: `${hi.en} or less` }
      : { fa: `کمتر از ${hi.fa}`, en: `below ${hi.en}` };
  }
  return { fa: "هر مقداری", en: "any value" };
}
