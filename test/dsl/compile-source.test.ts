import { describe, expect, it } from "vitest";
import { compileSource } from "../../dsl";

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
});
