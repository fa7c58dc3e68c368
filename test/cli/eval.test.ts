import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, SLOW, TINY, withFixtureRulesets, zavabet } from "./run";

const CASES = `${FIXTURES}/cases`;
const tmp = mkdtempSync(join(tmpdir(), "zavabet-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Result {
  decision: string;
  outcomes: { rule: string; citation: string; kind: string; message?: string }[];
  values: Record<string, unknown>;
  trace?: unknown[];
}

function parse(stdout: string): Result {
  return JSON.parse(stdout) as Result;
}

describe("zavabet eval", SLOW, () => {
  it("evaluates a case file and prints the result as 2-space JSON", async () => {
    const r = await zavabet(["eval", TINY, `${CASES}/big.json`]);
    expect(r.code).toBe(0);
    const result = parse(r.stdout);
    expect(result.decision).toBe("reject");
    expect(result.outcomes.map((o) => o.rule)).toContain("سقف وام");
    expect(result.trace).toBeUndefined();
    expect(r.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it("--reference runs json-rules-engine itself: the same result, and --explain reads the same", async () => {
    for (const extra of [[], ["--explain"]]) {
      const compiled = await zavabet(["eval", TINY, `${CASES}/big.json`, ...extra]);
      const reference = await zavabet(["eval", TINY, `${CASES}/big.json`, "--reference", ...extra]);
      expect(reference.code).toBe(0);
      expect(reference.stdout).toBe(compiled.stdout);
    }
  });

  it("reads the case from standard input when it is omitted or '-'", async () => {
    const input = readFileSync(`${CASES}/ok.json`, "utf8");
    for (const args of [
      ["eval", TINY],
      ["eval", TINY, "-"],
    ]) {
      const r = await zavabet(args, { input });
      expect(r.code).toBe(0);
      const result = parse(r.stdout);
      expect(result.decision).toBe("accept");
      expect(result.values.کارمزد).toBe("800000");
    }
  });

  it("takes fund@version", async () => {
    const r = await withFixtureRulesets(["eval", "tiny@2", `${CASES}/ok.json`]);
    expect(r.code).toBe(0);
    expect(parse(r.stdout).decision).toBe("accept");
  });

  it("explains the decision in Persian with --explain", async () => {
    const r = await zavabet(["eval", "--explain", TINY, `${CASES}/big.json`]);
    expect(r.code).toBe(0);
    const text = r.stdout;
    expect(text).toContain("تصمیم: رد (reject)");
    // the outcome, its clause and its message
    expect(text).toContain("«سقف وام» [ماده ۱]");
    expect(text).toContain("مبلغ بیش از سقف مجاز");
    // the computed values
    expect(text).toContain("مقدارها (values):");
    expect(text).toContain("کارمزد = ۴٬۰۰۰٬۰۰۰ ریال");
    // per rule, which conditions held, with the facts' values
    expect(text).toContain("اجرا شد (fired)");
    expect(text).toContain("اجرا نشد (not fired)");
    expect(text).toContain("مبلغ_وام = ۲۰۰٬۰۰۰٬۰۰۰");
    expect(text).toContain("سن = ۳۰");
    expect(() => JSON.parse(text)).toThrow();
  });

  it("marks a «نه …» condition by whether the line as shown holds", async () => {
    // case-1 holds two mortgages and nothing else: «نه دارای_اوراق» holds, «نه دارای_ملک» does not.
    const r = await zavabet([
      "eval",
      "--explain",
      "rulesets/electronics",
      "rulesets/electronics/examples/case-1.json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("✓ نه دارای_اوراق برابر بله؛ دارای_اوراق = خیر");
    expect(r.stdout).toContain("✗ نه دارای_ملک برابر بله؛ دارای_ملک = بله");
  });

  it("says why an invalid case is invalid, field by field in Persian and English; exit 2", async () => {
    const r = await zavabet(["eval", TINY, `${CASES}/bad.json`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`خطا: مورد «${CASES}/bad.json» درست نیست`);
    expect(r.stderr).toContain(`error: The case «${CASES}/bad.json» is invalid`);
    expect(r.stderr).toContain("unknown_field");
    expect(r.stderr).toMatch(/[\u0600-\u06FF].*\n\s+[A-Za-z]/);
  });

  it("reports a case that is not JSON, exit 2", async () => {
    const r = await zavabet(["eval", TINY, `${CASES}/not-json.txt`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("JSON درستی نیست");
    expect(r.stderr).toContain("is not valid JSON");
  });

  it("reports a missing case file, exit 2", async () => {
    const r = await zavabet(["eval", TINY, `${CASES}/nope.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("خطا: پرونده‌ی مورد");
    expect(r.stderr).toContain("error: No such case file");
  });

  it("does not run a ruleset with errors, exit 1", async () => {
    const r = await zavabet(["eval", `${FIXTURES}/broken.zb`, `${CASES}/ok.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ZB1003");
  });

  it("runs a compiled artefact just as its source", async () => {
    const file = join(tmp, "tiny.json");
    expect((await zavabet(["compile", TINY, "-o", file])).code).toBe(0);
    const fromArtefact = await zavabet(["eval", file, `${CASES}/big.json`]);
    const fromSource = await zavabet(["eval", TINY, `${CASES}/big.json`]);
    expect(fromArtefact.code).toBe(0);
    expect(fromArtefact.stdout).toBe(fromSource.stdout);
  });

  it("refuses an artefact that is not valid, exit 2", async () => {
    const r = await zavabet(["eval", `${CASES}/ok.json`, `${CASES}/ok.json`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("فایل کامپایل‌شده‌ی معتبری نیست");
    expect(r.stderr).toContain("is not a valid compiled artefact");
  });
});
