import { describe, expect, it } from "vitest";
import { formatDecimalFa, toPersianDigits } from "../../../dsl/text";

describe("toPersianDigits", () => {
  it("writes ASCII and Arabic-Indic digits as Persian digits", () => {
    expect(toPersianDigits("0123456789")).toBe("۰۱۲۳۴۵۶۷۸۹");
    expect(toPersianDigits("٤٥٦")).toBe("۴۵۶");
    expect(toPersianDigits("ماده 3")).toBe("ماده ۳");
  });
});

describe("formatDecimalFa", () => {
  it("groups thousands with «٬» and writes «٫» for the point", () => {
    expect(formatDecimalFa("1234567.89")).toBe("۱٬۲۳۴٬۵۶۷٫۸۹");
    expect(formatDecimalFa("1000")).toBe("۱٬۰۰۰");
    expect(formatDecimalFa("999")).toBe("۹۹۹");
    expect(formatDecimalFa("0.015")).toBe("۰٫۰۱۵");
  });

  it("keeps the sign and the digits as given", () => {
    expect(formatDecimalFa("-1500000")).toBe("-۱٬۵۰۰٬۰۰۰");
    expect(formatDecimalFa("1.50")).toBe("۱٫۵۰");
  });

  it("can leave thousands ungrouped", () => {
    expect(formatDecimalFa("1403", { grouping: false })).toBe("۱۴۰۳");
    expect(formatDecimalFa("1234.5", { grouping: false })).toBe("۱۲۳۴٫۵");
  });

  it("is exact for amounts no float can hold", () => {
    expect(formatDecimalFa("12345678901234567890123")).toBe("۱۲٬۳۴۵٬۶۷۸٬۹۰۱٬۲۳۴٬۵۶۷٬۸۹۰٬۱۲۳");
  });

  it("writes other decimal notations out in full", () => {
    expect(formatDecimalFa("1e-7")).toBe("۰٫۰۰۰۰۰۰۱");
    expect(formatDecimalFa("1.2e6")).toBe("۱٬۲۰۰٬۰۰۰");
  });

  it("throws on what is not a decimal", () => {
    for (const bad of ["", "abc", "NaN", "Infinity", "1,000"]) {
      expect(() => formatDecimalFa(bad), bad).toThrow(RangeError);
    }
  });
});
