/**
 * CST → AST. The parser recovers from errors, so any child may be missing: every accessor here
 * returns undefined rather than throwing, and the AST simply lacks what the source lacked.
 */
import type { CstNode, IToken } from "chevrotain";
import type { SourceRange } from "../../artefact/types";
import { type Diagnostic, diagnostic } from "../diagnostics";
import { applyScale, moneyToRials, parseJalaliDate, parseNumber } from "../text";
import type * as A from "./ast";

type Child = CstNode | IToken;

export interface SourceText {
  /** The original text, as the person wrote it. */
  original: string;
  /** Index in `original` of each character of the normalised text the lexer read. */
  offsets: Int32Array;
  locate: (offset: number) => { line: number; column: number };
}

const BUILTINS: Record<string, { builtin: A.Builtin; roundMode?: A.RoundModeWord }> = {
  کمینه: { builtin: "min" },
  بیشینه: { builtin: "max" },
  گرد: { builtin: "round", roundMode: "half-up" },
  گرد_بانکی: { builtin: "round", roundMode: "half-even" },
  گرد_بالا: { builtin: "round", roundMode: "up" },
  گرد_پایین: { builtin: "round", roundMode: "down" },
  جمع: { builtin: "sum" },
  تعداد: { builtin: "count" },
  همه: { builtin: "all" },
  حداقل_یکی: { builtin: "any" },
};

const UNIT_OF_TOKEN: Record<string, NonNullable<A.NumberLit["unit"]>> = {
  Rial: "rial",
  Toman: "rial",
  PercentSign: "percent",
  PercentWord: "percent",
  Month: "month",
  Year: "year",
  Day: "day",
  Person: "person",
};

const CMP_OF_TOKEN: Record<string, A.CmpOp> = {
  Equals: "eq",
  EqualWord: "eq",
  NotEquals: "ne",
  NotEqualWord: "ne",
  GreaterThanWord: "gt",
  Greater: "gt",
  LessThanWord: "lt",
  Less: "lt",
  GreaterOrEqualWord: "gte",
  GreaterEq: "gte",
  LessOrEqualWord: "lte",
  LessEq: "lte",
};

/** What a CST node has under a key it does not have: shared, never written to. */
const NONE: readonly Child[] = Object.freeze([]);

const ARITH_TOKENS = ["Plus", "Minus", "Times", "Divide"];

function isToken(c: Child | undefined): c is IToken {
  return c !== undefined && "image" in c;
}

function isNode(c: Child | undefined): c is CstNode {
  return c !== undefined && "children" in c;
}

