import { describe, expect, it } from "vitest";
import { compileBody } from "./helpers";

const INPUTS = `
ورودی مبلغ : ریال
ورودی نرخ : درصد
ورودی مدت : عدد
ورودی نوع : یکی از (مسکن، خودرو)
ورودی تاریخ_درخواست : تاریخ
ورودی وثایق : فهرست از (نوع_وثیقه: متن، ارزش: ریال، تایید: بله/خیر)
`;

/** The compiled expression of `مقدار v = <expr>`. */
function valueExpr(expr: string, extra = "") {
  const a = compileBody(`${INPUTS}${extra}\nمقدار v = ${expr}\n`);
  const v = a.values.find((x) => x.name === "v");
  if (!v) throw new Error("no value v");
  return v.expr;
}

describe("literals", () => {
  it("turns percents into exact fractions, money into rials, other numbers as written", () => {
    expect(valueExpr("۱/۵٪ + ۴ درصد")).toEqual({
      k: "arith",
      op: "+",
      a: { k: "num", v: "0.015" },
      b: { k: "num", v: "0.04" },
    });
    expect(valueExpr("۱۵ هزار تومان")).toEqual({ k: "num", v: "150000" });
    expect(valueExpr("۱۲ ماه")).toEqual({ k: "num", v: "12" });
    expect(valueExpr("0.1٪")).toEqual({ k: "num", v: "0.001" });
  });

  it("stores dates as day numbers, text and yes/no as they are, and drops parentheses", () => {
    expect(valueExpr("۱۳۴۸/۱۰/۱۱")).toEqual({ k: "date", v: 0 });
    expect(valueExpr("(((«متن»)))")).toEqual({ k: "text", v: "متن" });
    expect(valueExpr("(بله)")).toEqual({ k: "bool", v: true });
  });

  it("folds a unary minus onto a number literal", () => {
    expect(valueExpr("-۲٪")).toEqual({ k: "num", v: "-0.02" });
    expect(valueExpr("-مدت")).toEqual({ k: "neg", a: { k: "ref", name: "مدت" } });
  });
});

describe("names", () => {
  it("resolves inputs, parameters and values to refs, and one-of members to members", () => {
    expect(
      valueExpr("اگر نوع = مسکن آنگاه مبلغ × کارمزد وگرنه w", "پارامتر کارمزد = ۲٪\nمقدار w = ۰ ریال\n"),
    ).toEqual({
      k: "if",
      cond: { k: "cmp", op: "eq", a: { k: "ref", name: "نوع" }, b: { k: "member", v: "مسکن" } },
      then: { k: "arith", op: "*", a: { k: "ref", name: "مبلغ" }, b: { k: "ref", name: "کارمزد" } },
      else: { k: "ref", name: "w" },
    });
  });
});

describe("comparisons and logic", () => {
  it("expands between into gte/lte, and its negation into lt/gt", () => {
    const x = { k: "ref", name: "مدت" };
    expect(valueExpr("مدت بین ۱ و ۱۲")).toEqual({
      k: "and",
      items: [
        { k: "cmp", op: "gte", a: x, b: { k: "num", v: "1" } },
        { k: "cmp", op: "lte", a: x, b: { k: "num", v: "12" } },
      ],
    });
    expect(valueExpr("مدت خارج از ۱ تا ۱۲")).toEqual({
      k: "or",
      items: [
        { k: "cmp", op: "lt", a: x, b: { k: "num", v: "1" } },
        { k: "cmp", op: "gt", a: x, b: { k: "num", v: "12" } },
      ],
    });
  });

  it("compiles in / not in / missing / present", () => {
    const nov = { k: "ref", name: "نوع" };
    const set = [
      { k: "member", v: "مسکن" },
      { k: "member", v: "خودرو" },
    ];
    expect(valueExpr("نوع در (مسکن، خودرو)")).toEqual({ k: "in", a: nov, set });
    expect(valueExpr("نوع نه در (مسکن، خودرو)")).toEqual({ k: "not", a: { k: "in", a: nov, set } });
    expect(valueExpr("نوع ناموجود")).toEqual({ k: "missing", a: nov });
    expect(valueExpr("نوع موجود")).toEqual({ k: "not", a: { k: "missing", a: nov } });
  });

  it("flattens nested ands and ors", () => {
    const e = valueExpr("(مدت > ۱ و مدت > ۲) و مدت > ۳ یا نه مدت > ۴");
    expect(e.k).toBe("or");
    if (e.k !== "or") return;
    expect(e.items[0]?.k).toBe("and");
    expect(e.items[0]?.k === "and" && e.items[0].items.length).toBe(3);
    expect(e.items[1]?.k).toBe("not");
  });
});

