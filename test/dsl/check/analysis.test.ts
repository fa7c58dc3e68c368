import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { check } from "../../../dsl/check";
import type { Expr, NameRef } from "../../../dsl/syntax/ast";
import { parse } from "../../../dsl/syntax/parse";
import { checked } from "./helpers";

describe("a clean file", () => {
  it("using the spec's constructs gets no diagnostics at all", () => {
    const src = readFileSync(new URL("./fixtures/clean.zb", import.meta.url), "utf8");
    const parsed = parse(src);
    expect(parsed.diagnostics).toEqual([]);
    expect(check(parsed.file).diagnostics).toEqual([]);
  });
});

/** Every bare name under `e`, in source order. */
function names(e: Expr | undefined): NameRef[] {
  if (!e) return [];
  const out: NameRef[] = [];
  const visit = (x: Expr | undefined): void => {
    if (!x) return;
    if (x.kind === "name") out.push(x);
    for (const v of Object.values(x)) {
      if (Array.isArray(v))
        for (const item of v) if (item && typeof item === "object" && "kind" in item) visit(item);
      if (v && typeof v === "object" && "kind" in v && "range" in v) visit(v as Expr);
    }
  };
  visit(e);
  return out;
}

describe("the analysis", () => {
  const { file, analysis } = checked(`ورودی نوع_طرح: یکی از (خانگی، برند)
ورودی مبلغ: ریال
ورودی تاریخ_شروع: تاریخ
ورودی وثایق: فهرست از (نوع: یکی از (ملکی، سفته)، ارزش: ریال)
پارامتر نرخ = ۲٪ [ماده ۱]
مقدار کارمزد = مبلغ × نرخ
مقدار مهلت = تاریخ_شروع - ۱۴۰۳/۰۱/۰۱
مقدار وثیقه_ملکی = جمع(وثایق، ارزش، نوع = ملکی)
مقدار پایه = کارمزد_نهایی + ۱ ریال
مقدار کارمزد_نهایی = ضریب(نوع_طرح) × کارمزد
جدول ضریب (اولین)
  | طرح    || ضریب |
  | خانگی  || ۱    |
  | برند   || ۲    |
قاعده «خانگی» [ماده ۲]
  اگر نوع_طرح = خانگی
  آنگاه هشدار «خانگی»
`);
  const value = (name: string) => file.values.find((v) => v.name?.text === name)!.expr!;

  it("types expressions by the spec's arithmetic", () => {
    expect(analysis.typeOf(value("کارمزد"))).toEqual({ kind: "money" });
    expect(analysis.typeOf(value("مهلت"))).toEqual({ kind: "number", unit: "day" });
    expect(analysis.typeOf(value("وثیقه_ملکی"))).toEqual({ kind: "money" });
    expect(analysis.typeOf(value("کارمزد_نهایی"))).toEqual({ kind: "money" });
    expect(analysis.symbols.get("نرخ")).toMatchObject({ kind: "parameter", type: { kind: "percent" } });
    expect(analysis.symbols.get("ضریب")).toMatchObject({
      kind: "table",
      columnTypes: [{ kind: "enum", members: ["خانگی", "برند"] }],
      outputType: { kind: "number" },
    });
  });

  it("resolves names to declarations, fields of the aggregated item and one-of members", () => {
    const [list, field, fieldInFilter, member] = names(value("وثیقه_ملکی"));
    expect(analysis.resolve(list!)).toMatchObject({
      kind: "symbol",
      symbol: { kind: "input", name: "وثایق" },
    });
    expect(analysis.resolve(field!)).toEqual({ kind: "field", list: "وثایق" });
    expect(analysis.resolve(fieldInFilter!)).toEqual({ kind: "field", list: "وثایق" });
    expect(analysis.resolve(member!)).toEqual({ kind: "member", of: ["ملکی", "سفته"] });

    const [subject, choice] = names(file.rules[0]!.condition);
    expect(analysis.resolve(subject!)).toMatchObject({ kind: "symbol", symbol: { kind: "input" } });
    expect(analysis.resolve(choice!)).toEqual({ kind: "member", of: ["خانگی", "برند"] });
    expect(analysis.typeOf(choice!)).toEqual({ kind: "enum", members: ["خانگی", "برند"] });
  });

  it("orders computed values after what they use", () => {
    const order = analysis.valueOrder;
    expect(order.indexOf("کارمزد")).toBeLessThan(order.indexOf("کارمزد_نهایی"));
    expect(order.indexOf("کارمزد_نهایی")).toBeLessThan(order.indexOf("پایه"));
    expect([...order].sort()).toEqual(file.values.map((v) => v.name!.text).sort());
  });
});
