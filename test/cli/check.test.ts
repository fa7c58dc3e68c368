import { describe, expect, it } from "vitest";
import { FIXTURES, RULESETS, SLOW, TINY, zavabet } from "./run";

const BROKEN = `${FIXTURES}/broken.zb`;

interface JsonDiagnostic {
  file: string;
  code: string;
  severity: "error" | "warning";
  message: { fa: string; en: string };
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
}

describe("zavabet check", SLOW, () => {
  it("passes a correct ruleset, exit 0", async () => {
    const r = await zavabet(["check", TINY]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ ${TINY}`);
    expect(r.stdout).toContain("۰ خطا، ۰ هشدار");
    expect(r.stdout).toContain("0 errors, 0 warnings");
  });

  it("prints path:line:column, the code and the Persian message, then the English one; exit 1", async () => {
    const r = await zavabet(["check", BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${BROKEN}:2:13  ZB1003  تاریخ «۱۴۰۳/۱۳/۴۰» تاریخ شمسی درستی نیست`);
    expect(r.stdout).toContain("\n    error: «۱۴۰۳/۱۳/۴۰» is not a valid Jalali date");
    // the checker's error: a name never declared
    expect(r.stdout).toMatch(new RegExp(`${BROKEN}:8:\\d+  ZB\\d{4}  .*سقف_ناموجود`));
    expect(r.stdout).toMatch(/خطا، ۰ هشدار/);
    expect(r.stdout).toMatch(/[2-9] errors, 0 warnings/);
  });

  it("prints the diagnostics as JSON with --json", async () => {
    const r = await zavabet(["check", "--json", BROKEN]);
    expect(r.code).toBe(1);
    const ds = JSON.parse(r.stdout) as JsonDiagnostic[];
    expect(ds.length).toBeGreaterThanOrEqual(2);
    const date = ds.find((d) => d.code === "ZB1003");
    expect(date).toMatchObject({
      file: BROKEN,
      severity: "error",
      message: { fa: "تاریخ «۱۴۰۳/۱۳/۴۰» تاریخ شمسی درستی نیست" },
      range: { startLine: 2, startColumn: 13 },
    });
    for (const d of ds) {
      expect(d.message.fa).not.toBe("");
      expect(d.message.en).not.toBe("");
    }
  });

  it("prints an empty JSON list for a clean ruleset", async () => {
    const r = await zavabet(["check", "--json", TINY]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([]);
  });

  it("checks several rulesets, and every ruleset in a folder of rulesets", async () => {
    const r = await zavabet(["check", RULESETS, BROKEN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`✓ ${RULESETS}/listed/versions/1.zb`);
    expect(r.stdout).toContain(`✓ ${TINY}`);
    expect(r.stdout).toContain(`${BROKEN}:2:13`);
    expect(r.stdout).toContain("۳ پرونده بررسی شد");
    expect(r.stdout).toContain("3 files checked");
  });

  it("refuses a compiled artefact, exit 2", async () => {
    const r = await zavabet(["check", `${FIXTURES}/cases/ok.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: ");
    expect(r.stderr).toContain("error: «test/cli/fixtures/cases/ok.json» is a compiled artefact");
  });
});
