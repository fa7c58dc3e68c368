/**
 * The Omid Entrepreneurship Fund's employment-loan ruleset (doc 105-3-3084 v2): it parses, checks
 * without errors or warnings, compiles to an artefact that passes the artefact schema, every one of its
 * own `آزمون` blocks passes on the engine, and each example case gets exactly the decision and the
 * amounts worked out by hand below.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../engine";
import { openFund, versionBasics } from "../fund";

const { dir: DIR, versions, build } = openFund("omid");

const example = (name: string): unknown =>
  JSON.parse(readFileSync(join(DIR, "examples", name), "utf8")) as unknown;

/** How many `آزمون` blocks the version must carry (a test lost by a parse slip fails here). */
const TEST_COUNT = 401;

describe("rulesets/omid versions.json", () => {
  it("lists one published version, dated as the circular (1393/09/10)", () => {
    expect(versions.map((v) => [v.version, v.file, v.status, v.date, v.author])).toEqual([
      ["1", "versions/1.zb", "published", "1393/09/10", "تیم قواعد zavabet"],
    ]);
    expect(versions[0]?.note.length).toBeGreaterThan(0);
  });
});

describe("rulesets/omid version 1", () => {
  const built = build("versions/1.zb");
  const { artefact } = built;

  versionBasics("omid", versions[0]!, TEST_COUNT, built);

  it("keeps the home-business cap a parameter named سقف_خانگی, cited to article 39", () => {
    const cap = artefact?.parameters.find((p) => p.name === "سقف_خانگی");
    expect(cap?.value).toBe("100000000");
    expect(cap?.citation).toBe("ماده ۳۹");
  });

  /**
   * examples/home-loan-eligible.json: code 100 (home, creation), 100,000,000 rials, a 34-year-old
   * woman head of household living on site, no debt, insurance or other job: no rejection, no
   * referral (100,000,000 ≤ the provincial committee's 500,000,000). Priority is reported.
   * 36 months with 3 months' grace, monthly: 33 instalments (note 37). Fee on the start-of-year balance
   * (arts. 51–52), 4% = 0.04:
   *   year 1: 12 × 0.04 × 100,000,000 ÷ 12 = 4,000,000
   *   year 2: balance 100,000,000 − 100,000,000 × 12 ÷ 33 = 63,636,363.64; 12 × 0.04 × that ÷ 12 = 2,545,454.55 → 2,545,455
   *   year 3: balance 100,000,000 × 9 ÷ 33 = 27,272,727.27; 9 × 0.04 × that ÷ 12 = 818,181.82 → 818,182
   *   instalment-period fee 7,363,637; instalment (100,000,000 + 7,363,637) ÷ 33 = 3,253,443.55 → 3,253,444
   *   grace fee 90 days × 0.04 × 100,000,000 ÷ 365 = 986,301.37 → 986,301, collected at payment (note 39).
   * Collateral: no assets, so the whole 100,000,000 rests on the guarantor (one official employee = 1
   * unit, note 61); a quarter of his 60,000,000 base salary, 15,000,000 ≥ one instalment 3,253,444
   * (art. 67-A-3.5); cheque and note 120,000,000 each = 120% of the principal (note 68): covered.
   */
  it("accepts examples/home-loan-eligible.json", async () => {
    if (!artefact) throw new Error("no artefact");
    const result = await createEngine(artefact).evaluate(example("home-loan-eligible.json"));
    expect(result.decision).toBe("accept");
    expect(result.values.اولویت_زنان_سرپرست_خانوار).toBe(true);
    expect(result.values.تعداد_اقساط).toBe("33");
    expect(result.values.کارمزد_دوره_تقسیط).toBe("7363637");
    expect(result.values.مبلغ_هر_قسط).toBe("3253444");
    expect(result.values.کارمزد_دوره_تنفس).toBe("986301");
    expect(result.values.جمع_کارمزد_قابل_وصول).toBe("986301");
    expect(result.values.مانده_پس_از_دارایی).toBe("100000000");
    expect(result.values.واحد_ضامنان).toBe("1");
    expect(result.values.جمع_یک_چهارم_حقوق).toBe("15000000");
    expect(result.values.تضمین_کافی).toBe(true);
    expect(result.outcomes.filter((o) => o.rule === "کسری تضمین" || o.rule === "چک ضمانت")).toEqual([]);
    expect(result.outcomes.filter((o) => o.kind === "reject" || o.kind === "refer")).toEqual([]);
  });

  /**
   * examples/self-employment-rejected.json: code 110, 350,000,000 rials, a 62-year-old man with a
   * temporary exemption and an unsettled overdue debt: rejected for military service, the debt, age
   * (> 60) and the self-employment cap (350,000,000 > 300,000,000).
   */
  it("rejects examples/self-employment-rejected.json for exactly its four reasons", async () => {
    if (!artefact) throw new Error("no artefact");
    const result = await createEngine(artefact).evaluate(example("self-employment-rejected.json"));
    expect(result.decision).toBe("reject");
    const rejects = result.outcomes.filter((o) => o.kind === "reject").map((o) => o.rule);
    expect(rejects.sort()).toEqual(
      ["بدهی معوق", "سقف تسهیلات", "سن خانگی و خوداشتغالی", "نظام وظیفه"].sort(),
    );
  });

  /**
   * examples/employer-loan-collateral.json: code 120 (employer, creation), 600,000,000 rials, 60 months
   * with 6 months' grace, monthly: 54 instalments.
   * Decision: refer — to the plans approval committee (500,000,000 < 600,000,000 ≤ 1,000,000,000, art.
   * 13-1) and to the provincial management for the 25-year-old house (art. 67-C-5.4, note 76).
   * Fees (4% = 0.04, on the start-of-year balance):
   *   y1 12 × 0.04 × 600,000,000 ÷ 12 = 24,000,000
   *   y2 balance 600,000,000 × 42 ÷ 54 = 466,666,666.67 → 0.04 × that = 18,666,666.67 → 18,666,667
   *   y3 balance 333,333,333.33 → 13,333,333;  y4 balance 200,000,000 → 8,000,000
   *   y5 6 instalments, balance 66,666,666.67 → 6 × 0.04 × that ÷ 12 = 1,333,333
   *   instalment-period fee 65,333,333; instalment 665,333,333 ÷ 54 = 12,320,987.65 → 12,320,988
   *   grace fee 180 × 0.04 × 600,000,000 ÷ 365 = 11,835,616.44 → 11,835,616
   * Collateral: deposit 240,000,000 ÷ 120% = 200,000,000; house > 20 years: 300,000,000 × 70% ÷ 150%
   * = 140,000,000; assets cover 340,000,000, the remaining 260,000,000 rests on the guarantors: an
   * official employee (1 unit; 1 active guarantee < 2) and a 4-year contract employee (½, note 61) =
   * 1.5 ≥ 1; a quarter of their base salaries 10,000,000 + 5,000,000 = 15,000,000 ≥ 12,320,988.
   * Covered; but the cheque 600,000,000 < 120% × 600,000,000 = 720,000,000: 120,000,000 is missing.
   */
  it("decides examples/employer-loan-collateral.json, its fees and what collateral is missing", async () => {
    if (!artefact) throw new Error("no artefact");
    const result = await createEngine(artefact).evaluate(example("employer-loan-collateral.json"));
    expect(result.decision).toBe("refer");
    const refers = result.outcomes.filter((o) => o.kind === "refer").map((o) => o.rule);
    expect(refers.sort()).toEqual(["تصویب در کمیته تصویب طرح‌ها", "ملک بیش از ۲۰ سال"].sort());
    expect(result.values.تعداد_اقساط).toBe("54");
    expect(result.values.کارمزد_دوره_تقسیط).toBe("65333333");
    expect(result.values.مبلغ_هر_قسط).toBe("12320988");
    expect(result.values.کارمزد_دوره_تنفس).toBe("11835616");
    expect(result.values.پوشش_دارایی).toBe("340000000");
    expect(result.values.مانده_پس_از_دارایی).toBe("260000000");
    expect(result.values.واحد_ضامنان).toBe("1.5");
    expect(result.values.جمع_یک_چهارم_حقوق).toBe("15000000");
    expect(result.values.تضمین_کافی).toBe(true);
    const cheque = result.outcomes.find((o) => o.rule === "چک ضمانت" && o.kind === "require");
    expect(cheque?.amount).toBe("120000000");
    expect(result.outcomes.filter((o) => o.rule === "کسری تضمین" || o.rule === "سفته ضمانت")).toEqual([]);
  });
});
