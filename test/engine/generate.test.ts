/**
 * engine/generate: boundary values of an artefact's inputs and random valid caller-form cases, for
 * every shipped ruleset version.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSource } from "../../dsl/index";
import { caseReader } from "../../engine/case";
import {
  boundaries,
  CHUNK_SIZE,
  caseArbitrary,
  generateCases,
  iterateCases,
} from "../../engine/generate/index";
import { type Artefact, CaseError } from "../../engine/index";
import { normalizeNumberString } from "../../engine/normalize";
import { loan } from "./fixtures/loan";

const ROOT = join(__dirname, "../../rulesets");

/** Every rulesets/<fund>/versions/<v>.zb, compiled. */
const shipped: { id: string; artefact: Artefact }[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((fund) => {
    const dir = join(ROOT, fund.name, "versions");
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith(".zb"));
    } catch {
      return [];
    }
    return files.sort().map((f) => {
      const { artefact, diagnostics } = compileSource(readFileSync(join(dir, f), "utf8"));
      if (!artefact) throw new Error(`${fund.name}/${f} does not compile: ${JSON.stringify(diagnostics)}`);
      return { id: `${fund.name}/${f}`, artefact };
    });
  });

const electronics = (v: string) => {
  const found = shipped.find((s) => s.id === `electronics/${v}.zb`);
  if (!found) throw new Error(`electronics/${v}.zb is not shipped`);
  return found.artefact;
};

const values = (a: Artefact, key: string) => (boundaries(a).get(key) ?? []).map((b) => b.value);

describe("boundaries", () => {
  it("finds the 12-month minimum term, from the parameter the rule compares with", () => {
    for (const v of ["1", "2"]) {
      const term = boundaries(electronics(v)).get("مدت_ماه") ?? [];
      expect(term.map((b) => [b.value, b.side, b.edge])).toEqual([
        ["11", "below", "12"],
        ["12", "at", "12"],
        ["13", "above", "12"],
      ]);
      expect(term[0]?.from).toEqual(["rule «حداقل مدت ضمانت‌نامه»"]);
    }
  });

  it("finds version 2's uninsured-note bracket edges, each ±1 rial", () => {
    const amount = values(electronics("2"), "مبلغ_ضمانت");
    for (const edge of [5_000_000_000n, 7_500_000_000n, 10_000_000_000n, 15_000_000_000n, 20_000_000_000n])
      for (const d of [edge - 1n, edge, edge + 1n]) expect(amount).toContain(String(d));
    const five = boundaries(electronics("2"))
      .get("مبلغ_ضمانت")
      ?.find((b) => b.value === "5000000000");
    expect(five?.from).toContain("table «نرخ_کارمزد_سفته_بدون_بیمه» row 1");
    // version 1 has no such table
    expect(values(electronics("1"), "مبلغ_ضمانت")).not.toContain("5000000000");
  });

  it("finds the zero of the amount rule and of every collateral's value, and the money range fallback", () => {
    for (const v of ["1", "2"]) {
      const a = electronics(v);
      expect(values(a, "مبلغ_ضمانت")).toEqual(expect.arrayContaining(["-1", "0", "1"]));
      expect(values(a, "وثایق.مبلغ")).toEqual(["-1", "0", "1"]);
      // the amount is compared with the cash collateral's sum (not a constant): the type range
      const fallback = boundaries(a)
        .get("مبلغ_ضمانت")
        ?.find((b) => b.value === "10000000000000");
      expect(fallback?.from[0]).toMatch(/^type range/);
    }
  });

  it("has a key for every input and list field; non-numeric ones have none", () => {
    const b = boundaries(electronics("2"));
    for (const key of ["نوع_ضمانت", "بیمه_شده", "وثایق.نوع", "ظهرنویسی_سفته_توسط_ضامن_معتبر"])
      expect(b.get(key)).toEqual([]);
  });

  it("steps by the smallest decimal place, in percent points, and folds constants", () => {
    const at = (line: string, pos = { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }) => ({
      ...pos,
      endColumn: line.length,
    });
    const src = at("");
    const artefact: Artefact = {
      format: "zavabet/1",
      ruleset: {
        id: "t",
        fund: "t",
        version: "1",
        effective: { jalali: "1403/01/01", day: 0 },
        source: { title: "t" },
      },
      inputs: [
        { name: "نرخ", type: { kind: "percent" }, required: true, source: src },
        { name: "سن", type: { kind: "number" }, required: true, source: src },
        { name: "تاریخ", type: { kind: "date" }, required: false, source: src },
      ],
      inputSchema: { type: "object" },
      parameters: [
        { name: "سقف", type: { kind: "percent" }, value: "0.015", citation: "c", source: src },
        { name: "پایه", type: { kind: "number" }, value: "7.5", citation: "c", source: src },
      ],
      values: [
        {
          name: "دو_برابر",
          type: { kind: "number" },
          expr: { k: "arith", op: "*", a: { k: "ref", name: "پایه" }, b: { k: "num", v: "2" } },
          source: src,
        },
        {
          name: "شرط",
          type: { kind: "bool" },
          expr: {
            k: "and",
            items: [
              { k: "cmp", op: "gt", a: { k: "ref", name: "سن" }, b: { k: "ref", name: "دو_برابر" } },
              { k: "cmp", op: "lte", a: { k: "num", v: "3" }, b: { k: "ref", name: "سن" } },
              { k: "cmp", op: "lt", a: { k: "ref", name: "تاریخ" }, b: { k: "date", v: 19723 } },
            ],
          },
          source: src,
        },
      ],
      expressions: {},
      tables: [],
      rules: [
        {
          name: "r",
          priority: 1,
          conditions: { all: [{ fact: "نرخ", operator: "zbGt", value: { fact: "سقف" } }] },
          event: { type: "reject", params: { outcomes: [{ rule: "r", citation: "c", kind: "reject" }] } },
        },
      ],
      ruleMeta: [],
      tests: [],
    };
    const b = boundaries(artefact);
    expect(b.get("نرخ")?.map((x) => x.value)).toEqual(["1.4", "1.5", "1.6"]);
    // 3 and 15 (7.5 × 2, folded): the step is one unit of the smallest place among them, 1
    expect(b.get("سن")?.map((x) => x.value)).toEqual(["2", "3", "4", "14", "15", "16"]);
    // day 19723 is 1402/10/11; one day each side
    expect(b.get("تاریخ")?.map((x) => x.value)).toEqual(["1402/10/10", "1402/10/11", "1402/10/12"]);
  });
});

