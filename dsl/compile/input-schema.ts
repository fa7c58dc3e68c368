/**
 * The JSON Schema (draft-07) of a case: what a caller sends. Properties are the Persian (normalised)
 * input names; the engine maps ASCII aliases to names before validating (inside list records too), so
 * aliases appear only as the annotation `x-zavabet-alias`.
 *
 * number, money and percent take a JSON number or a decimal string; money is in rials and percent in
 * percent points ("1.5" is 1.5%). Dates are Jalali "yyyy/mm/dd" (or with "-").
 */
import type { InputDef, RecordField, ScalarType, ValueType } from "../../artefact/types";
import { unitWord } from "./literals";

export const JSON_SCHEMA_DRAFT = "http://json-schema.org/draft-07/schema#";
export const DECIMAL_PATTERN = "^-?[0-9]+(\\.[0-9]+)?$";
export const DATE_PATTERN = "^[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}$";
export const MAX_TEXT_LENGTH = 10000;
export const MAX_LIST_ITEMS = 1000;

type Schema = Record<string, unknown>;

const decimal = (): Schema => ({ anyOf: [{ type: "number" }, { type: "string", pattern: DECIMAL_PATTERN }] });

function scalarSchema(name: string, type: ScalarType): Schema {
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

function recordSchema(fields: RecordField[]): Schema {
  const properties: Schema = {};
  for (const f of fields) properties[f.name] = withAlias(scalarSchema(f.name, f.type), f.alias);
  return {
    type: "object",
    properties,
    required: fields.map((f) => f.name),
    additionalProperties: false,
  };
}

function valueSchema(name: string, type: ValueType): Schema {
  if (type.kind === "list") {
    return {
      title: name,
      description: "فهرستی از رکوردها",
      type: "array",
      maxItems: MAX_LIST_ITEMS,
      items: recordSchema(type.fields),
    };
  }
  return scalarSchema(name, type);
}

/** The case schema for a ruleset's inputs. */
export function inputSchema(inputs: InputDef[], title?: string): Schema {
  const properties: Schema = {};
  for (const input of inputs)
    properties[input.name] = withAlias(valueSchema(input.name, input.type), input.alias);
  const schema: Schema = { $schema: JSON_SCHEMA_DRAFT, type: "object" };
  if (title !== undefined) schema.title = title;
  return {
    ...schema,
    properties,
    required: inputs.filter((i) => i.required).map((i) => i.name),
    additionalProperties: false,
  };
}
