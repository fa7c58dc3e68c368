import { describe, expect, it } from "vitest";
import { compileBody } from "./helpers";

const INPUTS = `
ورودی مبلغ : ریال
ورودی نرخ : درصد
ورودی مدت : عدد
ورودی عضو : بله/خیر
ورودی نوع : یکی از (مسکن، خودرو، ازدواج)
ورودی تاریخ_درخواست : تاریخ
ورودی توضیح : متن اختیاری
ورودی وثایق : فهرست از (ارزش: ریال، تایید: بله/خیر)
پارامتر سقف = ۵۰ میلیون ریال [بند ۱]
`;

/** The compiled rules (and anonymous expressions) of one rule `اگر <cond>`. */
function rule(cond: string) {
  const a = compileBody(`${INPUTS}\nقاعده «ق» [ماده ۱]\n  اگر ${cond}\n  آنگاه هشدار «پیام»\n`);
  const r = a.rules[0];
  if (!r) throw new Error("no rule");
  return { conditions: r.conditions, expressions: a.expressions };
}

const only = (cond: string) => rule(cond).conditions;

describe("leaves", () => {
  it("compares a name with a literal, a name, or an expression", () => {
    expect(only("مبلغ > ۱۰ میلیون ریال")).toEqual({
      all: [{ fact: "مبلغ", operator: "zbGt", value: "10000000" }],
    });
    expect(only("مبلغ >= سقف")).toEqual({
      all: [{ fact: "مبلغ", operator: "zbGte", value: { fact: "سقف" } }],
    });
    const { conditions, expressions } = rule("مبلغ <= سقف × ۲");
    expect(conditions).toEqual({ all: [{ fact: "مبلغ", operator: "zbLte", value: { fact: "$1" } }] });
    expect(expressions).toEqual({
      $1: { k: "arith", op: "*", a: { k: "ref", name: "سقف" }, b: { k: "num", v: "2" } },
    });
  });

  it("writes values as the engine expects: percent fractions, day numbers, members, text, booleans", () => {
    expect(only("نرخ = ۱/۵٪")).toEqual({ all: [{ fact: "نرخ", operator: "zbEq", value: "0.015" }] });
    expect(only("تاریخ_درخواست < ۱۳۴۸/۱۰/۱۲")).toEqual({
      all: [{ fact: "تاریخ_درخواست", operator: "zbLt", value: "1" }],
    });
    expect(only("نوع ≠ مسکن")).toEqual({ all: [{ fact: "نوع", operator: "zbNe", value: "مسکن" }] });
    expect(only("توضیح نابرابر «-»")).toEqual({ all: [{ fact: "توضیح", operator: "zbNe", value: "-" }] });
    expect(only("عضو = خیر")).toEqual({ all: [{ fact: "عضو", operator: "zbEq", value: false }] });
    expect(only("مدت > -۱")).toEqual({ all: [{ fact: "مدت", operator: "zbGt", value: "-1" }] });
  });

  it("swaps a literal on the left and flips the operator", () => {
    expect(only("۱۲ > مدت")).toEqual({ all: [{ fact: "مدت", operator: "zbLt", value: "12" }] });
    expect(only("۱۲ <= مدت")).toEqual({ all: [{ fact: "مدت", operator: "zbGte", value: "12" }] });
    expect(only("مسکن = نوع")).toEqual({ all: [{ fact: "نوع", operator: "zbEq", value: "مسکن" }] });
    const { conditions, expressions } = rule("۱۰۰ ریال < مبلغ - سقف");
    expect(conditions).toEqual({ all: [{ fact: "$1", operator: "zbGt", value: "100" }] });
    expect(Object.keys(expressions)).toEqual(["$1"]);
  });

  it("makes a complex left side an anonymous expression", () => {
    const { conditions, expressions } = rule("مبلغ + سقف > مبلغ × ۲");
    expect(conditions).toEqual({ all: [{ fact: "$1", operator: "zbGt", value: { fact: "$2" } }] });
    expect(expressions.$1?.k).toBe("arith");
    expect(expressions.$2).toEqual({
      k: "arith",
      op: "*",
      a: { k: "ref", name: "مبلغ" },
      b: { k: "num", v: "2" },
    });
  });

  it("compiles between and outside ranges, sharing one fact for the subject", () => {
    expect(only("مدت بین ۱ و ۱۲")).toEqual({
      all: [
        { fact: "مدت", operator: "zbGte", value: "1" },
        { fact: "مدت", operator: "zbLte", value: "12" },
      ],
    });
    expect(only("مدت خارج از ۱ تا ۱۲")).toEqual({
      any: [
        { fact: "مدت", operator: "zbLt", value: "1" },
        { fact: "مدت", operator: "zbGt", value: "12" },
      ],
    });
    const { conditions, expressions } = rule("مدت × ۲ بین ۱ تا سقف ÷ ۱ ریال");
    expect(conditions).toEqual({
      all: [
        { fact: "$1", operator: "zbGte", value: "1" },
        { fact: "$1", operator: "zbLte", value: { fact: "$2" } },
      ],
    });
    expect(Object.keys(expressions)).toEqual(["$1", "$2"]);
  });

  it("compiles in / not in with members or decimal strings", () => {
    expect(only("نوع در (مسکن، ازدواج)")).toEqual({
      all: [{ fact: "نوع", operator: "zbIn", value: ["مسکن", "ازدواج"] }],
    });
    expect(only("مدت نه در (۱۲، ۲۴، ۳۶)")).toEqual({
      all: [{ fact: "مدت", operator: "zbNotIn", value: ["12", "24", "36"] }],
    });
  });

  it("falls back to an anonymous expression for a set with names in it", () => {
    const { conditions, expressions } = rule("مبلغ در (سقف، ۱ ریال)");
    expect(conditions).toEqual({ all: [{ fact: "$1", operator: "zbEq", value: true }] });
    expect(expressions.$1).toEqual({
      k: "in",
      a: { k: "ref", name: "مبلغ" },
      set: [
        { k: "ref", name: "سقف" },
        { k: "num", v: "1" },
      ],
    });
  });

  it("compiles missing and present tests", () => {
    expect(only("توضیح ناموجود")).toEqual({ all: [{ fact: "توضیح", operator: "zbMissing", value: true }] });
    expect(only("توضیح موجود")).toEqual({ all: [{ fact: "توضیح", operator: "zbPresent", value: true }] });
  });

  it("tests a yes/no name or a yes/no expression against true", () => {
    expect(only("عضو")).toEqual({ all: [{ fact: "عضو", operator: "zbEq", value: true }] });
    const { conditions, expressions } = rule("همه(وثایق، تایید) و حداقل_یکی(وثایق، ارزش > ۱ ریال)");
    expect(conditions).toEqual({
      all: [
        { fact: "$1", operator: "zbEq", value: true },
        { fact: "$2", operator: "zbEq", value: true },
      ],
    });
    expect(expressions.$1).toEqual({
      k: "agg",
      fn: "all",
      list: "وثایق",
      body: { k: "field", name: "تایید" },
    });
    expect(expressions.$2?.k).toBe("agg");
  });
});