/** A number's scale and unit as written, so a range can lend them to a bare lower bound. */
interface NumberWords {
  scale?: string;
  unitToken?: IToken;
}

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];
  private readonly numberWords = new WeakMap<A.NumberLit, NumberWords>();

  constructor(private readonly text: SourceText) {}

  // ---- positions ----

  rangeOfOffsets(start: number, endInclusive: number): SourceRange {
    const { offsets, locate, original } = this.text;
    const from = offsets[Math.max(0, start)] ?? original.length;
    const to = offsets[Math.max(start, endInclusive) + 1] ?? original.length;
    const a = locate(from);
    const b = locate(to);
    return { startLine: a.line, startColumn: a.column, endLine: b.line, endColumn: b.column };
  }

  rangeOf(c: Child): SourceRange {
    if (isToken(c)) return this.rangeOfOffsets(c.startOffset, c.endOffset ?? c.startOffset);
    const loc = c.location;
    if (!loc || Number.isNaN(loc.startOffset)) return this.rangeOfOffsets(0, 0);
    return this.rangeOfOffsets(
      loc.startOffset,
      Number.isNaN(loc.endOffset ?? Number.NaN) ? loc.startOffset : (loc.endOffset ?? loc.startOffset),
    );
  }

  /** A token as the person wrote it (their digits kept), for quoting in a diagnostic. */
  originalImage(t: IToken): string {
    const { offsets, original } = this.text;
    const from = offsets[t.startOffset] ?? original.length;
    const to = offsets[(t.endOffset ?? t.startOffset) + 1] ?? original.length;
    return original.slice(from, to);
  }

  /** The source between a token's delimiters («», "", []), as the person wrote it (their digits kept). */
  private innerOriginal(t: IToken): string {
    const { offsets, original } = this.text;
    const from = offsets[t.startOffset + 1] ?? original.length;
    const to = offsets[t.endOffset ?? t.startOffset] ?? original.length;
    return original.slice(from, to).trim();
  }

  // ---- child access ----

  private all(node: CstNode | undefined, key: string): readonly Child[] {
    return node?.children[key] ?? NONE;
  }

  private tok(node: CstNode | undefined, key: string, i = 0): IToken | undefined {
    const c = this.all(node, key)[i];
    return isToken(c) && !c.isInsertedInRecovery ? c : undefined;
  }

  private sub(node: CstNode | undefined, key: string, i = 0): CstNode | undefined {
    const c = this.all(node, key)[i];
    return isNode(c) ? c : undefined;
  }

  private subs(node: CstNode | undefined, key: string): CstNode[] {
    return this.all(node, key).filter(isNode);
  }

  private toks(node: CstNode | undefined, key: string): IToken[] {
    return this.all(node, key).filter((c): c is IToken => isToken(c) && !c.isInsertedInRecovery);
  }

  /** The first token among `keys` present in the node (for OR alternatives of single tokens). */
  private anyTok(node: CstNode | undefined, keys: string[]): IToken | undefined {
    for (const k of keys) {
      const t = this.tok(node, k);
      if (t) return t;
    }
    return undefined;
  }

  private name(t: IToken | undefined): A.Name | undefined {
    return t ? { text: t.image, range: this.rangeOf(t) } : undefined;
  }

  private string(t: IToken | undefined): A.StringLit | undefined {
    return t ? { kind: "string", value: this.innerOriginal(t), range: this.rangeOf(t) } : undefined;
  }

  private citation(t: IToken | undefined): A.Citation | undefined {
    return t ? { text: this.innerOriginal(t), range: this.rangeOf(t) } : undefined;
  }

  private date(t: IToken | undefined): A.DateLit | undefined {
    if (!t) return undefined;
    const range = this.rangeOf(t);
    const parsed = parseJalaliDate(t.image);
    if (!parsed) {
      this.diagnostics.push(diagnostic("ZB1003", range, this.originalImage(t)));
      return { kind: "date", text: t.image, year: 0, month: 0, day: 0, range };
    }
    return {
      kind: "date",
      text: parsed.text,
      year: parsed.year,
      month: parsed.month,
      day: parsed.day,
      range,
    };
  }

  // ---- file ----

  file(node: CstNode): A.RulesetFile {
    const file: A.RulesetFile = {
      range: this.rangeOfOffsets(0, Math.max(0, this.text.offsets.length - 2)),
      inputs: [],
      parameters: [],
      values: [],
      tables: [],
      rules: [],
      tests: [],
    };
    const header = this.sub(node, "header");
    if (header) file.header = this.header(header);
    for (const decl of this.subs(node, "declaration")) {
      const [inner] = Object.values(decl.children).flat();
      if (!isNode(inner)) continue;
      switch (inner.name) {
        case "inputDecl":
          file.inputs.push(this.inputDecl(inner));
          break;
        case "parameterDecl": {
          const { expr, ...rest } = this.namedExpr(inner);
          file.parameters.push({ ...rest, value: expr });
          break;
        }
        case "valueDecl":
          file.values.push(this.namedExpr(inner));
          break;
        case "tableDecl":
          file.tables.push(this.tableDecl(inner));
          break;
        case "ruleDecl":
          file.rules.push(this.ruleDecl(inner));
          break;
        case "testDecl":
          file.tests.push(this.testDecl(inner));
          break;
      }
    }
    return file;
  }

  private header(node: CstNode): A.Header {
    return {
      range: this.rangeOf(node),
      id: this.name(this.tok(node, "Identifier")),
      fund: this.string(this.tok(node, "StringLit")),
      version: this.string(this.tok(node, "version")),
      effective: this.date(this.tok(node, "DateLit")),
      source: this.string(this.tok(node, "source")),
      sourceNumber: this.string(this.tok(node, "sourceNumber")),
      sourceVersion: this.string(this.tok(node, "sourceVersion")),
    };
  }

  // ---- inputs and types ----

  private inputDecl(node: CstNode): A.InputDecl {
    return {
      range: this.rangeOf(node),
      name: this.name(this.tok(node, "Identifier")),
      alias: this.name(this.tok(this.sub(node, "alias"), "Identifier")),
      optional: this.tok(node, "Optional") !== undefined,
      type: this.typeExpr(this.sub(node, "typeExpr")),
    };
  }

  private typeExpr(node: CstNode | undefined): A.TypeExpr | undefined {
    if (!node) return undefined;
    const range = this.rangeOf(node);
    const oneOf = this.sub(node, "oneOfType");
    if (oneOf) {
      return { kind: "enum", range, members: this.toks(oneOf, "Identifier").map((t) => this.name(t)!) };
    }
    const list = this.sub(node, "listType");
    if (list) {
      const fields = this.subs(list, "fieldDecl").map((f) => ({
        range: this.rangeOf(f),
        name: this.name(this.tok(f, "Identifier")) ?? { text: "", range: this.rangeOf(f) },
        alias: this.name(this.tok(this.sub(f, "alias"), "Identifier")),
        type: this.typeExpr(this.sub(f, "typeExpr")),
      }));
      return { kind: "list", range, fields };
    }
    const simple: [string, "number" | "money" | "percent" | "bool" | "text" | "date"][] = [
      ["NumberType", "number"],
      ["Rial", "money"],
      ["PercentWord", "percent"],
      ["BoolType", "bool"],
      ["TextType", "text"],
      ["DateType", "date"],
    ];
    for (const [key, kind] of simple) if (this.tok(node, key)) return { kind, range };
    return undefined;
  }

  private namedExpr(node: CstNode): A.ValueDecl {
    return {
      range: this.rangeOf(node),
      name: this.name(this.tok(node, "Identifier")),
      expr: this.expression(this.sub(node, "expression")),
      citation: this.citation(this.tok(node, "Citation")),
    };
  }

  // ---- tables ----

  private tableDecl(node: CstNode): A.TableDecl {
    const header = this.sub(node, "tableHeader");
    const policy = this.tok(node, "First")
      ? "first"
      : this.tok(node, "Unique")
        ? "unique"
        : this.tok(node, "All")
          ? "collect"
          : undefined;
    return {
      range: this.rangeOf(node),
      name: this.name(this.tok(node, "Identifier")),
      hitPolicy: policy,
      citation: this.citation(this.tok(node, "Citation") ?? this.tok(node, "lateCitation")),
      columns: this.toks(header, "Identifier").map((t) => this.name(t)!),
      outputColumn: this.name(this.tok(header, "output")),
      rows: this.subs(node, "tableRow").map((r) => ({
        range: this.rangeOf(r),
        cells: this.subs(r, "cell").map((c) => this.cell(c)),
        output: this.additive(this.sub(r, "additive")),
        citation: this.citation(this.tok(r, "Citation")),
      })),
    };
  }

  private cell(node: CstNode): A.Cell {
    const range = this.rangeOf(node);
    if (this.tok(node, "AnyCell")) return { kind: "any", range };
    const lower = this.sub(node, "lowerBound");
    if (lower) {
      const low = this.additive(this.sub(lower, "additive"));
      const high = this.additive(this.sub(node, "high"));
      const lowInclusive = this.anyTok(lower, ["GreaterOrEqualWord", "GreaterEq"]) !== undefined;
      if (high && low) this.lendUnit(low, high);
      return { kind: "range", range, low, lowInclusive, high, highInclusive: high !== undefined };
    }
    const upper = this.sub(node, "upperBound");
    if (upper) {
      const inclusive = this.anyTok(this.sub(upper, "upperOp"), ["LessOrEqualWord", "LessEq"]) !== undefined;
      return {
        kind: "range",
        range,
        lowInclusive: false,
        high: this.additive(this.sub(upper, "additive")),
        highInclusive: inclusive,
      };
    }
    const first = this.additive(this.sub(node, "first"));
    if (this.tok(node, "To")) {
      const high = this.additive(this.sub(node, "high"));
      const op = this.sub(node, "upperOp");
      const highInclusive = op === undefined || this.anyTok(op, ["LessOrEqualWord", "LessEq"]) !== undefined;
      if (first && high) this.lendUnit(first, high);
      return { kind: "range", range, low: first, lowInclusive: true, high, highInclusive };
    }
    const more = this.subs(node, "moreValues").map((m) => this.additive(this.sub(m, "additive")));
    return { kind: "values", range, values: [first, ...more].filter((e): e is A.Expr => e !== undefined) };
  }

  /**
   * «۷/۵ تا ۱۰ میلیارد ریال»: Persian writes the scale and unit once, after the upper bound.
   * A lower bound without a unit takes the upper bound's unit, and its scale too unless it has its
   * own («۵۰۰ میلیون تا ۱ میلیارد ریال»).
   */
  private lendUnit(low: A.Expr, high: A.Expr): void {
    if (low.kind !== "number" || high.kind !== "number" || low.unit !== undefined) return;
    const lowWords = this.numberWords.get(low);
    const highWords = this.numberWords.get(high);
    if (!highWords) return;
    let value = low.value;
    if (highWords.scale && !lowWords?.scale) value = applyScale(value, highWords.scale);
    if (highWords.unitToken?.tokenType.name === "Toman") value = moneyToRials(value, "تومان");
    low.value = value;
    if (high.unit) low.unit = high.unit;
    if (high.unitText) low.unitText = high.unitText;
  }

  // ---- rules ----

  private ruleDecl(node: CstNode): A.RuleDecl {
    return {
      range: this.rangeOf(node),
      title: this.string(this.tok(node, "StringLit")),
      citations: this.toks(node, "Citation").map((t) => this.citation(t)!),
      condition: this.expression(this.sub(node, "expression")),
      outcomes: this.subs(node, "outcome")
        .map((o) => this.outcome(o))
        .filter((o): o is A.Outcome => o !== undefined),
    };
  }

  private outcome(node: CstNode): A.Outcome | undefined {
    const range = this.rangeOf(node);
    if (this.tok(node, "Reject"))
      return { kind: "reject", range, message: this.string(this.tok(node, "StringLit")) };
    if (this.tok(node, "Warn"))
      return { kind: "warn", range, message: this.string(this.tok(node, "StringLit")) };
    if (this.tok(node, "ReferTo")) {
      return {
        kind: "refer",
        range,
        authority: this.string(this.tok(node, "authority")),
        message: this.string(this.tok(node, "StringLit")),
      };
    }
    if (this.tok(node, "Require")) {
      return {
        kind: "require",
        range,
        what: this.string(this.tok(node, "what")),
        amount: this.additive(this.sub(node, "additive")),
        message: this.string(this.tok(node, "StringLit")),
      };
    }
    if (this.tok(node, "SetKw")) {
      return {
        kind: "set",
        range,
        target: this.name(this.tok(node, "Identifier")),
        value: this.expression(this.sub(node, "expression")),
      };
    }
    return undefined;
  }

  // ---- tests ----

  private testDecl(node: CstNode): A.TestDecl {
    const givens = this.subs(node, "givens").flatMap((g) => this.subs(g, "given"));
    return {
      range: this.rangeOf(node),
      title: this.string(this.tok(node, "StringLit")),
      givens: givens.flatMap((g) => {
        const name = this.name(this.tok(g, "Identifier"));
        if (!name) return [];
        const list = this.sub(g, "listLiteral");
        const value: A.TestValue | undefined = list
          ? this.listLiteral(list)
          : this.additive(this.sub(g, "additive"));
        return [{ name, value }];
      }),
      expectations: this.subs(node, "expectation")
        .map((e) => this.expectation(e))
        .filter((e): e is A.Expectation => e !== undefined),
    };
  }

  private listLiteral(node: CstNode): A.TestValue {
    return {
      kind: "list",
      range: this.rangeOf(node),
      items: this.subs(node, "recordLiteral").map((r) => ({
        range: this.rangeOf(r),
        fields: this.subs(r, "recordField").flatMap((f) => {
          const name = this.name(this.tok(f, "Identifier"));
          return name ? [{ name, value: this.additive(this.sub(f, "additive")) }] : [];
        }),
      })),
    };
  }

  private expectation(node: CstNode): A.Expectation | undefined {
    const range = this.rangeOf(node);
    const decision = this.tok(node, "Accept")
      ? "accept"
      : this.tok(node, "Reject")
        ? "reject"
        : this.tok(node, "Refer")
          ? "refer"
          : undefined;
    if (decision)
      return { kind: "decision", range, decision, because: this.string(this.tok(node, "StringLit")) };
    if (this.tok(node, "Without"))
      return { kind: "notFired", range, rule: this.string(this.tok(node, "rule")) };
    const name = this.name(this.tok(node, "Identifier"));
    if (name) return { kind: "value", range, name, value: this.additive(this.sub(node, "additive")) };
    return undefined;
  }

  // ---- expressions ----

  expression(node: CstNode | undefined): A.Expr | undefined {
    return node ? this.orExpr(this.sub(node, "orExpr")) : undefined;
  }

  private chain(
    node: CstNode | undefined,
    childKey: string,
    kind: "and" | "or",
    next: (n: CstNode | undefined) => A.Expr | undefined,
  ) {
    if (!node) return undefined;
    const items = this.subs(node, childKey)
      .map(next)
      .filter((e): e is A.Expr => e !== undefined);
    if (items.length <= 1 && this.all(node, kind === "and" ? "And" : "Or").length === 0) return items[0];
    return { kind, items, range: this.rangeOf(node) } satisfies A.Expr;
  }

  private orExpr(node: CstNode | undefined): A.Expr | undefined {
    return this.chain(node, "andExpr", "or", (n) => this.andExpr(n));
  }

  private andExpr(node: CstNode | undefined): A.Expr | undefined {
    return this.chain(node, "notExpr", "and", (n) => this.notExpr(n));
  }

  private notExpr(node: CstNode | undefined): A.Expr | undefined {
    if (!node) return undefined;
    if (this.tok(node, "Not"))
      return { kind: "not", operand: this.notExpr(this.sub(node, "notExpr")), range: this.rangeOf(node) };
    return this.comparison(this.sub(node, "comparison"));
  }

  private comparison(node: CstNode | undefined): A.Expr | undefined {
    if (!node) return undefined;
    const subject = this.additive(this.sub(node, "subject"));
    const range = this.rangeOf(node);
    const op = this.sub(node, "cmpOp");
    if (op) {
      const opToken = Object.values(op.children).flat().find(isToken);
      const cmp = opToken ? CMP_OF_TOKEN[opToken.tokenType.name] : undefined;
      if (!cmp) return subject;
      return { kind: "cmp", op: cmp, left: subject, right: this.additive(this.sub(node, "right")), range };
    }
    if (this.tok(node, "Between") || this.tok(node, "OutsideOf")) {
      const low = this.additive(this.sub(node, "low"));
      const high = this.additive(this.sub(node, "high"));
      if (low && high) this.lendUnit(low, high);
      return {
        kind: "between",
        subject,
        low,
        high,
        negated: this.tok(node, "OutsideOf") !== undefined,
        range,
      };
    }
    if (this.tok(node, "In") || this.tok(node, "NotIn")) {
      const set = this.subs(node, "member")
        .map((m) => this.additive(m))
        .filter((e): e is A.Expr => e !== undefined);
      return { kind: "in", subject, set, negated: this.tok(node, "NotIn") !== undefined, range };
    }
    if (this.tok(node, "Missing")) return { kind: "missing", subject, negated: false, range };
    if (this.tok(node, "Present")) return { kind: "missing", subject, negated: true, range };
    return subject;
  }

  additive(node: CstNode | undefined): A.Expr | undefined {
    return this.binary(node, "multiplicative", (n) => this.multiplicative(n));
  }

  private multiplicative(node: CstNode | undefined): A.Expr | undefined {
    return this.binary(node, "unary", (n) => this.unary(n));
  }

  /** Left-associative chains: operators and operands interleave in source order. */
  private binary(
    node: CstNode | undefined,
    operandKey: string,
    operand: (n: CstNode | undefined) => A.Expr | undefined,
  ): A.Expr | undefined {
    if (!node) return undefined;
    const operands = this.subs(node, operandKey);
    // Most expressions are a single operand: no operator list to build or sort.
    const ops: IToken[] = [];
    for (const k of ARITH_TOKENS) if (node.children[k]) ops.push(...this.toks(node, k));
    if (ops.length > 1) ops.sort((a, b) => a.startOffset - b.startOffset);
    let result = operand(operands[0]);
    ops.forEach((opTok, i) => {
      const right = operand(operands[i + 1]);
      const op: A.ArithOp =
        opTok.tokenType.name === "Plus"
          ? "+"
          : opTok.tokenType.name === "Minus"
            ? "-"
            : opTok.tokenType.name === "Times"
              ? "*"
              : "/";
      const start = result?.range ?? this.rangeOf(opTok);
      const end = right?.range ?? this.rangeOf(opTok);
      result = {
        kind: "arith",
        op,
        left: result,
        right,
        range: {
          startLine: start.startLine,
          startColumn: start.startColumn,
          endLine: end.endLine,
          endColumn: end.endColumn,
        },
      };
    });
    return result;
  }

  private unary(node: CstNode | undefined): A.Expr | undefined {
    if (!node) return undefined;
    if (this.tok(node, "Minus")) {
      const operand = this.unary(this.sub(node, "unary"));
      // A negative literal stays a literal, so parameters and test values read as numbers.
      if (operand?.kind === "number" && !operand.value.startsWith("-")) {
        // In place, so the literal keeps its scale and unit words for a range's lower bound.
        operand.value = `-${operand.value}`;
        operand.range = this.rangeOf(node);
        return operand;
      }
      return { kind: "neg", operand, range: this.rangeOf(node) };
    }
    return this.primary(this.sub(node, "primary"));
  }

  private primary(node: CstNode | undefined): A.Expr | undefined {
    if (!node) return undefined;
    const range = this.rangeOf(node);
    const paren = this.sub(node, "parenExpr");
    if (paren) return { kind: "paren", inner: this.expression(this.sub(paren, "expression")), range };
    const num = this.sub(node, "numberLiteral");
    if (num) return this.numberLiteral(num);
    const date = this.tok(node, "DateLit");
    if (date) return this.date(date);
    const str = this.tok(node, "StringLit");
    if (str) return this.string(str);
    if (this.tok(node, "Yes")) return { kind: "bool", value: true, range };
    if (this.tok(node, "No")) return { kind: "bool", value: false, range };
    const ifNode = this.sub(node, "ifExpr");
    if (ifNode) {
      return {
        kind: "if",
        cond: this.expression(this.sub(ifNode, "cond")),
        then: this.expression(this.sub(ifNode, "then")),
        else: this.expression(this.sub(ifNode, "else")),
        range,
      };
    }
    const call = this.sub(node, "nameOrCall");
    if (call) return this.nameOrCall(call);
    return undefined;
  }

  private numberLiteral(node: CstNode): A.NumberLit {
    const range = this.rangeOf(node);
    const numTok = this.tok(node, "NumberLit");
    let value = numTok ? parseNumber(numTok.image) : undefined;
    if (numTok && value === undefined)
      this.diagnostics.push(diagnostic("ZB1004", range, this.originalImage(numTok)));
    value ??= "0";
    const words: NumberWords = {};
    const scaleTok = this.anyTok(node, ["Thousand", "Million", "Billion"]);
    if (scaleTok) {
      words.scale = scaleTok.image;
      value = applyScale(value, scaleTok.image);
    }
    const unitTok =
      this.anyTok(node, ["Rial", "Toman", "PercentSign", "PercentWord", "Month", "Year", "Day", "Person"]) ??
      this.tok(node, "prefixPercent");
    const lit: A.NumberLit = { kind: "number", value, range };
    if (unitTok) {
      words.unitToken = unitTok;
      const unit = UNIT_OF_TOKEN[unitTok.tokenType.name];
      if (unit) lit.unit = unit;
      lit.unitText = unitTok.image;
      if (unitTok.tokenType.name === "Toman") value = moneyToRials(value, "تومان");
      lit.value = value;
    }
    this.numberWords.set(lit, words);
    return lit;
  }

  private nameOrCall(node: CstNode): A.Expr | undefined {
    const t = this.tok(node, "Identifier") ?? this.tok(node, "All");
    if (!t) return undefined;
    const range = this.rangeOf(node);
    if (!this.tok(node, "LParen")) return { kind: "name", name: t.image, range };
    const known = BUILTINS[t.image];
    const args = this.subs(node, "arg")
      .map((a) => this.expression(a))
      .filter((e): e is A.Expr => e !== undefined);
    const callee = this.name(t)!;
    if (!known) return { kind: "call", callee, args, range };
    return known.roundMode
      ? { kind: "call", callee, builtin: known.builtin, roundMode: known.roundMode, args, range }
      : { kind: "call", callee, builtin: known.builtin, args, range };
  }
}