describe("generated cases", () => {
  it("are deterministic: the same seed gives the same cases, another seed others", () => {
    const a = electronics("2");
    expect(generateCases(a, 300, 7)).toEqual(generateCases(a, 300, 7));
    expect(generateCases(a, 300, 7)).not.toEqual(generateCases(a, 300, 8));
    // the first chunk is fast-check's own sample for the seed; shorter runs are prefixes of longer ones
    expect(generateCases(a, 50, 7)).toEqual(fc.sample(caseArbitrary(a), { numRuns: 50, seed: 7 }));
    const long = generateCases(a, CHUNK_SIZE + 20, 7);
    expect(long.slice(0, 300)).toEqual(generateCases(a, 300, 7));
    expect(long.slice(CHUNK_SIZE)).not.toEqual(long.slice(0, 20));
  });

  it("stream in chunks that concatenate to generateCases", () => {
    const a = electronics("1");
    const chunks = [...iterateCases(a, 2 * CHUNK_SIZE + 5, 3)];
    expect(chunks.map((c) => c.length)).toEqual([CHUNK_SIZE, CHUNK_SIZE, 5]);
    expect(chunks.flat()).toEqual(generateCases(a, 2 * CHUNK_SIZE + 5, 3));
    expect([...iterateCases(a, 0, 3)]).toEqual([]);
  });

  for (const { id, artefact } of [...shipped, { id: "the loan fixture", artefact: loan }]) {
    it(`are all valid cases of ${id}`, () => {
      const reader = caseReader(artefact);
      const read = (c: Record<string, unknown>) => {
        try {
          reader.read(c);
        } catch (e) {
          if (e instanceof CaseError)
            throw new Error(`invalid generated case ${JSON.stringify(c)}: ${JSON.stringify(e.issues)}`);
          throw e;
        }
      };
      for (const c of generateCases(artefact, 5000, 20240601)) read(c);
      fc.assert(
        fc.property(caseArbitrary(artefact), (c) => {
          read(c);
        }),
        { numRuns: 2000, seed: 11 },
      );
    });
  }

  it("draw number-like inputs mostly from their boundaries, and use aliases, Persian digits and omissions", () => {
    const a = electronics("2");
    const cases = generateCases(a, 3000, 5);
    const term = cases.map((c) => c.مدت_ماه ?? c.termMonths);
    const atEdge = term.filter((t) => ["11", "12", "13"].includes(normalizeNumberString(String(t))));
    expect(atEdge.length / cases.length).toBeGreaterThan(0.6);
    expect(cases.some((c) => "termMonths" in c)).toBe(true);
    expect(cases.some((c) => Object.values(c).some((v) => typeof v === "string" && /[۰-۹]/.test(v)))).toBe(
      true,
    );
    const optional = "ظهرنویسی_سفته_توسط_ضامن_معتبر";
    expect(cases.some((c) => !(optional in c) && !("notesEndorsedByGuarantor" in c))).toBe(true);
    const lengths = new Set(cases.map((c) => ((c.وثایق ?? c.collaterals ?? []) as unknown[]).length));
    expect([...lengths].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
