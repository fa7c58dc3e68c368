/**
 * Type errors, judged operand by operand from what analyse.ts inferred: units that do not combine
 * (money + percent), comparisons across units, conditions that are not yes/no, built-ins given the
 * wrong things, table look-ups whose arguments do not fit the columns. Where an operand's type is
 * unknown an error was already reported for it, so nothing more is said.
 */
import type { ScalarType } from "../../artefact/types";
import { type Diagnostic, diagnostic, type MessageArg } from "../diagnostics";
import type { ArithOp, Expr, RulesetFile, SourceRange, TableDecl } from "../syntax/ast";
import { forEachExpr } from "../syntax/walk";
import { nameKey } from "../text";
import type { Call, CheckedAnalysis } from "./analyse";
import { isRoundModeWord, parameterType } from "./analyse";
import type { LangType } from "./analysis";
import { arithType, comparability, isListLike, isNumeric, isOrdered, isScalar, unify } from "./type-rules";
import { both, count, typeName, type Worded } from "./wording";

const OPERATION: Record<ArithOp, Worded> = {
  "+": both("جمع", "add"),
  "-": both("تفریق", "subtract"),
  "*": both("ضرب", "multiply"),
  "/": both("تقسیم", "divide"),
};

/** Built-ins whose first argument may be a list. */
const TAKES_LIST = new Set(["sum", "count", "any", "all", "min", "max"]);

export function checkTypes(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const say = (code: Parameters<typeof diagnostic>[0], range: SourceRange, ...args: MessageArg[]) =>
    out.push(diagnostic(code, range, ...args));
  const typeOf = (e: Expr | undefined) => (e ? analysis.typeOf(e) : undefined);
  const scalar = (e: Expr | undefined) => {
    const t = typeOf(e);
    return isScalar(t) ? t : undefined;
  };
  const needBool = (e: Expr | undefined) => {
    const t = scalar(e);
    if (e && t && t.kind !== "bool") say("ZB3004", e.range, typeName(t));
  };
  const compare = (at: SourceRange, a: Expr | undefined, b: Expr | undefined, ordered: boolean) => {
    const ta = scalar(a);
    const tb = scalar(b);
    if (ordered) {
      const unordered = [ta, tb].find((t) => t !== undefined && !isOrdered(t));
      if (unordered) return say("ZB3015", at, typeName(unordered));
    }
    if (!ta || !tb) return;
    const c = comparability(ta, tb);
    if (c === "moneyVsNumber") say("ZB3003", at);
    else if (c === "mismatch") say("ZB3002", at, typeName(ta), typeName(tb));
  };

  forEachExpr(file, (e, parent, index) => {
    const own = typeOf(e);
    const listAllowed =
      (parent?.kind === "call" &&
        parent.builtin !== undefined &&
        TAKES_LIST.has(parent.builtin) &&
        index === 0) ||
      parent?.kind === "missing";
    if (isListLike(own) && !listAllowed) say("ZB3014", e.range);

    switch (e.kind) {
      case "arith": {
        const l = scalar(e.left);
        const r = scalar(e.right);
        if (l && r && !arithType(e.op, l, r))
          say("ZB3001", e.range, OPERATION[e.op], typeName(l), typeName(r));
        break;
      }
      case "neg": {
        const t = scalar(e.operand);
        if (e.operand && t && !isNumeric(t)) say("ZB3008", e.operand.range, typeName(t));
        break;
      }
      case "and":
      case "or":
        for (const item of e.items) needBool(item);
        break;
      case "not":
        needBool(e.operand);
        break;
      case "cmp":
        compare(e.range, e.left, e.right, e.op !== "eq" && e.op !== "ne");
        break;
      case "between":
        compare(e.range, e.subject, e.low, true);
        compare(e.range, e.subject, e.high, true);
        break;
      case "in":
        for (const item of e.set) compare(item.range, e.subject, item, false);
        break;
      case "if": {
        needBool(e.cond);
        const a = scalar(e.then);
        const b = scalar(e.else);
        if (e.else && a && b && !unify(a, b)) say("ZB3005", e.else.range, typeName(a), typeName(b));
        break;
      }
      case "call":
        if (e.builtin) checkBuiltin(e, analysis, out);
        else checkTableArgs(e, analysis, out);
        break;
      default:
        break;
    }
  });

  for (const rule of file.rules) {
    needBool(rule.condition);
    for (const o of rule.outcomes) {
      if (o.kind !== "require" || !o.amount) continue;
      const t = scalar(o.amount);
      if (t && t.kind !== "money") say("ZB3016", o.amount.range, typeName(t));
    }
  }
  for (const p of file.parameters) {
    if (p.value && !parameterType(p)) say("ZB3012", p.value.range);
  }
  checkSetTargets(file, analysis, out);
  for (const table of file.tables) checkColumns(table, analysis, out);
  return out;
}

