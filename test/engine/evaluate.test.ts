import { describe, expect, it } from "vitest";
import { createEngine, loadArtefact } from "../../engine/index";
import { baseCase, loan } from "./fixtures/loan";

const engine = createEngine(loadArtefact(loan));

describe("evaluate: exact arithmetic", () => {
  it("computes the fee months × rate × amount ÷ 12 exactly (18 × 1.2% × 7,500,000,000 ÷ 12)", async () => {
    const r = await engine.evaluate(baseCase);
    expect(r.values.کارمزد).toBe("135000000");
    expect(r.values.نرخ).toBe("1.2");
    expect(r.values.کارمزد_نهایی).toBe("135000000");
    expect(r.decision).toBe("accept");
  });

  it("keeps fractions exact instead of binary floating point", async () => {
    // 7 × 2.5% × 1,000,000,001 ÷ 12 = 14583333.347916666... (40 significant digits)
    const r = await engine.evaluate({ ...baseCase, loanType: "کالا", months: 7, amount: "1000000001" });
    expect(r.values.کارمزد).toBe("14583333.34791666666666666666666666666667");
    expect(r.values.کارمزد_گرد).toBe("14583000");
  });

  it("serialises percent in percent points, dates as yyyy/mm/dd, bools as booleans", async () => {
    const r = await engine.evaluate(baseCase);
    expect(r.values.سررسید).toBe("1403/02/14");
    expect(r.values.نرخ_دوبرابر).toBe("2.4");
    expect(r.values.ضامن_پردرآمد).toBe(true);
    expect(r.values.سابقه_معلوم).toBe(true);
  });
});

describe("evaluate: tables", () => {
  it("first: the first matching row wins", async () => {
    const car = (months: number) => engine.evaluate({ ...baseCase, loanType: "خودرو", months });
    expect((await car(24)).values.نرخ).toBe("1.5");
    expect((await car(25)).values.نرخ).toBe("2");
    expect((await engine.evaluate({ ...baseCase, loanType: "کالا" })).values.نرخ).toBe("2.5");
  });

  it("unique: one match gives its output; two matches give missing and a warning", async () => {
    const car = await engine.evaluate({ ...baseCase, loanType: "خودرو" });
    expect(car.values.نرخ_یکتا).toBe("2");
    expect(car.warnings).toBeUndefined();
    const goods = await engine.evaluate({ ...baseCase, loanType: "کالا" });
    expect(goods.values.نرخ_یکتا).toBeNull();
    expect(goods.warnings?.[0]?.table).toBe("نرخ_یکتا");
    expect(goods.warnings?.[0]?.en).toMatch(/2 rows matched/);
  });

  it("collect: every matching row's output, for min/max", async () => {
    expect((await engine.evaluate({ ...baseCase, months: 6 })).values.امتیاز_مدت).toBe("20");
    expect((await engine.evaluate({ ...baseCase, months: 18 })).values.امتیاز_مدت).toBe("20");
    expect((await engine.evaluate({ ...baseCase, months: 30 })).values.امتیاز_مدت).toBe("5");
    // no row matches a non-positive term: missing
    expect((await engine.evaluate({ ...baseCase, months: 0 })).values.امتیاز_مدت).toBeNull();
  });
});

describe("evaluate: aggregates over a list", () => {
  it("sums a weighted field, counts items, tests any", async () => {
    const r = await engine.evaluate({
      ...baseCase,
      guarantors: [
        { name: "علی", income: "1000000000", share: "60" },
        { name: "رضا", income: "500000000", share: "40" },
        { name: "مریم", income: "333333333", share: "12.5" },
      ],
    });
    // 600,000,000 + 200,000,000 + 41,666,666.625
    expect(r.values.درآمد_وزنی).toBe("841666666.625");
    expect(r.values.تعداد_ضامن).toBe("3");
    expect(r.values.ضامن_پردرآمد).toBe(true);
  });

  it("an empty list sums to 0 and counts 0", async () => {
    const r = await engine.evaluate({ ...baseCase, guarantors: [] });
    expect(r.values.درآمد_وزنی).toBe("0");
    expect(r.values.تعداد_ضامن).toBe("0");
    expect(r.values.ضامن_پردرآمد).toBe(false);
  });
});

