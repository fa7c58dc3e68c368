import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, RULESETS, SLOW, TINY, withFixtureRulesets, zavabet } from "./run";

const tmp = mkdtempSync(join(tmpdir(), "zavabet-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("zavabet test", SLOW, () => {
  it("runs a ruleset's tests, ✓ per test and a summary; exit 0", async () => {
    const r = await withFixtureRulesets(["test", "tiny"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(TINY);
    expect(r.stdout).toContain("  ✓ وام عادی پذیرفته می‌شود");
    expect(r.stdout).toContain("  ✓ وام بزرگ رد می‌شود");
    expect(r.stdout).toContain("  ✓ متقاضی جوان ارجاع می‌شود");
    expect(r.stdout).toContain("۳ آزمون: ۳ درست، ۰ نادرست");
    expect(r.stdout).toContain("3 tests: 3 passed, 0 failed");
  });

  it("--reference runs the tests on json-rules-engine itself, with the same report", async () => {
    const compiled = await zavabet(["test", `${FIXTURES}/failing.zb`]);
    const reference = await zavabet(["test", `${FIXTURES}/failing.zb`, "--reference"]);
    expect(reference.code).toBe(1);
    expect(reference.stdout).toBe(compiled.stdout);
  });

  it("shows ✗ and the failure for a failing test; exit 1", async () => {
    const r = await zavabet(["test", `${FIXTURES}/failing.zb`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("  ✓ مبلغ کم پذیرفته می‌شود");
    expect(r.stdout).toContain("  ✗ این آزمون عمداً شکست می‌خورد");
    expect(r.stdout).toContain("decision: expected accept, got reject");
    expect(r.stdout).toContain("2 tests: 1 passed, 1 failed");
  });

  it("tests every ruleset of a folder, and several arguments", async () => {
    const r = await zavabet(["test", RULESETS, `${FIXTURES}/failing.zb`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${RULESETS}/listed/versions/1.zb`);
    expect(r.stdout).toContain(TINY);
    expect(r.stdout).toContain("6 tests: 5 passed, 1 failed");
  });

  it("fails a ruleset that does not compile; exit 1", async () => {
    const r = await zavabet(["test", `${FIXTURES}/broken.zb`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ZB1003");
    expect(r.stdout).toContain("the ruleset has errors");
  });

  it("runs the tests of a compiled artefact", async () => {
    const file = join(tmp, "tiny.json");
    expect((await zavabet(["compile", TINY, "-o", file])).code).toBe(0);
    const r = await zavabet(["test", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 tests: 3 passed, 0 failed");
  });
});
