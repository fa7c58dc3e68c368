/**
 * The evaluation bench's smoke variant, in-process: it completes, its identical-results check ran and
 * passed for both decisions (the full hand-written versions and the engine's other rows deep-equal to
 * evaluateSync, the decision-only version on decision, fired rules and fee), and it reports a positive
 * rate for every implementation, the two hand-written rows included. No timing is asserted
 * (performance is the bench's business, never a unit test's), and --smoke writes nothing.
 */
import { describe, expect, it } from "vitest";
import { type BenchReport, diffLines, type ImplementationKey, main, parseArgs } from "../../bench/evaluate";

const KEYS: ImplementationKey[] = [
  "compiled-sync",
  "compiled-async",
  "reference",
  "handwritten-full",
  "handwritten-decision",
];

describe("bench/evaluate.ts --smoke", () => {
  let report: BenchReport | undefined;
  const lines: string[] = [];

  it("completes", async () => {
    report = await main(["--smoke"], { log: (line) => lines.push(line) });
    expect(report.options.smoke).toBe(true);
    expect(report.decisions.map((d) => d.source)).toEqual([
      "rulesets/electronics/versions/1.zb",
      "bench/fixtures/omid-eligibility.zb",
    ]);
  }, 120_000);

  it("ran the identical-results check on every implementation, and it passed", () => {
    if (!report) throw new Error("the smoke run did not complete");
    for (const d of report.decisions) {
      expect(d.verification.ran).toBe(true);
      expect(d.verification.passed).toBe(true);
      expect(Object.keys(d.verification.cases).sort()).toEqual([...KEYS].sort());
      for (const n of Object.values(d.verification.cases)) expect(n).toBeGreaterThan(0);
      // Every case of the corpus, for the full hand-written version as for the engine.
      expect(d.verification.cases["handwritten-full"]).toBe(d.cases);
      expect(d.verification.cases["handwritten-decision"]).toBe(d.cases);
      expect(d.verification.checks).toEqual({
        "compiled-sync": "baseline",
        "compiled-async": "full result",
        reference: "full result",
        "handwritten-full": "full result",
        "handwritten-decision": "decision, fired rules, fee",
      });
      expect(d.verification.comparisons).toBe(
        KEYS.filter((k) => k !== "compiled-sync").reduce((n, k) => n + d.verification.cases[k], 0),
      );
      expect(d.decisions.accept + d.decisions.refer + d.decisions.reject).toBe(d.cases);
    }
    expect(
      lines.filter((l) => l.includes("verified: all 5 implementations agree with evaluateSync")),
    ).toHaveLength(2);
  });

  it("reports a positive rate and latency for every implementation", () => {
    if (!report) throw new Error("the smoke run did not complete");
    for (const d of report.decisions) {
      expect(d.implementations.map((i) => i.key)).toEqual(KEYS);
      expect(d.implementations.map((i) => i.label)).toContain("hand-written, full result");
      expect(d.implementations.map((i) => i.label)).toContain("hand-written, decision only");
      for (const impl of d.implementations) {
        expect(impl.casesPerSecond.median).toBeGreaterThan(0);
        expect(impl.casesPerSecond.min).toBeGreaterThan(0);
        expect(impl.latencyMicros.sample).toBeGreaterThan(0);
        expect(impl.latencyMicros.p99).toBeGreaterThanOrEqual(impl.latencyMicros.p50);
        expect(Number.isFinite(impl.timesHandwrittenFull)).toBe(true);
        expect(Number.isFinite(impl.timesHandwrittenDecision)).toBe(true);
      }
      for (const ratio of Object.values(d.ratios)) {
        expect(Number.isFinite(ratio)).toBe(true);
        expect(ratio).toBeGreaterThan(0);
      }
      // The same cases give the same number of rejects, whoever decides them.
      const rejects = new Set(
        d.implementations.filter((i) => i.key !== "reference").map((i) => i.rejectsPerPass),
      );
      expect(rejects.size).toBe(1);
    }
  });

  it("writes nothing", () => {
    expect(report?.options.out).toBeUndefined();
    expect(report?.written).toBeUndefined();
  });
});

describe("bench/evaluate.ts diffLines", () => {
  it("names each differing path, and a key only one side has", () => {
    const engine = { decision: "reject", outcomes: [{ rule: "a", message: "۱۲ ماه" }], values: { x: "1" } };
    const theirs = { decision: "reject", outcomes: [{ rule: "a", message: "12 ماه" }], values: { y: "1" } };
    expect(diffLines(engine, theirs)).toEqual([
      'outcomes[0].message: engine "۱۲ ماه" ≠ "12 ماه"',
      'values.x: engine "1" ≠ (absent)',
      'values.y: engine (absent) ≠ "1"',
    ]);
    expect(diffLines(engine, structuredClone(engine))).toEqual([]);
  });
});

describe("bench/evaluate.ts arguments", () => {
  it("has full-run defaults and a small smoke variant", () => {
    const full = parseArgs([]);
    expect(full.cases).toBeGreaterThan(full.referenceCases);
    expect(full.out).toMatch(/bench[/\\]results[/\\]evaluate\.json$/);
    const smoke = parseArgs(["--smoke", "--runs", "2"]);
    expect(smoke).toMatchObject({ smoke: true, cases: 200, runs: 2, out: undefined });
  });

  it("refuses what it does not know", () => {
    expect(() => parseArgs(["--cases", "0"])).toThrow(/positive whole number/);
    expect(() => parseArgs(["--fast"])).toThrow(/unknown argument/);
  });
});