function checkBuiltin(call: Call, analysis: CheckedAnalysis, out: Diagnostic[]): void {
  const n = call.args.length;
  const name = call.callee.text;
  const [first, second, third] = call.args;
  const typeOf = (e: Expr | undefined): LangType | undefined => (e ? analysis.typeOf(e) : undefined);
  const t0 = typeOf(first);
  const arity = (ok: boolean, fa: string, en: string) => {
    if (!ok) out.push(diagnostic("ZB3006", call.range, name, both(fa, en), count(n)));
    return ok;
  };
  const needBool = (e: Expr | undefined) => {
    const t = typeOf(e);
    if (e && isScalar(t) && t.kind !== "bool") out.push(diagnostic("ZB3004", e.range, typeName(t)));
  };
  const needNumeric = (e: Expr | undefined) => {
    const t = typeOf(e);
    if (e && isScalar(t) && !isNumeric(t)) out.push(diagnostic("ZB3008", e.range, typeName(t)));
  };
  const needList = () => {
    if (first && isScalar(t0)) out.push(diagnostic("ZB3007", first.range, name, typeName(t0)));
  };

  switch (call.builtin) {
    case "round": {
      if (!arity(n === 1 || n === 2 || (n === 3 && isRoundModeWord(call, 2)), "۱ یا ۲", "1 or 2")) return;
      needNumeric(first);
      if (second && !isWholeNumber(second, analysis)) out.push(diagnostic("ZB3009", second.range));
      return;
    }
    case "min":
    case "max": {
      if (t0?.kind === "list") {
        if (!arity(n === 2 || n === 3, "۲ یا ۳", "2 or 3")) return;
        const body = typeOf(second);
        if (second && isScalar(body) && !isOrdered(body))
          out.push(diagnostic("ZB3015", second.range, typeName(body)));
        needBool(third);
        return;
      }
      if (!arity(n >= 1, "دست‌کم ۱", "at least 1")) return;
      let shared: ScalarType | undefined;
      for (const arg of call.args) {
        const raw = typeOf(arg);
        const t = raw?.kind === "scalars" ? raw.of : isScalar(raw) ? raw : undefined;
        if (!t) continue;
        if (!isOrdered(t)) {
          out.push(diagnostic("ZB3015", arg.range, typeName(t)));
          continue;
        }
        if (shared && !unify(shared, t))
          out.push(diagnostic("ZB3018", arg.range, name, typeName(shared), typeName(t)));
        else shared = shared ? unify(shared, t) : t;
      }
      return;
    }
    case "sum":
      if (t0?.kind === "scalars") {
        arity(n === 1, "۱", "1");
        return;
      }
      if (!arity(n === 2 || n === 3, "۲ یا ۳", "2 or 3")) return;
      needList();
      if (t0?.kind !== "list") return;
      needNumeric(second);
      needBool(third);
      return;
    case "count":
      if (t0?.kind === "scalars") {
        arity(n === 1, "۱", "1");
        return;
      }
      if (!arity(n === 1 || n === 2, "۱ یا ۲", "1 or 2")) return;
      needList();
      if (t0?.kind === "list") needBool(second);
      return;
    case "any":
    case "all":
      if (!arity(n === 2, "۲", "2")) return;
      needList();
      if (t0?.kind === "list") needBool(second);
      return;
    default:
      return;
  }
}

