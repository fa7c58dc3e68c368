import { describe, expect, it } from "vitest";
import {
  applyScale,
  moneyToRials,
  normalize,
  parseNumber,
  SCALE_WORDS,
  TOMAN_IN_RIALS,
} from "../../../dsl/text";

describe("scale words", () => {
  it("knows هزار, میلیون and میلیارد", () => {
    expect(SCALE_WORDS).toEqual({ هزار: "1000", میلیون: "1000000", میلیارد: "1000000000" });
    expect(applyScale("15", "هزار")).toBe("15000");
    expect(applyScale("500", "میلیون")).toBe("500000000");
    expect(applyScale("120", "میلیارد")).toBe("120000000000");
  });

  it("scales decimals exactly", () => {
    expect(applyScale("1.5", "میلیارد")).toBe("1500000000");
    expect(applyScale("0.0001", "هزار")).toBe("0.1");
    expect(applyScale("123456789012345678901234.5", "میلیارد")).toBe("123456789012345678901234500000000");
  });

  it("accepts a scale word spelled with the Arabic yeh", () => {
    expect(applyScale("2", "ميليون")).toBe("2000000");
  });

  it("throws on an unknown scale word", () => {
    expect(() => applyScale("2", "صد")).toThrow(RangeError);
  });
});

describe("money", () => {
  it("counts a toman as ten rials", () => {
    expect(TOMAN_IN_RIALS).toBe("10");
    expect(moneyToRials("15", "تومان")).toBe("150");
    expect(moneyToRials("15", "ریال")).toBe("15");
    expect(moneyToRials("1.25", "تومان")).toBe("12.5");
  });

  it("reads «۱۵ هزار تومان», «۵۰۰ میلیون ریال» and «۱۲۰ میلیارد ریال»", () => {
    const amount = (digits: string, scale: string, currency: "ریال" | "تومان") =>
      moneyToRials(applyScale(parseNumber(normalize(digits).text)!, scale), currency);
    expect(amount("۱۵", "هزار", "تومان")).toBe("150000");
    expect(amount("۵۰۰", "میلیون", "ریال")).toBe("500000000");
    expect(amount("۱۲۰", "میلیارد", "ریال")).toBe("120000000000");
    expect(amount("۲/۵", "میلیارد", "تومان")).toBe("25000000000");
  });
});
