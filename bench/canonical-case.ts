/**
 * A case written the way a service sends it: what `engine/generate` produces is every form a caller
 * may use (aliases, Arabic letters, Persian digits, grouped numbers), which the bench does not want to
 * time as the engine's normal load. Each generated case is read with the engine's own case reader and
 * written back canonically:
 * - keys: the Persian names (list items' fields too), in the ruleset's order of inputs;
 * - numbers and money: a JSON number when the value is a safe integer, else a plain decimal string;
 *   percents in percent points (as callers send them), by the same rule;
 * - dates as yyyy/mm/dd; yes/no, one-of members and texts as the reader normalised them;
 * - inputs not given (or sent as null) left out.
 * So the canonical case is the same case to the engine: it reads to the same values.
 */
import type { Artefact, RecordField, ScalarType, ValueType } from "../artefact/types";
import { caseReader } from "../engine/case";
import { type Dec, isDec, plain, toPercentPoints } from "../engine/decimal";
import { formatJalali } from "../engine/jalali";
import type { RecordValue, RuntimeValue, Scalar } from "../engine/values";

export type CanonicalCase = Record<string, unknown>;

/** A safe integer as a JSON number, anything else as a plain decimal string. */
function number(d: Dec): number | string {
  const n = d.toNumber();
  return d.isInteger() && Number.isSafeInteger(n) ? n : plain(d);
}

function scalar(type: ScalarType, v: Scalar, name: string): unknown {
  switch (type.kind) {
    case "number":
    case "money":
      if (!isDec(v)) break;
      return number(v);
    case "percent":
      if (!isDec(v)) break;
      return number(toPercentPoints(v));
    case "date":
      if (!isDec(v)) break;
      return formatJalali(v.toNumber());
    case "bool":
      if (typeof v !== "boolean") break;
      return v;
    case "text":
    case "enum":
      if (typeof v !== "string") break;
      return v;
  }
  throw new Error(`${name}: the case reader gave ${String(v)} for a ${type.kind}`);
}

function item(fields: readonly RecordField[], record: RecordValue, list: string): CanonicalCase {
  const out: CanonicalCase = {};
  for (const f of fields) {
    const v = record[f.name];
    if (v !== undefined) out[f.name] = scalar(f.type, v, `${list}.${f.name}`);
  }
  return out;
}

function value(type: ValueType, v: Exclude<RuntimeValue, undefined>, name: string): unknown {
  if (type.kind === "list") {
    if (!Array.isArray(v)) throw new Error(`${name}: the case reader gave no list`);
    return (v as RecordValue[]).map((r) => item(type.fields, r, name));
  }
  if (Array.isArray(v)) throw new Error(`${name}: the case reader gave a list for a ${type.kind}`);
  return scalar(type, v, name);
}

/**
 * The canonicaliser for one artefact: `canonical(c)` reads `c` with the engine's case reader (throwing
 * its CaseError if `c` is not a valid case) and writes it back canonically.
 */
export function canonicalizer(artefact: Artefact): (input: unknown) => CanonicalCase {
  const reader = caseReader(artefact);
  return (input) => {
    const values = reader.read(input);
    const out: CanonicalCase = {};
    for (const def of artefact.inputs) {
      const v = values.get(def.name);
      if (v !== undefined) out[def.name] = value(def.type, v, def.name);
    }
    return out;
  };
}
