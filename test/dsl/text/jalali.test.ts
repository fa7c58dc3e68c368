import { describe, expect, it } from "vitest";
import { jalaliFromDayNumber, normalize, parseJalaliDate } from "../../../dsl/text";

describe("parseJalaliDate", () => {
  it("reads year/month/day with «/» or «-», zero-padding the text", () => {
    expect(parseJalaliDate("1393/09/10")).toMatchObject({
      year: 1393,
      month: 9,
      day: 10,
      text: "1393/09/10",
    });
    expect(parseJalaliDate("1393-9-10")).toMatchObject({ year: 1393, month: 9, day: 10, text: "1393/09/10" });
    expect(parseJalaliDate(normalize("۱۳۹۳/۰۹/۱۰").text)?.text).toBe("1393/09/10");
  });

  it("counts days from 1970-01-01 Gregorian", () => {
    expect(parseJalaliDate("1348/10/11")?.dayNumber).toBe(0); // 1970-01-01
    expect(parseJalaliDate("1348/10/10")?.dayNumber).toBe(-1);
    expect(parseJalaliDate("1403/01/01")?.dayNumber).toBe(19802); // 2024-03-20
    const a = parseJalaliDate("1402/12/29")!;
    const b = parseJalaliDate("1403/01/01")!;
    expect(b.dayNumber - a.dayNumber).toBe(1);
  });

  it("knows leap years: 1399 has an Esfand 30th, 1400 does not", () => {
    expect(parseJalaliDate("1399/12/30")).toMatchObject({ year: 1399, month: 12, day: 30 });
    expect(parseJalaliDate("1400/12/30")).toBeUndefined();
    expect(parseJalaliDate("1393/12/30")).toBeUndefined();
    expect(parseJalaliDate("1393/12/31")).toBeUndefined();
  });

  it("knows month lengths", () => {
    expect(parseJalaliDate("1400/06/31")).toBeDefined();
    expect(parseJalaliDate("1400/07/31")).toBeUndefined();
    expect(parseJalaliDate("1400/07/30")).toBeDefined();
  });

  it("rejects what is not a date", () => {
    for (const image of [
      "1393/13/01",
      "1393/00/10",
      "1393/01/00",
      "93/09/10",
      "1393/09",
      "1393/09-10",
      "1393/009/10",
      "1393.09.10",
      "",
    ]) {
      expect(parseJalaliDate(image), image).toBeUndefined();
    }
  });
});

describe("jalaliFromDayNumber", () => {
  it("is the inverse of dayNumber", () => {
    expect(jalaliFromDayNumber(0)).toBe("1348/10/11");
    for (const text of ["1393/09/10", "1399/12/30", "1400/01/01", "1300/01/01", "1500/12/29"]) {
      expect(jalaliFromDayNumber(parseJalaliDate(text)!.dayNumber)).toBe(text);
    }
  });

  it("round-trips every day across several leap cycles", () => {
    const start = parseJalaliDate("1395/01/01")!.dayNumber;
    const end = parseJalaliDate("1410/12/29")!.dayNumber;
    for (let day = start; day <= end; day++) {
      expect(parseJalaliDate(jalaliFromDayNumber(day))!.dayNumber).toBe(day);
    }
  });

  it("throws on a non-integer day", () => {
    expect(() => jalaliFromDayNumber(1.5)).toThrow(RangeError);
  });
});
