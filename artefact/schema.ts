/**
 * JSON Schema (draft-07) of the compiled artefact, `Artefact` in ./types.ts. Tagged unions (Expr,
 * types, table cells) use ajv's `discriminator` keyword, so an error names the bad branch only.
 * Structural only: name resolution and depth limits are checked by engine/load.ts.
 */

import { ARTEFACT_KEYS } from "./types";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });
const str: Schema = { type: "string" };
const bool: Schema = { type: "boolean" };
const int: Schema = { type: "integer" };
const arrayOf = (items: Schema, minItems = 0): Schema => ({ type: "array", items, minItems });

/** An object with exactly these properties (`required` listed, the rest optional). */
function obj(properties: Record<string, Schema>, required: string[]): Schema {
  return { type: "object", properties, required, additionalProperties: false };
}

/** A discriminated union on `tag`: each branch is `obj` with the tag as a required constant. */
function tagged(tag: string, branches: Record<string, [Record<string, Schema>, string[]]>): Schema {
  return {
    type: "object",
    required: [tag],
    discriminator: { propertyName: tag },
    oneOf: Object.entries(branches).map(([value, [properties, required]]) =>
      obj({ [tag]: { const: value }, ...properties }, [tag, ...required]),
    ),
  };
}

const scalarBranches: Record<string, [Record<string, Schema>, string[]]> = {
  number: [{ unit: str }, []],
  money: [{}, []],
  percent: [{}, []],
  bool: [{}, []],
  text: [{}, []],
  date: [{}, []],
  enum: [{ members: { type: "array", items: str, minItems: 1, uniqueItems: true } }, ["members"]],
};

const e = ref("expr");

const exprBranches: Record<string, [Record<string, Schema>, string[]]> = {
  num: [{ v: ref("decimal") }, ["v"]],
  text: [{ v: str }, ["v"]],
  bool: [{ v: bool }, ["v"]],
  date: [{ v: int }, ["v"]],
  member: [{ v: str }, ["v"]],
  ref: [{ name: ref("name") }, ["name"]],
  field: [{ name: ref("name") }, ["name"]],
  arith: [{ op: { enum: ["+", "-", "*", "/"] }, a: e, b: e }, ["op", "a", "b"]],
  neg: [{ a: e }, ["a"]],
  minmax: [{ fn: { enum: ["min", "max"] }, args: arrayOf(e, 1) }, ["fn", "args"]],
  round: [
    {
      a: e,
      places: { type: "integer", minimum: -30, maximum: 30 },
      mode: { enum: ["half-up", "half-even", "up", "down"] },
    },
    ["a", "places", "mode"],
  ],
  if: [{ cond: e, then: e, else: e }, ["cond", "then", "else"]],
  table: [{ table: ref("name"), args: arrayOf(e) }, ["table", "args"]],
  agg: [
    { fn: { enum: ["sum", "count", "any", "all", "min", "max"] }, list: ref("name"), body: e, where: e },
    ["fn", "list"],
  ],
  and: [{ items: arrayOf(e) }, ["items"]],
  or: [{ items: arrayOf(e) }, ["items"]],
  not: [{ a: e }, ["a"]],
  cmp: [{ op: { enum: ["eq", "ne", "gt", "gte", "lt", "lte"] }, a: e, b: e }, ["op", "a", "b"]],
  in: [{ a: e, set: arrayOf(e) }, ["a", "set"]],
  missing: [{ a: e }, ["a"]],
};

export const JRE_OPERATORS = [
  "zbEq",
  "zbNe",
  "zbGt",
  "zbGte",
  "zbLt",
  "zbLte",
  "zbIn",
  "zbNotIn",
  "zbMissing",
  "zbPresent",
] as const;

const OUTCOME_KINDS = ["reject", "refer", "require", "warn", "set"];

