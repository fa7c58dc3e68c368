/**
 * The evaluation bench's smoke variant, in-process: it completes, its identical-results check ran and
 * passed for both decisions, and it reports a positive rate for every implementation. No timing is
 * asserted (performance is the bench's business, never a unit test's), and --smoke writes nothing.
 */
import { describe, expect, it } from "vitest";
import { type BenchReport, main, parseArgs } from "../../bench/evaluate";

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
      expect(Object.keys(d.verification.cases).sort()).toEqual(
        ["compiled-async", "compiled-sync", "handwritten", "reference"].sort(),
      );
      for (const n of Object.values(d.verification.cases)) expect(n).toBeGreaterThan(0);
      expect(d.verification.comparisons).toBeGreaterThan(0);
      expect(d.decisions.accept + d.decisions.refer + d.decisions.reject).toBe(d.cases);
    }
    expect(lines.filter((l) => l.includes("verified: all 4 implementations agree"))).toHaveLength(2);
  });

  it("reports a positive rate and latency for every implementation", () => {
    if (!report) throw new Error("the smoke run did not complete");
    for (const d of report.decisions) {
      expect(d.implementations.map((i) => i.key)).toEqual([
        "compiled-sync",
        "compiled-async",
        "reference",
        "handwritten",
      ]);
      for (const impl of d.implementations) {
        expect(impl.casesPerSecond.median).toBeGreaterThan(0);
        expect(impl.casesPerSecond.min).toBeGreaterThan(0);
        expect(impl.latencyMicros.sample).toBeGreaterThan(0);
        expect(impl.latencyMicros.p99).toBeGreaterThanOrEqual(impl.latencyMicros.p50);
        expect(Number.isFinite(impl.timesHandwritten)).toBe(true);
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