describe("evaluate: decisions and outcomes", () => {
  it("reject wins over refer, refer over accept", async () => {
    const referred = await engine.evaluate({ ...baseCase, boardMember: true });
    expect(referred.decision).toBe("refer");
    expect(referred.outcomes.find((o) => o.kind === "refer")?.authority).toBe("هیئت مدیره");

    const both = await engine.evaluate({ ...baseCase, boardMember: true, amount: "20000000000" });
    expect(both.decision).toBe("reject");
    expect(both.outcomes.map((o) => o.kind)).toEqual(expect.arrayContaining(["reject", "refer"]));

    // warn and require alone do not change the decision
    const warned = await engine.evaluate({ ...baseCase, membership: undefined, loanType: "خودرو" });
    expect(warned.outcomes.map((o) => o.kind)).toEqual(expect.arrayContaining(["warn", "require"]));
    expect(warned.decision).toBe("accept");
  });

  it("reports outcomes in the artefact's rule order, with amount for require", async () => {
    const r = await engine.evaluate({ ...baseCase, amount: "12000000000", loanType: "خودرو", membership: 2 });
    expect(r.outcomes.map((o) => o.rule)).toEqual([
      "سقف وام",
      "سابقه کم",
      "ضامن دوم",
      "تعیین کارمزد",
      "تعیین کارمزد",
      "تعیین کارمزد",
    ]);
    const req = r.outcomes.find((o) => o.kind === "require");
    expect(req).toMatchObject({ what: "ضامن دوم", amount: "1200000000", citation: "ماده ۷" });
  });

  it("fills message holes with Persian digits, «٬» grouping, «٫» decimals, ٪ and units", async () => {
    const r = await engine.evaluate({ ...baseCase, amount: "12000000000" });
    const reject = r.outcomes.find((o) => o.rule === "سقف وام");
    expect(reject?.message).toBe("مبلغ درخواستی ۱۲٬۰۰۰٬۰۰۰٬۰۰۰ ریال از سقف ۱۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال بیشتر است");
    const warn = r.outcomes.find((o) => o.rule === "تعیین کارمزد" && o.kind === "warn");
    expect(warn?.message).toBe("کارمزد ۲۱۶٬۰۰۰٬۰۰۰ ریال با نرخ ۱٫۲٪ تا ۱۴۰۳/۰۲/۱۴");

    const low = await engine.evaluate({
      ...baseCase,
      guarantors: [{ name: "علی", income: "1234567.5", share: "100" }],
    });
    expect(low.outcomes.find((o) => o.rule === "درآمد ناکافی")?.message).toBe(
      "درآمد وزنی ضامنان ۱٬۲۳۴٬۵۶۷٫۵ ریال کمتر از ۳۰٪ مبلغ وام است",
    );
  });
});

describe("evaluate: missing values", () => {
  it("an optional input not given makes comparisons false and zbMissing true", async () => {
    const { membership: _, ...noMembership } = baseCase;
    const r = await engine.evaluate(noMembership);
    const fired = r.outcomes.map((o) => o.rule);
    expect(fired).toContain("سابقه نامعلوم");
    expect(fired).not.toContain("سابقه کم");
    expect(r.values.سابقه_معلوم).toBe(false);
  });

  it("JSON null counts as not given", async () => {
    const r = await engine.evaluate({ ...baseCase, membership: null, boardMember: null });
    expect(r.outcomes.map((o) => o.rule)).toContain("سابقه نامعلوم");
    expect(r.decision).toBe("accept");
  });
});

describe("evaluate: trace", () => {
  it("lists every rule with its conditions' facts, expectations, actual values and results", async () => {
    const r = await engine.evaluate({ ...baseCase, loanType: "خودرو" }, { trace: true });
    expect(r.trace).toHaveLength(loan.rules.length);
    const second = r.trace?.find((t) => t.rule === "ضامن دوم");
    expect(second).toMatchObject({ citation: "ماده ۷", fired: true });
    expect(second?.conditions).toEqual([
      { fact: "تعداد_ضامن", operator: "zbLt", expected: "2", actual: "1", result: true },
      { fact: "نوع_وام", operator: "zbIn", expected: ["خودرو", "کالا"], actual: "خودرو", result: true },
    ]);
    const cap = r.trace?.find((t) => t.rule === "سقف وام");
    expect(cap?.conditions[0]).toMatchObject({
      expected: { fact: "سقف_وام", value: "10000000000" },
      actual: "7500000000",
      result: false,
    });
    expect((await engine.evaluate(baseCase)).trace).toBeUndefined();
  });
});
