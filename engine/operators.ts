/**
 * The json-rules-engine operators rule conditions use. Fact values are run-time values (decimals,
 * strings, booleans, arrays); a condition's `value` is a decimal string (or JSON number) for numbers,
 * a date as its day number or as "yyyy/mm/dd", a string or boolean, a string[] for zbIn/zbNotIn, or
 * `{ fact }` (resolved by json-rules-engine before the operator runs). A decimal fact compared with a
 * string value compares as decimals. A missing (undefined) fact makes every operator false except
 * zbMissing; values of kinds that cannot be compared make it false too (for zbNe as well).
 * zbMissing and zbPresent ignore `value` (write `true`).
 */
import type { Engine } from "json-rules-engine";
import type { JRE_OPERATORS } from "../artefact/schema";
import { comparison } from "./evaluate-expr";
import { equals } from "./values";

export type OperatorName = (typeof JRE_OPERATORS)[number];

function members(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

const present = (fact: unknown) => fact !== undefined && fact !== null;

export const OPERATORS: Record<OperatorName, (fact: unknown, value: unknown) => boolean> = {
  zbEq: (fact, value) => comparison("eq", fact, value),
  zbNe: (fact, value) => comparison("ne", fact, value),
  zbGt: (fact, value) => comparison("gt", fact, value),
  zbGte: (fact, value) => comparison("gte", fact, value),
  zbLt: (fact, value) => comparison("lt", fact, value),
  zbLte: (fact, value) => comparison("lte", fact, value),
  zbIn: (fact, value) => present(fact) && members(value).some((m) => equals(fact, m) === true),
  zbNotIn: (fact, value) =>
    present(fact) && present(value) && members(value).every((m) => equals(fact, m) !== true),
  zbMissing: (fact) => !present(fact),
  zbPresent: (fact) => present(fact),
};

export function registerOperators(engine: Engine): void {
  for (const [name, fn] of Object.entries(OPERATORS)) {
    engine.addOperator<unknown, unknown>(name, fn);
  }
}
