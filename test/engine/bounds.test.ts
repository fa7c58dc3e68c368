/**
 * No ruleset can ask for unbounded work: expressions and conditions are depth-capped at load
 * (load.test.ts), a list input holds at most MAX_LIST_ITEMS items, and aggregates nest at most
 * MAX_AGG_NESTING deep, each one a single pass over its list. So the most an aggregate can cost is
 * MAX_LIST_ITEMS ** MAX_AGG_NESTING body evaluations, on both evaluators.
 */
import { describe, expect, it } from "vitest";
import { MAX_AGG_NESTING, MAX_LIST_ITEMS } from "../../artefact/limits";
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
