/**
 * The compare bench (bench/compare.ts) at quick size, run as `npm run bench:compare -- --quick` runs it:
 * it generates a small Omid corpus, compares omid@1 with the lowered home-business cap on worker
 * threads and on one thread, each in a child process, measures peak memory at two sizes, and writes
 * its figures where it is told. Asserted: the figures are there and are positive, the threaded and
 * single-threaded reports agree (the bench aborts otherwise) and report the cap's changes. No timing
 * or memory target is asserted: that is the full run's business, never a unit test's.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { type CompareBenchReport, parseArgs } from "../../bench/compare";
import { ROOT } from "../cli/run";

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "zavabet-bench-compare-smoke-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("bench/compare.ts --quick writes the figures, and the threaded and single reports agree", async () => {
  const out = join(tmp, "compare.json");
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/compare.ts", "--quick", "--out", out],
    { cwd: ROOT, timeout: 120_000 },
  );
  const report = JSON.parse(readFileSync(out, "utf8")) as CompareBenchReport;
  const { count, memoryCount } = parseArgs(["--quick"]);

  expect(report.machine.cores).toBeGreaterThan(0);
  expect(report.machine.node).toBe(process.version);
  expect(report.packages["fast-check"]).toMatch(/^\d+\.\d+\.\d+/);
  expect(report.corpus.cases).toBe(count);

  const c = report.compare;
  expect(c.threaded).toHaveLength(1);
  expect(c.single).toHaveLength(1);
  expect(c.single[0]?.threads).toBe(1);
  expect(c.threaded[0]?.threads).toBe(c.threads);
  for (const r of [...c.threaded, ...c.single, report.memory.small]) {
    expect(r.wallSeconds).toBeGreaterThan(0);
    expect(r.casesPerSecond).toBeGreaterThan(0);
    expect(r.peakRssMiB).toBeGreaterThan(r.rssBeforeMiB * 0.5);
  }
  expect(c.ratioThreadedOverSingle).toBeGreaterThan(0);
  expect(c.cpuEfficiency).toBeGreaterThan(0);
  expect(c.ratioIfCoresFree).toBeCloseTo(c.threads * c.cpuEfficiency, 2);
  expect(c.threaded[0]?.cases).toBe(count);
  expect(report.memory.small.cases).toBe(memoryCount);
  expect(report.memory.ratio).toBeCloseTo(report.memory.largePeakRssMiB / report.memory.small.peakRssMiB, 2);

  // Both runs gave the same report, and the lowered cap shows in it.
  expect(report.reports.identical).toBe(true);
  expect(report.reports.compared).toBe(2);
  expect(report.reports.summary.cases).toBe(count);
  expect(report.reports.summary.changed).toBeGreaterThan(0);
  expect(report.reports.rules.map((g) => g.rule)).toContain("سقف تسهیلات");
  expect(report.versions.change).toContain("۸۰ میلیون ریال");

  expect(stdout).toMatch(/^threaded ÷ single: [\d.]+×/m);
  expect(stdout).toMatch(/^reports identical across 2 runs/m);
  expect(stdout).toMatch(/^figures written to /m);
}, 120_000);

it("has a full-size default and refuses what it does not know", () => {
  expect(parseArgs([])).toMatchObject({ count: 1_000_000, memoryCount: 10_000, quick: false });
  expect(parseArgs([]).out).toMatch(/bench[/\\]results[/\\]compare\.json$/);
  expect(parseArgs(["--quick"]).out).toBeUndefined();
  expect(parseArgs(["--quick", "--count", "5000"]).count).toBe(5000);
  expect(() => parseArgs(["--count", "0"])).toThrow(/positive whole number/);
  expect(() => parseArgs(["--fast"])).toThrow(/unknown argument/);
});
