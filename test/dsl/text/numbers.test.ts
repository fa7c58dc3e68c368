import { describe, expect, it } from "vitest";
import { normalize, parseNumber } from "../../../dsl/text";

/** What the lexer does: normalise the source, then read the token image. */
const read = (written: string) => parseNumber(normalize(written).text);

describe("parseNumber", () => {
  it("reads every digit form, mixed in one number", () => {
    expect(read("۱۲۰")).toBe("120");
    expect(read("١٢٠")).toBe("120");
    expect(read("120")).toBe("120");
    expect(read("۱2٠")).toBe("120");
    expect(read("۱٬۰0٠٬000")).toBe("1000000");
  });

  it("reads «/» «٫» «.» as the decimal point", () => {
    expect(read("۱/۵")).toBe("1.5");
    expect(read("۱٫۵")).toBe("1.5");
    expect(read("1.5")).toBe("1.5");
    expect(parseNumber("0/7")).toBe("0.7");
  });

  it("reads «٬» and «,» as thousands separators", () => {
    expect(read("۱٬۰۰۰٬۰۰۰")).toBe("1000000");
    expect(read("1,000,000")).toBe("1000000");
    expect(read("۱۲٬۳۴۵٫۶۷")).toBe("12345.67");
    expect(parseNumber("999,999.5")).toBe("999999.5");
  });

  it("rejects grouping that is not in threes", () => {
    expect(read("۱٬۰۰")).toBeUndefined();
    expect(parseNumber("1,0000")).toBeUndefined();
    expect(parseNumber("1000,000")).toBeUndefined();
    expect(parseNumber("1,000,00")).toBeUndefined();
    expect(parseNumber(",000")).toBeUndefined();
    expect(parseNumber("1,,000")).toBeUndefined();
    expect(parseNumber("1.000,000")).toBeUndefined();
  });

  it("rejects what is not a number", () => {
    for (const image of ["", "1.", ".5", "1.2.3", "1/2/3", "-1", "1e3", "۱ ۰۰۰", "abc", "1٬"]) {
      expect(parseNumber(image), image).toBeUndefined();
    }
  });

  it("gives the canonical form: no leading zeros, no trailing fraction zeros", () => {
    expect(parseNumber("1.50")).toBe("1.5");
    expect(parseNumber("007")).toBe("7");
    expect(parseNumber("0")).toBe("0");
    expect(parseNumber("000.000")).toBe("0");
    expect(parseNumber("10.0")).toBe("10");
    expect(parseNumber("0.050")).toBe("0.05");
  });

  it("is exact beyond float precision", () => {
    expect(parseNumber("12345678901234567890123.000000000000000000001")).toBe(
      "12345678901234567890123.000000000000000000001",
    );
    expect(parseNumber("0.1")).toBe("0.1");
  });
});
