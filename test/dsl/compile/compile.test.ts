import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Artefact } from "../../../artefact/types";
import { validateArtefact } from "../../../artefact/validate";
import { analyse as analyseFile } from "../../../dsl/check/analyse";
import { CompileError, compile, compileMessage } from "../../../dsl/compile";
import { parse } from "../../../dsl/syntax/parse";
import { linkErrors } from "../../../engine/link";
import { analyse, compileBody, compileText, HEADER, parsed } from "./helpers";
import { SAMPLE } from "./sample";

describe("compile", () => {
  const a = compileText(SAMPLE);

  it("passes the artefact JSON Schema and the engine's link checks", () => {
    const v = validateArtefact(JSON.parse(JSON.stringify(a)));
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(linkErrors(a)).toEqual([]);
  });

  it("writes the header", () => {
    expect(a.format).toBe("zavabet/1");
    expect(a.ruleset).toEqual({
      id: "تسهیلات_1",
      fund: "صندوق نمونه",
      version: "۱.۰",
      effective: { jalali: "1403/01/15", day: 19816 },
      source: { title: "دستورالعمل اعطای تسهیلات", number: "۱۲/۳۴", version: "۲" },
    });
  });

  it("lists inputs with aliases, types and whether they are required", () => {
    expect(a.inputs.map(({ source: _, ...i }) => i)).toEqual([
      { name: "مبلغ_درخواستی", alias: "amount", type: { kind: "money" }, required: true },
      { name: "نرخ_سود", alias: "rate", type: { kind: "percent" }, required: true },
      { name: "مدت", alias: "term", type: { kind: "number" }, required: true },
      { name: "عضو_هیئت_مدیره", type: { kind: "bool" }, required: true },
      {
        name: "نوع_وام",
        alias: "kind",
        type: { kind: "enum", members: ["مسکن", "خودرو", "ازدواج"] },
        required: true,
      },
      { name: "تاریخ_درخواست", type: { kind: "date" }, required: true },
      { name: "توضیح", type: { kind: "text" }, required: false },
      {
        name: "وثایق",
        alias: "collaterals",
        type: {
          kind: "list",
          fields: [
            { name: "نوع", alias: "type", type: { kind: "text" } },
            { name: "ارزش", alias: "value", type: { kind: "money" } },
          ],
        },
        required: true,
      },
    ]);
    expect(a.inputs[0]?.source).toEqual({ startLine: 5, startColumn: 1, endLine: 5, endColumn: 36 });
  });

  it("gives parameters their literal value (percent as a fraction) and unit", () => {
    expect(a.parameters.map(({ source: _, ...p }) => p)).toEqual([
      { name: "سقف_وام", type: { kind: "money" }, value: "50000000000", unit: "ریال", citation: "بند ۲" },
      { name: "کارمزد", type: { kind: "percent" }, value: "0.015", unit: "٪", citation: "بند ۳" },
      {
        name: "حداکثر_مدت",
        type: expect.objectContaining({ kind: "number" }),
        value: "60",
        unit: "ماه",
        citation: "بند ۴",
      },
      { name: "شروع_طرح", type: { kind: "date" }, value: "19802", citation: "بند ۴" },
    ]);
  });

  it("orders computed values so each comes after what it uses", () => {
    expect(a.values.map((v) => v.name)).toEqual(["مبلغ_پایه", "کارمزد_وام", "جمع_وثایق"]);
    expect(a.values[1]).toMatchObject({
      type: { kind: "money" },
      expr: { k: "round", places: -3, mode: "half-up" },
    });
    expect(a.values[2]?.citation).toBe("بند ۵");
    expect(a.values[0]?.citation).toBeUndefined();
  });

  it("compiles tables", () => {
    expect(a.tables).toHaveLength(1);
    const t = a.tables[0];
    expect(t?.name).toBe("نرخ_پایه");
    expect(t?.hitPolicy).toBe("first");
    expect(t?.citation).toBe("بند ۶");
    expect(t?.columns.map((c) => c.name)).toEqual(["نوع", "مدت"]);
    expect(t?.output).toEqual({ name: "نرخ", type: { kind: "percent" } });
    expect(t?.rows.map(({ source: _, ...r }) => r)).toEqual([
      {
        cells: [
          { k: "eq", values: [{ k: "member", v: "مسکن" }] },
          { k: "range", loInclusive: false, hi: { k: "num", v: "36" }, hiInclusive: false },
        ],
        output: { k: "num", v: "0.18" },
      },
      {
        cells: [
          {
            k: "eq",
            values: [
              { k: "member", v: "خودرو" },
              { k: "member", v: "ازدواج" },
            ],
          },
          {
            k: "range",
            lo: { k: "num", v: "1" },
            loInclusive: true,
            hi: { k: "num", v: "12" },
            hiInclusive: true,
          },
        ],
        output: { k: "num", v: "0.2" },
        citation: "بند ۶-۱",
      },
      { cells: [{ k: "any" }, { k: "any" }], output: { k: "num", v: "0.23" }, citation: "بند ۶-۲" },
    ]);
  });

  it("compiles rules into json-rules-engine rules with their outcomes", () => {
    expect(a.rules.map((r) => [r.name, r.priority, r.event.type])).toEqual([
      ["سقف وام", 1, "reject"],
      ["وثیقه کافی", 1, "require"],
      ["هیئت مدیره", 1, "refer"],
      ["مدت", 1, "warn"],
    ]);
    expect(a.rules[0]?.event.params.outcomes).toEqual([
      {
        rule: "سقف وام",
        citation: "ماده ۳، تبصره ۲؛ بند ۷",
        kind: "reject",
        message: [
          { text: "مبلغ درخواستی از سقف " },
          { ref: "سقف_وام", type: { kind: "money" }, suffix: " ریال" },
          { text: " بیشتر است" },
        ],
      },
    ]);
    expect(a.rules[1]?.event.params.outcomes).toEqual([
      {
        rule: "وثیقه کافی",
        citation: "ماده ۴",
        kind: "require",
        what: "وثیقه تکمیلی",
        amountFact: "$2",
        valueType: { kind: "money" },
        message: [{ text: "کسری وثیقه" }],
      },
    ]);
    expect(a.rules[2]?.event.params.outcomes).toEqual([
      {
        rule: "هیئت مدیره",
        citation: "ماده ۵",
        kind: "refer",
        authority: "هیئت مدیره",
        message: [{ text: "وام به عضو هیئت مدیره" }],
      },
      {
        rule: "هیئت مدیره",
        citation: "ماده ۵",
        kind: "set",
        target: "نرخ_نهایی",
        valueFact: "$3",
        valueType: { kind: "percent" },
      },
    ]);
    expect(a.expressions.$3).toEqual({
      k: "table",
      table: "نرخ_پایه",
      args: [
        { k: "ref", name: "نوع_وام" },
        { k: "ref", name: "مدت" },
      ],
    });
    expect(a.rules[3]?.conditions).toEqual({ all: [] });
    expect(a.ruleMeta.map(({ source: _, ...m }) => m)).toEqual([
      { name: "سقف وام", citation: "ماده ۳، تبصره ۲؛ بند ۷" },
      { name: "وثیقه کافی", citation: "ماده ۴" },
      { name: "هیئت مدیره", citation: "ماده ۵" },
      { name: "مدت", citation: "ماده ۶" },
    ]);
    expect(a.ruleMeta[0]?.source.startLine).toBe(29);
  });

  it("compiles tests into cases in the caller's form", () => {
    expect(a.tests.map(({ source: _, ...t }) => t)).toEqual([
      {
        name: "رد بالای سقف",
        inputs: {
          مبلغ_درخواستی: "60000000000",
          نرخ_سود: "1.5",
          مدت: "24",
          عضو_هیئت_مدیره: false,
          نوع_وام: "مسکن",
          تاریخ_درخواست: "1403/02/01",
          وثایق: [
            { نوع: "ملک", ارزش: "100000000000" },
            { نوع: "سهام", ارزش: "50000000" },
          ],
        },
        expect: {
          decision: "reject",
          fired: ["سقف وام"],
          notFired: ["وثیقه کافی"],
          values: { کارمزد_وام: "750000000" },
        },
      },
      {
        name: "پذیرش",
        inputs: {
          مبلغ_درخواستی: "1000000000",
          نرخ_سود: "20",
          مدت: "12",
          عضو_هیئت_مدیره: true,
          نوع_وام: "خودرو",
          تاریخ_درخواست: "1403/02/01",
          وثایق: [],
        },
        expect: { decision: "refer", fired: ["هیئت مدیره"], values: { نرخ_نهایی: "20" } },
      },
    ]);
  });
});

