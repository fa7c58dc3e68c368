/**
 * The Small Industries Investment Guarantee Fund ruleset (seeds 001 and 002), every version: it parses,
 * checks without errors or warnings, compiles to an artefact that passes the artefact schema, every one
 * of its own `آزمون` blocks passes, the examples get the decision and amounts worked out by hand, the two
 * versions differ only in the guarantee caps, and clauses.json is consistent with the rules.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Artefact, createEngine, type EvaluationResult } from "../../../engine";
import { openFund, versionBasics } from "../fund";

const { dir: DIR, versions, build } = openFund("small-industries");

interface Clause {
  clause: string;
  kind: "encoded" | "procedural" | "ambiguous";
  summary?: string;
  reason?: string;
  reading?: string;
  encodedBy?: string[];
  versions?: string[];
}

const index = JSON.parse(readFileSync(join(DIR, "clauses.json"), "utf8")) as {
  fund: string;
  sources: string[];
  clauses: Clause[];
};

const built = new Map(versions.map((v) => [v.version, build(v.file)]));

function artefactOf(version: string): Artefact {
  const a = built.get(version)?.artefact;
  if (!a) throw new Error(`version ${version} does not compile`);
  return a;
}

const example = (name: string): unknown => JSON.parse(readFileSync(join(DIR, "examples", name), "utf8"));

/** The rules that rejected or referred, sorted: what the decision rests on. */
const deciding = (r: EvaluationResult) =>
  r.outcomes
    .filter((o) => o.kind === "reject" || o.kind === "refer")
    .map((o) => o.rule)
    .sort();

/** How many `آزمون` blocks each version must carry (a test lost by a parse slip fails here). */
const TEST_COUNTS: Record<string, number> = { "1": 150, "2": 150 };

/**
 * Every example, worked out by hand, per version. Money in rials as exact decimal strings.
 *
 * credit-accepted.json — a credit guarantee of 20,000,000,000 for 24 months, legal person, rating C:
 *   years = ⌈24 ÷ 12⌉ = 2; rate = 1.5% + 0.25% = 1.75%; fee = 20e9 × 1.75% × (100% − 20%) = 280,000,000.
 *   coverage cap = 70% × (24e9 + 6e9) = 21,000,000,000 (below the 30 bn / 50 bn caps) ≥ 20e9.
 *   type-1 required = 40% × 20e9 = 8,000,000,000; factory counted at 85% × 10e9 = 8,500,000,000 ≥ 8e9.
 *   cheques required = 150% × 20e9 = 30,000,000,000 (three given, 30e9);
 *   notes required = 30e9 − 8.5e9 = 21,500,000,000 (given exactly); shareholders ≥ 10%: 55, 35, 10 → 3.
 *   Accepted in both versions.
 * contracting-collateral-issues.json — a performance guarantee of 12,000,000,000, 18 months, rating D:
 *   fee = 12e9 × 1.75% = 210,000,000; cheques required = 18,000,000,000 (two cheques of 15e9 given: two
 *   rejections); type-1 required = 50% × 12e9 = 6,000,000,000, covered by deposit 1e9 + car 4e9 = 5e9
 *   (shortfall 1,000,000,000); the car is a domestic 1396 model (before 1397: rejected); notes required
 *   = 18e9 − 1e9 = 17,000,000,000 (10e9 given: rejected). Rejected in both versions for these five.
 * credit-40bn.json — a credit guarantee of 40,000,000,000, rating A, principal+profit 60e9:
 *   fee = 40e9 × 1.5% = 600,000,000; version 1: cap 30 bn → rejected, allowed = min(30e9, 42e9) = 30e9;
 *   version 2: cap 50 bn → accepted, allowed = min(50e9, 70% × 60e9) = 42,000,000,000.
 */
const EXAMPLES: Record<
  string,
  Record<string, { decision: string; deciding: string[]; values: Record<string, string> }>
