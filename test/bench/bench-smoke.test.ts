/**
 * The evaluation bench's smoke variant, in-process: it completes, its identical-results check ran and
 * passed for every decision (the full hand-written versions and the engine's other rows deep-equal to
 * evaluateSync; the decision-only version, GoRules ZEN one case and batched, and the hand-written
 * json-rules-engine rules on decision, fired rules and fee), and it reports a positive rate for every
 * implementation and our ratio against every anchor. No timing is asserted (performance is the bench's
 * business, never a unit test's), and --smoke writes nothing.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { engineCoverOffExact } from "../../bench/anchors/exact-covers";
import { num } from "../../bench/anchors/facts";
import { canonicalizer } from "../../bench/canonical-case";
import {
  ANCHORS,
  type AnchorKey,
  type BenchReport,
  diffLines,
  type ImplementationKey,
  main,
  parseArgs,
} from "../../bench/evaluate";
import { compileSource } from "../../dsl/index";
import { generateCases } from "../../engine/generate/index";
import { createEngine, type EvaluationResult } from "../../engine/index";

/** The two decisions with every anchor. */
const KEYS: ImplementationKey[] = [
  "compiled-sync",
  "compiled-async",
  "reference",
  "handwritten-full",
  "handwritten-decision",
  "zen-single",
  "zen-batched",
  "json-rules-engine",
];
/** The real Omid ruleset: our two evaluators, the reference and its hand-written version (no peers). */
const NO_PEERS: ImplementationKey[] = KEYS.slice(0, 5);
const keysOf = (source: string) => (source === "rulesets/omid/versions/1.zb" ? NO_PEERS : KEYS);

