/**
 * Values as the result reports them (and as test expectations are compared, exactly, as strings):
 * number and money as plain decimal strings ("135000000", "0.5"; no exponent, no grouping, no
 * trailing zeros), percent in percent points ("1.5" for 1.5%), date as "yyyy/mm/dd", yes/no as a
 * boolean, text and one-of members as strings, missing as null.
 */
import type { ScalarType } from "../artefact/types";
import { isDec, percentPointsText, plain } from "./decimal";
import { formatJalali } from "./jalali";
import type { RuntimeValue } from "./values";

export type Serialized = string | boolean | null;

export function serializeValue(v: RuntimeValue, type: ScalarType | undefined): Serialized {
  if (v === undefined) return null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (isDec(v)) {
    if (type?.kind === "percent") return percentPointsText(v);
    if (type?.kind === "date" && v.isInteger()) return formatJalali(v.toNumber());
    return plain(v);
  }
  // A list (a list input or a collect look-up) has no scalar form.
  return null;
}

/** A run-time value in the artefact's own form, for traces: percent as a fraction, date as its day. */
export function rawValue(v: unknown): Serialized {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (isDec(v)) return plain(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  return null;
}
