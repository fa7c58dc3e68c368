import { describe, expect, it } from "vitest";
import type { Artefact } from "../../artefact/types";
import { caseReader } from "../../engine/case";
import { isDec } from "../../engine/decimal";
import { CaseError, type CaseIssue, createEngine, loadArtefact } from "../../engine/index";
import { baseCase, loan } from "./fixtures/loan";

const artefact = loadArtefact(loan);
const reader = caseReader(artefact);

function issuesOf(input: unknown): CaseIssue[] {
  try {
    reader.read(input);
  } catch (e) {
    if (e instanceof CaseError) return e.issues;
    throw e;
  }
  throw new Error("expected a CaseError");
}

const show = (v: unknown) => (isDec(v) ? v.toFixed() : v);

describe("reading a case", () => {
  it("accepts Persian names and ASCII aliases, Persian digits, grouping and «٫»", () => {
    const values = reader.read({
      مبلغ_وام: "۷٬۵۰۰٬۰۰۰٬۰۰۰",
      months: "۱۸",
      نوع_وام: "مسكن", // Arabic kaf
      requestDate: "۱۴۰۳-۰۱-۱۵",
      سابقه_عضویت: "1,200.5",
      guarantors: [{ name: "علی", درآمد: 5, share: "۱۲٫۵" }],
    });
    expect(show(values.get("مبلغ_وام"))).toBe("7500000000");
    expect(show(values.get("مدت"))).toBe("18");
    expect(values.get("نوع_وام")).toBe("مسکن");
    expect(show(values.get("تاریخ_درخواست"))).toBe("19816"); // days since 1970-01-01
    expect(show(values.get("سابقه_عضویت"))).toBe("1200.5");
    const [g] = values.get("ضامن‌ها") as Record<string, unknown>[];
    expect(g && show(g.سهم)).toBe("0.125"); // percent points → fraction
    expect(g && show(g.درآمد)).toBe("5");
    expect(g && Object.getPrototypeOf(g)).toBeNull();
  });

  it("lists every bad field at once, in Persian and English, and evaluates nothing", () => {
    const input = JSON.parse(`{
      "amount": "abc",
      "loanType": "ملک",
      "requestDate": "1403/13/01",
      "boardMember": "yes",
      "__proto__": { "polluted": true },
      "constructor": 1,
      "unknownField": 3,
      "guarantors": [
        { "name": "علی", "income": "1000", "share": "x" },
        { "name": 7, "share": "10", "__proto__": 1 },
        "not a record"
      ]
    }`);
    const issues = issuesOf(input);
    const fields = issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "amount", // wrong type
        "loanType", // not a member
        "requestDate", // not a date
        "boardMember", // wrong type
        "__proto__", // forbidden key
        "constructor", // forbidden key
        "unknownField",
        "مدت", // required, missing
        "guarantors[0].share",
        "guarantors[1].name",
        "guarantors[1].درآمد", // required field of a record
        "guarantors[1].__proto__",
        "guarantors[2]",
      ]),
    );
    for (const i of issues) {
      expect(i.fa).toMatch(/[\u0600-\u06FF]/);
      expect(i.en).toMatch(/[a-z]/);
    }
    expect(issues.find((i) => i.field === "loanType")?.en).toMatch(/one of: مسکن, خودرو, کالا/);
    expect(issues.find((i) => i.field === "مدت")?.fa).toMatch(/الزامی/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("evaluate rejects with the CaseError, and no rule runs", async () => {
    const engine = createEngine(artefact, { evaluator: "reference" });
    await expect(engine.evaluate({ ...baseCase, amount: "12,34" })).rejects.toBeInstanceOf(CaseError);
    expect(engine.pool?.stats().busy).toBe(0);
  });

  it("a name given twice (name and alias) is an error", () => {
    const issues = issuesOf({ ...baseCase, مدت: 12 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.en).toMatch(/given twice/);
  });

  it("rejects non-objects and objects with a foreign prototype", () => {
    expect(issuesOf([1, 2])[0]?.field).toBe("");
    expect(issuesOf("x")[0]?.en).toMatch(/JSON object/);
    expect(issuesOf(new Date())[0]?.en).toMatch(/JSON object/);
  });

  it("bounds numbers: no exponents, at most 30 integer and 12 fraction digits", () => {
    expect(issuesOf({ ...baseCase, amount: "1e5" }).map((i) => i.field)).toEqual(["amount"]);
    expect(issuesOf({ ...baseCase, amount: "1".repeat(31) })[0]?.en).toMatch(/too large/);
    expect(issuesOf({ ...baseCase, amount: "1.0000000000001" })[0]?.en).toMatch(/too many decimals/);
    expect(issuesOf({ ...baseCase, amount: Number.NaN }).map((i) => i.field)).toEqual(["amount"]);
  });

  it("adds the schema's own constraints (here: maxLength of a text)", () => {
    const issues = issuesOf({ ...baseCase, note: "x".repeat(501) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe("note");
  });

  it("accepts a draft-07 case schema as the compiler writes it", () => {
    const draft07: Artefact = {
      ...loan,
      inputSchema: { ...loan.inputSchema, $schema: "http://json-schema.org/draft-07/schema#" },
    };
    const values = caseReader(loadArtefact(draft07)).read(baseCase);
    expect(show(values.get("مدت"))).toBe("18");
  });

  it("names a value nested thousands deep without overflowing: a CaseError for the field", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const issues = issuesOf({ ...baseCase, amount: deep });
    expect(issues.map((i) => [i.field, i.en])).toEqual([
      ["amount", "must be an amount in rials (a number), got […]"],
    ]);
  });

  it("reports each of 20,000 unknown keys once", () => {
    const input: Record<string, unknown> = { ...baseCase };
    for (let i = 0; i < 20_000; i++) input[`k${i}`] = i;
    const issues = issuesOf(input);
    expect(issues).toHaveLength(20_000);
    expect(new Set(issues.map((i) => i.field)).size).toBe(20_000);
  });
});
