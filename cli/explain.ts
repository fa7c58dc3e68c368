/**
 * `eval --explain`: the engine's result (with its trace) as a Persian account — the decision with its
 * English word, each outcome with its clause and message, each computed value, and per rule which
 * conditions held, with the facts' values. Display only: every value shown comes from the result.
 */
import type { Artefact, ScalarType } from "../artefact/types";
import { formatDecimalFa, jalaliFromDayNumber, toPersianDigits } from "../dsl/text";
import type { Decision, EvaluationResult, Outcome, RuleTrace, TraceCondition } from "../engine";

const DECISION: Record<Decision, { fa: string; en: string }> = {
  accept: { fa: "پذیرش", en: "accept" },
  reject: { fa: "رد", en: "reject" },
  refer: { fa: "ارجاع", en: "refer" },
};

/** The comparison words of the language, by the engine's operator names. */
const OPERATOR_FA: Record<string, string> = {
  zbEq: "برابر",
  zbNe: "نابرابر",
  zbGt: "بیشتر از",
  zbGte: "بیشتر یا مساوی",
  zbLt: "کمتر از",
  zbLte: "کمتر یا مساوی",
  zbIn: "در",
  zbNotIn: "نه در",
  zbMissing: "ناموجود",
  zbPresent: "موجود",
};

const UNARY = new Set(["zbMissing", "zbPresent"]);
const MISSING = "ناموجود";
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function explain(result: EvaluationResult, artefact: Artefact): string {
  const types = typeIndex(artefact);
  const lines: string[] = [];
  const d = DECISION[result.decision];
  lines.push(`تصمیم: ${d.fa} (${d.en})`);

  lines.push("", "پیامدها (outcomes):");
  if (result.outcomes.length === 0) lines.push("  هیچ قاعده‌ای اجرا نشد (no rule fired)");
  for (const o of result.outcomes) {
    lines.push(`  • ${outcomeHead(o, types)} — «${o.rule}» [${o.citation}]`);
    if (o.message) lines.push(`      ${o.message}`);
  }

  const values = Object.entries(result.values);
  if (values.length > 0) {
    lines.push("", "مقدارها (values):");
    for (const [name, value] of values) lines.push(`  ${name} = ${showValue(value, types.get(name))}`);
  }

  if (result.trace && result.trace.length > 0) {
    lines.push("", "قاعده‌ها (rules):");
    for (const rule of result.trace) lines.push(...ruleLines(rule, types));
  }

  if (result.warnings && result.warnings.length > 0) {
    lines.push("", "هشدارهای اجرا (evaluation warnings):");
    for (const w of result.warnings) lines.push(`  ! ${w.fa}`, `    ${w.en}`);
  }
  return lines.join("\n");
}

function outcomeHead(o: Outcome, types: Map<string, ScalarType>): string {
  switch (o.kind) {
    case "reject":
      return "رد";
    case "refer":
      return `ارجاع به «${o.authority ?? ""}»`;
    case "require": {
      const amount = o.amount === undefined ? "" : ` به مبلغ ${showValue(o.amount, { kind: "money" })}`;
      return `الزام «${o.what ?? ""}»${amount}`;
    }
    case "warn":
      return "هشدار";
    case "set": {
      const target = o.target ?? "";
      return `تعیین ${target} = ${showValue(o.value ?? null, types.get(target))}`;
    }
  }
}

function ruleLines(rule: RuleTrace, types: Map<string, ScalarType>): string[] {
  const head = rule.fired ? "✓" : "✗";
  const state = rule.fired ? "اجرا شد (fired)" : "اجرا نشد (not fired)";
  const lines = [`  ${head} «${rule.rule}» [${rule.citation}] — ${state}`];
  if (rule.conditions.length === 0)
    lines.push("      بدون شرط؛ همیشه اجرا می‌شود (no condition: always fires)");
  for (const c of rule.conditions) lines.push(`      ${conditionLine(c, types)}`);
  return lines;
}

