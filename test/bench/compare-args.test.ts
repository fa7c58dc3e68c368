/**
 * The compare bench's command line (bench/compare.ts): a full-size default, a quick size that writes
 * only where told. (The bench itself runs in run-smoke.test.ts.)
 */
import { expect, it } from "vitest";
import { parseArgs } from "../../bench/compare";

it("has a full-size default and refuses what it does not know", () => {
  expect(parseArgs([])).toMatchObject({ count: 1_000_000, memoryCount: 10_000, quick: false });
  expect(parseArgs([]).out).toMatch(/bench[/\\]results[/\\]compare\.json$/);
  expect(parseArgs(["--quick"]).out).toBeUndefined();
  expect(parseArgs(["--quick", "--count", "5000"]).count).toBe(5000);
  expect(() => parseArgs(["--count", "0"])).toThrow(/positive whole number/);
  expect(() => parseArgs(["--fast"])).toThrow(/unknown argument/);
});
