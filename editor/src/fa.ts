/** Persian words and numbers for what the panels show staff. */

import { formatDecimalFa, toPersianDigits } from "../../dsl/text/index";
import type { Decision } from "../../engine/index";
import type { Serialized } from "../../engine/serialize";

export const fa = (n: number | string): string => toPersianDigits(String(n));

export const DECISION_FA: Record<Decision | "invalid", string> = {
  accept: "پذیرش",
  reject: "رد",
  refer: "ارجاع",
  invalid: "ورودی نادرست",
};

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A serialised value for display: decimals grouped in Persian digits, yes/no as words. */
export function showValue(v: Serialized | undefined): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "boolean") return v ? "بله" : "خیر";
  if (DECIMAL.test(v)) return formatDecimalFa(v);
  return toPersianDigits(v);
}
