/**
 * The compiled rules on STOCK json-rules-engine with our zb* operators: facts are the case's values,
 * the parameters, the computed values and the anonymous expressions, computed the way the engine
 * does (engine/case.ts, engine/evaluate-expr.ts); then every ruleset test through the engine itself.
 */
import { Engine, type RuleProperties } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import type { Artefact } from "../../../artefact/types";
import { createEngine, runTests } from "../../../engine";
import { caseReader } from "../../../engine/case";
import { evaluateExpr } from "../../../engine/evaluate-expr";
import { registerOperators } from "../../../engine/operators";
import { parameterValue } from "../../../engine/params";
import type { Scope } from "../../../engine/scope";
import type { RuntimeValue } from "../../../engine/values";
import { compileBody, compileText } from "./helpers";
import { SAMPLE } from "./sample";

async function firedRules(a: Artefact, caseJson: Record<string, unknown>): Promise<string[]> {
  const env = new Map<string, RuntimeValue>(caseReader(a).read(caseJson));
  for (const p of a.parameters) {
    const r = parameterValue(p);
    if ("value" in r) env.set(p.name, r.value);
  }
  const scope: Scope = {
    get: (name) => env.get(name),
    table: (name) => a.tables.find((t) => t.name === name),
    listFields: (name) => {
      const t = a.inputs.find((i) => i.name === name)?.type;
      return t?.kind === "list" ? t.fields : undefined;
    },
    warn: () => {},
  };
  for (const v of a.values) env.set(v.name, evaluateExpr(v.expr, scope));
  const facts: Record<string, unknown> = {};
  for (const [name, v] of env) if (v !== undefined) facts[name] = v;
  for (const [name, e] of Object.entries(a.expressions)) {
    const v = evaluateExpr(e, scope);
    if (v !== undefined) facts[name] = v;
  }

  const engine = new Engine(structuredClone(a.rules) as unknown as RuleProperties[], {
    allowUndefinedFacts: true,
  });
  registerOperators(engine);
  const { events } = await engine.run(facts);
  // Rules of one priority run concurrently: report the fired ones in the artefact's order.
  const fired = new Set(
    events.flatMap((e) => ((e.params?.outcomes ?? []) as { rule: string }[]).map((o) => o.rule)),
  );
  return a.rules.map((r) => r.name).filter((name) => fired.has(name));
}

const RULES = `
ورودی مبلغ (amount) : ریال
ورودی نرخ : درصد
ورودی مدت : عدد
ورودی عضو : بله/خیر
ورودی نوع : یکی از (مسکن، خودرو، ازدواج)
ورودی تاریخ_درخواست : تاریخ
ورودی توضیح : متن اختیاری
ورودی وثایق : فهرست از (ارزش: ریال، تایید: بله/خیر)
پارامتر سقف = ۱۰۰ میلیون ریال [بند ۱]
مقدار جمع_وثایق = جمع(وثایق، ارزش، تایید)

قاعده «همیشه» [ماده ۱]
  آنگاه هشدار «همیشه»
قاعده «بالای سقف» [ماده ۲]
  اگر مبلغ > سقف
  آنگاه رد «بیش از سقف»
قاعده «نرخ بالا» [ماده ۳]
  اگر نرخ >= ۱/۵٪ و نرخ کمتر یا مساوی ۴ درصد
  آنگاه هشدار «نرخ»
قاعده «کوتاه یا بلند» [ماده ۴]
  اگر ۶ > مدت یا مدت خارج از ۱ تا ۶۰
  آنگاه هشدار «مدت»
قاعده «عضو مسکن» [ماده ۵]
  اگر عضو و نوع در (مسکن، ازدواج) و نه (توضیح موجود)
  آنگاه ارجاع به «هیئت مدیره»
قاعده «وثیقه ناکافی» [ماده ۶]
  اگر جمع_وثایق < مبلغ ÷ ۲ یا حداقل_یکی(وثایق، نه تایید)
  آنگاه الزام «وثیقه» به مبلغ مبلغ ÷ ۲ - جمع_وثایق
قاعده «پیش از طرح» [ماده ۷]
  اگر تاریخ_درخواست < ۱۴۰۳/۰۱/۰۱ و توضیح ناموجود
  آنگاه هشدار «قدیمی»
`;

