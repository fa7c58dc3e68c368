/**
 * What the hand-written decisions share: exact decimals configured as the engine's (precision 40,
 * half-up), a small reader for caller-form case JSON, and what they return.
 *
 * The reader does what any honest hand-written service must do with a case: resolve each key (the
 * Persian name or its ASCII alias; unknown keys, and a name sent with its alias, are errors), check
 * each value's type and parse numbers to decimals (a JSON number or a plain decimal string). It does
 * NOT do the engine's text normalisation (Persian/Arabic digits, «٬» grouping, Arabic ي/ك) or its
 * JSON-Schema validation: the bench's corpora are written in ASCII digits, so that work would only
 * show up as a cost the engine pays and a hand-written service for one known client might skip.
 */
import Decimal from "decimal.js";
// The engine's result types (types only: nothing of the engine runs in a hand-written decision).
import type { Decision, EvaluationResult } from "../../engine/result";

export type { Decision, Outcome } from "../../engine/result";
export type { Serialized } from "../../engine/serialize";

export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type D = InstanceType<typeof D>;

/** What a hand-written decision returns (and what the bench compares across implementations). */
export interface Decided {
  decision: Decision;
  /** Titles of the fired rules, in the ruleset's rule order. */
  fired: string[];
  /** Electronics only: the fee (کارمزد) as a plain decimal string, null when it is missing. */
  fee?: string | null;
}

/**
 * What a full hand-written decision returns: the engine's whole result without trace or warnings — the
 * decision, every fired outcome in rule order with its message filled, every computed value serialised.
 */
export type FullResult = Pick<EvaluationResult, "decision" | "outcomes" | "values">;

const PLAIN = /^-?\d+(\.\d+)?$/;

export class BadCase extends Error {}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The case's fields by canonical (Persian) name. `keys` maps every accepted key (name and alias) to
 * the canonical name. A JSON null counts as not sent.
 */
export function fields(input: unknown, keys: ReadonlyMap<string, string>): Map<string, unknown> {
  if (!isObject(input)) throw new BadCase("the case must be a JSON object");
  const out = new Map<string, unknown>();
  for (const key of Object.keys(input)) {
    const name = keys.get(key);
    if (name === undefined) throw new BadCase(`unknown field ${key}`);
    if (out.has(name)) throw new BadCase(`${name} given twice`);
    const v = input[key];
    if (v !== null && v !== undefined) out.set(name, v);
  }
  return out;
}

/** Every accepted key (the name and its alias) → the name, from name → alias. */
export function keyMap(aliases: Readonly<Record<string, string>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, alias] of Object.entries(aliases)) {
    m.set(name, name);
    m.set(alias, name);
  }
  return m;
}

export function decimal(v: unknown, name: string): D {
  if (typeof v === "number" && Number.isFinite(v)) return new D(v);
  if (typeof v === "string" && PLAIN.test(v)) return new D(v);
  throw new BadCase(`${name} must be a number`);
}

export function bool(v: unknown, name: string): boolean {
  if (typeof v !== "boolean") throw new BadCase(`${name} must be true or false`);
  return v;
}

export function member<T extends string>(v: unknown, members: ReadonlySet<string>, name: string): T {
  if (typeof v !== "string" || !members.has(v)) throw new BadCase(`${name} is not one of its members`);
  return v as T;
}

export function required(f: Map<string, unknown>, name: string): unknown {
  const v = f.get(name);
  if (v === undefined) throw new BadCase(`${name} is required`);
  return v;
}

export function records(v: unknown, name: string): Json[] {
  if (!Array.isArray(v)) throw new BadCase(`${name} must be a list`);
  for (const item of v) if (!isObject(item)) throw new BadCase(`${name}: every item must be a record`);
  return v as Json[];
}

/** A decimal as the engine serialises it: plain, no exponent, no trailing zeros, never "-0". */
export function plain(d: D): string {
  return d.isZero() ? "0" : d.toFixed();
}
