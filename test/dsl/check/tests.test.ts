import { describe, expect, it } from "vitest";
import { expectDiagnostic } from "./helpers";

const BODY = `ورودی مبلغ (amount): ریال
ورودی نوع_طرح: یکی از (خانگی، خوداشتغالی)
ورودی وثایق: فهرست از (نوع: یکی از (ملکی، سفته)، ارزش: ریال)
مقدار کارمزد = مبلغ × ۲٪ [ماده ۵۰]
قاعده «سقف» [ماده ۳۹]
  اگر مبلغ بیشتر از ۱۰۰ میلیون ریال
  آنگاه رد «زیاد است»
`;
// BODY is lines 4–10; a test after it starts on line 11, its «با» on line 12.

describe("tests (ZB6xxx)", () => {
  it("ZB6001: a test giving an input that does not exist", () => {
    const d = expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، نوع_طرح = خانگی، وثایق = فهرست()، مبلع = ۲ ریال
  انتظار پذیرش
`,
      "ZB6001",
      "error",
      12,
      "مبلع",
    );
    expect(d.message.en).toBe("The test gives «مبلع», which is not an input; did you mean «مبلغ»?");
  });

  it("ZB6002: expecting a rule that does not exist", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با amount = ۲۰۰ میلیون ریال، نوع_طرح = خانگی، وثایق = فهرست()
  انتظار رد به‌دلیل «سقف وام»
`,
      "ZB6002",
      "error",
      13,
      "«سقف وام»",
    );
  });

  it("ZB6003: expecting a value that does not exist", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، نوع_طرح = خانگی، وثایق = فهرست()
  انتظار کارمزدها = ۰ ریال
`,
      "ZB6003",
      "error",
      13,
      "کارمزدها",
    );
  });

  it("ZB6004: giving a plain number for money", () => {
    const d = expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱۰۰۰، نوع_طرح = خانگی، وثایق = فهرست()
  انتظار پذیرش
`,
      "ZB6004",
      "error",
      12,
      "۱۰۰۰",
    );
    expect(d.message.en).toBe("«مبلغ» is money (rials), but the test has a number");
  });

  it("ZB6005: a list item with a field the list does not have", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، نوع_طرح = خانگی، وثایق = فهرست({نوع = ملکی، قیمت = ۱ ریال})
  انتظار پذیرش
`,
      "ZB6005",
      "error",
      12,
      "قیمت",
    );
  });

  it("ZB6006: a test that leaves out a required input", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، وثایق = فهرست()
  انتظار پذیرش
`,
      "ZB6006",
      "warning",
      11,
      "«الف»",
    );
  });

  it("ZB6007: a test giving one input twice (once by its alias)", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، نوع_طرح = خانگی، وثایق = فهرست()، amount = ۲ ریال
  انتظار پذیرش
`,
      "ZB6007",
      "error",
      12,
      "amount",
    );
  });

  it("a value outside a one-of in a test is ZB3017", () => {
    expectDiagnostic(
      `${BODY}آزمون «الف»
  با مبلغ = ۱ ریال، نوع_طرح = کارفرمایی، وثایق = فهرست({نوع = ملکی، ارزش = ۱ ریال})
  انتظار پذیرش
`,
      "ZB3017",
      "error",
      12,
      "کارفرمایی",
    );
  });
});
