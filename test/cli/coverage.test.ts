import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { citationParts, covers } from "../../cli/clause-index";
import type { CoverageReport } from "../../cli/coverage";
import { FIXTURES, SLOW, zavabet } from "./run";

// Not fixtures/coverage: .gitignore ignores every folder named coverage/ (the test coverage output).
const HERE = `${FIXTURES}/clause-coverage`;
const FUNDS = `${HERE}/funds`;
const GOOD = `${FUNDS}/good`;

async function jsonReport(args: readonly string[]): Promise<{ code: number; report: CoverageReport }> {
  const r = await zavabet(["coverage", "--json", ...args]);
  return { code: r.code, report: JSON.parse(r.stdout) as CoverageReport };
}

describe("citation coverage", () => {
  it("covers a citation by an equal clause or by a prefix of it at a comma boundary", () => {
    const cited = citationParts("ماده ۳، بند ۲، رابعاً");
    expect(covers(citationParts("ماده ۳، بند ۲، رابعاً"), cited)).toBe(true);
    expect(covers(citationParts("ماده ۳، بند ۲"), cited)).toBe(true);
    expect(covers(citationParts("ماده ۳"), cited)).toBe(true);
    expect(covers(citationParts("ماده ۳، بند ۱"), cited)).toBe(false);
    expect(covers(citationParts("ماده ۳، بند ۲، رابعاً، الف"), cited)).toBe(false);
    // a prefix of the text that is not a whole part is not a prefix clause: «ماده ۱» is not «ماده ۱۲»
    expect(covers(citationParts("ماده ۱"), citationParts("ماده ۱۲، تبصره"))).toBe(false);
  });

  it("reads citations as the language reads text: Arabic letters and digits, spacing, ZWNJ", () => {
    const canonical = citationParts("الحاقیه، ماده ۳، بند ۲");
    expect(citationParts("الحاقيه، ماده ٣،بند  2")).toEqual(canonical);
    expect(citationParts("الحاقیه , ماده 3 , بند ۲")).toEqual(canonical);
    expect(citationParts("صفحه‌ی «شرایط»، بند ۳")).toEqual(citationParts("صفحه ی «شرایط»، بند ۳"));
  });
});

