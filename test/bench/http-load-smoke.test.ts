/**
 * The HTTP load test (bench/http-load.ts) at smoke size: it starts the server and a bare fastify
 * answering a constant (a small one, and the evaluate endpoint's own answer), each in a child process, checks every answer against the library,
 * fires 2 × 300 requests and 30 batches at each, and passes only with no error, no non-2xx answer and
 * no heap growth. Asserted: the run passed, and the figures it writes where it is told are there —
 * both endpoints' requests/s, the evaluate ÷ constant ratios, the p99s and zero errors. No speed is
 * asserted: the figures come from full runs.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";
import { ROOT } from "../cli/run";

const run = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), "zavabet-bench-http-smoke-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Side {
  evaluateRequestsPerSecond: number;
  constantRequestsPerSecond: number;
  ratio: number;
  evaluateP99Ms: number;
  constantP99Ms: number;
  evaluateErrors: number;
  constantErrors: number;
}

it("bench/http-load.ts --smoke runs the Omid-style fixture over HTTP beside a constant endpoint", async () => {
  const out = join(tmp, "http.json");
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/http-load.ts", "bench/fixtures/omid-eligibility.zb", "--smoke", "--out", out],
    { cwd: ROOT, timeout: 240_000 },
  );
  expect(stdout).toMatch(/round 2\/2: \d+ req\/s, p99 [\d.]+ ms, errors 0, non-2xx 0/);
  expect(stdout).toMatch(/^✓ omid-eligibility: median \d+ req\/s/m);
  const report = JSON.parse(readFileSync(out, "utf8")) as {
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
}, 240_000);
