import { describe, expect, it } from "vitest";
import { expectDiagnostic } from "./helpers";

const INPUTS = `ورودی مبلغ: ریال
ورودی سن: عدد
`;
// INPUTS is lines 4–5; a body after it starts on line 6.

describe("rules, citations and unused declarations (ZB5xxx)", () => {
  it("ZB5001: a rule that cites no clause", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «سن کم»
  اگر سن کمتر از ۱۸
  آنگاه رد «سن کم است»
`,
      "ZB5001",
      "error",
      6,
      "«سن کم»",
    );
  });

  it("ZB5002: a parameter that cites no clause", () => {
    expectDiagnostic(
      `${INPUTS}پارامتر حداقل_سن = ۱۸
قاعده «سن کم» [ماده ۱۴]
  اگر سن کمتر از حداقل_سن
  آنگاه رد «سن کم است»
`,
      "ZB5002",
      "warning",
      6,
      "حداقل_سن",
    );
  });

  it("ZB5003: a parameter never used", () => {
    expectDiagnostic(`${INPUTS}پارامتر سقف = ۱۰ میلیون ریال [ماده ۳۹]\n`, "ZB5003", "warning", 6, "سقف");
  });

  it("ZB5004: a table never used", () => {
    expectDiagnostic(
      `${INPUTS}جدول نرخ (اولین)
  | مبلغ_تسهیلات || نرخ_کارمزد |
  | هر          || ۱٪         |
`,
      "ZB5004",
      "warning",
      6,
      "نرخ",
    );
  });

  it("ZB5005: a rule whose condition can never hold", () => {
    const d = expectDiagnostic(
      `${INPUTS}قاعده «ناممکن» [ماده ۱]
  اگر سن بیشتر از ۱۰ و سن کمتر از ۵
  آنگاه رد «هرگز»
`,
      "ZB5005",
      "warning",
      7,
      "سن",
    );
    expect(d.message.en).toBe(
      "The condition of rule «ناممکن» can never hold («سن» cannot meet all these bounds at once), so the rule never fires",
    );
  });

  it("ZB5006: a message hole naming nothing", () => {
    const d = expectDiagnostic(
      `${INPUTS}قاعده «سقف» [ماده ۱]
  اگر مبلغ بیشتر از ۱۰ ریال
  آنگاه رد «مبلغ {مبلغ_کل} زیاد است»
`,
      "ZB5006",
      "error",
      8,
      "{مبلغ_کل}",
    );
    expect(d.range.endColumn - d.range.startColumn).toBe("{مبلغ_کل}".length);
  });

  it("ZB5007: a message hole naming a table", () => {
    expectDiagnostic(
      `${INPUTS}جدول نرخ (اولین)
  | مبلغ_تسهیلات || نرخ_کارمزد |
  | هر          || ۱٪         |
قاعده «سقف» [ماده ۱]
  آنگاه هشدار «نرخ {نرخ} است»
`,
      "ZB5007",
      "error",
      10,
      "{نرخ}",
    );
  });

  it("ZB5008: two rules with one title", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «سن» [ماده ۱]
  اگر سن کمتر از ۱۸
  آنگاه رد «کم»
قاعده «سن» [ماده ۲]
  اگر سن بیشتر از ۶۰
  آنگاه رد «زیاد»
`,
      "ZB5008",
      "error",
      9,
      "«سن»",
    );
  });

  it("ZB5009: a hole in the authority referred to is never filled in", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «سن» [ماده ۱]
  اگر سن کمتر از ۱۸
  آنگاه ارجاع به «کمیته {سن}» «سن {سن} است»
`,
      "ZB5009",
      "error",
      8,
      "{سن}",
    );
  });

  it("ZB5009: a hole in what is required is never filled in", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «سن» [ماده ۱]
  اگر سن کمتر از ۱۸
  آنگاه الزام «سفته به مبلغ {سن}»
`,
      "ZB5009",
      "error",
      8,
      "{سن}",
    );
  });
});
