/**
 * The keystroke-to-diagnostics bench (bench/diagnostics.ts) at smoke size, as `npm run
 * bench:diagnostics -- --smoke` runs it: the editor built and opened in Debian's Chromium on the
 * Electronics ruleset, two typos typed and fixed, the figures written where it is told. Asserted: each
 * typo was seen through every step the page is instrumented at (keystroke, request to the checker
 * worker, its answer, the markers drawn), in that order, and the figures are there. No speed is
 * asserted: that is the full run's business.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import type { DiagnosticsBenchReport, Direction } from "../../bench/diagnostics";
import { ROOT } from "../cli/run";

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "zavabet-bench-diagnostics-smoke-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("bench/diagnostics.ts --smoke times typos in the real editor and writes the figures", async () => {
  const out = join(tmp, "diagnostics.json");
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/diagnostics.ts", "--smoke", "--out", out],
    { cwd: ROOT, timeout: 240_000 },
  );
  const report = JSON.parse(readFileSync(out, "utf8")) as DiagnosticsBenchReport;
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
}, 240_000);
