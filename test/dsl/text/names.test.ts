import { describe, expect, it } from "vitest";
import { closestNames, editDistance, nameKey, withoutZwnj } from "../../../dsl/text";

const ZWNJ = "\u200c";

describe("nameKey", () => {
  it("makes Arabic ي and ك equal to Persian ی and ک", () => {
    expect(nameKey("مبلغ_كل_وام_متقاضي")).toBe(nameKey("مبلغ_کل_وام_متقاضی"));
  });

  it("drops diacritics and invisible marks", () => {
    expect(nameKey("مَبلَغ")).toBe(nameKey("مبلغ"));
    expect(nameKey("زکوٰة")).toBe(nameKey("زکوة"));
    expect(nameKey("مبـــلغ\u200f")).toBe("مبلغ");
  });

  it("keeps ZWNJ, so names that differ by it alone are different keys", () => {
    expect(nameKey(`سقف${ZWNJ}کل`)).not.toBe(nameKey("سقفکل"));
    expect(nameKey(`سقف${ZWNJ}کل`)).toContain(ZWNJ);
    expect(withoutZwnj(`سقف${ZWNJ}کل`)).toBe(withoutZwnj("سقفکل"));
  });

  it("keeps آ a letter of its own", () => {
    expect(nameKey("آب")).not.toBe(nameKey("اب"));
  });
});

describe("editDistance", () => {
  it("is Levenshtein distance", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("سقف", "سقف")).toBe(0);
    expect(editDistance("سقف", "صقف")).toBe(1);
    expect(editDistance("وام", "وامها")).toBe(2);
  });

  it("counts a code point as one edit", () => {
    expect(editDistance("a😀", "a😃")).toBe(1);
  });
});

describe("closestNames", () => {
  const declared = ["سقف_ضمانت", "سقف_وام", "مبلغ_وام", "نرخ_سود", "سن_ضامن"];

  it("suggests near names, best first", () => {
    expect(closestNames("سقف_ضمانتت", declared)).toEqual(["سقف_ضمانت"]);
    expect(closestNames("سقف_وم", declared)).toEqual(["سقف_وام"]);
    expect(closestNames("مبلق_وام", declared)[0]).toBe("مبلغ_وام");
  });

  it("compares by key, so Arabic letters are no distance at all", () => {
    expect(closestNames("سقف_ضمانتي", ["سقف_ضمانتی", "سقف_ضمانت"])).toEqual(["سقف_ضمانتی", "سقف_ضمانت"]);
  });

  it("suggests nothing when nothing is close", () => {
    expect(closestNames("تاریخ_تولد", declared)).toEqual([]);
    expect(closestNames("x", [])).toEqual([]);
  });

  it("allows at least one edit for short names and a third of the length for long ones", () => {
    expect(closestNames("ab", ["ac", "xy"])).toEqual(["ac"]);
    expect(closestNames("abcdefghi", ["abcdwxyzq", "abcdefxyz"])).toEqual(["abcdefxyz"]);
  });

  it("returns at most max suggestions, without duplicates", () => {
    expect(closestNames("aaa", ["aab", "aac", "aad", "aae", "aab"])).toEqual(["aab", "aac", "aad"]);
    expect(closestNames("aaa", ["aab", "aac"], 1)).toEqual(["aab"]);
  });
});
