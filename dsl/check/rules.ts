/**
 * Rules that cannot work as written: a condition that can never hold (`x بیشتر از ۱۰ و x کمتر از ۵`),
 * a message whose `{hole}` names nothing showable, two rules a test could not tell apart by title.
 * "Never holds" is judged only where it is certain: bounds that are literals or parameters on one
 * name, joined by «و»; anything computed is given the benefit of the doubt.
 */
import type Decimal from "decimal.js";
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { CmpOp, Expr, NameRef, RulesetFile } from "../syntax/ast";
import { closestNames, nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import { holesOf, outcomeMessage, outcomeNames } from "./holes";
import { type Const, constOf, type Interval, includes, intersect, isEmpty } from "./intervals";
import { count, didYouMean } from "./wording";

export function titleKey(title: string): string {
  return nameKey(title.trim().replace(/\s+/g, " "));
}

export function checkRules(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const titles = new Map<string, number>();
  for (const rule of file.rules) {
    const title = rule.title?.value ?? "";
    if (rule.title) {
      const key = titleKey(title);
      const line = titles.get(key);
      if (line !== undefined) out.push(diagnostic("ZB5008", rule.title.range, title, count(line)));
      else titles.set(key, rule.title.range.startLine);
    }

    if (rule.condition) {
      const verdict = neverHolds(rule.condition, analysis);
      if (verdict) {
        const detail = verdict.subject
          ? {
              fa: ` («${verdict.subject}» نمی‌تواند هم‌زمان همه‌ی این شرط‌ها را داشته باشد)`,
              en: ` («${verdict.subject}» cannot meet all these bounds at once)`,
            }
          : "";
        out.push(diagnostic("ZB5005", rule.condition.range, title, detail));
      }
    }

    for (const o of rule.outcomes) {
      for (const text of outcomeNames(o)) {
        for (const hole of holesOf(text)) out.push(diagnostic("ZB5009", hole.range, hole.name));
      }
      for (const hole of holesOf(outcomeMessage(o))) {
        if (hole.name === "" || analysis.partial.has(nameKey(hole.name))) continue;
        const symbol = analysis.symbols.get(nameKey(hole.name));
        if (!symbol) {
          const readable = [...analysis.symbols.values()]
            .filter((s) => s.kind === "input" || s.kind === "parameter" || s.kind === "value")
            .map((s) => s.name);
          out.push(
            diagnostic("ZB5006", hole.range, hole.name, didYouMean(closestNames(hole.name, readable))),
          );
        } else if (
          symbol.kind === "table" ||
          symbol.kind === "setTarget" ||
          (symbol.kind === "input" && symbol.type.kind === "list")
        ) {
          out.push(diagnostic("ZB5007", hole.range, hole.name));
        }
      }
    }
  }
  return out;
}

// ---- conditions that can never hold ------------------------------------------------------------

interface Verdict {
  subject?: string;
}

/** What the «و»-joined parts of a condition allow one name to be. */
interface Allowed {
  label: string;
  range: Interval;
  nums?: Decimal[];
  syms?: Set<string>;
  notNums: Decimal[];
  notSyms: Set<string>;
}

const FLIP: Record<CmpOp, CmpOp> = { eq: "eq", ne: "ne", gt: "lt", gte: "lte", lt: "gt", lte: "gte" };

function unparen(e: Expr | undefined): Expr | undefined {
  let x = e;
  while (x?.kind === "paren") x = x.inner;
  return x;
}

function neverHolds(e: Expr, analysis: CheckedAnalysis): Verdict | undefined {
  const x = unparen(e);
  if (!x) return undefined;
  if (x.kind === "bool") return x.value ? undefined : {};
  if (x.kind === "or") {
    const each = x.items.map((item) => neverHolds(item, analysis));
    return x.items.length > 0 && each.every((v) => v !== undefined) ? (each[0] ?? {}) : undefined;
  }
  if (x.kind === "cmp") {
    const a = constOf(x.left, analysis);
    const b = constOf(x.right, analysis);
    if (a?.kind === "num" && b?.kind === "num" && !holds(x.op, a.v.cmp(b.v))) return {};
  }
  if (x.kind !== "and") return undefined;
  for (const item of x.items) {
    const v = neverHolds(item, analysis);
    if (v) return v;
  }
  const bySubject = new Map<string, Allowed>();
  for (const item of flattenAnd(x)) constrain(item, analysis, bySubject);
  for (const allowed of bySubject.values()) if (impossible(allowed)) return { subject: allowed.label };
  return undefined;
}

function holds(op: CmpOp, c: number): boolean {
  switch (op) {
    case "eq":
      return c === 0;
    case "ne":
      return c !== 0;
    case "gt":
      return c > 0;
    case "gte":
      return c >= 0;
    case "lt":
      return c < 0;
    case "lte":
      return c <= 0;
  }
}

function flattenAnd(e: Expr): Expr[] {
  const x = unparen(e);
  if (x?.kind !== "and") return x ? [x] : [];
  return x.items.flatMap(flattenAnd);
}

/** A name whose value the condition constrains: an input, value or field (not a member or literal). */
function subjectOf(e: Expr | undefined, analysis: CheckedAnalysis): NameRef | undefined {
  const x = unparen(e);
  if (x?.kind !== "name") return undefined;
  const r = analysis.resolve(x);
  if (r?.kind === "field") return x;
  if (r?.kind === "symbol" && (r.symbol.kind === "input" || r.symbol.kind === "value")) return x;
  return undefined;
}

function constrain(e: Expr, analysis: CheckedAnalysis, bySubject: Map<string, Allowed>): void {
  const slot = (ref: NameRef): Allowed => {
    const r = analysis.resolve(ref);
    const key = `${r?.kind === "field" ? `field:${r.list}:` : ""}${nameKey(ref.name)}`;
    let a = bySubject.get(key);
    if (!a) {
      a = {
        label: ref.name,
        range: { loInclusive: false, hiInclusive: false },
        notNums: [],
        notSyms: new Set(),
      };
      bySubject.set(key, a);
    }
    return a;
  };
  const onlyAllow = (a: Allowed, cs: Const[]) => {
    const nums = cs.flatMap((c) => (c.kind === "num" ? [c.v] : []));
    const syms = new Set(cs.flatMap((c) => (c.kind === "sym" ? [c.key] : [])));
    a.nums = a.nums ? a.nums.filter((v) => nums.some((w) => w.equals(v))) : nums;
    a.syms = a.syms ? new Set([...a.syms].filter((s) => syms.has(s))) : syms;
  };

  if (e.kind === "cmp") {
    let op = e.op;
    let subject = subjectOf(e.left, analysis);
    let other = constOf(e.right, analysis);
    if (!subject || !other) {
      subject = subjectOf(e.right, analysis);
      other = constOf(e.left, analysis);
      op = FLIP[op];
    }
    if (!subject || !other) return;
    const a = slot(subject);
    if (op === "eq") onlyAllow(a, [other]);
    else if (op === "ne") {
      if (other.kind === "num") a.notNums.push(other.v);
      else a.notSyms.add(other.key);
    } else if (other.kind === "num") {
      const bound: Interval =
        op === "gt" || op === "gte"
          ? { lo: other.v, loInclusive: op === "gte", hiInclusive: false }
          : { hi: other.v, hiInclusive: op === "lte", loInclusive: false };
      a.range = intersect(a.range, bound);
    }
    return;
  }
  if (e.kind === "between" && !e.negated) {
    const subject = subjectOf(e.subject, analysis);
    const lo = constOf(e.low, analysis);
    const hi = constOf(e.high, analysis);
    if (!subject || lo?.kind !== "num" || hi?.kind !== "num") return;
    const a = slot(subject);
    a.range = intersect(a.range, { lo: lo.v, loInclusive: true, hi: hi.v, hiInclusive: true });
    return;
  }
  if (e.kind === "in") {
    const subject = subjectOf(e.subject, analysis);
    const set = e.set.map((v) => constOf(v, analysis));
    if (!subject || !set.every((c): c is Const => c !== undefined)) return;
    const a = slot(subject);
    if (!e.negated) onlyAllow(a, set);
    else
      for (const c of set) {
        if (c.kind === "num") a.notNums.push(c.v);
        else a.notSyms.add(c.key);
      }
  }
}

function impossible(a: Allowed): boolean {
  if (isEmpty(a.range)) return true;
  const mixed = a.nums !== undefined && a.syms !== undefined && a.nums.length > 0 && a.syms.size > 0;
  if (mixed) return false;
  if (a.nums && a.syms && a.nums.length + a.syms.size === 0) return true;
  if (a.nums && a.nums.length > 0) {
    return !a.nums.some((v) => includes(a.range, v) && !a.notNums.some((w) => w.equals(v)));
  }
  if (a.syms && a.syms.size > 0) return ![...a.syms].some((s) => !a.notSyms.has(s));
  return false;
}
