/**
 * The artefact as bytes: 2-space JSON with a trailing newline, every object's keys in a fixed order
 * for its kind (below), so the same source always gives the same file and diffs between versions read
 * well. Keys a kind does not list follow in their own order; `undefined` members are left out.
 * Records keyed by names (schema properties, test inputs) keep their order; anonymous expressions
 * are ordered by number.
 */
import { ARTEFACT_KEYS, type Artefact } from "../../artefact/types";

type ShapeRef = string | { record: ShapeRef; byFactNumber?: boolean };

interface Shape {
  order: readonly string[];
  children?: Record<string, ShapeRef>;
}

const EXPR_CHILDREN: Record<string, ShapeRef> = {
  a: "expr",
  b: "expr",
  cond: "expr",
  then: "expr",
  else: "expr",
  args: "expr",
  items: "expr",
  set: "expr",
  body: "expr",
  where: "expr",
};

const SHAPES: Record<string, Shape> = {
  artefact: {
    order: [...ARTEFACT_KEYS],
    children: {
      ruleset: "ruleset",
      inputs: "input",
      inputSchema: "schema",
      parameters: "parameter",
      values: "value",
      expressions: { record: "expr", byFactNumber: true },
      tables: "table",
      rules: "jreRule",
      ruleMeta: "ruleMeta",
      tests: "test",
    },
  },
  ruleset: {
    order: ["id", "fund", "version", "effective", "source"],
    children: { effective: "effective", source: "documentSource" },
  },
  effective: { order: ["jalali", "day"] },
  documentSource: { order: ["title", "number", "version"] },
  range: { order: ["startLine", "startColumn", "endLine", "endColumn"] },
  type: { order: ["kind", "unit", "members", "fields"], children: { fields: "field" } },
  field: { order: ["name", "alias", "type"], children: { type: "type" } },
  input: {
    order: ["name", "alias", "type", "required", "source"],
    children: { type: "type", source: "range" },
  },
  schema: {
    order: [
      "$schema",
      "title",
      "description",
      "x-zavabet-alias",
      "type",
      "anyOf",
      "pattern",
      "enum",
      "maxLength",
      "maxItems",
      "items",
      "properties",
      "required",
      "additionalProperties",
    ],
    children: { anyOf: "schema", items: "schema", properties: { record: "schema" } },
  },
  parameter: {
    order: ["name", "type", "value", "unit", "citation", "source"],
    children: { type: "type", source: "range" },
  },
  value: {
    order: ["name", "type", "expr", "citation", "source"],
    children: { type: "type", expr: "expr", source: "range" },
  },
  expr: {
    order: [
      "k",
      "fn",
      "op",
      "name",
      "table",
      "list",
      "v",
      "a",
      "b",
      "cond",
      "then",
      "else",
      "args",
      "items",
      "set",
      "body",
      "where",
      "places",
      "mode",
    ],
    children: EXPR_CHILDREN,
  },
  table: {
    order: ["name", "hitPolicy", "columns", "output", "rows", "citation", "source"],
    children: { columns: "column", output: "column", rows: "row", source: "range" },
  },
  column: { order: ["name", "type"], children: { type: "type" } },
  row: {
    order: ["cells", "output", "citation", "source"],
    children: { cells: "cell", output: "expr", source: "range" },
  },
  cell: {
    order: ["k", "values", "lo", "loInclusive", "hi", "hiInclusive"],
    children: { values: "expr", lo: "expr", hi: "expr" },
  },
  jreRule: {
    order: ["name", "priority", "conditions", "event"],
    children: { conditions: "condition", event: "event" },
  },
  condition: {
    order: ["all", "any", "not", "fact", "operator", "value"],
    children: { all: "condition", any: "condition", not: "condition", value: "factRef" },
  },
  factRef: { order: ["fact"] },
  event: { order: ["type", "params"], children: { params: "eventParams" } },
  eventParams: { order: ["outcomes"], children: { outcomes: "outcome" } },
  outcome: {
    order: [
      "rule",
      "citation",
      "kind",
      "authority",
      "what",
      "amountFact",
      "target",
      "valueFact",
      "valueType",
      "message",
    ],
    children: { message: "messagePart", valueType: "type" },
  },
  messagePart: { order: ["text", "ref", "type", "suffix"], children: { type: "type" } },
  ruleMeta: { order: ["name", "citation", "source"], children: { source: "range" } },
  test: {
    order: ["name", "inputs", "expect", "source"],
    children: { inputs: { record: "caseValue" }, expect: "expect", source: "range" },
  },
  caseValue: { order: [] },
  expect: { order: ["decision", "fired", "notFired", "values"] },
};

function factNumber(key: string): number {
  const n = /^\$(\d+)$/.exec(key);
  return n ? Number(n[1]) : Number.POSITIVE_INFINITY;
}

function ordered(value: unknown, shape: ShapeRef | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, shape));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const out: Record<string, unknown> = {};

  if (typeof shape === "object") {
    if (shape.byFactNumber)
      entries.sort(([x], [y]) => factNumber(x) - factNumber(y) || (x < y ? -1 : x > y ? 1 : 0));
    for (const [k, v] of entries) out[k] = ordered(v, shape.record);
    return out;
  }

  const s = shape === undefined ? undefined : SHAPES[shape];
  const rank = (k: string) => {
    const i = s?.order.indexOf(k) ?? -1;
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  // Stable sort: listed keys in their order, others after in their own order.
  entries.sort(([x], [y]) => {
    const d = rank(x) - rank(y);
    return Number.isNaN(d) ? 0 : d;
  });
  for (const [k, v] of entries) out[k] = ordered(v, s?.children?.[k]);
  return out;
}

/** The artefact's canonical text. */
export function serializeArtefact(a: Artefact): string {
  return `${JSON.stringify(ordered(a, "artefact"), null, 2)}\n`;
}
