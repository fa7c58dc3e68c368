/**
 * The syntax tree of a rule file. Plain data; built by build-ast.ts from Chevrotain's CST.
 * Parsing recovers from errors, so any node may be partial: optional fields are absent where the
 * source was broken, and every consumer (checker, compiler, editor) must tolerate that.
 * Names are stored normalised (dsl/text: Arabic ي ك → Persian ی ک, digits, ...), ZWNJ kept.
 */
import type { SourceRange } from "../../artefact/types";

export type { SourceRange };

export interface Node {
  range: SourceRange;
}

export interface Name extends Node {
  text: string;
}

export interface RulesetFile extends Node {
  header?: Header;
  inputs: InputDecl[];
  parameters: ParameterDecl[];
  values: ValueDecl[];
  tables: TableDecl[];
  rules: RuleDecl[];
  tests: TestDecl[];
}

export interface Header extends Node {
  id?: Name;
  fund?: StringLit;
  version?: StringLit;
  effective?: DateLit;
  source?: StringLit;
  sourceNumber?: StringLit;
  sourceVersion?: StringLit;
}

// ---- types ----------------------------------------------------------------------------------

export type TypeExpr =
  | (Node & { kind: "number" | "money" | "percent" | "bool" | "text" | "date" })
  | (Node & { kind: "enum"; members: Name[] })
  | (Node & { kind: "list"; fields: FieldDecl[] });

export interface FieldDecl extends Node {
  name: Name;
  alias?: Name;
  type?: TypeExpr;
}

export interface InputDecl extends Node {
  name?: Name;
  alias?: Name;
  optional: boolean;
  type?: TypeExpr;
}

export interface ParameterDecl extends Node {
  name?: Name;
  value?: Expr;
  citation?: Citation;
}

export interface ValueDecl extends Node {
  name?: Name;
  expr?: Expr;
  citation?: Citation;
}

// ---- literals and expressions ---------------------------------------------------------------

/** A citation as written between [ and ], e.g. «ماده ۳، تبصره ۲». */
export interface Citation extends Node {
  text: string;
}

export interface StringLit extends Node {
  kind: "string";
  value: string;
}

export interface DateLit extends Node {
  kind: "date";
  /** As written, normalised to ASCII digits: "1393/09/10". */
  text: string;
  year: number;
  month: number;
  day: number;
}

/**
 * A number with what followed it. `value` is the decimal as written, scale applied
 * (۱۲۰ میلیارد → "120000000000", ۱۵ هزار تومان → "150000" rials); percent keeps the written number
 * ("1.5" for ۱/۵٪), `unit` says how to read it.
 */
export interface NumberLit extends Node {
  kind: "number";
  value: string;
  unit?: "rial" | "percent" | "month" | "year" | "day" | "person";
  /** The unit word as written, for display and messages. */
  unitText?: string;
}

export interface BoolLit extends Node {
  kind: "bool";
  value: boolean;
}

export interface NameRef extends Node {
  kind: "name";
  name: string;
}

export type ArithOp = "+" | "-" | "*" | "/";
export type CmpOp = "eq" | "ne" | "gt" | "gte" | "lt" | "lte";

export type Expr =
  | StringLit
  | DateLit
  | NumberLit
  | BoolLit
  | NameRef
  | (Node & { kind: "paren"; inner?: Expr })
  | (Node & { kind: "neg"; operand?: Expr })
  | (Node & { kind: "arith"; op: ArithOp; left?: Expr; right?: Expr })
  | (Node & { kind: "and" | "or"; items: Expr[] })
  | (Node & { kind: "not"; operand?: Expr })
  | (Node & { kind: "cmp"; op: CmpOp; left?: Expr; right?: Expr })
  /** `x بین a و b` (inclusive), `x خارج از a تا b` (negated). */
  | (Node & { kind: "between"; subject?: Expr; low?: Expr; high?: Expr; negated: boolean })
  /** `x در (a، b)`, `x نه در (a، b)`. */
  | (Node & { kind: "in"; subject?: Expr; set: Expr[]; negated: boolean })
  /** `x ناموجود` / `x موجود`. */
  | (Node & { kind: "missing"; subject?: Expr; negated: boolean })
  | (Node & { kind: "if"; cond?: Expr; then?: Expr; else?: Expr })
  /** A built-in function or a table look-up: `کمینه(a، b)`, `گرد(x، ۰، پایین)`, `جمع(وثایق، مبلغ)`, `نرخ(a، b)`. */
  | (Node & { kind: "call"; callee: Name; builtin?: Builtin; args: Expr[]; roundMode?: RoundModeWord });

export type Builtin = "min" | "max" | "round" | "sum" | "count" | "any" | "all";
export type RoundModeWord = "half-up" | "half-even" | "up" | "down";

// ---- tables ---------------------------------------------------------------------------------

export type HitPolicy = "first" | "unique" | "collect";

export type Cell =
  | (Node & { kind: "any" })
  | (Node & { kind: "values"; values: Expr[] })
  /** `a تا b` both ends inclusive; `a تا کمتر از b`; `بیشتر از a تا b`; `بیشتر از a`; `کمتر از b`; ... */
  | (Node & { kind: "range"; low?: Expr; lowInclusive: boolean; high?: Expr; highInclusive: boolean });

export interface TableRow extends Node {
  cells: Cell[];
  output?: Expr;
  citation?: Citation;
}

export interface TableDecl extends Node {
  name?: Name;
  hitPolicy?: HitPolicy;
  citation?: Citation;
  columns: Name[];
  outputColumn?: Name;
  rows: TableRow[];
}

// ---- rules ----------------------------------------------------------------------------------

export type Outcome =
  | (Node & { kind: "reject" | "warn"; message?: StringLit })
  | (Node & { kind: "refer"; authority?: StringLit; message?: StringLit })
  | (Node & { kind: "require"; what?: StringLit; amount?: Expr; message?: StringLit })
  | (Node & { kind: "set"; target?: Name; value?: Expr });

export interface RuleDecl extends Node {
  title?: StringLit;
  citations: Citation[];
  condition?: Expr;
  outcomes: Outcome[];
}

// ---- tests ----------------------------------------------------------------------------------

export type TestValue = Expr | (Node & { kind: "list"; items: TestRecord[] });

export interface TestRecord extends Node {
  fields: { name: Name; value?: Expr }[];
}

export type Expectation =
  | (Node & { kind: "decision"; decision: "accept" | "reject" | "refer"; because?: StringLit })
  | (Node & { kind: "notFired"; rule?: StringLit })
  | (Node & { kind: "value"; name?: Name; value?: Expr });

export interface TestDecl extends Node {
  title?: StringLit;
  givens: { name: Name; value?: TestValue }[];
  expectations: Expectation[];
}
