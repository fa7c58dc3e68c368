/**
 * compare/: two versions over a corpus. The small-industries versions differ only in the caps (30 bn
 * for every kind in v1; 50 bn credit, 70 bn contracting in v2), so what changes, and why, is known in
 * advance; electronics v2 adds an input v1 refuses.
 */
import { describe, expect, it } from "vitest";
import {
  type CaseDiff,
  Comparison,
  checkFailOn,
  diffCase,
  diffLine,
  parseFailOn,
  rulesetRef,
} from "../../compare";
import { localRunner } from "../../compare/pool";
import { readJsonLines } from "../../compare/read";
import { runCorpus } from "../../compare/run";
import { generateCases } from "../../engine/generate";
import {
  AMOUNTS,
  artefactOf,
  capCorpus,
  EL1,
  EL2,
  engineOf,
  exampleCase,
  jsonLines,
  KINDS,
  SI1,
  SI2,
  streamOf,
  validateReport,
} from "./helpers";

const CAP_RULE = "سقف ضمانت‌نامه";

function comparison(basePath: string, candidatePath: string, examples?: number) {
  const baseEngine = engineOf(basePath);
  const candidateEngine = engineOf(candidatePath);
  return new Comparison({
    base: rulesetRef(baseEngine, basePath, basePath),
    candidate: rulesetRef(candidateEngine, candidatePath, candidatePath),
    baseEngine,
    candidateEngine,
    cases: { source: "corpus.jsonl", format: "jsonl" },
    ...(examples === undefined ? {} : { examples }),
  });
}

function run(
  basePath: string,
  candidatePath: string,
  cases: readonly Record<string, unknown>[],
  examples?: number,
) {
  const c = comparison(basePath, candidatePath, examples);
  for (const [i, input] of cases.entries()) c.compare(i + 1, input);
  return c.report();
}

