/**
 * `npm run bench` at smoke size (bench/run.ts --smoke): every bench runs at its smallest, each in its
 * own process as the full run does, into a temporary folder; then the summary (latest.json) and the
 * tables (performance.md) are made from what they wrote. Asserted, per bench, what a smoke run can
 * show — every step ran, the identical-results checks passed, every figure is there and positive,
 * the printed tables are there — and that the summary carries every bench, every target of issue 10
 * and the machine. No speed is asserted: that is the full run's business, never a unit test's.
 * (bench/evaluate.ts is also run in-process by bench-smoke.test.ts, which looks inside its report.)
 */
import { execFile } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CompareBenchReport, parseArgs as compareArgs } from "../../bench/compare";
import type { CompileBenchReport } from "../../bench/compile";
import type { DiagnosticsBenchReport, Direction } from "../../bench/diagnostics";
import { BEGIN, END } from "../../bench/render";
import { BENCHES, type Latest, parseArgs } from "../../bench/run";
import { ROOT } from "../cli/run";

const run = promisify(execFile);
const { results } = parseArgs(["--smoke"]);
let stdout = "";
afterAll(() => rmSync(results, { recursive: true, force: true }));

beforeAll(async () => {
  const r = await run(
    process.execPath,
    ["--import", "tsx", "bench/run.ts", "--smoke", "--results", results],
    {
      cwd: ROOT,
      timeout: 600_000,
      maxBuffer: 64 * 2 ** 20,
    },
  );
  stdout = r.stdout;
}, 600_000);

const figures = (name: string): unknown => JSON.parse(readFileSync(join(results, `${name}.json`), "utf8"));

describe("the summary", () => {
  it("runs every bench, and latest.json holds each one's figures, the machine and every target", () => {
    const latest = figures("latest") as Latest;
    expect(latest.smoke).toBe(true);
    expect(Object.keys(latest.runs).sort()).toEqual(BENCHES.map((b) => b.name).sort());
    for (const r of Object.values(latest.runs)) {
      expect(r.fresh).toBe(true);
      expect(r.failed).toBeUndefined();
    }
    expect(latest.machine.cores).toBeGreaterThan(0);
    expect(latest.packages.chevrotain).toMatch(/^\d+\.\d+/);
    expect(latest.evaluation?.decisions.map((d) => d.source)).toContain("rulesets/omid/versions/1.zb");
    for (const d of latest.evaluation?.decisions ?? []) {
      expect(d.verified).toBe(true);
      for (const row of d.rows) expect(row.casesPerSecond.median).toBeGreaterThan(0);
    }
    expect(latest.http?.evaluate.errors).toBe(0);
    expect(latest.compile?.files.length).toBeGreaterThan(0);
    expect(latest.diagnostics?.typo.keystrokeToDrawnMs.median).toBeGreaterThan(0);
    expect(latest.regression?.reportsIdentical).toBe(true);
    expect(latest.targets.map((t) => t.id)).toEqual(
      expect.arrayContaining([
        "evaluate.p99",
        "compile.rate",
        "diagnostics.keystroke",
        "regression.wall",
        "regression.memory",
        "http.ratio",
      ]),
    );
    // A smoke corpus is not the 1,000,000 cases the regression target names.
    expect(latest.targets.find((t) => t.id === "regression.wall")?.met).toBeNull();
  });

  it("renders the summary as tables between the markers, and prints each target", () => {
    const page = readFileSync(join(results, "performance.md"), "utf8");
    expect(page.indexOf(BEGIN)).toBeGreaterThan(-1);
    expect(page.indexOf(END)).toBeGreaterThan(page.indexOf(BEGIN));
    expect(page).toContain("**Smoke run: these figures mean nothing.**");
    for (const heading of [
      "Targets",
      "Evaluation",
      "HTTP",
      "Compile",
      "Keystroke to diagnostics",
      "Regression",
    ]) {
      expect(page).toContain(`### ${heading}`);
    }
    expect(page).not.toContain("_not measured_");
    expect(stdout).toMatch(/^[✓✗·] p99 ≤ 20 µs on the Omid ruleset: [\d.,]+ µs$/m);
  });
});

