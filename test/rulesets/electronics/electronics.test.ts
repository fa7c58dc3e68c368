/**
 * The ESFRD (صنا) guarantee ruleset, every version: it parses, checks without errors, compiles to an
 * artefact that passes the artefact schema, every one of its own `آزمون` blocks passes on the engine,
 * and the example case gets exactly the decision and fee worked out by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../../engine";
import { openFund, versionBasics } from "../fund";

const { dir: DIR, versions, build } = openFund("electronics");

/** How many `آزمون` blocks each version must carry (a test lost by a parse slip fails here). */
const TEST_COUNTS: Record<string, number> = { "1": 68, "2": 107 };

/**
 * examples/case-1.json: a tender bond (ردیف «شرکت در مناقصه و مزایده»), 3,000,000,000 rials, 18 months,
 * insured, two mortgages worth 3,750,000,000 together. Remainder for the property = 3,000,000,000 =
 * 80% × 3,750,000,000: enough without the technical committee; one collateral category: not mixed.
 * Fee = 18 × 1% × 3,000,000,000 ÷ 12 = 45,000,000 rials, the same in both versions.
 */
const CASE_1 = { decision: "accept", fee: "45000000", rate: "1" } as const;

describe("rulesets/electronics versions.json", () => {
  it("lists version 1 (the instruction) and version 2 (with the amendment), published", () => {
    expect(versions.map((v) => [v.version, v.file, v.status])).toEqual([
      ["1", "versions/1.zb", "published"],
      ["2", "versions/2.zb", "published"],
    ]);
    for (const v of versions) {
      expect(v.note.length).toBeGreaterThan(0);
      expect(v.author.length).toBeGreaterThan(0);
      expect(v.date).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    }
  });
});

describe.each(versions)("rulesets/electronics version $version", (entry) => {
  const built = build(entry.file);
  const { artefact } = built;

  versionBasics("electronics", entry, TEST_COUNTS[entry.version]!, built);

  it("decides examples/case-1.json and its fee exactly", async () => {
    if (!artefact) throw new Error("no artefact");
    const input: unknown = JSON.parse(readFileSync(join(DIR, "examples/case-1.json"), "utf8"));
    const result = await createEngine(artefact).evaluate(input);
    expect(result.decision).toBe(CASE_1.decision);
    expect(result.values.کارمزد).toBe(CASE_1.fee);
    expect(result.values.کارمزد_دریافتی).toBe(CASE_1.fee);
    expect(result.values.نرخ_کارمزد_موزون).toBe(CASE_1.rate);
    expect(result.outcomes.filter((o) => o.kind === "refer" || o.kind === "reject")).toEqual([]);
    const payment = result.outcomes.find((o) => o.rule === "کارمزد ضمانت‌نامه" && o.kind === "require");
    expect(payment?.amount).toBe(CASE_1.fee);
  });
});
