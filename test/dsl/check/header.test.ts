import { describe, expect, it } from "vitest";
import { check } from "../../../dsl/check";
import { parse } from "../../../dsl/syntax/parse";
import { HEADER } from "./helpers";

const BODY = "ورودی سن: عدد\nقاعده «سن» [ماده ۱] اگر سن کمتر از ۱۸ آنگاه رد «کم»\n";

function headerDiagnostics(src: string) {
  const parsed = parse(src);
  expect(parsed.diagnostics).toEqual([]);
  return check(parsed.file).diagnostics.filter((d) => d.code === "ZB1005");
}

describe("the ruleset header (ZB1005)", () => {
  it("a complete header gives nothing", () => {
    expect(headerDiagnostics(HEADER + BODY)).toEqual([]);
  });

  it("ZB1005: no header at all names every missing part, at the top of the file", () => {
    const [d, ...rest] = headerDiagnostics(BODY);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("error");
    expect(d?.range.startLine).toBe(1);
    expect(d?.range.startColumn).toBe(1);
    expect(d?.message.fa).toContain("«مرجع»");
    expect(d?.message.en).toContain("the effective date after «از»");
  });

  it("ZB1005: a header without its date and source names just those, on the header", () => {
    const [d] = headerDiagnostics(`قواعد آزمایشی «صندوق آزمایشی»\nنسخه «۱»\n${BODY}`);
    expect(d?.message.en).toBe(
      "The ruleset header is incomplete; missing: the effective date after «از», «مرجع» (source document)",
    );
    expect(d?.range.startLine).toBe(1);
  });
});
