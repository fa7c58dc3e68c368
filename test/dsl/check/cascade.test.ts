/**
 * One typo, one diagnostic: a declaration the parser could read only in part says nothing more — its
 * uses raise no type errors and the checker adds nothing inside it (dsl/check/index.ts). Pinned on the
 * Omid ruleset's home-business cap, the line policy staff edit most.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSource } from "../../../dsl";

const OMID = readFileSync(new URL("../../../rulesets/omid/versions/1.zb", import.meta.url), "utf8");
const CAP = "پارامتر سقف_خانگی = ۱۰۰ میلیون ریال";
const capLine = OMID.split("\n").findIndex((l) => l.startsWith(CAP)) + 1;

const diagnosticsWith = (typo: string) => {
  expect(OMID).toContain(CAP);
  return checkSource(OMID.replace(CAP, typo)).diagnostics.map((d) => `${d.range.startLine} ${d.code}`);
};

describe("a typo in a parameter's line", () => {
  it("the ruleset as shipped has no diagnostics", () => {
    expect(checkSource(OMID).diagnostics).toEqual([]);
  });

  it.each([
    ["a misspelt unit", "پارامتر سقف_خانگی = ۱۰۰ میلیون ریا"],
    ["a misspelt scale word", "پارامتر سقف_خانگی = ۱۰۰ ملیون ریال"],
    ["a stray word after the amount", "پارامتر سقف_خانگی = ۱۰۰ میلیون ریال تومان"],
  ])("%s is one syntax error on that line, nothing in the rules and tables that use the cap", (_, typo) => {
    expect(diagnosticsWith(typo)).toEqual([`${capLine} ZB1002`]);
  });

  it.each([
    ["a stray word", "مقدار تعداد_اقساط = گرد_پایین(مدت_تقسیط ÷ ماه_هر_قسط) ماه"],
    ["an operator with nothing after it", "مقدار تعداد_اقساط = گرد_پایین(مدت_تقسیط ÷ ماه_هر_قسط) +"],
  ])("a value's formula with %s is one error, not one for each rule and test that reads it", (_, typo) => {
    const value = "مقدار تعداد_اقساط = گرد_پایین(مدت_تقسیط ÷ ماه_هر_قسط)";
    expect(OMID).toContain(value);
    const line = OMID.split("\n").findIndex((l) => l.startsWith(value)) + 1;
    const found = checkSource(OMID.replace(value, typo)).diagnostics.map(
      (d) => `${d.range.startLine} ${d.code}`,
    );
    expect(found).toEqual([`${line} ZB1002`]);
  });
});