function conditionLine(c: TraceCondition, types: Map<string, ScalarType>): string {
  const factType = types.get(c.fact);
  const op = OPERATOR_FA[c.operator] ?? c.operator;
  // The mark says whether the line as shown holds: for «نه …» that is the opposite of the leaf's result.
  const holds = c.result !== (c.negated === true);
  const mark = c.skipped ? "·" : holds ? "✓" : "✗";
  const not = c.negated ? "نه " : "";
  const facts = [`${c.fact} = ${showRaw(c.actual, factType)}`];
  let text: string;
  if (UNARY.has(c.operator)) {
    text = `${not}${c.fact} ${op}`;
  } else if (isFactRef(c.expected)) {
    text = `${not}${c.fact} ${op} ${c.expected.fact}`;
    facts.push(
      `${c.expected.fact} = ${showRaw(c.expected.value ?? null, types.get(c.expected.fact) ?? factType)}`,
    );
  } else {
    text = `${not}${c.fact} ${op} ${showExpected(c.expected, factType)}`;
  }
  const note = c.skipped ? " (بررسی نشد — not evaluated)" : "";
  return `${mark} ${text}؛ ${facts.join("، ")}${note}`;
}

function isFactRef(v: unknown): v is { fact: string; value?: unknown } {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { fact?: unknown }).fact === "string"
  );
}

function showExpected(v: unknown, type: ScalarType | undefined): string {
  if (Array.isArray(v)) return `(${v.map((m) => showRaw(m, type)).join("، ")})`;
  return showRaw(v, type);
}

/** A value in the artefact's own form (a percent as its fraction, a date as its day number). */
function showRaw(v: unknown, type: ScalarType | undefined): string {
  if (typeof v === "number") return showRaw(String(v), type);
  if (typeof v === "string" && DECIMAL.test(v)) {
    if (type?.kind === "percent") return `${formatDecimalFa(shiftPoint(v, 2))}٪`;
    if (type?.kind === "date" && /^-?\d+$/.test(v)) return toPersianDigits(jalaliFromDayNumber(Number(v)));
  }
  return showValue(v, type?.kind === "percent" || type?.kind === "date" ? undefined : type);
}

/** A value as the result reports it (a percent in percent points, a date as yyyy/mm/dd). */
function showValue(v: unknown, type: ScalarType | undefined): string {
  if (v === null || v === undefined) return MISSING;
  if (typeof v === "boolean") return v ? "بله" : "خیر";
  if (typeof v === "number") return showValue(String(v), type);
  if (typeof v === "string") {
    if (type?.kind === "text" || type?.kind === "enum") return `«${v}»`;
    if (type?.kind === "date") return toPersianDigits(v);
    if (DECIMAL.test(v)) {
      const n = formatDecimalFa(v);
      if (type?.kind === "money") return `${n} ریال`;
      if (type?.kind === "percent") return `${n}٪`;
      return n;
    }
    return `«${v}»`;
  }
  return toPersianDigits(JSON.stringify(v));
}

/** "0.015" shifted two places → "1.5", on the digits (no floating point). */
function shiftPoint(decimal: string, places: number): string {
  const negative = decimal.startsWith("-");
  const [int = "0", frac = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const digits = int + frac.padEnd(places, "0");
  const point = int.length + places;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const rest = digits.slice(point).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${rest ? `.${rest}` : ""}`;
}

/** The declared type of every named thing a result or trace can mention. */
function typeIndex(artefact: Artefact): Map<string, ScalarType> {
  const types = new Map<string, ScalarType>();
  for (const i of artefact.inputs) if (i.type.kind !== "list") types.set(i.name, i.type);
  for (const p of artefact.parameters) types.set(p.name, p.type);
  for (const v of artefact.values) types.set(v.name, v.type);
  for (const rule of artefact.rules) {
    for (const o of rule.event.params.outcomes) {
      if (o.kind === "set" && o.target && o.valueType && !types.has(o.target))
        types.set(o.target, o.valueType);
    }
  }
  return types;
}
