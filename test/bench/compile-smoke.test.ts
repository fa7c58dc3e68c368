/**
 * The compile bench (bench/compile.ts) at smoke size, as `npm run bench:compile -- --smoke` runs it:
 * the smallest shipped rule file and a generated 50-rule file, two runs each, written where it is told.
 * Asserted: every input compiled (the bench stops otherwise), the generated file has the rules asked
 * for, and each figure is there and positive. No speed is asserted: that is the full run's business.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import type { CompileBenchReport } from "../../bench/compile";
import { generateRuleset } from "../../bench/generate-ruleset";
import { compileSource } from "../../dsl/index";
import { ROOT } from "../cli/run";

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "zavabet-bench-compile-smoke-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("bench/compile.ts --smoke writes MB/s for a shipped file and a generated one", async () => {
  const out = join(tmp, "compile.json");
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/compile.ts", "--smoke", "--out", out],
    { cwd: ROOT, timeout: 120_000 },
  );
  const report = JSON.parse(readFileSync(out, "utf8")) as CompileBenchReport;
  expect(report.machine.cores).toBeGreaterThan(0);
  expect(report.packages.chevrotain).toMatch(/^\d+\.\d+/);
  expect(report.loadAverage.before).toHaveLength(3);
  expect(report.files).toHaveLength(2);
  const [shipped, generated] = report.files;
  expect(shipped?.source).toMatch(/^rulesets\/[^/]+\/versions\/[^/]+\.zb$/);
  expect(generated?.generated).toEqual({ rules: 50, seed: 1, by: "bench/generate-ruleset.ts" });
  expect(generated?.rules).toBe(50);
  for (const f of report.files) {
    expect(f.bytes).toBeGreaterThan(0);
    expect(f.compileMs.runs).toHaveLength(2);
    for (const spread of [f.compileMs, f.compileMBPerSecond, f.checkMs, f.checkMBPerSecond]) {
      expect(spread.min).toBeGreaterThan(0);
      expect(spread.min).toBeLessThanOrEqual(spread.median);
      expect(spread.median).toBeLessThanOrEqual(spread.max);
    }
  }
  expect(report.shipped.compileMBPerSecond).toBeGreaterThan(0);
  expect(report.target.compileMBPerSecond).toBe(5);
  expect(report.target.met).toBe(report.target.slowestMedianMBPerSecond >= 5);
  expect(stdout).toMatch(/compile MB\/s median \[min–max\]/);
  expect(stdout).toMatch(/^target ≥ 5 MB\/s: (met|missed)/m);
}, 120_000);

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