describe("comparing small-industries v1 with v2 (the caps)", () => {
  const corpus = capCorpus();
  const report = run(SI1, SI2, corpus);
  // Above 30 bn, v1's cap rejects; v2's caps (50/70 bn) do not, and nothing else does up to 40 bn.
  const above = AMOUNTS.filter((a) => BigInt(a) > 30_000_000_000n).length * KINDS.length;

  it("counts the cases whose decision changed, and how", () => {
    expect(report.complete).toBe(true);
    expect(report.summary.cases).toBe(corpus.length);
    expect(report.summary.compared).toBe(corpus.length);
    expect(report.summary.decisionChanged).toBe(above);
    expect(report.decisions[0]).toEqual({ from: "reject", to: "accept", cases: above });
    expect(report.decisions.find((t) => t.from === "accept" && t.to === "accept")?.cases).toBe(
      corpus.length - above,
    );
    expect(report.summary.outcomesChanged).toBe(above);
    expect(report.summary.unchanged + report.summary.changed).toBe(report.summary.compared);
  });

  it("names the cap rule and its clause as what made the difference, with the first cases as examples", () => {
    expect(report.rules.map((g) => g.rule)).toEqual([CAP_RULE]);
    const [g] = report.rules;
    expect(g?.citation).toBe("معرفی صندوق، «مبلغ و درصد ضمانت نامه صندوق»، بند ۱");
    expect(g?.baseCitation).toContain("صفحه‌ی سامانه");
    expect(g).toMatchObject({
      cases: above,
      decisionChanged: above,
      baseOnly: above,
      candidateOnly: 0,
      changed: 0,
    });
    expect(g?.transitions).toEqual([{ from: "reject", to: "accept", cases: above }]);
    expect(g?.examples).toHaveLength(3);
    // The first changed lines of the corpus, in order: the first kind's amounts above 30 bn.
    expect(g?.examples.map((e) => e.line)).toEqual([3, 4, 5]);
    const [first] = g?.examples ?? [];
    expect(first?.case).toEqual(corpus[2]);
    expect(first?.base.decision).toBe("reject");
    expect(first?.base.outcomes.map((o) => [o.rule, o.kind])).toEqual([[CAP_RULE, "reject"]]);
    expect(first?.candidate).toEqual({ decision: "accept", outcomes: [] });
  });

  it("reports the computed values that changed: the cap itself, exactly as decimal strings", () => {
    const cap = report.values.find((v) => v.value === "سقف_مبلغ");
    expect(cap?.cases).toBe(corpus.length);
    expect(cap?.examples[0]).toMatchObject({ line: 1, base: "30000000000", candidate: "50000000000" });
    const contracting = cap?.examples.find((e) => e.case.guaranteeKind === "حسن_انجام_تعهدات");
    expect(contracting).toBeUndefined(); // only the first three (all credit) are kept
    expect(report.summary.valuesChanged).toBe(corpus.length);
  });

  it("the report matches its published JSON Schema (which does reject a report missing a count)", () => {
    expect(validateReport(report)).toEqual([]);
    const { cases: _, ...summary } = report.summary;
    expect(validateReport({ ...report, summary })).not.toEqual([]);
    expect(validateReport({ ...report, decisions: [{ from: "accept", to: "maybe", cases: 1 }] })).not.toEqual(
      [],
    );
  });

  it("a case rejected by the cap in both versions changes outcome (its message states the cap), not decision", () => {
    const c = { ...corpus[0], amount: "100000000000" };
    const r = run(SI1, SI2, [c]);
    expect(r.summary).toMatchObject({ decisionChanged: 0, outcomesChanged: 1 });
    const g = r.rules.find((x) => x.rule === CAP_RULE);
    expect(g).toMatchObject({ cases: 1, changed: 1, decisionChanged: 0, transitions: [] });
    expect(g?.examples[0]?.base.outcomes[0]?.message).toContain("۳۰٬۰۰۰٬۰۰۰٬۰۰۰");
    expect(g?.examples[0]?.candidate.outcomes[0]?.message).toContain("۵۰٬۰۰۰٬۰۰۰٬۰۰۰");
  });

  it("a version compared with itself: every case unchanged, no groups", () => {
    const r = run(SI2, SI2, corpus);
    expect(r.summary).toMatchObject({ compared: corpus.length, unchanged: corpus.length, changed: 0 });
    expect(r.rules).toEqual([]);
    expect(r.values).toEqual([]);
    expect(validateReport(r)).toEqual([]);
  });

  it("--examples 0 keeps counts and no examples", () => {
    const r = run(SI1, SI2, corpus, 0);
    expect(r.rules[0]?.cases).toBe(above);
    expect(r.rules[0]?.examples).toEqual([]);
  });

  it("diffCase keeps the case only when something differs", () => {
    const same: CaseDiff = diffCase(engineOf(SI2), engineOf(SI2), 7, corpus[0] as Record<string, unknown>);
    expect(same).toEqual({ line: 7, base: "accept", candidate: "accept", rules: [], values: [] });
  });

  it("diffLine leaves a changed case with the reader, and the report's example is the case it reads", () => {
    const changed = corpus.find((c) => diffCase(engineOf(SI1), engineOf(SI2), 1, c).base !== "accept");
    const raw = { line: 9, bytes: new TextEncoder().encode(JSON.stringify(changed)) };
    const diff = diffLine(engineOf(SI1), engineOf(SI2), raw);
    expect(diff).toMatchObject({ line: 9, base: "reject", candidate: "accept" });
    expect(diff).not.toHaveProperty("case");
    if ("message" in diff) throw new Error("expected a diff");
    const c = comparison(SI1, SI2);
    c.add(diff, () => changed as Record<string, unknown>);
    expect(c.report().rules[0]?.examples[0]).toMatchObject({ line: 9, case: changed });
    const notACase = { line: 4, bytes: new TextEncoder().encode("[1]") };
    expect(diffLine(engineOf(SI1), engineOf(SI2), notACase)).toMatchObject({
      line: 4,
      message: { en: "line 4 is not a JSON object (a case)" },
    });
  });
});

describe("the report's size", () => {
  it("does not grow with the corpus: five times the cases, the same groups and examples", () => {
    const generated = generateCases(artefactOf(SI2), 990, 21);
    const corpus = [...capCorpus(), ...generated];
    const small = run(SI1, SI2, corpus.slice(0, 200));
    const large = run(SI1, SI2, corpus);
    expect(large.summary.cases).toBe(5 * small.summary.cases);
    const size = (r: object) => JSON.stringify(r).length;
    // Counts grow by a digit at most; groups are per rule and value, examples the first three of each.
    expect(size(large)).toBeLessThan(size(small) * 1.2);
    expect(large.rules.map((g) => g.examples.map((e) => e.line))).toEqual(
      small.rules.map((g) => g.examples.map((e) => e.line)),
    );
  });
});