const BASE = {
  amount: "50000000",
  نرخ: "2",
  مدت: 12,
  عضو: false,
  نوع: "خودرو",
  تاریخ_درخواست: "1403/05/01",
  وثایق: [{ ارزش: "30000000", تایید: true }],
};

describe("compiled rules on stock json-rules-engine", () => {
  const a = compileBody(RULES);

  it("fire for the cases they describe", async () => {
    expect(await firedRules(a, BASE)).toEqual(["همیشه", "نرخ بالا"]);
    expect(await firedRules(a, { ...BASE, amount: "100000001", نرخ: "4.01" })).toEqual([
      "همیشه",
      "بالای سقف",
      "وثیقه ناکافی",
    ]);
    expect(await firedRules(a, { ...BASE, مدت: 5, نرخ: "1.5" })).toEqual([
      "همیشه",
      "نرخ بالا",
      "کوتاه یا بلند",
    ]);
    expect(await firedRules(a, { ...BASE, مدت: 61, نرخ: "1.49" })).toEqual(["همیشه", "کوتاه یا بلند"]);
    expect(await firedRules(a, { ...BASE, عضو: true, نوع: "ازدواج" })).toContain("عضو مسکن");
    expect(await firedRules(a, { ...BASE, عضو: true, نوع: "ازدواج", توضیح: "-" })).not.toContain("عضو مسکن");
    expect(await firedRules(a, { ...BASE, عضو: true, نوع: "خودرو" })).not.toContain("عضو مسکن");
    expect(await firedRules(a, { ...BASE, وثایق: [{ ارزش: "90000000", تایید: false }] })).toContain(
      "وثیقه ناکافی",
    );
    expect(await firedRules(a, { ...BASE, تاریخ_درخواست: "1402/12/29" })).toContain("پیش از طرح");
    expect(await firedRules(a, { ...BASE, تاریخ_درخواست: "1402/12/29", توضیح: "x" })).not.toContain(
      "پیش از طرح",
    );
  });

  it("does not fire a comparison on a missing value", async () => {
    const b = compileBody(`ورودی مبلغ : ریال اختیاری
قاعده «بزرگ» [ماده ۱]
  اگر مبلغ > ۱ ریال
  آنگاه هشدار «بزرگ»
قاعده «کوچک» [ماده ۲]
  اگر ۱ ریال >= مبلغ
  آنگاه هشدار «کوچک»
قاعده «نیامده» [ماده ۳]
  اگر مبلغ ناموجود
  آنگاه هشدار «نیامده»
`);
    expect(await firedRules(b, {})).toEqual(["نیامده"]);
    expect(await firedRules(b, { مبلغ: 2 })).toEqual(["بزرگ"]);
    expect(await firedRules(b, { مبلغ: "1" })).toEqual(["کوچک"]);
  });
});

describe("the engine on compiled artefacts", () => {
  it("passes the ruleset's own tests", async () => {
    const a = compileText(SAMPLE);
    const report = await runTests(createEngine(a), a);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
    expect(report.passed).toBe(2);
  });

  it("reports set values and required amounts in their types", async () => {
    const a = compileText(SAMPLE);
    const result = await createEngine(a).evaluate({
      amount: "1000000000",
      rate: "18",
      term: 6,
      عضو_هیئت_مدیره: true,
      kind: "مسکن",
      تاریخ_درخواست: "1403/02/01",
      collaterals: [{ type: "ملک", value: "100000000" }],
    });
    expect(result.decision).toBe("refer");
    expect(result.values.نرخ_نهایی).toBe("18");
    expect(result.outcomes.find((o) => o.kind === "require")?.amount).toBe("400000000");
  });
});