describe("messages", () => {
  const INPUTS = `
ورودی مبلغ : ریال
ورودی نرخ : درصد
ورودی مدت : عدد
ورودی نام : متن
پارامتر حداکثر_مدت = ۳۶ ماه [بند ۱]
`;
  function message(text: string) {
    const a = compileBody(`${INPUTS}\nقاعده «ق» [ماده ۱]\n  آنگاه هشدار «${text}»\n`);
    return a.rules[0]?.event.params.outcomes[0]?.message;
  }

  it("splits holes into references with a unit suffix", () => {
    expect(message("{مبلغ}{نرخ} و {حداکثر_مدت}، {مدت}؛ {نام}")).toEqual([
      { ref: "مبلغ", type: { kind: "money" }, suffix: " ریال" },
      { ref: "نرخ", type: { kind: "percent" } },
      { text: " و " },
      { ref: "حداکثر_مدت", type: expect.objectContaining({ kind: "number" }), suffix: " ماه" },
      { text: "، " },
      { ref: "مدت", type: { kind: "number" } },
      { text: "؛ " },
      { ref: "نام", type: { kind: "text" } },
    ]);
  });

  it("keeps text without holes whole, and braces that are not holes as text", () => {
    expect(message("بدون جای خالی")).toEqual([{ text: "بدون جای خالی" }]);
    expect(message("{ و {")).toEqual([{ text: "{ و {" }]);
    // The checker reports an unknown hole; compiled on its own, it stays text.
    const analysis = analyse(parsed(`${HEADER}${INPUTS}`));
    expect(compileMessage("{ناشناخته} و {مبلغ}", analysis)).toEqual([
      { text: "{ناشناخته} و " },
      { ref: "مبلغ", type: { kind: "money" }, suffix: " ریال" },
    ]);
    expect(message("{ مبلغ }")).toEqual([{ ref: "مبلغ", type: { kind: "money" }, suffix: " ریال" }]);
  });
});