describe("bench/evaluate.ts --smoke", () => {
  let report: BenchReport | undefined;
  const lines: string[] = [];

  it("completes", async () => {
    report = await main(["--smoke"], { log: (line) => lines.push(line) });
    expect(report.options.smoke).toBe(true);
    expect(report.decisions.map((d) => d.source)).toEqual([
      "rulesets/electronics/versions/1.zb",
      "bench/fixtures/omid-eligibility.zb",
      "rulesets/omid/versions/1.zb",
    ]);
    expect(report.packages["@gorules/zen-engine"]).toMatch(/^0\.54\./);
  }, 120_000);

  it("ran the identical-results check on every implementation, and it passed", () => {
    if (!report) throw new Error("the smoke run did not complete");
    for (const d of report.decisions) {
      const keys = keysOf(d.source);
      expect(d.verification.ran).toBe(true);
      expect(d.verification.passed).toBe(true);
      expect(Object.keys(d.verification.cases).sort()).toEqual([...keys].sort());
      for (const n of Object.values(d.verification.cases)) expect(n).toBeGreaterThan(0);
      // Every case of the corpus, for the hand-written versions and ZEN batched as for the engine.
      for (const k of ["compiled-async", "handwritten-full", "handwritten-decision", "zen-batched"] as const)
        if (keys.includes(k)) expect(d.verification.cases[k]).toBe(d.cases);
      const full = "full result";
      const decided = "decision, fired rules, fee";
      const checks = {
        "compiled-sync": "baseline",
        "compiled-async": full,
        reference: full,
        "handwritten-full": full,
        "handwritten-decision": decided,
        "zen-single": decided,
        "zen-batched": decided,
        "json-rules-engine": decided,
      };
      expect(d.verification.checks).toEqual(Object.fromEntries(keys.map((k) => [k, checks[k]])));
      expect(d.verification.comparisons).toBe(
        keys.filter((k) => k !== "compiled-sync").reduce((n, k) => n + (d.verification.cases[k] ?? 0), 0),
      );
      expect(d.decisions.accept + d.decisions.refer + d.decisions.reject).toBe(d.cases);
    }
    expect(
      lines.filter((l) => l.includes("verified: all 8 implementations agree with evaluateSync")),
    ).toHaveLength(2);
    expect(
      lines.filter((l) => l.includes("verified: all 5 implementations agree with evaluateSync")),
    ).toHaveLength(1);
    // The generated Omid cases, written back canonically: Persian keys only.
    const omid = report.decisions.find((d) => d.source === "rulesets/omid/versions/1.zb");
    expect(omid?.note).toMatch(/engine\/generate/);
  });

  it("reports a positive rate and latency for every implementation", () => {
    if (!report) throw new Error("the smoke run did not complete");
    for (const d of report.decisions) {
      const keys = keysOf(d.source);
      expect(d.implementations.map((i) => i.key)).toEqual(keys);
      for (const impl of d.implementations) {
        expect(impl.casesPerSecond.median).toBeGreaterThan(0);
        expect(impl.casesPerSecond.min).toBeGreaterThan(0);
        expect(impl.latencyMicros.sample).toBeGreaterThan(0);
        expect(impl.latencyMicros.p99).toBeGreaterThanOrEqual(impl.latencyMicros.p50);
        expect(impl.latencyMicros.per).toBe(impl.key === "zen-batched" ? "batch of 100" : "case");
        expect(impl.compiledSyncOverThis).toBeGreaterThan(0);
        expect(impl.timesHandwrittenFull).toBeGreaterThan(0);
        expect(impl.timesHandwrittenDecision).toBeGreaterThan(0);
      }
      // Ours against every anchor the decision has, and only those.
      const anchors = ANCHORS.filter((k) => keys.includes(k));
      for (const ratios of [d.ratios.compiledSync, d.ratios.compiledAsync]) {
        expect(Object.keys(ratios).sort()).toEqual([...anchors].sort());
        for (const ratio of Object.values(ratios)) {
          expect(Number.isFinite(ratio)).toBe(true);
          expect(ratio).toBeGreaterThan(0);
        }
      }
      // The same cases give the same number of rejects, whoever decides them (a peer that decided a
      // case of arithmetic edge differently aside).
      const edged = new Set(d.verification.arithmeticEdges.map((e) => e.implementation));
      const rejects = new Set(
        d.implementations
          .filter((i) => i.cases === d.cases && !edged.has(i.key))
          .map((i) => i.rejectsPerPass),
      );
      expect(rejects.size).toBe(1);
    }
    const names: Record<AnchorKey, RegExp> = {
      "handwritten-full": /compiled \/ hand-written, full result +[\d.]+ \(evaluateSync\)/,
      "handwritten-decision": /compiled \/ hand-written, decision only +[\d.]+ \(evaluateSync\)/,
      reference: /compiled \/ reference evaluator +[\d.]+ \(evaluateSync\)/,
      "zen-single": /compiled \/ ZEN, one case +[\d.]+ \(evaluateSync\)/,
      "zen-batched": /compiled \/ ZEN, batches of 100 +[\d.]+ \(evaluateSync\)/,
      "json-rules-engine": /compiled \/ json-rules-engine rules +[\d.]+ \(evaluateSync\)/,
    };
    for (const key of ANCHORS) {
      // Printed for every decision that has the anchor: all three have the hand-written versions and
      // the reference evaluator, the two bench decisions the peers.
      const printed = lines.filter((l) => names[key].test(l)).length;
      expect(printed).toBe(NO_PEERS.includes(key) ? 3 : 2);
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

describe("bench/canonical-case.ts", () => {
  const artefact = compileSource(readFileSync("rulesets/omid/versions/1.zb", "utf8")).artefact;
  if (!artefact) throw new Error("rulesets/omid/versions/1.zb does not compile");
  const canonical = canonicalizer(artefact);
  const engine = createEngine(artefact, { evaluator: "compiled" });

  it("writes a generated case as a service sends it, and the engine reads it to the same result", () => {
    const names = new Set(artefact.inputs.map((i) => i.name));
    const persianDigits = /[۰-۹٬٫]/;
    const numeric = new Set(
      artefact.inputs.filter((i) => ["number", "money", "percent"].includes(i.type.kind)).map((i) => i.name),
    );
    for (const raw of generateCases(artefact, 300, 3)) {
      const c = canonical(raw);
      for (const key of Object.keys(c)) expect(names.has(key)).toBe(true);
      const json = JSON.stringify(c);
      expect(json).not.toMatch(persianDigits);
      expect(json).not.toMatch(/[يك]/);
      for (const [name, v] of Object.entries(c)) {
        if (!numeric.has(name)) continue;
        if (typeof v === "number") expect(Number.isSafeInteger(v)).toBe(true);
        else expect(v).toMatch(/^-?\d+\.\d+$/);
      }
      expect(engine.evaluateSync(c)).toEqual(engine.evaluateSync(raw));
    }
  });

  it("writes a fraction as a decimal string and a safe integer as a number", () => {
    const base = canonical(generateCases(artefact, 1, 1)[0]);
    const c = canonical({ ...base, مبلغ_تسهیلات: "۱٬۲۳۴٫۵", سن_متقاضی: "30" });
    expect(c.مبلغ_تسهیلات).toBe("1234.5");
    expect(c.سن_متقاضی).toBe(30);
  });
});

describe("bench/anchors/exact-covers.ts", () => {
  // 1 billion rials, 600,000,001 of bonds (covering 500,000,000.83…), 600 million of property.
  const input = {
    guaranteeType: "حسن_انجام_کار",
    amount: "1000000000",
    termMonths: 12,
    insured: true,
    collaterals: [
      { kind: "اوراق_بهادار", value: "600000001" },
      { kind: "ترهین_ملک", value: "600000000" },
    ],
  };
  const result = (covers: Record<string, string>) =>
    ({
      decision: "accept",
      outcomes: [],
      values: { ارزش_وجه_نقد: "0", ارزش_اوراق: "600000001", ارزش_سفته: "0", ...covers },
    }) as unknown as EvaluationResult;

  it("finds nothing when the engine's covers are the exact ones", () => {
    // 1.2 × 10⁹ = 1,200,000,000; 1.2 × (10⁹ − 600,000,001 ÷ 1.2) = 599,999,999; the remainder
    // 10⁹ − 500,000,000.83… = 499,999,999.16… rounds up to 500,000,000.
    const exact = { اوراق_لازم: "1200000000", سفته_لازم: "599999999", باقیمانده_برای_ملک: "500000000" };
    expect(engineCoverOffExact(input, result(exact))).toBeUndefined();
  });

  it("names a cover the engine has a rial above exact arithmetic", () => {
    const off = { اوراق_لازم: "1200000000", سفته_لازم: "600000000", باقیمانده_برای_ملک: "500000000" };
    expect(engineCoverOffExact(input, result(off))).toBe("سفته_لازم: engine 600000000 ≠ exact 599999999");
  });
});

describe("bench/anchors/facts.ts num", () => {
  it("takes a number a double carries exactly, and refuses one it would not", () => {
    expect(num("1234567890.5", "x")).toBe(1234567890.5);
    expect(num(12, "x")).toBe(12);
    expect(num("000123456789012345", "x")).toBe(123456789012345);
    expect(() => num("1234567890123456", "x")).toThrow(/15 significant digits/);
    expect(() => num("1e3", "x")).toThrow(/must be a number/);
  });
});
