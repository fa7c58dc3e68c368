import { describe, expect, it } from "vitest";
import { expectDiagnostic } from "./helpers";

describe("names and scope (ZB2xxx)", () => {
  it("ZB2001: an unknown name, with a did-you-mean", () => {
    const d = expectDiagnostic(
      `ورودی مبلغ_وام: ریال
قاعده «سقف» [ماده ۱]
  اگر مبلغ_وم بیشتر از ۱۰ ریال
  آنگاه رد «زیاد است»
`,
      "ZB2001",
      "error",
      6,
      "مبلغ_وم",
    );
    expect(d.message.fa).toContain("منظورتان «مبلغ_وام» بود؟");
    expect(d.message.en).toContain("did you mean «مبلغ_وام»?");
  });

  it("ZB2002: a name declared twice", () => {
    expectDiagnostic(
      `ورودی سن: عدد
ورودی سن: عدد
`,
      "ZB2002",
      "error",
      5,
      "سن",
    );
  });

  it("ZB2003: two names that differ only by ZWNJ", () => {
    expectDiagnostic(
      `ورودی سقف\u200cکل: ریال
ورودی سقفکل: ریال
`,
      "ZB2003",
      "warning",
      5,
      "سقفکل",
    );
  });

  it("ZB2004: calling something that is not a table", () => {
    expectDiagnostic(
      `ورودی سن: عدد
مقدار دو_برابر = سن(۲)
`,
      "ZB2004",
      "error",
      5,
      "سن(",
    );
  });

  it("ZB2005: a table read without its arguments", () => {
    expectDiagnostic(
      `ورودی نوع: یکی از (ملکی، سفته)
جدول ضریب (اولین)
  | نوع_وثیقه || ضریب |
  | ملکی      || ٪۷۰  |
  | سفته      || ٪۵۰  |
مقدار م = ضریب
`,
      "ZB2005",
      "error",
      9,
      "ضریب",
    );
  });

  it("ZB2006: reading an output that rules set", () => {
    expectDiagnostic(
      `ورودی مبلغ: ریال
قاعده «کمبود» [ماده ۱]
  آنگاه تعیین کمبود = مبلغ
قاعده «هشدار کمبود» [ماده ۲]
  اگر کمبود بیشتر از ۰ ریال
  آنگاه هشدار «کمبود هست»
`,
      "ZB2006",
      "error",
      8,
      "کمبود",
    );
  });

  it("ZB2007: computed values that depend on each other", () => {
    const d = expectDiagnostic(
      `مقدار الف = ب + ۱
مقدار ب = الف + ۱
`,
      "ZB2007",
      "error",
      4,
      "الف",
      { count: 2 },
    );
    expect(d.message.en).toContain("الف → ب → الف");
  });

  it("ZB2008: a name or alias the artefact reserves (__proto__, constructor, prototype)", () => {
    const d = expectDiagnostic(
      `ورودی مبلغ (constructor): ریال
ورودی اقلام (items): فهرست از (prototype: عدد)
`,
      "ZB2008",
      "error",
      4,
      "constructor",
      { count: 2 },
    );
    expect(d.message.en).toBe("«constructor» is reserved and cannot be a name");
  });
});
