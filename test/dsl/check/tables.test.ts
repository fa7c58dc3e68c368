import { describe, expect, it } from "vitest";
import { checked, expectDiagnostic } from "./helpers";

const INPUTS = `ورودی مبلغ: ریال
ورودی نوع_وثیقه: یکی از (ملکی، سفته، سهام)
`;
// INPUTS is lines 4–5; a table after it starts on line 6, its header on 7, its rows from 8.

describe("tables (ZB4xxx)", () => {
  it("ZB4001: two rows of a یکتا table that can both match, naming both", () => {
    const d = expectDiagnostic(
      `${INPUTS}جدول نرخ (یکتا)
  | مبلغ_تسهیلات                 || نرخ_کارمزد |
  | ۰ ریال تا ۱۰ میلیون ریال      || ۱٪         |
  | ۵ میلیون ریال تا ۲۰ میلیون ریال || ۲٪         |
  | بیشتر از ۲۰ میلیون ریال        || ۳٪         |
مقدار م = نرخ(مبلغ)
`,
      "ZB4001",
      "error",
      9,
      "|",
    );
    expect(d.message.en).toBe(
      "Rows 1 and 2 of table «نرخ» (lines 8 and 9) can both match, but the table is «یکتا» (unique)",
    );
  });

  it("ZB4002: a range column that leaves a stretch uncovered", () => {
    const d = expectDiagnostic(
      `${INPUTS}جدول نرخ (یکتا)
  | مبلغ_تسهیلات                          || نرخ_کارمزد |
  | ۰ ریال تا ۱۰ میلیون ریال               || ۱٪         |
  | بیشتر از ۲۰ میلیون ریال                 || ۳٪         |
مقدار م = نرخ(مبلغ)
`,
      "ZB4002",
      "warning",
      7,
      "مبلغ_تسهیلات",
    );
    expect(d.message.fa).toContain("«بیشتر از ۱۰٬۰۰۰٬۰۰۰ ریال تا ۲۰٬۰۰۰٬۰۰۰ ریال»");
    expect(d.message.en).toBe(
      "Column «مبلغ_تسهیلات» of table «نرخ» leaves these values uncovered, and no «هر» row covers them: above 10,000,000 rials up to 20,000,000 rials",
    );
  });

  it("ZB4002 judges each combination of the other columns' values on its own", () => {
    const d = expectDiagnostic(
      `${INPUTS}جدول نرخ (یکتا)
  | نوع        | مبلغ_تسهیلات                        || نرخ_کارمزد |
  | ملکی، سهام | ۰ ریال تا ۱۰ میلیون ریال             || ۱٪         |
  | ملکی، سهام | بیشتر از ۱۰ میلیون ریال              || ۲٪         |
  | سفته       | ۰ ریال تا ۵ میلیون ریال              || ۳٪         |
  | سفته       | بیشتر از ۱۰ میلیون ریال              || ۴٪         |
مقدار م = نرخ(نوع_وثیقه، مبلغ)
`,
      "ZB4002",
      "warning",
      7,
      "مبلغ_تسهیلات",
    );
    expect(d.message.en).toContain("above 5,000,000 rials up to 10,000,000 rials (for نوع = سفته)");
    expect(d.message.fa).toContain("«بیشتر از ۵٬۰۰۰٬۰۰۰ ریال تا ۱۰٬۰۰۰٬۰۰۰ ریال» (برای نوع = سفته)");
  });

  it("ZB4002 counts dates in whole days: consecutive days leave no gap, a skipped day does", () => {
    const d = expectDiagnostic(
      `ورودی تاریخ_ثبت: تاریخ
جدول دوره (یکتا)
  | تاریخ_درخواست                     || دوره |
  | کمتر از ۱۴۰۰/۰۱/۰۱                || ۱    |
  | ۱۴۰۰/۰۱/۰۱ تا ۱۴۰۰/۱۲/۲۹          || ۲    |
  | ۱۴۰۱/۰۱/۰۲ تا ۱۴۰۲/۱۲/۲۹          || ۳    |
  | بیشتر از ۱۴۰۲/۱۲/۲۹               || ۴    |
مقدار م = دوره(تاریخ_ثبت)
`,
      "ZB4002",
      "warning",
      6,
      "تاریخ_درخواست",
    );
    expect(d.message.en).toContain(": exactly 1401/01/01");
  });

  it("ZB4003: a one-of column that forgets a choice", () => {
    const d = expectDiagnostic(
      `${INPUTS}جدول ضریب (اولین)
  | نوع   || ضریب |
  | ملکی  || ٪۷۰  |
  | سفته  || ٪۵۰  |
مقدار م = ضریب(نوع_وثیقه)
`,
      "ZB4003",
      "warning",
      7,
      "نوع",
    );
    expect(d.message.en).toBe("Column «نوع» of table «ضریب» has no row for سهام");
  });

  it("ZB4004: a row with more cells than the header has columns", () => {
    expectDiagnostic(
      `${INPUTS}جدول ضریب (اولین)
  | نوع       || ضریب |
  | ملکی | هر || ٪۷۰  |
  | هر        || ٪۵۰  |
مقدار م = ضریب(نوع_وثیقه)
`,
      "ZB4004",
      "error",
      8,
      "|",
    );
  });

  it("ZB4005: an اولین row that an earlier row covers entirely", () => {
    expectDiagnostic(
      `${INPUTS}جدول ضریب (اولین)
  | نوع         || ضریب |
  | ملکی، سفته  || ٪۷۰  |
  | سفته        || ٪۵۰  |
  | هر          || ٪۱۰  |
مقدار م = ضریب(نوع_وثیقه)
`,
      "ZB4005",
      "warning",
      9,
      "|",
    );
  });

  it("ZB4006: a look-up with the wrong number of arguments", () => {
    expectDiagnostic(
      `${INPUTS}جدول ضریب (اولین)
  | نوع   || ضریب |
  | هر    || ٪۵۰  |
مقدار م = ضریب(نوع_وثیقه، مبلغ)
`,
      "ZB4006",
      "error",
      9,
      "ضریب(",
    );
  });

  it("ZB4007: an empty range", () => {
    expectDiagnostic(
      `${INPUTS}جدول نرخ (اولین)
  | مبلغ_تسهیلات                      || نرخ_کارمزد |
  | ۲۰ میلیون ریال تا ۱۰ میلیون ریال   || ۱٪         |
  | هر                               || ۲٪         |
مقدار م = نرخ(مبلغ)
`,
      "ZB4007",
      "warning",
      8,
      "۲۰",
    );
  });

  it("a یکتا table with adjacent ranges and a هر row has neither overlaps nor gaps", () => {
    const { diagnostics } = checked(`${INPUTS}جدول نرخ (یکتا) [بند ۲]
  | مبلغ_تسهیلات                         | نوع        || نرخ_کارمزد |
  | ۰ ریال تا کمتر از ۱۰ میلیون ریال      | ملکی، سهام || ۱٪         |
  | ۰ ریال تا کمتر از ۱۰ میلیون ریال      | سفته       || ۲٪         |
  | بیشتر یا مساوی ۱۰ میلیون ریال         | هر         || ۳٪         |
مقدار م = نرخ(مبلغ، نوع_وثیقه)
`);
    expect(diagnostics).toEqual([]);
  });
});
