/** compare/html: one self-contained page (no script, nothing fetched), every rule and case text escaped. */
import { describe, expect, it } from "vitest";
import { Comparison, rulesetRef } from "../../compare";
import { renderHtml } from "../../compare/html";
import { capCorpus, engineOf, SI1, SI2 } from "./helpers";

function capReport() {
  const baseEngine = engineOf(SI1);
  const candidateEngine = engineOf(SI2);
  const c = new Comparison({
    base: rulesetRef(baseEngine, "small-industries@1", SI1),
    candidate: rulesetRef(candidateEngine, "small-industries@2", SI2),
    baseEngine,
    candidateEngine,
    cases: { source: "caps.jsonl", format: "jsonl" },
  });
  for (const [i, input] of capCorpus().entries()) c.compare(i + 1, input);
  c.addMalformed(11, { fa: "سطر 11 JSON درستی نیست", en: "line 11 is not valid JSON" });
  return c.report();
}

describe("the HTML report", () => {
  const report = capReport();
  const html = renderHtml(report);

  it("is one offline page: inline style and SVG chart, no script, no external reference", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain("<style>");
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|url\(|@import/i);
    // The only URL is the SVG namespace, which is a name, never fetched.
    expect(html.match(/https?:\/\/[^\s"']+/g)).toEqual([
      "http://www.w3.org/2000/svg",
      "http://www.w3.org/2000/svg",
    ]);
  });

  it("shows the counts, the decision changes, the rule with its clauses, the values and the malformed lines", () => {
    expect(html).toContain("reject → accept");
    expect(html).toContain("«سقف ضمانت‌نامه»");
    expect(html).toContain("معرفی صندوق، «مبلغ و درصد ضمانت نامه صندوق»، بند ۱");
    expect(html).toContain("سقف_مبلغ");
    expect(html).toContain("line 11 is not valid JSON");
    // Six cases changed decision: the bar's label and the summary say so, in Persian digits.
    expect(html).toMatch(/>۶<\/text>/);
    expect(html).not.toContain("ناتمام");
  });

  it("escapes what comes from rules and cases, and marks an interrupted run", () => {
    const hostile = structuredClone(report);
    hostile.complete = false;
    const [group] = hostile.rules;
    if (!group) throw new Error("no rule group");
    group.rule = '<img src=x onerror="alert(1)">';
    group.examples[0]!.case = { name: "</code><script>alert(2)</script>" };
    const page = renderHtml(hostile);
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;");
    expect(page).toContain("ناتمام");
    expect(page).toContain("incomplete");
  });
});
