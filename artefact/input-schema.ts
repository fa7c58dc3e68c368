/**
 * The JSON Schema (draft-07) of a case: what a caller sends. Properties are the Persian (normalised)
 * input names; the engine maps ASCII aliases to names before validating (inside list records too), so
 * aliases appear only as the annotation `x-zavabet-alias`.
 *
 * number, money and percent take a JSON number or a decimal string; money is in rials and percent in
 * percent points ("1.5" is 1.5%). Dates are Jalali "yyyy/mm/dd" (or with "-").
 *
 * It lives here, not in the compiler, because the engine needs it too: a case schema that is exactly
 * this one, up to its annotations, adds nothing to what the engine's case reader checks itself, so
 * the reader need not run the validator on a case it reads in one pass (engine/case.ts).
 */
import { MAX_LIST_ITEMS, MAX_TEXT_LENGTH } from "./limits";
import type { InputDef, RecordField, ScalarType, ValueType } from "./types";

export const JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#";
export const DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";
export const DATE_PATTERN = "^[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}$";

type Schema = Record<string, unknown>;
/** A unit's Persian word, for the descriptions (the compiler's; the engine passes none). */
export type UnitWord = (unit: string) => string;

const decimal = (): Schema => ({ anyOf: [{ type: "number" }, { type: "string", pattern: DECIMAL_PATTERN }] });

function scalarSchema(name: string, type: ScalarType, unitWord: UnitWord): Schema {
  switch (type.kind) {
    case "number":
      return {
        title: name,
        description: type.unit ? `عدد (${unitWord(type.unit)})` : "عدد",
        ...decimal(),
      };
    case "money":
      return { title: name, description: "مبلغ به ریال (عدد یا رشته‌ی دهدهی)", ...decimal() };
    case "percent":
      return {
        title: name,
        description: "درصد، به واحد درصد: «1.5» یعنی ۱/۵٪ (عدد یا رشته‌ی دهدهی)",
        ...decimal(),
      };
    case "bool":
      return { title: name, description: "بله (true) یا خیر (false)", type: "boolean" };
    case "text":
      return { title: name, description: "متن", type: "string", maxLength: MAX_TEXT_LENGTH };
    case "date":
      return {
        title: name,
        description: "تاریخ شمسی: سال/ماه/روز، مانند 1403/01/15",
        type: "string",
        pattern: DATE_PATTERN,
      };
    case "enum":
      return {
        title: name,
        description: `یکی از: ${type.members.join("، ")}`,
        type: "string",
        enum: [...type.members],
      };
  }
}

function withAlias(schema: Schema, alias: string | undefined): Schema {
  return alias === undefined ? schema : { ...schema, "x-zavabet-alias": alias };
}

function recordSchema(fields: RecordField[], unitWord: UnitWord): Schema {
  const properties: Schema = {};
  for (const f of fields) properties[f.name] = withAlias(scalarSchema(f.name, f.type, unitWord), f.alias);
  return {
    type: "object",
    properties,
    required: fields.map((f) => f.name),
    additionalProperties: false,
  };
}

function valueSchema(name: string, type: ValueType, unitWord: UnitWord): Schema {
  if (type.kind === "list") {
    return {
      title: name,
      description: "فهرستی از رکوردها",
      type: "array",
      maxItems: MAX_LIST_ITEMS,
      items: recordSchema(type.fields, unitWord),
    };
  }
  return scalarSchema(name, type, unitWord);
}

/** The case schema for a ruleset's inputs. */
export function inputSchema(
  inputs: readonly InputDef[],
  title?: string,
  unitWord: UnitWord = (u) => u,
): Schema {
  const properties: Schema = {};
  for (const input of inputs)
    properties[input.name] = withAlias(valueSchema(input.name, input.type, unitWord), input.alias);
  const schema: Schema = { $schema: JSON_SCHEMA_DRAFT, type: "object" };
  if (title !== undefined) schema.title = title;
  return {
    ...schema,
    properties,
    required: inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false,
  };
}

/** Keywords that describe and never constrain. */
const ANNOTATIONS: ReadonlySet<string> = new Set(["title", "description", "x-zavabet-alias"]);

function withoutAnnotations(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutAnnotations);
  if (typeof v !== "object" || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!ANNOTATIONS.has(k)) out[k] = withoutAnnotations(x);
  return out;
}

/**
 * Whether `schema` is the case schema of `inputs` as the compiler writes it, annotations aside. Compared
 * as JSON text, keys in the compiler's order: a schema edited by hand in any way, even only reordered,
 * counts as its own (and is then always run).
 */
export function isDerivedSchema(schema: unknown, inputs: readonly InputDef[]): boolean {
  return (
    JSON.stringify(withoutAnnotations(schema)) === JSON.stringify(withoutAnnotations(inputSchema(inputs)))
  );
}
