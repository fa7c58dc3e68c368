import { describe, expect, it } from "vitest";
import type { Artefact } from "../../artefact/types";
import { createEngine, loadArtefact, runTests } from "../../engine/index";
import { at } from "./fixtures/build";
import { baseCase, loan } from "./fixtures/loan";

describe("runTests", () => {
  it("passes the artefact's own tests", async () => {
    const artefact = loadArtefact(loan);
    const report = await runTests(createEngine(artefact), artefact);
    expect(report).toEqual({
      passed: 2,
      failed: 0,
      results: [
        { name: "وام مسکن عادی", ok: true, failures: [] },
        { name: "بیش از سقف", ok: true, failures: [] },
      ],
    });
  });

  it("reports each failed expectation in Persian and English; values compare exactly as strings", async () => {
    const failing: Artefact = {
      ...loan,
      tests: [
        {
          name: "غلط",
          inputs: baseCase,
          expect: {
            decision: "reject",
            fired: ["سقف وام"],
            notFired: ["تعیین کارمزد"],
            values: { کارمزد: "135000000.0", نرخ: "0.012", سابقه_معلوم: true, ناموجود: "1" },
          },
          source: at(),
        },
        { name: "ورودی بد", inputs: { ...baseCase, months: "x" }, expect: {}, source: at() },
      ],
    };
    const artefact = loadArtefact(failing);
    const report = await runTests(createEngine(artefact), artefact);
    expect(report.passed).toBe(0);
    expect(report.failed).toBe(2);
    const [first, second] = report.results;
    expect(first?.failures).toEqual([
      "تصمیم: انتظار «رد» بود، اما «پذیرش» شد / decision: expected reject, got accept",
      "قاعده‌ی «سقف وام» باید اجرا می‌شد و نشد / rule «سقف وام» should have fired",
      "قاعده‌ی «تعیین کارمزد» نباید اجرا می‌شد / rule «تعیین کارمزد» should not have fired",
      'مقدار «کارمزد»: انتظار "135000000.0" بود، اما "135000000" شد / value «کارمزد»: expected "135000000.0", got "135000000"',
      'مقدار «نرخ»: انتظار "0.012" بود، اما "1.2" شد / value «نرخ»: expected "0.012", got "1.2"',
      'مقدار «ناموجود»: انتظار "1" بود، اما — شد / value «ناموجود»: expected "1", got —',
    ]);
    expect(second?.failures[0]).toMatch(
      /^ورودی‌های آزمون نادرست است: months: .* \/ invalid test inputs: months: must be a number/,
    );
  });
});