/** Rounding places: a whole number written in the rule, or a parameter holding one. */
function isWholeNumber(e: Expr, analysis: CheckedAnalysis): boolean {
  let x: Expr | undefined = e;
  if (x.kind === "name") {
    const symbol = analysis.symbols.get(nameKey(x.name));
    if (symbol?.kind !== "parameter") return analysis.typeOf(x) === undefined;
    x = symbol.decl.value;
  }
  while (x?.kind === "paren" || x?.kind === "neg") x = x.kind === "paren" ? x.inner : x.operand;
  return x?.kind === "number" && x.unit === undefined && /^-?[0-9]+$/.test(x.value);
}

function checkTableArgs(call: Call, analysis: CheckedAnalysis, out: Diagnostic[]): void {
  const symbol = analysis.symbols.get(nameKey(call.callee.text));
  if (symbol?.kind !== "table") return;
  call.args.forEach((arg, i) => {
    const column = symbol.columnTypes[i];
    const t = analysis.typeOf(arg);
    if (!column || !isScalar(t)) return;
    const fits = column.kind === "enum" ? t.kind === "enum" : comparability(t, column) === "ok";
    if (fits) return;
    const columnName = symbol.decl.columns[i]?.text ?? "";
    out.push(
      diagnostic("ZB3010", arg.range, count(i + 1), symbol.name, columnName, typeName(column), typeName(t)),
    );
  });
}

/** Every rule that sets an output must set it to one type. */
function checkSetTargets(file: RulesetFile, analysis: CheckedAnalysis, out: Diagnostic[]): void {
  const first = new Map<string, { type: ScalarType; line: number }>();
  for (const rule of file.rules) {
    for (const o of rule.outcomes) {
      if (o.kind !== "set" || !o.target || !o.value) continue;
      const t = analysis.typeOf(o.value);
      if (!isScalar(t)) continue;
      const key = nameKey(o.target.text);
      const earlier = first.get(key);
      if (!earlier) first.set(key, { type: t, line: o.value.range.startLine });
      else if (!unify(earlier.type, t)) {
        out.push(
          diagnostic(
            "ZB3013",
            o.value.range,
            o.target.text,
            typeName(t),
            count(earlier.line),
            typeName(earlier.type),
          ),
        );
      }
    }
  }
}

/** A column is one type, read from its cells; so is the output. Ranges need an ordered type. */
function checkColumns(table: TableDecl, analysis: CheckedAnalysis, out: Diagnostic[]): void {
  const running: (ScalarType | undefined)[] = [];
  const agree = (slot: number, label: string, e: Expr | undefined) => {
    const t = e ? analysis.typeOf(e) : undefined;
    if (!e || !isScalar(t)) return;
    const soFar = running[slot];
    if (!soFar) running[slot] = t;
    else if (!unify(soFar, t)) out.push(diagnostic("ZB3011", e.range, label, typeName(soFar), typeName(t)));
    else running[slot] = unify(soFar, t);
  };
  const outputSlot = table.columns.length;
  const outputLabel = table.outputColumn?.text ?? table.name?.text ?? "";
  for (const row of table.rows) {
    row.cells.forEach((cell, i) => {
      if (i >= table.columns.length) return;
      const label = table.columns[i]?.text ?? "";
      if (cell.kind === "values") for (const v of cell.values) agree(i, label, v);
      if (cell.kind === "range") {
        for (const bound of [cell.low, cell.high]) {
          const t = bound ? analysis.typeOf(bound) : undefined;
          if (bound && isScalar(t) && !isOrdered(t)) out.push(diagnostic("ZB3015", bound.range, typeName(t)));
          else agree(i, label, bound);
        }
      }
    });
    agree(outputSlot, outputLabel, row.output);
  }
}
