/**
 * `zavabet compare` end to end: the small-industries caps (v1: 30 bn for every kind; v2: 50 bn credit,
 * 70 bn contracting) over ten cases around them (test/cli/fixtures/compare: caps.jsonl, with a
 * malformed line 4 and a blank line 8, and caps.csv, the same cases with Persian-digit amounts).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CompareReport } from "../../compare";
import { renderHtml } from "../../compare/html";
import { generateCases } from "../../engine/generate";
import { artefactOf, capCorpus, jsonLines, validateReport } from "../compare/helpers";
import { FIXTURES, ROOT, SLOW, zavabet } from "./run";

const DIR = `${FIXTURES}/compare`;
const JSONL = `${DIR}/caps.jsonl`;
const CSV = `${DIR}/caps.csv`;
const BASE = ["--base", "small-industries@1"];
const CANDIDATE = ["--candidate", "small-industries@2"];
const tmp = mkdtempSync(join(tmpdir(), "zavabet-compare-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const compare = (...args: string[]) => zavabet(["compare", ...BASE, ...CANDIDATE, ...args]);
const parse = (stdout: string) => JSON.parse(stdout) as CompareReport;

describe("zavabet compare", SLOW, () => {
  it("prints a readable summary: decisions changed, by rule and clause, with examples; malformed lines by number", async () => {
    const r = await compare("--cases", JSONL);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("موردها (cases): ۱۰ از");
    expect(r.stdout).toContain("سطرهای نادرست کنار گذاشته شد (malformed lines skipped): ۱");
    expect(r.stdout).toContain("تغییر تصمیم (decision changed): ۶ (۶۰٫۰٪)");
    expect(r.stdout).toContain("  رد → پذیرش (reject → accept): ۶");
    expect(r.stdout).toMatch(
      /«سقف ضمانت‌نامه» \[معرفی صندوق، «مبلغ و درصد ضمانت نامه صندوق»، بند ۱\].* — ۶ مورد \(cases\)، ۶ تغییر تصمیم/,
    );
    expect(r.stdout).toContain("• سطر ۳ (line 3)");
    expect(r.stdout).toContain("• سطر ۵ (line 5)");
    expect(r.stdout).toContain("line 4 is not valid JSON");
    // Progress goes to standard error, never into the report.
    expect(r.stderr).toContain("10 cases");
  });

  it("--json prints a report valid against docs/compare-report.schema.json; CSV gives the same comparison", async () => {
    const [jsonl, csv] = await Promise.all([
      compare("--cases", JSONL, "--json"),
      compare("--cases", CSV, "--json"),
    ]);
    for (const r of [jsonl, csv]) {
      expect(r.code).toBe(0);
      expect(validateReport(parse(r.stdout))).toEqual([]);
    }
    const a = parse(jsonl.stdout);
    const b = parse(csv.stdout);
    expect(a.summary).toMatchObject({ cases: 10, compared: 10, decisionChanged: 6, malformed: 1 });
    expect(a.malformed.map((m) => m.line)).toEqual([4]);
    // Lines keep their numbers in the file: the malformed line 4 and blank line 8 are not renumbered away.
    expect(a.rules[0]?.examples.map((e) => e.line)).toEqual([3, 5, 6]);
    expect(a.values[0]?.examples.map((e) => e.line)).toEqual([1, 2, 3]);
    expect(a.cases).toEqual({ source: JSONL, format: "jsonl" });
    expect(b.cases).toEqual({ source: CSV, format: "csv" });
    expect(b.summary).toEqual({ ...a.summary, malformed: 0 });
    expect(b.decisions).toEqual(a.decisions);
    expect(b.rules.map((g) => [g.rule, g.cases, g.decisionChanged])).toEqual(
      a.rules.map((g) => [g.rule, g.cases, g.decisionChanged]),
    );
    expect(b.values.map((g) => [g.value, g.cases])).toEqual(a.values.map((g) => [g.value, g.cases]));
  });

  it("--html writes the same report as one self-contained page", async () => {
    const page = join(tmp, "report.html");
    const r = await compare("--cases", JSONL, "--json", "--html", page);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`HTML report → ${page}`);
    expect(readFileSync(page, "utf8")).toBe(renderHtml(parse(r.stdout)));
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--strict stops at the first malformed line (exit 2) and prints no report", async () => {
    const r = await compare("--cases", JSONL, "--strict", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/خطا: سطر 4 JSON درستی نیست \(--strict/);
    expect(r.stderr).toMatch(/error: line 4 is not valid JSON.*\(--strict: the run stopped\)/);
  });

  it("--fail-on gates CI: exit 1 when decisions change (at all, or in more than N%), 0 otherwise", async () => {
    const [decision, sixty, fiftyNine, same] = await Promise.all([
      compare("--cases", CSV, "--fail-on", "decision"),
      compare("--cases", CSV, "--fail-on", "60%", "--json"),
      compare("--cases", CSV, "--fail-on", "59%"),
      zavabet(["compare", ...BASE, "--candidate", "small-industries@1", "--cases", CSV, "--fail-on", "any"]),
    ]);
    expect(decision.code).toBe(1);
    expect(decision.stdout).toContain("✗ --fail-on decision");
    expect(sixty.code).toBe(0);
    expect(parse(sixty.stdout).failOn).toMatchObject({ spec: "60%", failed: false });
    expect(fiftyNine.code).toBe(1);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("بدون تغییر (unchanged): ۱۰");
    expect(same.stdout).toContain("✓ --fail-on any");
  });

  it("takes the candidate as a file: a .zb source or a compiled artefact", async () => {
    const artefact = join(tmp, "si-2.json");
    const compiled = await zavabet(["compile", "small-industries@2", "-o", artefact]);
    expect(compiled.code).toBe(0);
    const [source, json] = await Promise.all([
      zavabet([
        "compare",
        ...BASE,
        "--candidate",
        "rulesets/small-industries/versions/2.zb",
        "--cases",
        CSV,
        "--json",
      ]),
      zavabet(["compare", ...BASE, "--candidate", artefact, "--cases", CSV, "--json"]),
    ]);
    for (const r of [source, json]) {
      expect(r.code).toBe(0);
      expect(parse(r.stdout).summary.decisionChanged).toBe(6);
    }
  });

  it("refuses bad usage and input with exit 2, in Persian and English", async () => {
    const header = join(tmp, "bad-header.csv");
    writeFileSync(header, "guaranteeKind,rating2\nاعتباری,A\n");
    const runs = await Promise.all([
      compare("--cases", join(tmp, "none.jsonl")),
      compare("--cases", CSV, "--fail-on", "some"),
      compare("--cases", CSV, "--format", "xml"),
      compare("--cases", header),
      zavabet(["compare", "--base", "small-industries@9", ...CANDIDATE, "--cases", CSV]),
      zavabet(["compare", ...CANDIDATE, "--cases", CSV]),
    ]);
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/خطا: .+\nerror: .+/);
    }
    expect(runs[0]?.stderr).toContain("No such cases file");
    expect(runs[1]?.stderr).toContain("--fail-on must be decision, any or a percentage");
    expect(runs[3]?.stderr).toContain("«rating2»");
    expect(runs[4]?.stderr).toContain("has no version «9»");
    expect(runs[5]?.stderr).toContain("--base");
  });

  it("--threads 2 (worker threads) prints the same report as --threads 1, byte for byte", async () => {
    const corpus = join(tmp, "mixed.jsonl");
    const generated = generateCases(artefactOf("rulesets/small-industries/versions/2.zb"), 700, 3);
    writeFileSync(
      corpus,
      `${jsonLines([...generated.slice(0, 350), ...capCorpus(), ...generated.slice(350)])}[]\n`,
    );
    const [one, two] = await Promise.all([
      compare("--cases", corpus, "--json", "--threads", "1"),
      compare("--cases", corpus, "--json", "--threads", "2"),
    ]);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(parse(one.stdout).summary).toMatchObject({ cases: 710, malformed: 1 });
  });

  it.skipIf(!existsSync("/usr/bin/script"))(
    "on a terminal, progress is one redrawn line with a bar, rate and ETA; the report stays on stdout",
    async () => {
      const corpus = join(tmp, "tty.jsonl");
      writeFileSync(
        corpus,
        jsonLines(generateCases(artefactOf("rulesets/small-industries/versions/2.zb"), 600, 8)),
      );
      // script(1) runs the command on a pseudo-terminal, so standard error is a TTY.
      const command = `node bin/zavabet.js compare ${[...BASE, ...CANDIDATE].join(" ")} --cases ${corpus} --threads 1 --json > ${join(tmp, "tty.json")}`;
      const terminal = await new Promise<string>((resolve, reject) => {
        execFile(
          "/usr/bin/script",
          ["-qec", command, "/dev/null"],
          { cwd: ROOT, encoding: "utf8" },
          (e, stdout) => (e ? reject(e) : resolve(stdout)),
        );
      });
      const shown = terminal.replaceAll("\u001b", "<ESC>");
      expect(shown).toMatch(/\r<ESC>\[K\[#*-*\] 256 cases, \d+ cases\/s, [\d.]+ s, [\d.]+%, ETA \d+ s/);
      expect(shown).toMatch(/\r<ESC>\[Kپایان — done: 600 cases/);
      expect(terminal).not.toContain("مقایسه آغاز شد"); // the plain start line is for logs, not terminals
      expect(parse(readFileSync(join(tmp, "tty.json"), "utf8")).summary.cases).toBe(600);
    },
  );

  it("Ctrl-C (SIGINT) prints a whole report marked incomplete and exits 130", async () => {
    const child = spawn(
      process.execPath,
      ["bin/zavabet.js", "compare", ...BASE, ...CANDIDATE, "--cases", "-", "--json"],
      { cwd: ROOT, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString("utf8");
    });
    const started = new Promise<void>((resolve) => {
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString("utf8");
        if (stderr.includes("comparing")) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    await started;
    // Three cases, then the input stays open: only the interruption can end the run.
    child.stdin.write(jsonLines(capCorpus().slice(2, 5)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    const report = parse(stdout);
    expect(report.complete).toBe(false);
    expect(validateReport(report)).toEqual([]);
    expect(report.summary.cases).toBeLessThanOrEqual(3);
    expect(stderr).toContain("interrupted");
    child.stdin.destroy();
  });
});