describe("bench/compile.ts", () => {
  it("writes MB/s for a shipped file and a generated one", () => {
    const report = figures("compile") as CompileBenchReport;
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
  });
});

describe("bench/diagnostics.ts", () => {
  it("times typos in the real editor and writes the figures", () => {
    const report = figures("diagnostics") as DiagnosticsBenchReport;
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.packages["monaco-editor"]).toMatch(/^\d+\.\d+/);
    expect(report.browser).toMatch(/^Chromium \d+/);
    expect(report.file.source).toMatch(/^rulesets\/electronics\/versions\/\d+\.zb$/);
    expect(report.nodeCheckSourceMs).toBeGreaterThan(0);
    const steps = (d: Direction) => {
      expect(d.keystrokeToDrawnMs.runs).toHaveLength(2);
      // Each keystroke went through the pause, the worker and the page, in that order.
      for (let i = 0; i < 2; i++) {
        const [whole, pause, worker, page] = [
          d.keystrokeToDrawnMs.runs[i]!,
          d.pauseMs.runs[i]!,
          d.workerMs.runs[i]!,
          d.pageMs.runs[i]!,
        ];
        expect(pause).toBeGreaterThan(0);
        expect(worker).toBeGreaterThan(0);
        expect(page).toBeGreaterThanOrEqual(0);
        expect(Math.abs(pause + worker + page - whole)).toBeLessThan(0.5);
      }
    };
    steps(report.typo);
    steps(report.fix);
    expect(report.target.ms).toBe(50);
    expect(stdout).toMatch(/^typo → error shown/m);
  });
});

interface Side {
  evaluateRequestsPerSecond: number;
  constantRequestsPerSecond: number;
  ratio: number;
  evaluateP99Ms: number;
  constantP99Ms: number;
  evaluateErrors: number;
  constantErrors: number;
}

describe("bench/http-load.ts", () => {
  it("runs over HTTP beside a constant endpoint, with no error", () => {
    expect(stdout).toMatch(/round 2\/2: \d+ req\/s, p99 [\d.]+ ms, errors 0, non-2xx 0/);
    expect(stdout).toMatch(/^✓ omid-eligibility: median \d+ req\/s/m);
    const report = figures("http") as {
      passed: boolean;
      machine: { cores: number; loadAverage: { before: number[] } };
      packages: Record<string, string>;
      versusConstant: {
        single: Side;
        batch: Side & { casesPerRequest: number };
        singleSameSizeAnswer: Side & { answerBytes: number };
        target: { ratio: number };
      };
    };
    expect(report.passed).toBe(true);
    expect(report.machine.cores).toBeGreaterThan(0);
    expect(report.machine.loadAverage.before).toHaveLength(3);
    expect(report.packages.fastify).toMatch(/^5\./);
    const { single, batch, singleSameSizeAnswer, target } = report.versusConstant;
    for (const side of [single, batch, singleSameSizeAnswer]) {
      expect(side.evaluateRequestsPerSecond).toBeGreaterThan(0);
      expect(side.constantRequestsPerSecond).toBeGreaterThan(0);
      expect(side.ratio).toBeCloseTo(side.evaluateRequestsPerSecond / side.constantRequestsPerSecond, 2);
      expect(side.evaluateP99Ms).toBeGreaterThanOrEqual(0);
      expect(side.constantP99Ms).toBeGreaterThanOrEqual(0);
      expect(side.evaluateErrors).toBe(0);
      expect(side.constantErrors).toBe(0);
    }
    expect(batch.casesPerRequest).toBe(50);
    // The same-size constant answers the evaluate endpoint's own answer: more than the bare constant.
    expect(singleSameSizeAnswer.answerBytes).toBeGreaterThan(100);
    expect(singleSameSizeAnswer.evaluateRequestsPerSecond).toBe(single.evaluateRequestsPerSecond);
    expect(target.ratio).toBe(0.5);
  });
});

describe("bench/compare.ts", () => {
  it("writes the figures, and the threaded and single reports agree", () => {
    const report = figures("compare") as CompareBenchReport;
    const { count, memoryCount } = compareArgs(["--quick"]);

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
    expect(report.memory.ratio).toBeCloseTo(
      report.memory.largePeakRssMiB / report.memory.small.peakRssMiB,
      2,
    );

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
  });
});
