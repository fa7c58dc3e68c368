/**
 * The hand-written Omid ruleset (bench/handwritten/omid-ruleset.ts) is the same decision as
 * rulesets/omid/versions/1.zb: on generated cases (seeded), every `آزمون` block's case and the fund's
 * examples, each written canonically (bench/canonical-case.ts), its result is deep-equal
 * (node:util isDeepStrictEqual) to the compiled engine's evaluateSync — decision, every outcome with
 * its Persian message, amount and set value, every computed value. A difference prints the first
 * differing case and where the two results differ.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { canonicalizer } from "../../bench/canonical-case";
import { decideOmidRuleset, omidRulesetResult } from "../../bench/handwritten/omid-ruleset";
import { compileSource } from "../../dsl/index";
import { generateCases } from "../../engine/generate";
import { createEngine, type EvaluationResult } from "../../engine/index";

const ROOT = join(import.meta.dirname, "../..");
const FUND = join(ROOT, "rulesets/omid");
const GENERATED = 3_000;
const SEED = 20261123;

const { artefact } = compileSource(readFileSync(join(FUND, "versions/1.zb"), "utf8"));
if (!artefact) throw new Error("rulesets/omid/versions/1.zb does not compile");
const engine = createEngine(artefact);
const canonical = canonicalizer(artefact);

/** The decisions and the rules that fired across every corpus compared so far (for the coverage check). */
const decisionsSeen = new Set<string>();
const rulesSeen = new Set<string>();

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

/** Where two results differ, as `path: engine … ≠ hand-written …` lines (at most 20). */
function diff(expected: unknown, actual: unknown): string[] {
  const out: string[] = [];
  const walk = (e: unknown, a: unknown, path: string): void => {
    if (out.length >= 20 || isDeepStrictEqual(e, a)) return;
    if (isObject(e) && isObject(a) && Array.isArray(e) === Array.isArray(a)) {
      if (Array.isArray(e) && Array.isArray(a) && e.length !== a.length)
        out.push(`${path || "(root)"}: ${e.length} items in the engine's ≠ ${a.length}`);
      for (const k of new Set([...Object.keys(e), ...Object.keys(a)]))
        walk(Object.hasOwn(e, k) ? e[k] : undefined, Object.hasOwn(a, k) ? a[k] : undefined, `${path}/${k}`);
      if (out.length === 0) out.push(`${path || "(root)"}: differ (types or prototypes)`);
      return;
    }
    out.push(`${path || "(root)"}: engine ${show(e)} ≠ hand-written ${show(a)}`);
  };
  walk(expected, actual, "");
  return out;
}

/**
 * Runs both on every case; returns how many agreed and a report of the first that did not (the case and
 * the diff), or of the first exception. The decision-only entry point must agree too.
 */
function compare(label: string, cases: readonly unknown[]): { agreed: number; report?: string } {
  let agreed = 0;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    const expected: EvaluationResult = engine.evaluateSync(c);
    let got: unknown;
    let decided: unknown;
    try {
      got = omidRulesetResult(c);
      decided = decideOmidRuleset(c);
    } catch (e) {
      return { agreed, report: `${label} #${i} threw ${String(e)}\ncase: ${JSON.stringify(c)}` };
    }
    const fired: string[] = [];
    for (const o of expected.outcomes) if (fired[fired.length - 1] !== o.rule) fired.push(o.rule);
    if (
      !isDeepStrictEqual(got, expected) ||
      !isDeepStrictEqual(decided, { decision: expected.decision, fired })
    )
      return {
        agreed,
        report: [
          `${label} #${i} differs`,
          `case: ${JSON.stringify(c)}`,
          ...diff(expected, got).map((l) => `  ${l}`),
          ...diff({ decision: expected.decision, fired }, decided).map((l) => `  decision-only ${l}`),
        ].join("\n"),
      };
    agreed++;
    decisionsSeen.add(expected.decision);
    for (const rule of fired) rulesSeen.add(rule);
  }
  return { agreed };
}

function expectAllAgree(label: string, cases: readonly unknown[]): void {
  const { agreed, report } = compare(label, cases);
  if (report) console.error(report);
  expect(report).toBeUndefined();
  expect(agreed).toBe(cases.length);
}

describe("bench/handwritten/omid-ruleset.ts = rulesets/omid/versions/1.zb on the engine", () => {
  it(`agrees on ${GENERATED.toLocaleString("en")} generated cases (seed ${SEED})`, () => {
    const cases = generateCases(artefact, GENERATED, SEED).map(canonical);
    expect(cases).toHaveLength(GENERATED);
    expectAllAgree("generated", cases);
  });

  it("agrees on every آزمون block's case", () => {
    expect(artefact.tests.length).toBeGreaterThan(300);
    expectAllAgree(
      "test",
      artefact.tests.map((t) => canonical(t.inputs)),
    );
  });

  it("agrees on the fund's examples", () => {
    const files = readdirSync(join(FUND, "examples")).filter((f) => f.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    expectAllAgree(
      "example",
      files.map((f) => canonical(JSON.parse(readFileSync(join(FUND, "examples", f), "utf8")))),
    );
  });

  it("was compared on every rule firing and on every decision", () => {
    expect(artefact.rules.map((r) => r.name).filter((r) => !rulesSeen.has(r))).toEqual([]);
    expect([...decisionsSeen].sort()).toEqual(["accept", "refer", "reject"]);
  });

  it("reads the caller's ASCII aliases and the engine's rejection of a bad case stands", () => {
    const example = JSON.parse(readFileSync(join(FUND, "examples/home-loan-eligible.json"), "utf8"));
    expect(omidRulesetResult(example)).toEqual(engine.evaluateSync(example));
    expect(() => omidRulesetResult({ ...example, loanAmount: "many" })).toThrow();
    expect(() => omidRulesetResult({ ...example, unknownField: 1 })).toThrow();
  });
});
