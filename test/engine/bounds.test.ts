/**
 * No ruleset can ask for unbounded work: expressions and conditions are depth-capped at load
 * (load.test.ts), a list input holds at most MAX_LIST_ITEMS items, and aggregates nest at most
 * MAX_AGG_NESTING deep, each one a single pass over its list. So the most an aggregate can cost is
 * MAX_LIST_ITEMS ** MAX_AGG_NESTING body evaluations, on both evaluators. And the whole case — every
 * value, every table look-up with the tables it calls — may evaluate at most MAX_CASE_WORK nodes in
 * the worst case, counted at load.
 */
import { describe, expect, it } from "vitest";
import { MAX_AGG_NESTING, MAX_CASE_WORK, MAX_LIST_ITEMS } from "../../artefact/limits";
import type { Expr } from "../../artefact/types";
import { compileSource } from "../../dsl";
import { ArtefactError, CaseError, createEngine, type EvaluatorName } from "../../engine";

const HEADER = "قواعد حد «صندوق»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «آزمایشی»\n";
const LIST = "ورودی اقلام: فهرست از (مبلغ: ریال)\n";

function artefact(valueExpr: string) {
  const { artefact, diagnostics } = compileSource(`${HEADER}${LIST}مقدار م = ${valueExpr} [م]\n`);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return artefact!;
}

const items = (n: number) => ({ اقلام: Array.from({ length: n }, (_, i) => ({ مبلغ: String(i + 1) })) });

describe.each<EvaluatorName>(["compiled", "reference"])("bounded work, %s evaluator", (evaluator) => {
  it(`one aggregate is a single pass: a sum over ${MAX_LIST_ITEMS} items (the cap) is exact`, async () => {
    const engine = createEngine(artefact("جمع(اقلام، مبلغ)"), { evaluator });
    const n = MAX_LIST_ITEMS;
    const r = await engine.evaluate(items(n));
    expect(r.values.م).toBe(String((n * (n + 1)) / 2));
  });

  it(`aggregates nested ${MAX_AGG_NESTING} deep over a full list finish: ${MAX_LIST_ITEMS}² body evaluations`, async () => {
    const engine = createEngine(artefact("جمع(اقلام، تعداد(اقلام))"), { evaluator });
    const r = await engine.evaluate(items(MAX_LIST_ITEMS));
    expect(r.values.م).toBe(String(MAX_LIST_ITEMS * MAX_LIST_ITEMS));
  });

  it("a list longer than the cap is refused before anything runs", async () => {
    const engine = createEngine(artefact("تعداد(اقلام)"), { evaluator });
    await expect(engine.evaluate(items(MAX_LIST_ITEMS + 1))).rejects.toBeInstanceOf(CaseError);
  });
});

describe("the nesting cap", () => {
  const deep = `${HEADER}${LIST}مقدار م = جمع(اقلام، جمع(اقلام، تعداد(اقلام))) [م]\n`;

  it(`the checker refuses aggregates nested ${MAX_AGG_NESTING + 1} deep (ZB3019), at the innermost`, () => {
    const { artefact, diagnostics } = compileSource(deep);
    expect(artefact).toBeUndefined();
    const d = diagnostics.find((x) => x.code === "ZB3019");
    expect(d?.severity).toBe("error");
    expect(d?.range.startLine).toBe(5);
    expect(d?.range.startColumn).toBe(deep.split("\n")[4]!.indexOf("تعداد") + 1);
  });

  it(`and an artefact nesting them ${MAX_AGG_NESTING + 1} deep (made by hand) is refused at load`, () => {
    const ok = artefact("جمع(اقلام، جمع(اقلام، مبلغ))");
    const value = ok.values[0]!;
    const tooDeep = structuredClone(ok);
    tooDeep.values[0] = {
      ...value,
      expr: { k: "agg", fn: "sum", list: "اقلام", body: value.expr },
    };
    expect(() => createEngine(tooDeep)).toThrow(ArtefactError);
  });
});

describe("the work one case may ask for", () => {
  /** `levels` tables, each row of which looks the next table up twice: 2^levels look-ups. */
  function doubling(levels: number) {
    const { artefact: base, diagnostics } = compileSource(
      `${HEADER}ورودی الف: عدد\nجدول ت [م] (یکتا)\n  | الف || خروجی |\n  | ۱ || ۲ |\nمقدار م = ت(الف) [م]\n`,
    );
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const a = structuredClone(base!);
    const template = a.tables[0]!;
    const call = (table: string): Expr => ({ k: "table", table, args: [{ k: "num", v: "1" }] });
    a.tables = Array.from({ length: levels + 1 }, (_, i) => ({
      ...template,
      name: `t${i}`,
      rows: [
        {
          ...template.rows[0]!,
          cells: [{ k: "any" }],
          output:
            i === levels
              ? { k: "num", v: "1" }
              : { k: "arith", op: "+", a: call(`t${i + 1}`), b: call(`t${i + 1}`) },
        },
      ],
    }));
    a.values[0] = { ...a.values[0]!, expr: call("t0") };
    return a;
  }

  it("tables that look each other up twice a row are evaluated when the work is bounded", async () => {
    const engine = createEngine(doubling(10));
    expect((await engine.evaluate({ الف: 1 })).values.م).toBe(String(2 ** 10));
  });

  it(`and refused at load when one case could evaluate more than ${MAX_CASE_WORK.toExponential(0)} nodes`, () => {
    expect(() => createEngine(doubling(24))).toThrow(ArtefactError);
    expect(() => createEngine(doubling(24))).toThrow(/expression nodes/);
  });

  it("ten values each with aggregates nested to the cap are refused; one is not", () => {
    const many = Array.from(
      { length: 10 },
      (_, i) => `مقدار م${i} = جمع(اقلام، جمع(اقلام، مبلغ) + مبلغ) [م]`,
    ).join("\n");
    const { artefact: a, diagnostics } = compileSource(`${HEADER}${LIST}${many}\n`);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(() => createEngine(a!)).toThrow(/expression nodes/);
    expect(() => createEngine(artefact("جمع(اقلام، جمع(اقلام، مبلغ) + مبلغ)"))).not.toThrow();
  });
});
