import { describe, expect, it } from "vitest";
import type { Expr, RecordField, RoundMode, TableDef } from "../../artefact/types";
import { Dec, dec, isDec } from "../../engine/decimal";
import { evaluateExpr } from "../../engine/evaluate-expr";
import type { Scope } from "../../engine/scope";
import { emptyRecord, type RecordValue, type RuntimeValue } from "../../engine/values";
import { add, at, cmp, div, field, mul, num, ref, sub, text } from "./fixtures/build";

function record(fields: Record<string, RuntimeValue>): RecordValue {
  const r = emptyRecord();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && !Array.isArray(v)) r[k] = v;
  return r;
}

const itemFields: RecordField[] = [
  { name: "مبلغ", type: { kind: "money" } },
  { name: "فعال", type: { kind: "bool" } },
];
const childFields: RecordField[] = [{ name: "سن", type: { kind: "number" } }];

function scope(names: Record<string, RuntimeValue>, tables: TableDef[] = []): Scope & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    get: (n) => names[n],
    table: (n) => tables.find((t) => t.name === n),
    listFields: (n) => (n === "اقلام" ? itemFields : n === "فرزندان" ? childFields : undefined),
    warn: (w) => warnings.push(w.en),
  };
}

const s = scope({
  x: dec("10"),
  y: dec("3"),
  zero: dec(0),
  name: "علی",
  yes: true,
  اقلام: [
    record({ مبلغ: dec("100"), فعال: true }),
    record({ مبلغ: dec("250.5"), فعال: false }),
    record({ مبلغ: dec("49.5"), فعال: true }),
  ],
  فرزندان: [record({ سن: dec(5) }), record({ سن: dec(12) })],
});
const ev = (e: Expr) => evaluateExpr(e, s);
const str = (v: RuntimeValue) => (isDec(v) ? v.toFixed() : v);

describe("arithmetic and rounding", () => {
  it("divides to 40 significant digits", () => {
    expect(str(ev(div(ref("x"), ref("y"))))).toBe("3.333333333333333333333333333333333333333");
    expect(str(ev(div(num("2"), num("3"))))).toBe("0.6666666666666666666666666666666666666667");
  });

  it("does not touch the global Decimal configuration", async () => {
    const { default: Decimal } = await import("decimal.js");
    expect(Decimal.precision).toBe(20);
    expect(Dec.precision).toBe(40);
  });

  it.each<[string, number, RoundMode, string]>([
    ["2.5", 0, "half-up", "3"],
    ["-2.5", 0, "half-up", "-3"],
    ["2.5", 0, "half-even", "2"],
    ["3.5", 0, "half-even", "4"],
    ["2.01", 0, "up", "3"],
    ["-2.01", 0, "up", "-3"],
    ["2.99", 0, "down", "2"],
    ["-2.99", 0, "down", "-2"],
    ["1.005", 2, "half-up", "1.01"],
    ["1234567", -3, "half-up", "1235000"],
    ["1234500", -3, "half-even", "1234000"],
    ["1234001", -3, "up", "1235000"],
    ["1234999", -3, "down", "1234000"],
    ["135416.6666", -2, "half-up", "135400"],
  ])("round(%s, %i, %s) = %s", (v, places, mode, want) => {
    expect(str(ev({ k: "round", a: num(v), places, mode }))).toBe(want);
  });

  it("min and max of several arguments", () => {
    expect(str(ev({ k: "minmax", fn: "min", args: [ref("x"), ref("y"), num("7")] }))).toBe("3");
    expect(str(ev({ k: "minmax", fn: "max", args: [ref("x"), ref("y"), num("7")] }))).toBe("10");
  });
});

describe("missing values", () => {
  const missing = ref("nothing");
  it("propagate through arithmetic, negation, rounding and min/max", () => {
    expect(ev(add(ref("x"), missing))).toBeUndefined();
    expect(ev(mul(missing, ref("x")))).toBeUndefined();
    expect(ev({ k: "neg", a: missing })).toBeUndefined();
    expect(ev({ k: "round", a: missing, places: 0, mode: "half-up" })).toBeUndefined();
    expect(ev({ k: "minmax", fn: "max", args: [ref("x"), missing] })).toBeUndefined();
  });

  it("division by zero is missing", () => {
    expect(ev(div(ref("x"), ref("zero")))).toBeUndefined();
    expect(ev({ k: "missing", a: div(ref("x"), num("0")) })).toBe(true);
  });

  it("make every comparison false, including ≠ and in", () => {
    for (const op of ["eq", "ne", "gt", "gte", "lt", "lte"] as const) {
      expect(ev(cmp(op, missing, ref("x")))).toBe(false);
      expect(ev(cmp(op, ref("x"), missing))).toBe(false);
    }
    expect(ev({ k: "in", a: missing, set: [num("1")] })).toBe(false);
  });

  it("count as false in conditions (two-valued logic)", () => {
    expect(ev({ k: "and", items: [{ k: "bool", v: true }, missing] })).toBe(false);
    expect(ev({ k: "or", items: [missing, { k: "bool", v: true }] })).toBe(true);
    expect(ev({ k: "not", a: cmp("gt", missing, num("1")) })).toBe(true);
    expect(ev({ k: "if", cond: missing, then: num("1"), else: num("2") })).toEqual(dec(2));
  });

  it("are what `missing` tests for", () => {
    expect(ev({ k: "missing", a: missing })).toBe(true);
    expect(ev({ k: "missing", a: ref("x") })).toBe(false);
    expect(ev({ k: "missing", a: ref("yes") })).toBe(false);
  });
});

