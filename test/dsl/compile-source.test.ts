import { describe, expect, it } from "vitest";
import { checkSource, compileSource } from "../../dsl";
import { MAX_WRITTEN_DEPTH } from "../../dsl/check/limits";
import { loadArtefact } from "../../engine";

const HEADER = "قواعد آزمایشی «صندوق آزمایشی»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «دستورالعمل آزمایشی»\n";

describe("compileSource", () => {
  it("gives an artefact for a clean file", () => {
    const r = compileSource(`${HEADER}ورودی سن: عدد\nقاعده «سن» [ماده ۱] اگر سن کمتر از ۱۸ آنگاه رد «کم»\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.artefact?.rules.map((x) => x.name)).toEqual(["سن"]);
  });

  it("gives no artefact, only diagnostics, when any diagnostic is an error", () => {
    const r = compileSource(`${HEADER}قاعده «سن» [ماده ۱] اگر سنn کمتر از ۱۸ آنگاه رد «کم»\n`);
    expect(r.artefact).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toContain("ZB2001");
  });

  it("ZB1006: a construct the artefact cannot say is reported where it stands, never thrown", () => {
    const src = `${HEADER}ورودی سن: عدد\nقاعده «سن» [ماده ۱] اگر سن کمتر از ۱۸ آنگاه رد «کم»\nآزمون «ت» با سن = ۱ + ۲ انتظار پذیرش\n`;
    const r = compileSource(src);
    expect(r.artefact).toBeUndefined();
    const d = r.diagnostics.find((x) => x.code === "ZB1006");
    expect(d?.severity).toBe("error");
    expect(d?.range.startLine).toBe(6);
    expect(d?.message.en).toContain("a test value must be a literal");
    expect(d?.message.fa).toContain("نمی‌توان");
  });

  it("ZB1007: an expression too deep for the stack (200 parentheses, 3,000 «نه») is a diagnostic, never thrown", () => {
    for (const body of [`${"(".repeat(200)}سن${")".repeat(200)}`, `${"نه ".repeat(3000)}(سن > ۱)`]) {
      const src = `${HEADER}ورودی سن: عدد\nمقدار م = ${body} [م]\n`;
      for (const r of [compileSource(src), checkSource(src)]) {
        expect(r.diagnostics.map((d) => [d.code, d.range.startLine])).toEqual([["ZB1007", 5]]);
        expect(r.diagnostics[0]?.message.fa).toContain("تودرتو");
      }
    }
  });

  it("ZB3020: an expression deeper than the engine loads is refused by the checker, once", () => {
    const src = `${HEADER}ورودی سن: عدد\nمقدار م = ${Array(70).fill("سن").join(" + ")} [م]\n`;
    const r = compileSource(src);
    expect(r.artefact).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.range.startLine])).toEqual([["ZB3020", 5]]);
    expect(r.diagnostics[0]?.message.en).toContain(`more than ${MAX_WRITTEN_DEPTH} levels`);
    // At the limit it compiles, and the engine loads it.
    const atLimit = compileSource(
      `${HEADER}ورودی سن: عدد\nمقدار م = ${Array(MAX_WRITTEN_DEPTH).fill("سن").join(" + ")} [م]\n`,
    );
    expect(atLimit.diagnostics).toEqual([]);
    expect(() => loadArtefact(atLimit.artefact!)).not.toThrow();
  });
});
