/**
 * AST expressions → artefact expression trees (data the engine evaluates with decimal.js; never code).
 */
import type { Expr as ArtExpr, RoundMode } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Builtin, Expr, NameRef, SourceRange } from "../syntax/ast";
import { collectTable, expandCollect } from "./collect";
import { CompileError } from "./errors";
import { dateDayNumber, negateDecimal, numberValue } from "./literals";
import { fieldNamed, listFields, memberNamed, nameKey, symbolNamed } from "./names";
import { compileCell } from "./tables";

/** The built-in functions by their (normalised) Persian names, for trees where the parser left `builtin` unset. */
export const BUILTIN_NAMES: Record<string, Builtin> = {
  کمینه: "min",
  بیشینه: "max",
  گرد: "round",
  گرد_بانکی: "round",
  گرد_بالا: "round",
  گرد_پایین: "round",
  جمع: "sum",
  تعداد: "count",
  همه: "all",
  حداقل_یکی: "any",
};

export const ROUND_MODES: Record<string, RoundMode> = {
  گرد: "half-up",
  گرد_بانکی: "half-even",
  گرد_بالا: "up",
  گرد_پایین: "down",
};

/** A mode word given as an extra argument, `گرد(x، ۰، پایین)`. */
const ROUND_MODE_WORDS: Record<string, RoundMode> = {
  بانکی: "half-even",
  بالا: "up",
  پایین: "down",
};

/** Drops parentheses: they only group. */
export function unparen(e: Expr | undefined): Expr | undefined {
  let cur = e;
  while (cur?.kind === "paren") cur = cur.inner;
  return cur;
}

function need<T>(value: T | undefined, what: string, range: SourceRange): T {
  if (value === undefined) throw new CompileError(`incomplete expression: ${what} is missing`, range);
  return value;
}

/** A literal folded from the tree, if the expression is one (a unary minus on a number included). */
export function literalExpr(e: Expr | undefined): ArtExpr | undefined {
  const x = unparen(e);
  if (!x) return undefined;
  switch (x.kind) {
    case "number":
      return { k: "num", v: numberValue(x) };
    case "string":
      return { k: "text", v: x.value };
    case "bool":
      return { k: "bool", v: x.value };
    case "date":
      return { k: "date", v: dateDayNumber(x) };
    case "neg": {
      const inner = literalExpr(x.operand);
      return inner?.k === "num" ? { k: "num", v: negateDecimal(inner.v) } : undefined;
    }
    default:
      return undefined;
  }
}

/** What a bare name means: a declared input, parameter or value, a field of the aggregated item, or a member. */
export function compileName(ref: NameRef, analysis: Analysis): ArtExpr {
  const r = analysis.resolve(ref);
  if (r?.kind === "field") {
    const fields = listFields(analysis, r.list);
    return { k: "field", name: (fields && fieldNamed(fields, ref.name)?.name) ?? ref.name };
  }
  if (r?.kind === "member") return { k: "member", v: memberNamed(r.of, ref.name) };
  const symbol = r?.symbol ?? symbolNamed(analysis, ref.name);
  if (!symbol) throw new CompileError(`unknown name «${ref.name}»`, ref.range);
  if (symbol.kind === "input" || symbol.kind === "parameter" || symbol.kind === "value") {
    return { k: "ref", name: symbol.name };
  }
  throw new CompileError(`«${ref.name}» (${symbol.kind}) cannot be read as a value`, ref.range);
}

function flatten(kind: "and" | "or", items: Expr[], analysis: Analysis): ArtExpr[] {
  const out: ArtExpr[] = [];
  for (const item of items) {
    const x = unparen(item);
    if (x?.kind === kind) out.push(...flatten(kind, x.items, analysis));
    else out.push(compileExpr(need(x, "an operand", item.range), analysis));
  }
  return out;
}

/** Compiles an expression. Throws CompileError on a partial tree. */
export function compileExpr(e: Expr, analysis: Analysis): ArtExpr {
  const lit = literalExpr(e);
  if (lit) return lit;
  const sub = (x: Expr | undefined, what: string) => compileExpr(need(x, what, e.range), analysis);
  switch (e.kind) {
    case "number":
    case "string":
    case "bool":
    case "date":
      // Handled by literalExpr above; kept for exhaustiveness.
      throw new CompileError("unreachable literal", e.range);
    case "name":
      return compileName(e, analysis);
    case "paren":
      return sub(e.inner, "the parenthesised expression");
    case "neg":
      return { k: "neg", a: sub(e.operand, "the operand") };
    case "arith":
      return {
        k: "arith",
        op: e.op,
        a: sub(e.left, "the left operand"),
        b: sub(e.right, "the right operand"),
      };
    case "and":
    case "or":
      return { k: e.kind, items: flatten(e.kind, e.items, analysis) };
    case "not":
      return { k: "not", a: sub(e.operand, "the operand") };
    case "cmp":
      return { k: "cmp", op: e.op, a: sub(e.left, "the left operand"), b: sub(e.right, "the right operand") };
    case "between": {
      const x = sub(e.subject, "the subject");
      const lo = sub(e.low, "the lower bound");
      const hi = sub(e.high, "the upper bound");
      return e.negated
        ? {
            k: "or",
            items: [
              { k: "cmp", op: "lt", a: x, b: lo },
              { k: "cmp", op: "gt", a: x, b: hi },
            ],
          }
        : {
            k: "and",
            items: [
              { k: "cmp", op: "gte", a: x, b: lo },
              { k: "cmp", op: "lte", a: x, b: hi },
            ],
          };
    }
    case "in": {
      const test: ArtExpr = {
        k: "in",
        a: sub(e.subject, "the subject"),
        set: e.set.map((v) => compileExpr(v, analysis)),
      };
      return e.negated ? { k: "not", a: test } : test;
    }
    case "missing": {
      const test: ArtExpr = { k: "missing", a: sub(e.subject, "the subject") };
      return e.negated ? { k: "not", a: test } : test;
    }
    case "if":
      return {
        k: "if",
        cond: sub(e.cond, "the condition"),
        then: sub(e.then, "the «آنگاه» branch"),
        else: sub(e.else, "the «وگرنه» branch"),
      };
    case "call":
      return compileCall(e, analysis);
  }
}