describe("partial trees", () => {
  /** compile on whatever the parser recovered: it may refuse (CompileError), but never crash. */
  function compileRecovered(src: string): Artefact | CompileError {
    const { file } = parse(src);
    const { analysis } = analyseFile(file);
    try {
      return compile(file, analysis);
    } catch (e) {
      if (e instanceof CompileError) return e;
      throw e;
    }
  }

  it("refuses an incomplete declaration with a CompileError", () => {
    expect(compileRecovered(`${HEADER}\nمقدار v =\n`)).toBeInstanceOf(CompileError);
    expect(compileRecovered("ورودی x : عدد\n")).toBeInstanceOf(CompileError);
  });

  it("never crashes on a truncated or damaged file", () => {
    fc.assert(
      fc.property(fc.nat(SAMPLE.length), fc.nat(SAMPLE.length), (cut, drop) => {
        compileRecovered(SAMPLE.slice(0, cut));
        compileRecovered(SAMPLE.slice(0, drop) + SAMPLE.slice(drop + 7));
      }),
      { numRuns: 150 },
    );
  });
});

describe("test expectations", () => {
  it("writes expected numbers in the engine's plain form", () => {
    const a = compileBody(`ورودی نرخ : درصد
ورودی مبلغ : ریال
مقدار سود = مبلغ × نرخ
مقدار منفی = -مبلغ
آزمون «ساده»
  با نرخ = ۱/۵۰٪، مبلغ = ۱۰۰/۰ ریال
  انتظار سود = ۱/۵۰ ریال
  انتظار منفی = -۱۰۰ ریال
`);
    expect(a.tests[0]?.inputs).toEqual({ نرخ: "1.5", مبلغ: "100" });
    expect(a.tests[0]?.expect.values).toEqual({ سود: "1.5", منفی: "-100" });
  });
});