describe("comparisons", () => {
  it("compare decimals by value, strings and booleans exactly, never across kinds", () => {
    expect(ev(cmp("eq", num("10.00"), ref("x")))).toBe(true);
    expect(ev(cmp("eq", text("علی"), ref("name")))).toBe(true);
    expect(ev(cmp("ne", text("رضا"), ref("name")))).toBe(true);
    expect(ev(cmp("eq", ref("yes"), { k: "bool", v: true }))).toBe(true);
    expect(ev(cmp("eq", ref("yes"), num("1")))).toBe(false);
    expect(ev(cmp("ne", ref("yes"), num("1")))).toBe(false);
    expect(ev(cmp("gt", ref("name"), num("1")))).toBe(false);
    expect(ev({ k: "in", a: ref("name"), set: [text("رضا"), text("علی")] })).toBe(true);
  });

  it("dates are day numbers: date − date is days, date + n is a date", () => {
    expect(str(ev(sub({ k: "date", v: 19900 }, { k: "date", v: 19800 })))).toBe("100");
    expect(ev(cmp("lt", { k: "date", v: 19800 }, { k: "date", v: 19801 }))).toBe(true);
  });
});

describe("aggregates", () => {
  it("sum, count, min, max over a list with a filter", () => {
    const active = field("فعال");
    expect(str(ev({ k: "agg", fn: "sum", list: "اقلام", body: field("مبلغ") }))).toBe("400");
    expect(str(ev({ k: "agg", fn: "sum", list: "اقلام", body: field("مبلغ"), where: active }))).toBe("149.5");
    expect(str(ev({ k: "agg", fn: "count", list: "اقلام", where: active }))).toBe("2");
    expect(str(ev({ k: "agg", fn: "min", list: "اقلام", body: field("مبلغ") }))).toBe("49.5");
    expect(str(ev({ k: "agg", fn: "max", list: "اقلام", body: field("مبلغ") }))).toBe("250.5");
  });

  it("any and all take their condition from body or, without one, from where", () => {
    const big = cmp("gt", field("مبلغ"), num("200"));
    expect(ev({ k: "agg", fn: "any", list: "اقلام", body: big })).toBe(true);
    expect(ev({ k: "agg", fn: "all", list: "اقلام", body: big })).toBe(false);
    expect(ev({ k: "agg", fn: "all", list: "اقلام", where: cmp("gt", field("مبلغ"), num("1")) })).toBe(true);
    // with both: where filters, body decides
    expect(
      ev({
        k: "agg",
        fn: "all",
        list: "اقلام",
        where: field("فعال"),
        body: cmp("lt", field("مبلغ"), num("200")),
      }),
    ).toBe(true);
  });

  it("a nested aggregate sees its own item first and the outer item's fields too", () => {
    // Σ over items of (number of children younger than item.مبلغ ÷ 10): 1 + 2 + 0
    const inner: Expr = {
      k: "agg",
      fn: "count",
      list: "فرزندان",
      where: cmp("lt", field("سن"), div(field("مبلغ"), num("10"))),
    };
    expect(str(ev({ k: "agg", fn: "sum", list: "اقلام", body: inner }))).toBe("3");
  });

  it("a missing list or a missing item value is missing", () => {
    expect(ev({ k: "agg", fn: "sum", list: "nothing", body: num("1") })).toBeUndefined();
    const sc = scope({ اقلام: [record({ مبلغ: dec(1) }), record({})] });
    expect(evaluateExpr({ k: "agg", fn: "sum", list: "اقلام", body: field("مبلغ") }, sc)).toBeUndefined();
  });
});

describe("tables", () => {
  const table = (hitPolicy: TableDef["hitPolicy"]): TableDef => ({
    name: "t",
    hitPolicy,
    columns: [{ name: "a", type: { kind: "number" } }],
    output: { name: "o", type: { kind: "number" } },
    rows: [
      {
        cells: [{ k: "range", lo: num("0"), loInclusive: true, hi: num("10"), hiInclusive: false }],
        output: num("1"),
        source: at(),
      },
      { cells: [{ k: "eq", values: [num("5"), num("15")] }], output: num("2"), source: at() },
      {
        cells: [{ k: "range", lo: num("10"), loInclusive: true, hiInclusive: false }],
        output: num("3"),
        source: at(),
      },
    ],
    citation: "",
    source: at(),
  });
  const look = (policy: TableDef["hitPolicy"], v: string) => {
    const sc = scope({}, [table(policy)]);
    return { value: evaluateExpr({ k: "table", table: "t", args: [num(v)] }, sc), warnings: sc.warnings };
  };

  it("first", () => {
    expect(str(look("first", "5").value)).toBe("1");
    expect(str(look("first", "10").value)).toBe("3");
    expect(look("first", "-1").value).toBeUndefined();
  });

  it("unique", () => {
    expect(str(look("unique", "3").value)).toBe("1");
    const clash = look("unique", "15");
    expect(clash.value).toBeUndefined();
    expect(clash.warnings).toHaveLength(1);
  });

  it("collect", () => {
    expect((look("collect", "5").value as Dec[]).map((d) => d.toFixed())).toEqual(["1", "2"]);
    expect((look("collect", "15").value as Dec[]).map((d) => d.toFixed())).toEqual(["2", "3"]);
    expect(look("collect", "-3").value).toBeUndefined();
  });

  it("a missing argument matches only `any` cells", () => {
    const sc = scope({}, [table("first")]);
    expect(evaluateExpr({ k: "table", table: "t", args: [ref("nothing")] }, sc)).toBeUndefined();
  });
});