type Call = Extract<Expr, { kind: "call" }>;

function compileCall(call: Call, analysis: Analysis): ArtExpr {
  const callee = call.callee?.text ?? "";
  const builtin = call.builtin ?? BUILTIN_NAMES[nameKey(callee)];
  const arg = (i: number, what: string) => need(call.args[i], what, call.range);
  const compiled = (i: number, what: string) => compileExpr(arg(i, what), analysis);
  const optional = (i: number) => {
    const a = call.args[i];
    return a ? compileExpr(a, analysis) : undefined;
  };

  if (!builtin) {
    const symbol = symbolNamed(analysis, callee);
    if (symbol?.kind !== "table")
      throw new CompileError(`«${callee}» is neither a function nor a table`, call.range);
    return { k: "table", table: symbol.name, args: call.args.map((a) => compileExpr(a, analysis)) };
  }

  switch (builtin) {
    case "min":
    case "max": {
      const first = arg(0, "the first argument");
      if (analysis.typeOf(first)?.kind === "list") {
        return withOptional(
          {
            k: "agg",
            fn: builtin,
            list: listName(first, analysis),
            body: compiled(1, "the expression per item"),
          },
          "where",
          optional(2),
        );
      }
      // Scalars; a «همه» table look-up among them yields several values, which the engine spreads.
      return { k: "minmax", fn: builtin, args: call.args.map((a) => compileExpr(a, analysis)) };
    }
    case "round":
      return {
        k: "round",
        a: compiled(0, "the number to round"),
        places: roundPlaces(call.args[1], analysis),
        mode: roundMode(call),
      };
    case "sum":
    case "count":
    case "all":
    case "any": {
      const table = collectTable(call.args[0], analysis);
      if (table)
        return expandCollect(builtin, call, table, analysis, { compileExpr, compileCell }, call.range);
      break;
    }
  }
  switch (builtin) {
    case "sum":
      return withOptional(
        {
          k: "agg",
          fn: "sum",
          list: listName(arg(0, "the list"), analysis),
          body: compiled(1, "the expression per item"),
        },
        "where",
        optional(2),
      );
    case "count":
      return withOptional(
        { k: "agg", fn: "count", list: listName(arg(0, "the list"), analysis) },
        "where",
        optional(1),
      );
    case "all":
    case "any":
      return {
        k: "agg",
        fn: builtin,
        list: listName(arg(0, "the list"), analysis),
        body: compiled(1, "the condition"),
      };
  }
}

function withOptional<T extends object, K extends string, V>(base: T, key: K, value: V | undefined): T {
  return value === undefined ? base : { ...base, [key]: value };
}

/** An aggregate's first argument: the name of a list input. */
function listName(e: Expr, analysis: Analysis): string {
  const x = unparen(e);
  if (x?.kind === "name") {
    const r = analysis.resolve(x);
    const symbol = r?.kind === "symbol" ? r.symbol : symbolNamed(analysis, x.name);
    if (symbol?.kind === "input") return symbol.name;
  }
  throw new CompileError(
    "an aggregate's first argument must name a list input (a «همه» table's look-up cannot be aggregated in artefact format zavabet/1)",
    e.range,
  );
}

/** The mode: a mode word in third place (`گرد(x، ۰، پایین)`), else the function's own. */
function roundMode(call: Call): RoundMode {
  const third = unparen(call.args[2]);
  if (third?.kind === "name") {
    const mode = ROUND_MODE_WORDS[nameKey(third.name)];
    if (mode) return mode;
  }
  return call.roundMode ?? ROUND_MODES[nameKey(call.callee?.text ?? "")] ?? "half-up";
}

/** The number of decimals to round to: an integer literal (possibly negative) or a parameter holding one. */
function roundPlaces(e: Expr | undefined, analysis: Analysis): number {
  if (!e) return 0;
  let lit = literalExpr(e);
  const x = unparen(e);
  if (!lit && x?.kind === "name") {
    const symbol = symbolNamed(analysis, x.name);
    if (symbol?.kind === "parameter") lit = literalExpr(symbol.decl.value);
  }
  if (lit?.k === "num" && /^-?\d+$/.test(lit.v)) return Number(lit.v);
  throw new CompileError("the places to round to must be a whole number written in the rule", e.range);
}
