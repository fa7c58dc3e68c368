/** Missing values in conditions, as docs/language.md («داده‌ی ناموجود») promises, on both evaluators. */
import { describe, expect, it } from "vitest";
import { compileSource } from "../../dsl";
import { createEngine, type EvaluatorName } from "../../engine";

const HEADER = "قواعد ت «ت»\nنسخه «۱» از ۱۴۰۰/۰۱/۰۱\nمرجع «م»\nورودی ن: یکی از (الف، ب، ج) اختیاری\n";

async function decision(condition: string, evaluator: EvaluatorName, given: Record<string, unknown>) {
  const { artefact } = compileSource(`${HEADER}قاعده «ق» [م] اگر ${condition} آنگاه رد «x»\n`);
  return (await createEngine(artefact!, { evaluator }).evaluate(given)).decision;
}

describe.each<EvaluatorName>(["compiled", "reference"])("missing values in conditions, %s", (evaluator) => {
  it("«نه در» is a comparison: false on a missing value, true on a value outside the set", async () => {
    expect(await decision("ن نه در (الف، ب)", evaluator, {})).toBe("accept");
    expect(await decision("ن نه در (الف، ب)", evaluator, { ن: "ج" })).toBe("reject");
  });

  it("«نه» turns a false comparison on a missing value into true", async () => {
    expect(await decision("نه (ن در (الف، ب))", evaluator, {})).toBe("reject");
  });

  it("«ناموجود» and «موجود» test for the value itself", async () => {
    expect(await decision("ن ناموجود", evaluator, {})).toBe("reject");
    expect(await decision("ن موجود", evaluator, {})).toBe("accept");
  });
});