describe("structure", () => {
  it("maps and/or/not to all/any/not and flattens same-kind nesting", () => {
    expect(only("عضو و (مدت > ۱ و (مدت < ۵ و نوع = مسکن))")).toEqual({
      all: [
        { fact: "عضو", operator: "zbEq", value: true },
        { fact: "مدت", operator: "zbGt", value: "1" },
        { fact: "مدت", operator: "zbLt", value: "5" },
        { fact: "نوع", operator: "zbEq", value: "مسکن" },
      ],
    });
    expect(only("عضو یا نه (مدت > ۱ یا مدت < ۰)")).toEqual({
      any: [
        { fact: "عضو", operator: "zbEq", value: true },
        {
          not: {
            any: [
              { fact: "مدت", operator: "zbGt", value: "1" },
              { fact: "مدت", operator: "zbLt", value: "0" },
            ],
          },
        },
      ],
    });
    expect(only("نه عضو")).toEqual({ not: { fact: "عضو", operator: "zbEq", value: true } });
  });

  it("merges a between into the surrounding all", () => {
    expect(only("عضو و مدت بین ۱ و ۲")).toEqual({
      all: [
        { fact: "عضو", operator: "zbEq", value: true },
        { fact: "مدت", operator: "zbGte", value: "1" },
        { fact: "مدت", operator: "zbLte", value: "2" },
      ],
    });
  });

  it("gives a rule without «اگر» an empty all", () => {
    const a = compileBody(`${INPUTS}\nقاعده «همیشه» [ماده ۱]\n  آنگاه هشدار «پیام»\n`);
    expect(a.rules[0]?.conditions).toEqual({ all: [] });
  });

  it("numbers anonymous expressions in source order across rules and outcomes", () => {
    const a = compileBody(`${INPUTS}
قاعده «اول» [ماده ۱]
  اگر مبلغ × ۲ > سقف
  آنگاه الزام «وثیقه» به مبلغ مبلغ - سقف
قاعده «دوم» [ماده ۲]
  اگر مبلغ > سقف + ۱ ریال
  آنگاه تعیین مازاد = مبلغ - سقف
    الزام «ضامن» به مبلغ سقف
`);
    expect(Object.keys(a.expressions)).toEqual(["$1", "$2", "$3", "$4"]);
    expect(a.rules[0]?.conditions).toEqual({
      all: [{ fact: "$1", operator: "zbGt", value: { fact: "سقف" } }],
    });
    expect(a.rules[0]?.event.params.outcomes[0]?.amountFact).toBe("$2");
    expect(a.rules[1]?.conditions).toEqual({
      all: [{ fact: "مبلغ", operator: "zbGt", value: { fact: "$3" } }],
    });
    expect(a.rules[1]?.event.params.outcomes[0]?.valueFact).toBe("$4");
    expect(a.rules[1]?.event.params.outcomes[1]?.amountFact).toBe("سقف");
  });
});
