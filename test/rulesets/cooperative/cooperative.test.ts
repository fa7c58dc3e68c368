/**
 * The Cooperative Investment Guarantee Fund (صندوق ضمانت سرمایه‌گذاری تعاون) ruleset, from its
 * brochure (seed 000): it parses, checks without errors or warnings, compiles to an artefact that
 * passes the artefact schema, every one of its own `آزمون` blocks passes on the engine, and each
 * example case gets exactly the decision and fee worked out by hand below.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadClauseIndex, verifyIndex, verifyVersion } from "../../../cli/clause-index";
import { createEngine } from "../../../engine";
import { openFund, versionBasics } from "../fund";

const { dir: DIR, versions, build } = openFund("cooperative");

/** How many `آزمون` blocks each version must carry (a test lost by a parse slip fails here). */
const TEST_COUNTS: Record<string, number> = { "1": 56 };

interface Expected {
  decision: "accept" | "reject" | "refer";
  /** Titles of the rules that fired, in the order the result lists them. */
  fired: string[];
  values: Record<string, string>;
}

/**
 * Each example, worked out by hand.
 *
 * case-1.json: a cooperative, credit guarantee of 150,000,000,000 rials, nothing outstanding on the
 * project, 20,000,000,000 on its other projects, co-guaranteed (اتکایی), 30 months, 1% then 0.5%.
 * Project total 150 bn > 120 bn (بند الف), but a co-guaranteed cooperative may go beyond it while the
 * company total 20 + 0 + 150 = 170 bn ≤ 180 bn (بند ج): accepted, with the co-guarantee requirement.
 * Fee years = ⌈30 ÷ 12⌉ = 3: first year 1% × 150 bn = 1,500,000,000; each later year
 * 0.5% × 150 bn = 750,000,000, twice; total 3,000,000,000. The ceiling: 1,500,000,000 +
 * 5% × 150 bn × 2 = 16,500,000,000. Notes endorsed: no endorsement requirement.
 *
 * case-2.json: a private SME, performance bond of 100,000,000,000 rials with 30,000,000,000 already
 * outstanding on the same project, not co-guaranteed: project total 130 bn > 120 bn: rejected. The fee
 * is still worked out: 12 months = 1 fee year, 0.8% × 100 bn = 800,000,000.
 *
 * case-3.json: a private SME, tender bond of 2,000,000,000 rials, 24 months, 1% then 5% (the printed
 * reading of «5% درصد», exactly at its ceiling): accepted. 1% × 2 bn = 20,000,000; 5% × 2 bn =
 * 100,000,000 for the one later year; total 120,000,000, equal to the ceiling.
 */
const EXAMPLES: Record<string, Expected> = {
  "case-1.json": {
    decision: "accept",
    fired: ["ضمانت اتکایی بیش از سقف هر طرح"],
    values: {
      جمع_ضمانت‌نامه‌های_طرح: "150000000000",
      جمع_ضمانت‌نامه‌های_متقاضی: "170000000000",
      سال‌های_کارمزد: "3",
      کارمزد_سال_اول: "1500000000",
      کارمزد_هر_سال_آتی: "750000000",
      کارمزد_کل: "3000000000",
      سقف_کارمزد_کل: "16500000000",
    },
  },
  "case-2.json": {
    decision: "reject",
    fired: ["سقف ضمانت‌نامه‌های هر طرح"],
    values: {
      جمع_ضمانت‌نامه‌های_طرح: "130000000000",
      سال‌های_کارمزد: "1",
      کارمزد_کل: "800000000",
    },
  },
  "case-3.json": {
    decision: "accept",
    fired: [],
    values: {
      سال‌های_کارمزد: "2",
      کارمزد_سال_اول: "20000000",
      کارمزد_هر_سال_آتی: "100000000",
      کارمزد_کل: "120000000",
      سقف_کارمزد_کل: "120000000",
    },
  },
};

describe("rulesets/cooperative versions.json", () => {
  it("lists version 1 (the brochure), published, with a placeholder date", () => {
    expect(versions.map((v) => [v.version, v.file, v.status, v.date])).toEqual([
      ["1", "versions/1.zb", "published", "1396/01/01"],
    ]);
    for (const v of versions) {
      expect(v.note.length).toBeGreaterThan(0);
      expect(v.author).toBe("تیم قواعد zavabet");
    }
  });
});

describe("rulesets/cooperative/clauses.json", () => {
  const file = join(DIR, "clauses.json");
  const loaded = loadClauseIndex(file, "clauses.json");

  it("agrees with every version: names declared, every citation covered", () => {
    expect(loaded.problems).toEqual([]);
    if (!loaded.index) throw new Error("no index");
    const fundVersions = versions.map((v) => ({
      version: v.version,
      path: join(DIR, v.file),
      display: v.file,
    }));
    const problems = [
      ...verifyIndex(loaded.index, fundVersions, "clauses.json"),
      ...fundVersions.flatMap((v) => verifyVersion(loaded.index, v, "clauses.json")),
    ];
    expect(problems.map((p) => p.message.en)).toEqual([]);
  });

  it("marks the printed «5% درصد» and the 180 bn co-guarantee clause ambiguous, each with its reading", () => {
    const kinds = Object.fromEntries((loaded.index?.clauses ?? []).map((c) => [c.clause, c.kind]));
    expect(kinds["سقف و نرخ ضمانت‌نامه، بند الف"]).toBe("encoded");
    expect(kinds["سقف و نرخ ضمانت‌نامه، بند ب، سال اول"]).toBe("encoded");
    expect(kinds["سقف و نرخ ضمانت‌نامه، بند ب، سال‌های آتی"]).toBe("ambiguous");
    expect(kinds["سقف و نرخ ضمانت‌نامه، بند ج"]).toBe("ambiguous");
  });
});

describe.each(versions)("rulesets/cooperative version $version", (entry) => {
  const built = build(entry.file);
  const { artefact } = built;

  versionBasics("cooperative", entry, TEST_COUNTS[entry.version]!, built);

  it("keeps the brochure's numbers as parameters (the later-years ceiling as printed, 5%)", () => {
    const params = Object.fromEntries((artefact?.parameters ?? []).map((p) => [p.name, p.value]));
    // The artefact keeps a percent as its fraction: 1% is "0.01".
    expect(params).toEqual({
      سقف_هر_طرح: "120000000000",
      سقف_هر_شرکت_تعاونی_اتکایی: "180000000000",
      سقف_نرخ_کارمزد_سال_اول: "0.01",
      سقف_نرخ_کارمزد_سال‌های_آتی: "0.05",
    });
  });

  it.each(Object.entries(EXAMPLES))("decides examples/%s and its fee exactly", async (file, expected) => {
    if (!artefact) throw new Error("no artefact");
    const input: unknown = JSON.parse(readFileSync(join(DIR, "examples", file), "utf8"));
    const result = await createEngine(artefact).evaluate(input);
    expect(result.decision).toBe(expected.decision);
    expect(result.outcomes.map((o) => o.rule)).toEqual(expected.fired);
    for (const [name, value] of Object.entries(expected.values)) {
      expect([name, result.values[name]]).toEqual([name, value]);
    }
  });
});
