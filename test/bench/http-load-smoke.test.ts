/**
 * The HTTP load test (bench/http-load.ts) at smoke size: it starts the server in a child process,
 * checks every answer against the library, fires 2 × 300 requests and 30 batches, and passes only
 * with no error, no non-2xx answer and no heap growth. Writes nothing; the figures come from full runs.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";
import { ROOT } from "../cli/run";

const run = promisify(execFile);

it("bench/http-load.ts --smoke runs the Omid-style fixture over HTTP without an error", async () => {
  const { stdout } = await run(
    process.execPath,
    ["--import", "tsx", "bench/http-load.ts", "bench/fixtures/omid-eligibility.zb", "--smoke"],
    { cwd: ROOT, timeout: 240_000 },
  );
  expect(stdout).toMatch(/round 2\/2: \d+ req\/s, p99 [\d.]+ ms, errors 0, non-2xx 0/);
  expect(stdout).toMatch(/^✓ omid-eligibility: median \d+ req\/s/m);
}, 240_000);