> = {
  "credit-accepted.json": Object.fromEntries(
    ["1", "2"].map((v) => [
      v,
      {
        decision: "accept",
        deciding: [],
        values: {
          کارمزد: "280000000",
          نرخ_کارمزد: "1.75",
          مبلغ_مجاز: "21000000000",
          وثیقه_نوع_اول_لازم: "8000000000",
          ارزش_احتسابی_وثیقه_نوع_اول: "8500000000",
          چک_لازم: "30000000000",
          سفته_لازم: "21500000000",
          تعداد_سهامداران_عمده: "3",
        },
      },
    ]),
  ),
  "contracting-collateral-issues.json": Object.fromEntries(
    ["1", "2"].map((v) => [
      v,
      {
        decision: "reject",
        deciding: [
          "ترکیب وثایق نوع اول و سفته",
          "حداقل سه فقره چک",
          "کسری وثیقه نوع اول",
          "مبلغ چک‌ها",
          "مدل خودروی سواری داخلی",
        ].sort(),
        values: {
          کارمزد: "210000000",
          چک_لازم: "18000000000",
          سفته_لازم: "17000000000",
          وثیقه_نوع_اول_لازم: "6000000000",
          پوشش_وثیقه_نوع_اول: "5000000000",
          کسری_وثیقه_نوع_اول: "1000000000",
        },
      },
    ]),
  ),
  "credit-40bn.json": {
    "1": {
      decision: "reject",
      deciding: ["سقف ضمانت‌نامه"],
      values: { کارمزد: "600000000", سقف_مبلغ: "30000000000", مبلغ_مجاز: "30000000000" },
    },
    "2": {
      decision: "accept",
      deciding: [],
      values: { کارمزد: "600000000", سقف_مبلغ: "50000000000", مبلغ_مجاز: "42000000000" },
    },
  },
};

describe("rulesets/small-industries versions.json", () => {
  it("lists version 1 (the older 30 bn cap) and version 2 (current), published, by the rules team", () => {
    expect(versions.map((v) => [v.version, v.file, v.status])).toEqual([
      ["1", "versions/1.zb", "published"],
      ["2", "versions/2.zb", "published"],
    ]);
    for (const v of versions) {
      expect(v.note.length).toBeGreaterThan(0);
      expect(v.author).toBe("تیم قواعد zavabet");
      expect(v.date).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    }
  });
});

describe.each(versions)("rulesets/small-industries version $version", (entry) => {
  const { artefact } = built.get(entry.version) ?? build(entry.file);
  versionBasics(
    "small_industries",
    entry,
    TEST_COUNTS[entry.version]!,
    built.get(entry.version) ?? build(entry.file),
  );

  it("keeps the version label of versions.json in its header («۲» is 2)", () => {
    // The header keeps the label as written («۲»); versions.json spells it with ASCII digits.
    expect(artefact?.ruleset.version.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)))).toBe(
      entry.version,
    );
  });

  it("carries the worked example of the text as a test by name (a three-year guarantee: 2%)", () => {
    const names = artefactOf(entry.version).tests.map((t) => t.name);
    expect(names).toContain("مثال متن: کارمزد ضمانت‌نامه‌ی سه‌ساله ۲ درصد است");
    expect(names).toContain("مثال متن: پانزده میلیارد ریال معادل سه ضامن");
  });

  it.each(Object.keys(EXAMPLES))("decides examples/%s and its amounts exactly", async (name) => {
    const want = EXAMPLES[name]?.[entry.version];
    if (!want) throw new Error(`no expectation for ${name} in version ${entry.version}`);
    const result = await createEngine(artefactOf(entry.version)).evaluate(example(name));
    expect(result.decision).toBe(want.decision);
    expect(deciding(result)).toEqual(want.deciding);
    for (const [value, expected] of Object.entries(want.values))
      expect([value, result.values[value]]).toEqual([value, expected]);
    const fee = result.outcomes.find((o) => o.kind === "require" && o.what?.startsWith("(۱۱)"));
    expect(fee?.amount).toBe(want.values.کارمزد);
  });

  it("gives the 12 steps as a checklist, in order, with the fee at step 11", async () => {
    const result = await createEngine(artefactOf(entry.version)).evaluate(example("credit-accepted.json"));
    const steps = result.outcomes
      .filter((o) => o.kind === "require" && /^\(([۰-۹]+)\)/.test(o.what ?? ""))
      .map((o) => o.what?.match(/^\(([۰-۹]+)\)/)?.[1]);
    // A factory is offered, so steps 5 (valuation) and 6 (mortgage) apply; no project site, no second (5).
    expect(steps).toEqual(["۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹", "۱۰", "۱۱", "۱۲"]);
  });
});