describe("a case one version refuses as input (electronics v2 adds an input)", () => {
  const endorsed = {
    ...exampleCase("rulesets/electronics/examples/case-1.json"),
    notesEndorsedByGuarantor: true,
  };
  const plain = exampleCase("rulesets/electronics/examples/case-1.json");
  const bad = { ...plain, مدت_ماه: "بسیار" };
  const report = run(EL1, EL2, [plain, endorsed, bad]);

  it("counts it as a decision change to or from «invalid», with the refusing version's issues", () => {
    const base = report.invalid.find((g) => g.refusedBy === "base");
    expect(base?.cases).toBe(1);
    expect(base?.examples[0]?.line).toBe(2);
    expect(base?.examples[0]?.issues.map((i) => i.field)).toEqual(["notesEndorsedByGuarantor"]);
    expect(report.decisions.find((t) => t.from === "invalid")?.cases).toBe(1);
    expect(report.summary.decisionChanged).toBeGreaterThanOrEqual(1);
  });

  it("a case both versions refuse is counted apart and never compared", () => {
    expect(report.summary).toMatchObject({ cases: 3, compared: 2, invalidInBoth: 1 });
    const both = report.invalid.find((g) => g.refusedBy === "both");
    expect(both?.examples[0]).toMatchObject({ line: 3 });
    expect(both?.examples[0]?.issues[0]?.field).toBe("مدت_ماه");
    expect(report.summary.unchanged + report.summary.changed).toBe(2);
    expect(validateReport(report)).toEqual([]);
  });
});

describe("malformed lines", () => {
  it("are reported with their line numbers, counted apart, never as cases", async () => {
    const [good] = capCorpus();
    const text = `${jsonLines([good])}{"amount": \n\n[1, 2]\n"text"\n${jsonLines([good])}`;
    const c = comparison(SI1, SI2);
    await runCorpus(readJsonLines(streamOf(text)), c, localRunner(engineOf(SI1), engineOf(SI2)));
    const r = c.report();
    expect(r.summary).toMatchObject({ cases: 2, compared: 2, malformed: 3 });
    expect(r.malformed.map((m) => m.line)).toEqual([2, 4, 5]);
    expect(r.malformed[0]?.message.en).toMatch(/^line 2 is not valid JSON/);
    expect(r.malformed[0]?.message.fa).toContain("سطر 2");
    expect(r.malformed[1]?.message.en).toBe("line 4 is not a JSON object (a case)");
    expect(validateReport(r)).toEqual([]);
  });

  it("a report lists at most 100 of them but counts them all", () => {
    const c = comparison(SI1, SI2);
    for (let i = 1; i <= 150; i++) c.addMalformed(i, { fa: "x", en: "x" });
    const r = c.report(false);
    expect(r.summary.malformed).toBe(150);
    expect(r.malformed).toHaveLength(100);
    expect(r.complete).toBe(false);
    expect(validateReport(r)).toEqual([]);
  });
});

describe("--fail-on", () => {
  const report = run(SI1, SI2, capCorpus());
  const share = (report.summary.decisionChanged * 100) / report.summary.compared; // 60%

  it("reads decision, any and N% (Persian digits and «٪» too); refuses anything else", () => {
    expect(parseFailOn("decision")).toEqual({ kind: "decision" });
    expect(parseFailOn("any")).toEqual({ kind: "any" });
    expect(parseFailOn("5%")).toEqual({ kind: "percent", percent: 5 });
    expect(parseFailOn("۲٫۵٪")).toEqual({ kind: "percent", percent: 2.5 });
    for (const bad of ["5", "decisions", "-1%", "101%", ""]) expect(parseFailOn(bad)).toBeUndefined();
  });

  it("fails on any decision change, any difference, or more than N% of the compared cases", () => {
    expect(share).toBe(60);
    expect(checkFailOn(report, { kind: "decision" }, "decision").failed).toBe(true);
    expect(checkFailOn(report, { kind: "any" }, "any").failed).toBe(true);
    expect(checkFailOn(report, { kind: "percent", percent: 59.9 }, "59.9%").failed).toBe(true);
    expect(checkFailOn(report, { kind: "percent", percent: 60 }, "60%").failed).toBe(false);
    const same = run(SI2, SI2, capCorpus());
    expect(checkFailOn(same, { kind: "any" }, "any").failed).toBe(false);
    expect(checkFailOn(same, { kind: "decision" }, "decision").failed).toBe(false);
  });
});
