/**
 * The editor's pure parts, without a browser: the line diff the versions panel shows (every line of
 * both texts, in order, numbered; the changed lines and nothing else marked), the amounts the case
 * form reads (Persian digits, separators, scale words and currencies, exactly), and how a citation
 * finds its clause in the fund's index.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAmount } from "../../editor/src/amount";
import type { Clause } from "../../editor/src/api";
import { describeClause, findClause } from "../../editor/src/clause-index";
import { diffLines, hunks } from "../../editor/src/line-diff";

describe("the line diff", () => {
  it("keeps both texts whole and in order, numbering each side's lines", () => {
    const lines = fc.array(fc.constantFrom("قاعده", "اگر", "آنگاه", ""), { maxLength: 25 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = diffLines(a.join("\n"), b.join("\n"));
        expect(d.filter((l) => l.op !== "add").map((l) => l.text)).toEqual(a.join("\n").split("\n"));
        expect(d.filter((l) => l.op !== "del").map((l) => l.text)).toEqual(b.join("\n").split("\n"));
        let na = 1;
        let nb = 1;
        for (const l of d) {
          if (l.op !== "add") expect(l.a).toBe(na++);
          if (l.op !== "del") expect(l.b).toBe(nb++);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("marks one changed line among many as one removal and one addition, with context", () => {
    const a = Array.from({ length: 2000 }, (_, i) => `سطر ${i}`);
    const b = [...a];
    b[1000] = "پارامتر سقف_خانگی = ۱۲۰ میلیون ریال";
    const d = diffLines(a.join("\n"), b.join("\n"));
    expect(d.filter((l) => l.op === "del")).toEqual([{ op: "del", a: 1001, text: "سطر 1000" }]);
    expect(d.filter((l) => l.op === "add")).toEqual([{ op: "add", b: 1001, text: b[1000] }]);
    const shown = hunks(d, 2);
    expect(shown).toHaveLength(6);
    expect(shown[0]).toEqual({ op: "same", a: 999, b: 999, text: "سطر 998" });
  });
});

describe("amounts typed in the case form", () => {
  it.each([
    ["۱۲۰ میلیون ریال", true, "120000000"],
    ["۱۲۰٬۰۰۰٬۰۰۰", true, "120000000"],
    ["120,000,000", true, "120000000"],
    ["۵ میلیارد تومان", true, "50000000000"],
    ["۱٫۵ میلیون", true, "1500000"],
    ["۳۶", false, "36"],
    ["۲ هزار", false, "2000"],
  ])("«%s» is %s", (typed, money, want) => {
    expect(readAmount(typed, money)).toBe(want);
  });

  it("passes anything else on as typed, for the engine to report", () => {
    expect(readAmount("صد", true)).toBe("صد");
    expect(readAmount("۱۲۰ میلون", true)).toBe("۱۲۰ میلون");
    expect(readAmount("۱۲۰ ریال", false)).toBe("۱۲۰ ریال");
  });
});

describe("a citation's clause", () => {
  const index: Clause[] = [
    { clause: "ماده ۳", kind: "encoded", summary: "سن" },
    { clause: "ماده ۳۹", kind: "encoded", summary: "سقف خانگی" },
    { clause: "ماده ۵", kind: "procedural", reason: "کمیته" },
  ];
  it("is the entry of the same name, else the longest entry it falls under", () => {
    expect(findClause(index, "ماده ۳۹")).toEqual({ clause: index[1], exact: true });
    expect(findClause(index, "ماده ۳، بند ۲")).toEqual({ clause: index[0], exact: false });
    expect(findClause(index, "ماده ۳۹۰")).toBeUndefined();
    expect(findClause(index, "ماده ۷")).toBeUndefined();
  });

  it("is described by its kind in Persian and its gist, or as not in the index", () => {
    expect(describeClause("ماده ۳۹", index)).toContain("در قواعد آمده است");
    expect(describeClause("ماده ۳۹", index)).toContain("سقف خانگی");
    expect(describeClause("ماده ۵", index)).toContain("رویه‌ای");
    expect(describeClause("ماده ۳، بند ۲", index)).toContain("«ماده ۳، بند ۲» زیر این بند است");
    expect(describeClause("ماده ۷", index)).toContain("در فهرست بندهای این صندوق نیست");
    expect(describeClause("ماده ۷", undefined)).toContain("در دسترس نیست");
  });
});