describe("calls", () => {
  it("compiles min/max of scalars to minmax", () => {
    expect(valueExpr("کمینه(مبلغ، ۱۰ میلیون ریال)")).toEqual({
      k: "minmax",
      fn: "min",
      args: [
        { k: "ref", name: "مبلغ" },
        { k: "num", v: "10000000" },
      ],
    });
  });

  it("compiles min/max over a list to an aggregate", () => {
    expect(valueExpr("بیشینه(وثایق، ارزش)")).toEqual({
      k: "agg",
      fn: "max",
      list: "وثایق",
      body: { k: "field", name: "ارزش" },
    });
  });

  it("compiles the four roundings with their places (default 0, may be negative)", () => {
    const a = { k: "ref", name: "مبلغ" };
    expect(valueExpr("گرد(مبلغ)")).toEqual({ k: "round", a, places: 0, mode: "half-up" });
    expect(valueExpr("گرد_بانکی(مبلغ، ۲)")).toEqual({ k: "round", a, places: 2, mode: "half-even" });
    expect(valueExpr("گرد_بالا(مبلغ، -۳)")).toEqual({ k: "round", a, places: -3, mode: "up" });
    expect(valueExpr("گرد_پایین(مبلغ، -3)")).toEqual({ k: "round", a, places: -3, mode: "down" });
  });

  it("compiles aggregates with fields and filters", () => {
    expect(valueExpr("جمع(وثایق، ارزش، تایید)")).toEqual({
      k: "agg",
      fn: "sum",
      list: "وثایق",
      body: { k: "field", name: "ارزش" },
      where: { k: "field", name: "تایید" },
    });
    expect(valueExpr("تعداد(وثایق)")).toEqual({ k: "agg", fn: "count", list: "وثایق" });
    expect(valueExpr("تعداد(وثایق، ارزش > ۱ ریال)")).toEqual({
      k: "agg",
      fn: "count",
      list: "وثایق",
      where: { k: "cmp", op: "gt", a: { k: "field", name: "ارزش" }, b: { k: "num", v: "1" } },
    });
    expect(valueExpr("همه(وثایق، تایید)")).toEqual({
      k: "agg",
      fn: "all",
      list: "وثایق",
      body: { k: "field", name: "تایید" },
    });
    expect(valueExpr("حداقل_یکی(وثایق، نوع_وثیقه = «ملک»)")).toEqual({
      k: "agg",
      fn: "any",
      list: "وثایق",
      body: { k: "cmp", op: "eq", a: { k: "field", name: "نوع_وثیقه" }, b: { k: "text", v: "ملک" } },
    });
  });

  it("compiles a table look-up", () => {
    const table = `جدول ضریب [بند ۱] (اولین)
  | نوع | مدت || ضریب |
  | هر | هر || ۱ |
`;
    expect(valueExpr("ضریب(نوع، مدت + ۱)", table)).toEqual({
      k: "table",
      table: "ضریب",
      args: [
        { k: "ref", name: "نوع" },
        { k: "arith", op: "+", a: { k: "ref", name: "مدت" }, b: { k: "num", v: "1" } },
      ],
    });
  });
});
