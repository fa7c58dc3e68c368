import { describe, expect, it } from "vitest";
import { MAX_CONDITION_DEPTH, MAX_EXPR_DEPTH } from "../../artefact/limits";
import type { Artefact, Expr, JreCondition } from "../../artefact/types";
import { validateArtefact } from "../../artefact/validate";
import { ArtefactError, createEngine, loadArtefact } from "../../engine/index";
import { at, num, ref, rule, when } from "./fixtures/build";
import { loan } from "./fixtures/loan";

function errorsOf(json: unknown): string[] {
  try {
    loadArtefact(json);
  } catch (e) {
    if (e instanceof ArtefactError) return e.errors;
    throw e;
  }
  throw new Error("expected an ArtefactError");
}

const withValue = (expr: Expr): Artefact => ({
  ...loan,
  values: [...loan.values, { name: "عمیق", type: { kind: "number" }, expr, source: at() }],
});

function nested(depth: number): Expr {
  let e: Expr = num("1");
  for (let i = 1; i < depth; i++) e = { k: "neg", a: e };
  return e;
}

function nestedCondition(depth: number): JreCondition {
  let c: JreCondition = when("مدت", "zbGt", "1");
  for (let i = 1; i < depth; i++) c = { not: c };
  return c;
}

describe("artefact schema", () => {
  it("accepts the fixture", () => {
    expect(validateArtefact(loan)).toMatchObject({ ok: true });
  });

  it("reports missing fields, unknown kinds, bad decimals, unknown operators and extra properties", () => {
    const bad = structuredClone(loan) as unknown as Record<string, unknown>;
    delete bad.tests;
    bad.values = [{ name: "x", type: { kind: "money" }, expr: { k: "pow", a: 1 }, source: at() }];
    bad.expressions = { $1: { k: "num", v: "1e9" }, plain: { k: "num", v: "1" } };
    bad.rules = [{ ...rule("r", "c", [when("مدت", "greaterThan", 1)], [{ kind: "warn" }]), extra: 1 }];
    const r = validateArtefact(bad);
    expect(r.ok).toBe(false);
    const text = r.ok ? "" : r.errors.join("\n");
    expect(text).toMatch(/required property 'tests'/);
    expect(text).toMatch(/\/values\/0\/expr .*tag "k"/);
    expect(text).toMatch(/\/expressions\/\$1\/v must match pattern/);
    expect(text).toMatch(/\/expressions .*property name/);
    expect(text).toMatch(/\/rules\/0 must NOT have additional properties/);
  });

  it("refuses names that could reach Object.prototype", () => {
    const bad = { ...loan, parameters: [{ ...loan.parameters[0], name: "__proto__" }] };
    expect(validateArtefact(bad).ok).toBe(false);
  });
});

describe("loadArtefact", () => {
  it("returns a private copy, and createEngine accepts it without checking again", () => {
    const a = loadArtefact(loan);
    expect(a).toEqual(loan);
    expect(a).not.toBe(loan);
    expect(createEngine(a).artefact).toBe(a);
  });

  it(`caps expression depth at ${MAX_EXPR_DEPTH}`, () => {
    expect(() => loadArtefact(withValue(nested(MAX_EXPR_DEPTH)))).not.toThrow();
    expect(errorsOf(withValue(nested(MAX_EXPR_DEPTH + 1))).join()).toMatch(/nested deeper than 64/);
  });

  it(`caps condition depth at ${MAX_CONDITION_DEPTH}`, () => {
    const deep = (d: number): Artefact => ({
      ...loan,
      rules: [
        ...loan.rules,
        { ...rule("عمیق", "c", [], [{ kind: "warn" }]), conditions: { all: [nestedCondition(d)] } },
      ],
    });
    expect(() => loadArtefact(deep(MAX_CONDITION_DEPTH - 1))).not.toThrow();
    expect(errorsOf(deep(MAX_CONDITION_DEPTH + 1)).join()).toMatch(/conditions nested deeper than 64/);
  });

  it("rejects a hostile, very deeply nested document without exhausting the stack", () => {
    const errors = errorsOf(withValue(nested(200_000)));
    expect(errors.join()).toMatch(/nested deeper than 400 levels/);
  });

  it("rejects a long chain of sums (the shape a compiled «x + x + … + x» has) with an ArtefactError", () => {
    let chain: Expr = ref("مدت");
    for (let i = 1; i < 300; i++) chain = { k: "arith", op: "+", a: chain, b: ref("مدت") };
    expect(errorsOf(withValue(chain)).join()).toMatch(/nested (deeper|too deeply)/);
  });

  it("checks that names resolve and tables are called correctly", () => {
    const broken: Artefact = {
      ...loan,
      values: [
        { name: "الف", type: { kind: "number" }, expr: ref("ب"), source: at() },
        { name: "ب", type: { kind: "number" }, expr: ref("ناشناخته"), source: at() },
        {
          name: "ج",
          type: { kind: "number" },
          expr: { k: "table", table: "نرخ_کارمزد", args: [] },
          source: at(),
        },
        {
          name: "د",
          type: { kind: "number" },
          expr: { k: "agg", fn: "sum", list: "مدت", body: num("1") },
          source: at(),
        },
        { name: "ه", type: { kind: "number" }, expr: { k: "field", name: "درآمد" }, source: at() },
      ],
      rules: [
        rule("ر", "c", [when("ناموجود", "zbEq", "1")], [{ kind: "set", target: "مدت", valueFact: "$9" }]),
      ],
    };
    const text = errorsOf(broken).join("\n");
    expect(text).toMatch(/value «الف»: «ب» is not an input, parameter or earlier value/);
    expect(text).toMatch(/«ناشناخته» is not an input/);
    expect(text).toMatch(/takes 2 argument\(s\), not 0/);
    expect(text).toMatch(/«مدت» is not a list input/);
    expect(text).toMatch(/«درآمد» is not a field of a list being aggregated/);
    expect(text).toMatch(/condition on unknown fact «ناموجود»/);
    expect(text).toMatch(/unknown value fact «\$9»/);
    expect(text).toMatch(/set target «مدت» is an input or parameter/);
  });

  it("rejects tables that call themselves", () => {
    const [first] = loan.tables;
    if (!first) throw new Error("fixture");
    const loop: Artefact = {
      ...loan,
      tables: [
        ...loan.tables,
        {
          ...first,
          name: "حلقه",
          rows: [
            {
              cells: [{ k: "any" }, { k: "any" }],
              output: { k: "table", table: "حلقه", args: [num("1"), num("2")] },
              source: at(),
            },
          ],
        },
      ],
    };
    expect(errorsOf(loop).join()).toMatch(/table «حلقه» calls itself/);
  });

  it("rejects a parameter whose literal does not fit its type, and a case schema that does not compile", () => {
    const badParam = { ...loan, parameters: [{ ...loan.parameters[0], value: true }] };
    expect(errorsOf(badParam).join()).toMatch(/parameter «سقف_وام»/);
    expect(errorsOf({ ...loan, inputSchema: { type: "nonsense" } }).join()).toMatch(
      /inputSchema does not compile/,
    );
  });
});