describe("zavabet coverage", SLOW, () => {
  it("prints a consistent index with its counts per kind and exits 0", async () => {
    const r = await zavabet(["coverage", GOOD]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${GOOD} (نسخه‌ها — versions: ۱، ۲)`);
    expect(r.stdout).toContain(
      "  ماده ۱ — کدگذاری‌شده (encoded)\n      خلاصه (summary): سقف وام ۱۰۰ میلیون ریال\n      اجرا با (encoded by): سقف_وام، سقف وام",
    );
    // a name a rule sets (تعیین کارمزد_نهایی) counts as declared
    expect(r.stdout).toContain("      اجرا با (encoded by): کارمزد، ثبت کارمزد، کارمزد_نهایی");
    expect(r.stdout).toContain("  ماده ۴ — رویه‌ای (procedural)\n      دلیل (reason): ترکیب هیئت مدیره");
    expect(r.stdout).toContain("  ماده ۲ — مبهم (ambiguous)\n      خوانش (reading): «سن قانونی»");
    expect(r.stdout).toContain("  الحاقیه — کدگذاری‌شده (encoded) [نسخه‌ها — versions: ۲]");
    expect(r.stdout).toContain("۳ کدگذاری‌شده، ۱ رویه‌ای، ۱ مبهم — 3 encoded, 1 procedural, 1 ambiguous");
    expect(r.stdout).toContain("✓ نمایه با قواعد سازگار است — the index agrees with the rules");
    expect(r.stdout).toContain("۰ مشکل — 1 fund: 3 encoded, 1 procedural, 1 ambiguous; 0 problems");
  });

  it("covers citations through prefixes, several clauses in one bracket and other spellings", async () => {
    // good/versions cite «ماده ۲، بند الف؛ ماده ۲، تبصره» (covered by «ماده ۲»), «الحاقيه، ماده ۱»
    // with an Arabic yeh (covered by «الحاقیه», version 2 only), «ماده ۳،بند ۲،  رابعاً» and
    // «ماده ٣، بند ۲، رابعاً» (covered by «ماده ۳، بند ۲، رابعاً»): all consistent.
    const { code, report } = await jsonReport([GOOD]);
    expect(code).toBe(0);
    expect(report.consistent).toBe(true);
    expect(report.problems).toBe(0);
    expect(report.counts).toEqual({ encoded: 3, procedural: 1, ambiguous: 1 });
    const [fund] = report.funds;
    expect(fund).toMatchObject({
      fund: "good",
      folder: GOOD,
      index: `${GOOD}/clauses.json`,
      sources: ["fixture.txt"],
      versions: [
        { version: "1", file: `${GOOD}/versions/1.zb` },
        { version: "2", file: `${GOOD}/versions/2.zb` },
      ],
      consistent: true,
      problems: [],
    });
    expect(fund?.clauses.map((c) => c.clause)).toEqual([
      "ماده ۱",
      "ماده ۲",
      "ماده ۳، بند ۲، رابعاً",
      "ماده ۴",
      "الحاقیه",
    ]);
  });

  it("fails on an encodedBy name missing in one version, naming the name, clause and version", async () => {
    const dir = `${FUNDS}/missing-name`;
    const r = await zavabet(["coverage", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `✗ ${dir}/clauses.json /clauses/4/encodedBy/0  «ضامن» (برای بند «الحاقیه») در نسخه‌ی «۱» (${dir}/versions/1.zb) نه نامی تعریف‌شده است و نه عنوان قاعده‌ای`,
    );
    expect(r.stdout).toContain(
      `«ضامن» (for clause «الحاقیه») is neither a declared name nor a rule title in version «1» (${dir}/versions/1.zb)`,
    );
    // a name no version has: one problem naming every version, with the closest declared name
    expect(r.stdout).toContain(
      `✗ ${dir}/clauses.json /clauses/0/encodedBy/2  «سقف_وامم» (برای بند «ماده ۱») در نسخه‌های «۱»، «۲» نه نامی تعریف‌شده است و نه عنوان قاعده‌ای؛ شاید: سقف_وام`,
    );
    expect(r.stdout).toContain("in versions «1», «2»; did you mean: سقف_وام");
    expect(r.stdout).toContain("2 problems");

    const { report } = await jsonReport([dir]);
    expect(report.consistent).toBe(false);
    // version 2 has the rule «ضامن»: only version 1 lacks it
    expect(report.funds[0]?.problems).toEqual([
      expect.objectContaining({
        code: "unknown-name",
        file: `${dir}/clauses.json`,
        path: "/clauses/0/encodedBy/2",
        clause: "ماده ۱",
        version: "1",
        versions: ["1", "2"],
        name: "سقف_وامم",
      }),
      expect.objectContaining({
        code: "unknown-name",
        file: `${dir}/clauses.json`,
        path: "/clauses/4/encodedBy/0",
        clause: "الحاقیه",
        version: "1",
        versions: ["1"],
        name: "ضامن",
      }),
    ]);
  });

  it("fails on a citation no clause covers, naming it with its lines", async () => {
    // The index has «ماده ۳، بند ۱», which is no prefix of «ماده ۳، بند ۲، رابعاً»; the versions cite
    // that clause twice, in two spellings: one problem per version, at the first, with both lines.
    const dir = `${FUNDS}/uncovered`;
    const r = await zavabet(["coverage", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `✗ ${dir}/versions/1.zb:13:30  استناد «ماده ۳،بند ۲،  رابعاً» (نسخه‌ی «۱»، سطرهای ۱۳، ۲۳) در نمایه‌ی بندها نیست`,
    );
    expect(r.stdout).toContain(
      "the citation «ماده ۳،بند ۲،  رابعاً» (version «1», lines 13, 23) is not covered by the clause index",
    );
    expect(r.stdout).toContain(`✗ ${dir}/versions/2.zb:13:30`);

    const { report } = await jsonReport([dir]);
    const problems = report.funds[0]?.problems ?? [];
    expect(problems.map((p) => [p.code, p.version, p.line, p.lines, p.citation])).toEqual([
      ["uncovered-citation", "1", 13, [13, 23], "ماده ۳،بند ۲،  رابعاً"],
      ["uncovered-citation", "2", 13, [13, 23], "ماده ۳،بند ۲،  رابعاً"],
    ]);
  });

  it("reports an index that does not match the schema, in Persian and English with the JSON path", async () => {
    const dir = `${HERE}/bad-schema`;
    const r = await zavabet(["coverage", dir]);
    expect(r.code).toBe(1);
    const file = `${dir}/clauses.json`;
    expect(r.stdout).toContain(
      `✗ ${file} /clauses/1  فیلد لازم «reason» نیامده است؛ بند رویه‌ای باید دلیلش را بگوید (بند «ماده ۲»)`,
    );
    expect(r.stdout).toContain(
      "the required field «reason» is missing; a procedural clause must say why (clause «ماده ۲»)",
    );
    expect(r.stdout).toContain(`${file} /clauses/1  فیلد «note» شناخته نیست`);
    expect(r.stdout).toContain("unknown field «note» (misspelt?) (clause «ماده ۲»)");
    expect(r.stdout).toContain(`${file} /clauses/2/encodedBy  دست‌کم ۱ عضو لازم است (بند «ماده ۳»)`);
    expect(r.stdout).toContain(
      `${file} /clauses/3/kind  باید یکی از "encoded", "procedural", "ambiguous" باشد`,
    );
    expect(r.stdout).toContain('must be one of "encoded", "procedural", "ambiguous" (clause «ماده ۴»)');
    // the `fund` is wrong too, but an index that does not match the schema is not read any further
    expect(r.stdout).toContain("۴ مشکل — 4 problems");
  });

  it("reports a fund without clauses.json and still checks the others", async () => {
    const { code, report } = await jsonReport([FUNDS]);
    expect(code).toBe(1);
    expect(report.funds.map((f) => [f.fund, f.consistent])).toEqual([
      ["good", true],
      ["missing-name", false],
      ["no-index", false],
      ["uncovered", false],
    ]);
    const noIndex = report.funds.find((f) => f.fund === "no-index");
    expect(noIndex?.index).toBeNull();
    expect(noIndex?.problems).toEqual([
      expect.objectContaining({ code: "no-index", file: `${FUNDS}/no-index` }),
    ]);

    const r = await zavabet(["coverage", FUNDS]);
    expect(r.stdout).toContain(`✗ ${FUNDS}/no-index  صندوق «no-index» نمایه‌ی بندها (clauses.json) ندارد`);
    expect(r.stdout).toContain("the fund «no-index» has no clause index (clauses.json)");
    expect(r.stdout).toContain("3 encoded, 1 procedural, 1 ambiguous");
    expect(r.stdout).toMatch(/4 funds: 9 encoded, 3 procedural, 3 ambiguous; 5 problems$/m);
  });

  it("reports a wrong fund name, unknown versions, a clause listed twice and a version with errors", async () => {
    const dir = `${HERE}/odd`;
    const { code, report } = await jsonReport([dir]);
    expect(code).toBe(1);
    const problems = report.funds[0]?.problems ?? [];
    expect(problems.map((p) => [p.code, p.path ?? `${p.line}:${p.column}`])).toEqual([
      ["fund-mismatch", "/fund"],
      ["unknown-version", "/clauses/2/versions/0"],
      ["duplicate-clause", "/clauses/1"],
      ["ruleset-errors", "9:25"],
    ]);
    expect(problems[1]?.message.en).toBe(
      "clause «ماده ۲» names version «3», which versions.json does not have (versions: 1)",
    );
    expect(problems[2]?.message.en).toContain(
      "clause «ماده ۱» is listed twice (entries 0 and 1) for version «1»",
    );
    expect(problems[3]?.message.fa).toContain("نسخه‌ی «۱» ۱ خطا دارد (نخستین: ZB2001");
  });

  it("reports a clauses.json that is not JSON", async () => {
    // Made here rather than kept as a fixture: the linter reads every .json in the repository.
    const dir = mkdtempSync(join(tmpdir(), "zavabet-coverage-"));
    try {
      const fund = join(dir, "broken");
      mkdirSync(join(fund, "versions"), { recursive: true });
      writeFileSync(join(fund, "versions", "1.zb"), readFileSync(`${GOOD}/versions/1.zb`));
      writeFileSync(join(fund, "clauses.json"), '{ "fund": "broken", "clauses": [\n');
      const r = await zavabet(["coverage", fund]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`✗ ${fund}/clauses.json  نمایه‌ی بندها JSON درستی نیست`);
      expect(r.stdout).toContain("the clause index is not valid JSON");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 2 with a Persian and an English line on a bad argument", async () => {
    const missing = await zavabet(["coverage", `${HERE}/no-such-folder`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`خطا: پوشه‌ی «${HERE}/no-such-folder» پیدا نشد`);
    expect(missing.stderr).toContain(`error: No such folder: «${HERE}/no-such-folder»`);

    const file = await zavabet(["coverage", `${GOOD}/versions/1.zb`]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain("coverage takes a fund folder or a folder of funds");

    const unknown = await zavabet(["coverage", "no_such_fund"], { env: { ZAVABET_RULESETS: FUNDS } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: Unknown fund «no_such_fund»");
    expect(unknown.stderr).toContain("good, missing-name, no-index, uncovered");
  });

  it("finds a fund by name under the rulesets folder", async () => {
    const r = await zavabet(["coverage", "good"], { env: { ZAVABET_RULESETS: FUNDS } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 encoded, 1 procedural, 1 ambiguous");
  });
});

describe("the real rulesets", SLOW, () => {
  // A fund may not have its index yet; once it has one, the index must agree with every version.
  it("every fund in rulesets/ that has a clause index is consistent with it", async () => {
    const { report } = await jsonReport(["rulesets"]);
    const indexed = report.funds.filter((f) => f.index !== null);
    for (const fund of indexed) {
      const problems = fund.problems.map((p) => `${p.file} ${p.path ?? p.line ?? ""} ${p.message.en}`);
      expect(problems, `rulesets/${fund.fund}/clauses.json`).toEqual([]);
      expect(fund.clauses.length, `rulesets/${fund.fund}/clauses.json lists clauses`).toBeGreaterThan(0);
    }
  });
});
