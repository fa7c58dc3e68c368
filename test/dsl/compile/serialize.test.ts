import { describe, expect, it } from "vitest";
import type { Artefact } from "../../../artefact/types";
import { serializeArtefact } from "../../../dsl/compile";
import { compileText } from "./helpers";
import { SAMPLE } from "./sample";

/** The same ruleset written differently: comments, blank lines, indentation, line breaks, digits, ي. */
function rewritten(src: string): string {
  const replace = (s: string, from: string, to: string) => {
    if (!s.includes(from)) throw new Error(`fixture changed: ${from}`);
    return s.replace(from, to);
  };
  let out = src;
  out = replace(out, "ورودی مدت (term) : عدد", "# مدت به ماه\nورودی   مدت(term):عدد   # ماه");
  out = replace(out, "پارامتر حداکثر_مدت = ۶۰ ماه", "\n\nپارامتر حداکثر_مدت=60 ماه");
  out = replace(out, "  اگر مبلغ_درخواستی > سقف_وام\n", "\tاگر\n\t\tمبلغ_درخواستي\n\t\t> سقف_وام # سقف\n");
  out = replace(out, "  آنگاه هشدار «مدت {مدت} ماه»", "آنگاه     هشدار\n«مدت {مدت} ماه»\n\n# پایان قواعد");
  return `# نسخه‌ی آزمایشی\n\n${out.replaceAll("\n  ", "\n      ")}\n\n`;
}

const RANGE_LINE = /^\s*"(start|end)(Line|Column)": \d+,?$/;

describe("serializeArtefact", () => {
  const text = serializeArtefact(compileText(SAMPLE));

  it("writes 2-space JSON with a trailing newline, and reads back as the same artefact", () => {
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n")[1]).toBe('  "format": "zavabet/1",');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(compileText(SAMPLE))));
  });

  it("gives the same bytes for the same source", () => {
    expect(serializeArtefact(compileText(SAMPLE))).toBe(text);
  });

  it("gives the same bytes, ranges aside, for the same rules written differently", () => {
    const other = serializeArtefact(compileText(rewritten(SAMPLE))).split("\n");
    const lines = text.split("\n");
    expect(other.length).toBe(lines.length);
    const differing = lines.flatMap((line, i) => (line === other[i] ? [] : [[line, other[i]]]));
    expect(differing.length).toBeGreaterThan(0);
    for (const [a, b] of differing) {
      expect(a).toMatch(RANGE_LINE);
      expect(b).toMatch(RANGE_LINE);
    }
  });

  it("orders keys by kind, whatever order the object was built in", () => {
    const a = compileText(SAMPLE);
    const shuffle = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(shuffle);
      if (v === null || typeof v !== "object") return v;
      return Object.fromEntries(
        Object.entries(v)
          .reverse()
          .map(([k, x]) => [k, shuffle(x)]),
      );
    };
    const shuffled = shuffle(a) as Artefact;
    // Records keyed by names keep their own order: restore those.
    shuffled.inputSchema = a.inputSchema;
    shuffled.tests = shuffled.tests.map((t, i) => ({ ...t, inputs: a.tests[i]?.inputs ?? {} }));
    expect(serializeArtefact(shuffled)).toBe(text);
  });

  it("orders anonymous expressions by number and leaves out undefined members", () => {
    const a = compileText(SAMPLE);
    const expressions: Artefact["expressions"] = {};
    for (const n of [10, 2, 1]) expressions[`$${n}`] = { k: "num", v: String(n) };
    const out = serializeArtefact({
      ...a,
      expressions,
      parameters: [{ ...a.parameters[0]!, unit: undefined }],
    });
    const parsed = JSON.parse(out) as Artefact;
    expect(Object.keys(parsed.expressions)).toEqual(["$1", "$2", "$10"]);
    expect(Object.keys(parsed.parameters[0] ?? {})).toEqual(["name", "type", "value", "citation", "source"]);
  });

  it("puts each kind's keys in a readable order", () => {
    const parsed = JSON.parse(text) as Artefact;
    expect(Object.keys(parsed)).toEqual([
      "format",
      "ruleset",
      "inputs",
      "inputSchema",
      "parameters",
      "values",
      "expressions",
      "tables",
      "rules",
      "ruleMeta",
      "tests",
    ]);
    expect(Object.keys(parsed.rules[0] ?? {})).toEqual(["name", "priority", "conditions", "event"]);
    expect(Object.keys(parsed.values[1]?.expr ?? {})).toEqual(["k", "a", "places", "mode"]);
  });
});
