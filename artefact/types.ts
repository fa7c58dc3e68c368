/**
 * The compiled artefact: the contract between dsl/compile (which writes it) and engine/ (which runs it).
 * It is plain JSON. Its `rules` are json-rules-engine rules as they are; everything a rule needs to
 * compute (computed values, anonymous expressions, tables) is data here, never code.
 *
 * Decimal numbers are always strings (exact); percents are stored as fractions ("0.015" for 1.5%);
 * Jalali dates as their day number (days since 1970-01-01, as jalaali-js's j2d minus the epoch) plus
 * the written form for display.
 */

export const ARTEFACT_FORMAT = "zavabet/1" as const;

/** Where a construct stands in its source file (1-based line and column, as an editor shows them). */
export interface SourceRange {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** The value types of the language, by their English names. */
export type ScalarType =
  | { kind: "number"; unit?: string }
  | { kind: "money" }
  | { kind: "percent" }
  | { kind: "bool" }
  | { kind: "text" }
  | { kind: "date" }
  | { kind: "enum"; members: string[] };

export interface RecordField {
  name: string;
  alias?: string;
  type: ScalarType;
}

export type ValueType = ScalarType | { kind: "list"; fields: RecordField[] };

export interface InputDef {
  name: string;
  /** ASCII key a caller may send instead of the Persian name. */
  alias?: string;
  type: ValueType;
  /** Whether a case must supply it. Inputs are required unless declared optional. */
  required: boolean;
  source: SourceRange;
}

export interface ParameterDef {
  name: string;
  type: ScalarType;
  /** The literal value: a decimal string for number/money/percent, else as for Expr literals. */
  value: string | boolean;
  /** The unit word as written (e.g. "ماه", "ریال", "٪"), for display. */
  unit?: string;
  citation: string;
  source: SourceRange;
}

export type ArithOp = "+" | "-" | "*" | "/";
export type CmpOp = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";
export type RoundMode = "half-up" | "half-even" | "up" | "down";

/** An expression tree. Booleans are expressions too, so a condition is an Expr of type bool. */
export type Expr =
  | { k: "num"; v: string }
  | { k: "text"; v: string }
  | { k: "bool"; v: boolean }
  | { k: "date"; v: number }
  | { k: "member"; v: string }
  /** An input, parameter or computed value by name. */
  | { k: "ref"; name: string }
  /** A field of the list item being aggregated (innermost aggregate first). */
  | { k: "field"; name: string }
  | { k: "arith"; op: ArithOp; a: Expr; b: Expr }
  | { k: "neg"; a: Expr }
  | { k: "minmax"; fn: "min" | "max"; args: Expr[] }
  /** Round to `places` decimals (negative: to tens, hundreds, ...). */
  | { k: "round"; a: Expr; places: number; mode: RoundMode }
  | { k: "if"; cond: Expr; then: Expr; else: Expr }
  /** Look a table up with one argument per condition column. */
  | { k: "table"; table: string; args: Expr[] }
  | { k: "agg"; fn: "sum" | "count" | "any" | "all" | "min" | "max"; list: string; body?: Expr; where?: Expr }
  | { k: "and"; items: Expr[] }
  | { k: "or"; items: Expr[] }
  | { k: "not"; a: Expr }
  | { k: "cmp"; op: CmpOp; a: Expr; b: Expr }
  | { k: "in"; a: Expr; set: Expr[] }
  | { k: "missing"; a: Expr };

export interface ValueDef {
  name: string;
  type: ScalarType;
  expr: Expr;
  citation?: string;
  source: SourceRange;
}

/** One cell of a table's condition column. */
export type TableCell =
  | { k: "any" }
  | { k: "eq"; values: Expr[] }
  | { k: "range"; lo?: Expr; loInclusive: boolean; hi?: Expr; hiInclusive: boolean };

export interface TableRow {
  cells: TableCell[];
  output: Expr;
  citation?: string;
  source: SourceRange;
}

export type HitPolicy = "first" | "unique" | "collect";

export interface TableDef {
  name: string;
  hitPolicy: HitPolicy;
  columns: { name: string; type: ScalarType }[];
  output: { name: string; type: ScalarType };
  rows: TableRow[];
  citation: string;
  source: SourceRange;
}

/** A message with holes: text parts and references to values, formatted by the engine. */
export type MessagePart =
  | { text: string }
  | { ref: string; type: ScalarType /** unit word shown after a number, e.g. " ریال" */; suffix?: string };

export type OutcomeKind = "reject" | "refer" | "require" | "warn" | "set";

/** The params of a json-rules-engine event: what the rule decides when it fires. */
export interface OutcomeParams {
  rule: string;
  citation: string;
  kind: OutcomeKind;
  message?: MessagePart[];
  /** refer: the authority the case goes to. require: what is required. */
  authority?: string;
  what?: string;
  /** require: an amount (fact name of a computed expression); set: the value's expression fact. */
  amountFact?: string;
  target?: string;
  valueFact?: string;
  /**
   * Optional. The type of the `set` value (valueFact) or of the `require` amount (amountFact), so the
   * engine reports it in the right form (a percent in percent points, a date as yyyy/mm/dd). Without
   * it the engine infers the type from the expression, which it cannot do for a bare literal such as
   * a percent `{ k: "num", v: "0.04" }`.
   */
  valueType?: ScalarType;
}

/** A json-rules-engine condition as it runs on stock json-rules-engine. */
export type JreCondition =
  | { all: JreCondition[] }
  | { any: JreCondition[] }
  | { not: JreCondition }
  | { fact: string; operator: string; value: JreValue };

export type JreValue = string | boolean | number | string[] | { fact: string };

export interface JreRule {
  name: string;
  priority: number;
  conditions: { all: JreCondition[] } | { any: JreCondition[] } | { not: JreCondition };
  event: { type: OutcomeKind; params: { outcomes: OutcomeParams[] } };
}

export interface RuleMeta {
  name: string;
  citation: string;
  source: SourceRange;
}

export interface ArtefactTest {
  name: string;
  inputs: Record<string, unknown>;
  expect: {
    decision?: "accept" | "reject" | "refer";
    fired?: string[];
    notFired?: string[];
    values?: Record<string, string | boolean>;
  };
  source: SourceRange;
}

/** The artefact's top-level keys, in the order they are written (and all required). */
export const ARTEFACT_KEYS = [
  "format",
  "ruleset",
  "inputs",
  "inputSchema",
  "parameters",
  "values",
  "expressions",
  "tables",
  "rules",
  "ruleMeta",
  "tests",
] as const satisfies readonly (keyof Artefact)[];

export interface Artefact {
  format: typeof ARTEFACT_FORMAT;
  ruleset: {
    id: string;
    fund: string;
    version: string;
    effective: { jalali: string; day: number };
    source: { title: string; number?: string; version?: string };
  };
  inputs: InputDef[];
  /** JSON Schema (draft 2020-12) of a case, with Persian names and ASCII aliases both accepted. */
  inputSchema: Record<string, unknown>;
  parameters: ParameterDef[];
  /** Computed values in dependency order: each refers only to inputs, parameters and earlier values. */
  values: ValueDef[];
  /** Anonymous expressions that rule conditions compare (fact names start with "$"). */
  expressions: Record<string, Expr>;
  tables: TableDef[];
  rules: JreRule[];
  ruleMeta: RuleMeta[];
  tests: ArtefactTest[];
}