describe("rulesets/small-industries: version 1 against version 2", () => {
  it("decides a 40 bn credit guarantee differently: rejected at the old 30 bn cap, accepted under 50 bn", async () => {
    const input = example("credit-40bn.json");
    const old = await createEngine(artefactOf("1")).evaluate(input);
    const current = await createEngine(artefactOf("2")).evaluate(input);
    expect([old.decision, deciding(old)]).toEqual(["reject", ["سقف ضمانت‌نامه"]]);
    expect([current.decision, deciding(current)]).toEqual(["accept", []]);
  });

  it("differs only in the two cap parameters (30 bn → 50 bn credit, 30 bn → 70 bn contracting)", () => {
    const [a, b] = [artefactOf("1"), artefactOf("2")];
    const names = (x: Artefact) => ({
      inputs: x.inputs.map((i) => [i.name, i.alias, JSON.stringify(i.type), i.required]),
      values: x.values.map((v) => [v.name, JSON.stringify(v.expr)]),
      tables: x.tables.map((t) => [t.name, JSON.stringify(t.rows.map((r) => [r.cells, r.output]))]),
      rules: x.ruleMeta.map((r) => r.name),
    });
    expect(names(a)).toEqual(names(b));
    const changed = b.parameters
      .map((p, i) => [p.name, a.parameters[i]?.name, a.parameters[i]?.value, p.value])
      .filter(([, , before, after]) => before !== after);
    expect(changed).toEqual([
      ["سقف_ضمانت_اعتباری", "سقف_ضمانت_اعتباری", "30000000000", "50000000000"],
      ["سقف_ضمانت_پیمانکاری", "سقف_ضمانت_پیمانکاری", "30000000000", "70000000000"],
    ]);
  });
});

describe("rulesets/small-industries clauses.json", () => {
  const declared = (a: Artefact) =>
    new Set([
      ...a.inputs.map((i) => i.name),
      ...a.parameters.map((p) => p.name),
      ...a.values.map((v) => v.name),
      ...a.tables.map((t) => t.name),
      ...a.ruleMeta.map((r) => r.name),
    ]);
  /** Every citation a version uses (a rule with several lists them joined by «؛ »). */
  const citations = (a: Artefact) =>
    new Set(
      [
        ...a.parameters.map((p) => p.citation),
        ...a.values.map((v) => v.citation),
        ...a.tables.map((t) => t.citation),
        ...a.ruleMeta.map((r) => r.citation),
      ]
        .filter((c): c is string => typeof c === "string")
        .flatMap((c) => c.split("؛ ")),
    );
  const appliesTo = (c: Clause, v: string) => !c.versions || c.versions.includes(v);

  it("names both sources and gives every clause its kind and the fields the kind needs", () => {
    expect(index.fund).toBe("small-industries");
    expect(index.sources).toEqual(["001_bd7c40387cdee738.txt", "002_b42a06a4c28b8183.txt"]);
    const problems = index.clauses.filter((c) => {
      if (c.kind === "encoded") return !c.encodedBy || c.encodedBy.length === 0;
      if (c.kind === "procedural") return !c.reason;
      if (c.kind === "ambiguous") return !c.reading || !c.encodedBy;
      return true;
    });
    expect(problems).toEqual([]);
    const seen = index.clauses.map((c) => c.clause);
    expect(seen.length).toBe(new Set(seen).size);
  });

  it.each(["1", "2"])("names only things version %s declares", (v) => {
    const names = declared(artefactOf(v));
    const missing = index.clauses
      .filter((c) => appliesTo(c, v))
      .flatMap((c) => (c.encodedBy ?? []).filter((n) => !names.has(n)).map((n) => `${c.clause}: ${n}`));
    expect(missing).toEqual([]);
  });

  it.each(["1", "2"])("covers every citation version %s uses", (v) => {
    const clauses = index.clauses.filter((c) => appliesTo(c, v)).map((c) => c.clause);
    const uncovered = [...citations(artefactOf(v))].filter(
      (cite) => !clauses.some((c) => cite === c || cite.startsWith(`${c}، `)),
    );
    expect(uncovered).toEqual([]);
  });

  it("keeps the old 30 bn page to version 1 and the current caps to version 2", () => {
    const old = index.clauses.find((c) => c.clause.endsWith("صدر، سقف"));
    const current = index.clauses.find(
      (c) => c.clause === "معرفی صندوق، «مبلغ و درصد ضمانت نامه صندوق»، بند ۱",
    );
    expect([old?.versions, current?.versions]).toEqual([["1"], ["2"]]);
  });
});
