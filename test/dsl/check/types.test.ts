import { describe, expect, it } from "vitest";
import { expectDiagnostic } from "./helpers";

const INPUTS = `ورودی مبلغ: ریال
ورودی نرخ: درصد
ورودی شرح: متن
ورودی نوع_طرح: یکی از (خانگی، خوداشتغالی)
ورودی وثایق: فهرست از (نوع: یکی از (ملکی، سفته)، ارزش: ریال)
`;
// INPUTS is lines 4–8; a body after it starts on line 9.

describe("types (ZB3xxx)", () => {
  it("ZB3001: money plus a percent", () => {
    const d = expectDiagnostic(`${INPUTS}مقدار م = مبلغ + ۴٪\n`, "ZB3001", "error", 9, "مبلغ +");
    expect(d.message.en).toBe("Cannot add money (rials) and a percent");
    expect(d.message.fa).toBe("جمع مبلغ ریالی و درصد ممکن نیست");
  });

  it("ZB3002: money compared with a percent", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  اگر مبلغ بیشتر از نرخ
  آنگاه رد «نه»
`,
      "ZB3002",
      "error",
      10,
      "مبلغ",
    );
  });

  it("ZB3003: money compared with a plain number", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  اگر مبلغ بیشتر از ۱۰۰۰
  آنگاه رد «نه»
`,
      "ZB3003",
      "error",
      10,
      "مبلغ",
    );
  });

  it("ZB3004: a condition that is not yes/no", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  اگر مبلغ و نرخ بیشتر از ۲٪
  آنگاه رد «نه»
`,
      "ZB3004",
      "error",
      10,
      "مبلغ",
    );
  });

  it("ZB3005: the branches of اگر disagree", () => {
    expectDiagnostic(
      `${INPUTS}مقدار م = اگر نرخ بیشتر از ۲٪ آنگاه ۱ ریال وگرنه ۴٪\n`,
      "ZB3005",
      "error",
      9,
      "۴٪",
    );
  });

  it("ZB3006: a built-in given the wrong number of arguments", () => {
    expectDiagnostic(`${INPUTS}مقدار م = گرد(مبلغ، ۲، ۳، ۴)\n`, "ZB3006", "error", 9, "گرد");
  });

  it("ZB3007: an aggregate over something that is not a list", () => {
    expectDiagnostic(`${INPUTS}مقدار م = جمع(مبلغ، ۱ ریال)\n`, "ZB3007", "error", 9, "مبلغ،");
  });

  it("ZB3008: summing something that is not a number", () => {
    expectDiagnostic(`${INPUTS}مقدار م = جمع(وثایق، نوع)\n`, "ZB3008", "error", 9, "نوع)");
  });

  it("ZB3009: rounding to a fractional number of places", () => {
    expectDiagnostic(`${INPUTS}مقدار م = گرد(مبلغ، ۱/۵)\n`, "ZB3009", "error", 9, "۱/۵");
  });

  it("ZB3010: a table argument that does not fit its column", () => {
    expectDiagnostic(
      `${INPUTS}جدول کارمزد (اولین)
  | سقف                  || نرخ_کارمزد |
  | کمتر از ۱۰ میلیون ریال || ۱٪         |
  | هر                   || ۲٪         |
مقدار م = کارمزد(نرخ)
`,
      "ZB3010",
      "error",
      13,
      "نرخ)",
    );
  });

  it("ZB3011: a column whose cells mix types", () => {
    expectDiagnostic(
      `${INPUTS}جدول کارمزد (اولین)
  | سقف          || نرخ_کارمزد |
  | ۱۰ ریال      || ۱٪         |
  | ۵٪           || ۲٪         |
مقدار م = کارمزد(مبلغ)
`,
      "ZB3011",
      "error",
      12,
      "۵٪",
    );
  });

  it("ZB3012: a parameter that is not a literal", () => {
    expectDiagnostic(`پارامتر سقف = ۲ + ۳ [بند ۱]\nمقدار م = سقف\n`, "ZB3012", "error", 4, "۲ + ۳");
  });

  it("ZB3013: an output set to two types", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «الف» [ماده ۱]
  آنگاه تعیین سهم = مبلغ
قاعده «ب» [ماده ۲]
  آنگاه تعیین سهم = نرخ
`,
      "ZB3013",
      "error",
      12,
      "نرخ",
    );
  });

  it("ZB3014: a list used as a value", () => {
    expectDiagnostic(`${INPUTS}مقدار م = وثایق\n`, "ZB3014", "error", 9, "وثایق");
  });

  it("ZB3015: ordering text", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  اگر شرح بیشتر از «الف»
  آنگاه رد «نه»
`,
      "ZB3015",
      "error",
      10,
      "شرح",
    );
  });

  it("ZB3016: a requirement's amount that is not money", () => {
    expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  آنگاه الزام «وثیقه» به مبلغ نرخ
`,
      "ZB3016",
      "error",
      10,
      "نرخ",
    );
  });

  it("ZB3017: a value outside a one-of, with a did-you-mean", () => {
    const d = expectDiagnostic(
      `${INPUTS}قاعده «ق» [ماده ۱]
  اگر نوع_طرح = خانگ
  آنگاه رد «نه»
`,
      "ZB3017",
      "error",
      10,
      "خانگ",
    );
    expect(d.message.en).toBe("«خانگ» is not one of the choices (خانگی, خوداشتغالی); did you mean «خانگی»?");
  });

  it("ZB3018: کمینه of money and a percent", () => {
    expectDiagnostic(`${INPUTS}مقدار م = کمینه(مبلغ، نرخ)\n`, "ZB3018", "error", 9, "نرخ");
  });
});