export const artefactSchema: Schema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://zavabet.local/artefact.schema.json",
  title: "zavabet compiled artefact (format zavabet/1)",
  definitions: {
    name: {
      type: "string",
      minLength: 1,
      maxLength: 300,
      not: { enum: ["__proto__", "constructor", "prototype"] },
    },
    decimal: { type: "string", maxLength: 100, pattern: "^-?[0-9]+(\\.[0-9]+)?$" },
    source: obj({ startLine: int, startColumn: int, endLine: int, endColumn: int }, [
      "startLine",
      "startColumn",
      "endLine",
      "endColumn",
    ]),
    scalarType: tagged("kind", scalarBranches),
    valueType: tagged("kind", {
      ...scalarBranches,
      list: [{ fields: arrayOf(ref("recordField"), 1) }, ["fields"]],
    }),
    recordField: obj({ name: ref("name"), alias: ref("name"), type: ref("scalarType") }, ["name", "type"]),
    inputDef: obj(
      {
        name: ref("name"),
        alias: ref("name"),
        type: ref("valueType"),
        required: bool,
        source: ref("source"),
      },
      ["name", "type", "required", "source"],
    ),
    parameterDef: obj(
      {
        name: ref("name"),
        type: ref("scalarType"),
        value: { type: ["string", "boolean"] },
        unit: str,
        citation: str,
        source: ref("source"),
      },
      ["name", "type", "value", "citation", "source"],
    ),
    expr: tagged("k", exprBranches),
    valueDef: obj(
      { name: ref("name"), type: ref("scalarType"), expr: e, citation: str, source: ref("source") },
      ["name", "type", "expr", "source"],
    ),
    tableCell: tagged("k", {
      any: [{}, []],
      eq: [{ values: arrayOf(e, 1) }, ["values"]],
      range: [{ lo: e, loInclusive: bool, hi: e, hiInclusive: bool }, ["loInclusive", "hiInclusive"]],
    }),
    tableRow: obj({ cells: arrayOf(ref("tableCell")), output: e, citation: str, source: ref("source") }, [
      "cells",
      "output",
      "source",
    ]),
    tableDef: obj(
      {
        name: ref("name"),
        hitPolicy: { enum: ["first", "unique", "collect"] },
        columns: arrayOf(obj({ name: str, type: ref("scalarType") }, ["name", "type"])),
        output: obj({ name: str, type: ref("scalarType") }, ["name", "type"]),
        rows: arrayOf(ref("tableRow")),
        citation: str,
        source: ref("source"),
      },
      ["name", "hitPolicy", "columns", "output", "rows", "citation", "source"],
    ),
    messagePart: {
      oneOf: [
        obj({ text: str }, ["text"]),
        obj({ ref: ref("name"), type: ref("scalarType"), suffix: str }, ["ref", "type"]),
      ],
    },
    outcomeParams: obj(
      {
        rule: str,
        citation: str,
        kind: { enum: OUTCOME_KINDS },
        message: arrayOf(ref("messagePart")),
        authority: str,
        what: str,
        amountFact: ref("name"),
        target: ref("name"),
        valueFact: ref("name"),
        valueType: ref("scalarType"),
      },
      ["rule", "citation", "kind"],
    ),
    jreValue: {
      oneOf: [{ type: ["string", "boolean", "number"] }, arrayOf(str), obj({ fact: ref("name") }, ["fact"])],
    },
    jreCondition: {
      oneOf: [
        obj({ all: arrayOf(ref("jreCondition")) }, ["all"]),
        obj({ any: arrayOf(ref("jreCondition")) }, ["any"]),
        obj({ not: ref("jreCondition") }, ["not"]),
        obj({ fact: ref("name"), operator: { enum: [...JRE_OPERATORS] }, value: ref("jreValue") }, [
          "fact",
          "operator",
          "value",
        ]),
      ],
    },
    jreRule: obj(
      {
        name: str,
        priority: { type: "integer", minimum: 1 },
        conditions: {
          oneOf: [
            obj({ all: arrayOf(ref("jreCondition")) }, ["all"]),
            obj({ any: arrayOf(ref("jreCondition")) }, ["any"]),
            obj({ not: ref("jreCondition") }, ["not"]),
          ],
        },
        event: obj(
          {
            type: { enum: OUTCOME_KINDS },
            params: obj({ outcomes: arrayOf(ref("outcomeParams"), 1) }, ["outcomes"]),
          },
          ["type", "params"],
        ),
      },
      ["name", "priority", "conditions", "event"],
    ),
    ruleMeta: obj({ name: str, citation: str, source: ref("source") }, ["name", "citation", "source"]),
    artefactTest: obj(
      {
        name: str,
        inputs: { type: "object" },
        expect: obj(
          {
            decision: { enum: ["accept", "reject", "refer"] },
            fired: arrayOf(str),
            notFired: arrayOf(str),
            values: { type: "object", additionalProperties: { type: ["string", "boolean"] } },
          },
          [],
        ),
        source: ref("source"),
      },
      ["name", "inputs", "expect", "source"],
    ),
  },
  ...obj(
    {
      format: { const: "zavabet/1" },
      ruleset: obj(
        {
          id: str,
          fund: str,
          version: str,
          effective: obj({ jalali: str, day: int }, ["jalali", "day"]),
          source: obj({ title: str, number: str, version: str }, ["title"]),
        },
        ["id", "fund", "version", "effective", "source"],
      ),
      inputs: arrayOf(ref("inputDef")),
      inputSchema: { type: "object" },
      parameters: arrayOf(ref("parameterDef")),
      values: arrayOf(ref("valueDef")),
      expressions: {
        type: "object",
        propertyNames: { pattern: "^\\$" },
        additionalProperties: e,
      },
      tables: arrayOf(ref("tableDef")),
      rules: arrayOf(ref("jreRule")),
      ruleMeta: arrayOf(ref("ruleMeta")),
      tests: arrayOf(ref("artefactTest")),
    },
    [...ARTEFACT_KEYS],
  ),
};
