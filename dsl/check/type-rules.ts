/**
 * The type algebra of docs/language-spec.md, "Types and arithmetic", in one place: what an operator
 * gives, what compares with what, when two types agree. Both the inference (analyse.ts) and the
 * reporting (types.ts) ask here, so they can never disagree.
 */
import type { ScalarType } from "../../artefact/types";
import type { ArithOp, NumberLit, TypeExpr } from "../syntax/ast";
import type { LangType } from "./analysis";

export const NUMBER: ScalarType = { kind: "number" };
export const MONEY: ScalarType = { kind: "money" };
export const PERCENT: ScalarType = { kind: "percent" };
export const BOOL: ScalarType = { kind: "bool" };
export const TEXT: ScalarType = { kind: "text" };
export const DATE: ScalarType = { kind: "date" };

export function isScalar(t: LangType | undefined): t is ScalarType {
  return t !== undefined && t.kind !== "list" && t.kind !== "scalars";
}

export function isListLike(t: LangType | undefined): t is Extract<LangType, { kind: "list" | "scalars" }> {
  return t?.kind === "list" || t?.kind === "scalars";
}

export function isNumeric(t: LangType | undefined): boolean {
  return t?.kind === "number" || t?.kind === "money" || t?.kind === "percent";
}

/** Kinds with an order, that `بیشتر از`, `بین` and ranges make sense for. */
export function isOrdered(t: LangType | undefined): boolean {
  return isNumeric(t) || t?.kind === "date";
}

/** The type a number literal stands for: its unit decides (ریال → money, ٪ → percent, ماه/سال/روز/نفر → number). */
export function numberLitType(lit: NumberLit): ScalarType {
  if (lit.unit === "rial") return MONEY;
  if (lit.unit === "percent") return PERCENT;
  return lit.unit ? { kind: "number", unit: lit.unit } : NUMBER;
}

/** A declared type. A list field that is itself a list is not a type the language has. */
export function declaredType(t: TypeExpr | undefined): LangType | undefined {
  if (!t) return undefined;
  switch (t.kind) {
    case "enum":
      return { kind: "enum", members: t.members.map((m) => m.text) };
    case "list": {
      const fields = [];
      for (const f of t.fields) {
        const type = declaredType(f.type);
        if (!isScalar(type)) continue;
        fields.push(f.alias ? { name: f.name.text, alias: f.alias.text, type } : { name: f.name.text, type });
      }
      return { kind: "list", fields };
    }
    default:
      return { kind: t.kind };
  }
}

function sameUnit(a: ScalarType, b: ScalarType): ScalarType {
  const ua = a.kind === "number" ? a.unit : undefined;
  const ub = b.kind === "number" ? b.unit : undefined;
  return ua !== undefined && ua === ub ? { kind: "number", unit: ua } : NUMBER;
}

/** The unit a product or quotient of two numbers keeps: the only one written, if just one is. */
function oneUnit(a: ScalarType, b: ScalarType): ScalarType {
  const ua = a.kind === "number" ? a.unit : undefined;
  const ub = b.kind === "number" ? b.unit : undefined;
  const unit = ua === undefined ? ub : ub === undefined ? ua : undefined;
  return unit === undefined ? NUMBER : { kind: "number", unit };
}

/**
 * The type of `a op b`, or undefined when the spec has no such operation (money + percent, a date
 * with money...). `percent ÷ number = percent` is not in the spec's list; it is allowed because a
 * yearly rate ÷ ۱۲ is how the circulars write a monthly one, and it mirrors money ÷ number.
 */
export function arithType(op: ArithOp, a: ScalarType, b: ScalarType): ScalarType | undefined {
  const k = `${a.kind} ${op} ${b.kind}`;
  switch (k) {
    case "number + number":
    case "number - number":
      return sameUnit(a, b);
    case "number * number":
    case "number / number":
      return oneUnit(a, b);
    case "money + money":
    case "money - money":
    case "money * number":
    case "money * percent":
    case "number * money":
    case "percent * money":
    case "money / number":
    case "money / percent":
      return MONEY;
    case "money / money":
      return NUMBER;
    case "percent + percent":
    case "percent - percent":
    case "percent * number":
    case "number * percent":
    case "percent / number":
      return PERCENT;
    case "date - date":
      return { kind: "number", unit: "day" };
    case "date + number":
    case "number + date":
    case "date - number":
      return DATE;
    default:
      return undefined;
  }
}

export type Comparability = "ok" | "mismatch" | "moneyVsNumber";

/** Whether `a` and `b` may be compared: percent and number may; money and a plain number may not. */
export function comparability(a: ScalarType, b: ScalarType): Comparability {
  if (a.kind === b.kind) {
    if (a.kind === "enum" && b.kind === "enum") {
      const set = new Set(a.members);
      return b.members.some((m) => set.has(m)) || a.members.length === 0 || b.members.length === 0
        ? "ok"
        : "mismatch";
    }
    return "ok";
  }
  const pair = new Set([a.kind, b.kind]);
  if (pair.has("percent") && pair.has("number")) return "ok";
  if (pair.has("money") && pair.has("number")) return "moneyVsNumber";
  return "mismatch";
}

/**
 * The one type two values share, where they must be of one type (the branches of اگر, the cells
 * of a column, the arguments of کمینه). Numbers agree whatever their units; one-ofs agree and
 * merge their members. A percent and a plain number do not agree: write ۰٪, not ۰.
 */
export function unify(a: ScalarType, b: ScalarType): ScalarType | undefined {
  if (a.kind !== b.kind) return undefined;
  if (a.kind === "number") return sameUnit(a, b);
  if (a.kind === "enum" && b.kind === "enum") {
    const members = [...a.members];
    for (const m of b.members) if (!members.includes(m)) members.push(m);
    return { kind: "enum", members };
  }
  return a;
}

/** Unify where it can, keeping the first type where it cannot (types.ts reports the disagreement). */
export function unifyOrFirst(a: ScalarType | undefined, b: ScalarType | undefined): ScalarType | undefined {
  if (!a) return b;
  if (!b) return a;
  return unify(a, b) ?? a;
}
