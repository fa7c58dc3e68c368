/**
 * The rule-file generator of the compile bench (bench/generate-ruleset.ts): deterministic, and what it
 * writes compiles without a diagnostic at any size. (The bench itself runs in run-smoke.test.ts.)
 */
import { expect, it } from "vitest";
import { generateRuleset } from "../../bench/generate-ruleset";
import { compileSource } from "../../dsl/index";

it("the generator is deterministic, and its files compile without a diagnostic at any size", () => {
  expect(generateRuleset(30, 7)).toBe(generateRuleset(30, 7));
  expect(generateRuleset(30, 7)).not.toBe(generateRuleset(30, 8));
  for (const rules of [10, 120]) {
    const { artefact, diagnostics } = compileSource(generateRuleset(rules, 3));
    expect(diagnostics).toEqual([]);
    expect(artefact?.rules).toHaveLength(rules);
    expect(new Set(artefact?.rules.map((r) => r.name)).size).toBe(rules);
  }
});
