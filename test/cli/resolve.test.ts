import { describe, expect, it } from "vitest";
import type { Artefact } from "../../artefact/types";
import { RULESETS, SLOW, withFixtureRulesets, zavabet } from "./run";

async function compiled(args: string[]): Promise<Artefact> {
  const r = await withFixtureRulesets(["compile", ...args]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Artefact;
}

const ceiling = (a: Artefact) => a.parameters.find((p) => p.name === "سقف_وام")?.value;

describe("ruleset arguments", SLOW, () => {
  it("takes a ruleset folder's highest version file by natural sort (10 after 2)", async () => {
    expect((await compiled([`${RULESETS}/tiny`])).tests).toHaveLength(3);
  });

  it("takes a ruleset's versions folder as its highest version", async () => {
    expect((await compiled([`${RULESETS}/tiny/versions`])).tests).toHaveLength(3);
  });

  it("refuses a folder that is neither a ruleset nor a folder of rulesets, exit 2", async () => {
    const r = await zavabet(["check", "test/cli/fixtures"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: در پوشه‌ی «test/cli/fixtures» هیچ قواعدی نیست");
    expect(r.stderr).toContain("error: The folder «test/cli/fixtures» holds no ruleset");
  });

  it("takes a fund name under the rulesets folder", async () => {
    expect((await compiled(["tiny"])).tests).toHaveLength(3);
  });

  it("takes fund@version", async () => {
    expect((await compiled(["tiny@2"])).tests).toHaveLength(1);
    expect((await compiled(["tiny@10"])).tests).toHaveLength(3);
  });

  it("takes the last entry of versions.json as the latest, not the highest file", async () => {
    expect(ceiling(await compiled(["listed"]))).toBe("100000000");
    expect(ceiling(await compiled([`${RULESETS}/listed`]))).toBe("100000000");
  });

  it("finds a version file that versions.json does not list", async () => {
    expect(ceiling(await compiled(["listed@2"]))).toBe("200000000");
  });

  it("lists the available rulesets for an unknown one, exit 2", async () => {
    const r = await withFixtureRulesets(["compile", "nosuchfund"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: قواعد «nosuchfund» پیدا نشد");
    expect(r.stderr).toContain("error: Unknown ruleset «nosuchfund»");
    expect(r.stderr).toMatch(/listed\s+@ 1/);
    expect(r.stderr).toMatch(/tiny\s+@ 2, 10/);
  });

  it("lists the available versions for an unknown version, exit 2", async () => {
    const r = await withFixtureRulesets(["compile", "tiny@7"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: نسخه‌ی «7» از قواعد «tiny» پیدا نشد");
    expect(r.stderr).toContain("error: «tiny» has no version «7»");
    expect(r.stderr).toContain("2, 10");
  });

  it("looks in ./rulesets by default", async () => {
    const r = await zavabet(["compile", "no_such_fund_anywhere"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: Unknown ruleset «no_such_fund_anywhere»");
    expect(r.stderr).toContain("rulesets");
  });

  it("asks for one ruleset when a command takes one and a folder holds several", async () => {
    const r = await zavabet(["compile", RULESETS]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: The folder");
    expect(r.stderr).toContain("several rulesets");
  });

  it("reports a missing file, exit 2", async () => {
    const r = await zavabet(["check", "test/cli/fixtures/nope.zb"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: پرونده یا پوشه‌ی «test/cli/fixtures/nope.zb» پیدا نشد");
    expect(r.stderr).toContain("error: No such file or folder");
  });
});
