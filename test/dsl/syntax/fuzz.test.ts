import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as A from "../../../dsl/syntax/ast";
import { parse } from "../../../dsl/syntax/parse";
import { print } from "../../../dsl/syntax/print";
import { exactTimes } from "../../../dsl/text/exact";
import { rangeInside, showDiagnostic, strip } from "./helpers";

const zero: A.SourceRange = { startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 };

// ---- (a) parse() never throws, always terminates, and reports well-formed diagnostics ------------

/** A valid file using most of the language; the seed the mutations below break. */
const SEED = `قواعد امید «صندوق کارآفرینی امید»
نسخه «۲» از ۱۳۹۳/۰۹/۱۰
مرجع «دستورالعمل» شماره «۱۰۵-۳» نسخه «۲»

ورودی نوع_طرح (planType): یکی از (خانگی، برند)
ورودی مبلغ: ریال
ورودی متاهل: بله/خیر اختیاری
ورودی وثایق: فهرست از (نوع: یکی از (سفته، ملک)، ارزش (value): ریال)

پارامتر سقف = ۱۰۰ میلیون ریال [ماده ۳۹]
پارامتر نرخ = ۴٪

مقدار کارمزد = گرد(۳ × نرخ × مبلغ ÷ ۳۶۵، -۳) [ماده ۵۲]
مقدار جمع_وثایق = جمع(وثایق، ارزش، نوع = سفته) + اگر متاهل آنگاه ۱ ریال وگرنه ۲ ریال
مقدار شرط = (مبلغ بین ۱ و ۲ میلیون ریال یا نه متاهل) و نوع_طرح نه در (برند) و مبلغ ناموجود

جدول ضریب [ماده ۷۲] (اولین)
  | نوع   | مبلغ                   || ضریب |
  | خانگی | ۷/۵ تا ۱۰ میلیارد ریال || ٪۷۰  |
  | هر    | بیشتر از ۱۰ میلیون ریال || ۵۰٪  | [ردیف ۲]

قاعده «سقف» [ماده ۳۹] [تبصره]
  اگر نوع_طرح = خانگی و مبلغ بیشتر از سقف
  آنگاه رد «مبلغ از سقف {سقف} بیشتر است»
        ارجاع به «کمیته» «پیام»
        الزام «سفته» به مبلغ مبلغ × ۲
        تعیین امتیاز = ۱

آزمون «وام»
  با نوع_طرح = خانگی، مبلغ = ۱۲۰ میلیون ریال
  با وثایق = فهرست({نوع = سفته، ارزش = ۱۵ هزار تومان})
  انتظار رد به‌دلیل «سقف»
  انتظار بدون «دیگر»
  انتظار کارمزد = ۱۲ ریال
`;

/** The seed's tokens, roughly: enough to insert or duplicate a real one. */
const seedTokens = SEED.split(/[ \n]+/).filter((t) => t !== "");

/** Characters that exercise the lexer and the normaliser, not just ASCII. */
const noise = fc.constantFrom(
  "«",
  "»",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "|",
  "||",
  "،",
  ",",
  "٬",
  "٫",
  "/",
  "-",
  "\u2212",
  "٪",
  "%",
  "=",
  ">",
  "<",
  "≥",
  "÷",
  "×",
  "#",
  '"',
  "@",
  "؟",
  "\n",
  "\r\n",
  " ",
  "\t",
  "\u0640",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\ufeff",
  "ي",
  "ك",
  "۱",
  "٢",
  "3",
  "😀",
  "\ud800",
  "e\u0301",
);

const fragment = fc.oneof(noise, fc.constantFrom(...seedTokens), fc.string({ maxLength: 3 }));

const randomSource = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(" "));
const randomGlued = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));

/** The seed with one character or token deleted, inserted or duplicated. */
const mutatedSeed = fc.oneof(
  fc.record({ at: fc.nat(SEED.length), len: fc.integer({ min: 1, max: 12 }) }).map(({ at, len }) => {
    return SEED.slice(0, at) + SEED.slice(at + len);
  }),
  fc.record({ at: fc.nat(SEED.length), what: fragment }).map(({ at, what }) => {
    return SEED.slice(0, at) + what + SEED.slice(at);
  }),
  fc.record({ at: fc.nat(SEED.length), len: fc.integer({ min: 1, max: 20 }) }).map(({ at, len }) => {
    return SEED.slice(0, at + len) + SEED.slice(at, at + len) + SEED.slice(at + len);
  }),
  fc
    .record({ i: fc.nat(seedTokens.length - 1), op: fc.constantFrom("delete", "duplicate") })
    .map(({ i, op }) => {
      const tokens = SEED.split(/(?<=[ \n])/);
      const words = tokens.map((t, k) => (k === i ? (op === "delete" ? "" : t + t) : t));
      return words.join("");
    }),
);

function checkRobust(src: string): void {
  const started = performance.now();
  const { file, diagnostics } = parse(src);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(file).toBeDefined();
  for (const d of diagnostics) {
    expect(d.code).toMatch(/^ZB\d{4}$/);
    expect(["error", "warning"]).toContain(d.severity);
    expect(d.message.fa.trim(), showDiagnostic(d)).not.toBe("");
    expect(d.message.en.trim(), showDiagnostic(d)).not.toBe("");
    expect(d.message.fa).not.toMatch(/\{\d\}/);
    expect(d.message.en).not.toMatch(/\{\d\}/);
    expect(rangeInside(d.range, src), `${showDiagnostic(d)} in ${JSON.stringify(src)}`).toBe(true);
  }
  // Whatever the parser recovered, the printer takes it.
  expect(() => print(file)).not.toThrow();
}

describe("parse() on broken input", () => {
  it("never throws on random text", () => {
    fc.assert(fc.property(fc.oneof(randomSource, randomGlued, fc.string({ maxLength: 80 })), checkRobust), {
      numRuns: 200,
    });
  });

  it("never throws on one mutation of a valid file", () => {
    expect(parse(SEED).diagnostics.map(showDiagnostic)).toEqual([]);
    fc.assert(fc.property(mutatedSeed, checkRobust), { numRuns: 100 });
  });

  it("never throws on several mutations of a valid file", () => {
    const several = fc
      .array(fc.record({ at: fc.nat(SEED.length), what: fragment, len: fc.nat(6) }), {
        minLength: 2,
        maxLength: 8,
      })
      .map((edits) =>
        edits.reduce((src, { at, what, len }) => src.slice(0, at) + what + src.slice(at + len), SEED),
      );
    fc.assert(fc.property(several, checkRobust), { numRuns: 40 });
  });
});

// ---- (b) valid trees survive print → parse -----------------------------------------------------

const NAMES = ["مبلغ", "سن_متقاضی", "نرخ\u200cکارمزد", "وثایق", "سقف2", "ارزش", "نوع", "x_1"];
const TABLES = ["ضریب_ارزش", "نرخ"];
const BUILTINS: [string, A.Builtin, A.RoundModeWord?][] = [
  ["کمینه", "min"],
  ["بیشینه", "max"],
  ["گرد", "round", "half-up"],
  ["گرد_بانکی", "round", "half-even"],
  ["گرد_بالا", "round", "up"],
  ["گرد_پایین", "round", "down"],
  ["جمع", "sum"],
  ["تعداد", "count"],
  ["همه", "all"],
  ["حداقل_یکی", "any"],
];
const TEXTS = ["سقف مجاز {سقف} است", "کمیته‌ی اعتبارات", "ماده ۳، تبصره ۲", "x", "نقل «قول» شده", "A » B"];

const nameArb = fc.constantFrom(...NAMES).map((text): A.Name => ({ text, range: zero }));
const aliasArb = fc.constantFrom("planType", "age", "value2").map((text): A.Name => ({ text, range: zero }));
const stringArb = fc
  .constantFrom(...TEXTS)
  .map((value): A.StringLit => ({ kind: "string", value, range: zero }));
const citationArb = fc
  .constantFrom("ماده ۳۹", "ماده ۱۴، بند الف-۷", "تبصره 2")
  .map((text): A.Citation => ({ text, range: zero }));

/** A canonical decimal: what the parser stores. */
const decimalArb = fc
  .tuple(
    fc.oneof(fc.nat(2000), fc.constantFrom(1000000, 7500000, 2000000000, 120000000000)),
    fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined, freq: 2 }),
  )
  .map(([int, frac]) => (frac === undefined ? String(int) : exactTimes(`${int}.${frac}`, "1")));

const UNITS: [NonNullable<A.NumberLit["unit"]>, string][] = [
  ["rial", "ریال"],
  ["rial", "تومان"],
  ["percent", "٪"],
  ["percent", "%"],
  ["percent", "درصد"],
  ["month", "ماه"],
  ["year", "سال"],
  ["day", "روز"],
  ["person", "نفر"],
];

const numberArb = fc
  .tuple(decimalArb, fc.option(fc.constantFrom(...UNITS), { nil: undefined }), fc.boolean())
  .map(([written, unit, negative]): A.NumberLit => {
    const signed = negative ? exactTimes(written, "-1") : written;
    // Money in tomans is stored in rials.
    const value = unit?.[1] === "تومان" ? exactTimes(signed, "10") : signed;
    return unit
      ? { kind: "number", value, unit: unit[0], unitText: unit[1], range: zero }
      : { kind: "number", value, range: zero };
  });

const dateArb = fc
  .tuple(
    fc.integer({ min: 1300, max: 1450 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 29 }),
  )
  .map(([year, month, day]): A.DateLit => {
    const text = `${year}/${String(month).padStart(2, "0")}/${String(day).padStart(2, "0")}`;
    return { kind: "date", text, year, month, day, range: zero };
  });

const literalArb: fc.Arbitrary<A.Expr> = fc.oneof(
  { weight: 4, arbitrary: numberArb },
  stringArb,
  dateArb,
  fc.boolean().map((value): A.Expr => ({ kind: "bool", value, range: zero })),
);

/** A literal or a name: an expression with no sub-expression. */
const atomArb: fc.Arbitrary<A.Expr> = fc.oneof(
  literalArb,
  fc.constantFrom(...NAMES, "همه").map((name): A.Expr => ({ kind: "name", name, range: zero })),
);

/**
 * The parser lends a number upper bound's unit to a lower bound without one, so a tree it produced
 * never has a unitless number below a number with a unit.
 */
function lent(low: A.Expr, high: A.Expr): A.Expr {
  if (low.kind !== "number" || low.unit !== undefined || high.kind !== "number" || high.unit === undefined)
    return low;
  return { ...low, unit: high.unit, unitText: high.unitText };
}

/**
 * Expressions the parser can produce, by grammar level: each level's arbitrary yields trees whose
 * printed form is read back at that level, with a `paren` node wherever a looser construct sits
 * inside a tighter one, as the source would have needed parentheses. An if-expression sits bare
 * only where the grammar lets its «وگرنه» branch run to the end (a whole expression).
 */
const DEPTH = { depthSize: "small", withCrossShrink: true, maxDepth: 24, depthIdentifier: "expr" } as const;

const { top } = fc.letrec<{
  top: A.Expr;
  or: A.Expr;
  and: A.Expr;
  not: A.Expr;
  comparison: A.Expr;
  additive: A.Expr;
  multiplicative: A.Expr;
  unary: A.Expr;
  primary: A.Expr;
}>((tie) => ({
  top: fc.oneof(
    DEPTH,
    { weight: 5, arbitrary: tie("or") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(tie("top"), tie("top"), tie("top"))
        .map(([cond, then, otherwise]): A.Expr => ({ kind: "if", cond, then, else: otherwise, range: zero })),
    },
  ),
  or: fc.oneof(
    DEPTH,
    { weight: 4, arbitrary: tie("and") },
    fc
      .array(tie("and"), { minLength: 2, maxLength: 3 })
      .map((items): A.Expr => ({ kind: "or", items, range: zero })),
  ),
  and: fc.oneof(
    DEPTH,
    { weight: 4, arbitrary: tie("not") },
    fc
      .array(tie("not"), { minLength: 2, maxLength: 3 })
      .map((items): A.Expr => ({ kind: "and", items, range: zero })),
  ),
  not: fc.oneof(
    DEPTH,
    { weight: 5, arbitrary: tie("comparison") },
    tie("not").map((operand): A.Expr => ({ kind: "not", operand, range: zero })),
  ),
  comparison: fc.oneof(
    DEPTH,
    { weight: 6, arbitrary: tie("additive") },
    fc
      .tuple(tie("additive"), fc.constantFrom<A.CmpOp>("eq", "ne", "gt", "gte", "lt", "lte"), tie("additive"))
      .map(([left, op, right]): A.Expr => ({ kind: "cmp", op, left, right, range: zero })),
    fc.tuple(tie("additive"), tie("additive"), tie("additive"), fc.boolean()).map(
      ([subject, low, high, negated]): A.Expr => ({
        kind: "between",
        subject,
        low: lent(low, high),
        high,
        negated,
        range: zero,
      }),
    ),
    fc
      .tuple(tie("additive"), fc.array(tie("additive"), { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([subject, set, negated]): A.Expr => ({ kind: "in", subject, set, negated, range: zero })),
    fc
      .tuple(tie("additive"), fc.boolean())
      .map(([subject, negated]): A.Expr => ({ kind: "missing", subject, negated, range: zero })),
  ),
  additive: fc.oneof(
    DEPTH,
    { weight: 4, arbitrary: tie("multiplicative") },
    fc
      .tuple(tie("additive"), fc.constantFrom<A.ArithOp>("+", "-"), tie("multiplicative"))
      .map(([left, op, right]): A.Expr => ({ kind: "arith", op, left, right, range: zero })),
  ),
  multiplicative: fc.oneof(
    DEPTH,
    { weight: 4, arbitrary: tie("unary") },
    fc
      .tuple(tie("multiplicative"), fc.constantFrom<A.ArithOp>("*", "/"), tie("unary"))
      .map(([left, op, right]): A.Expr => ({ kind: "arith", op, left, right, range: zero })),
  ),
  unary: fc.oneof(
    DEPTH,
    { weight: 5, arbitrary: tie("primary") },
    // `-۵` is read as the literal -5, so a negation holds anything but a non-negative number.
    tie("unary")
      .filter((e) => e.kind !== "number" || e.value.startsWith("-"))
      .map((operand): A.Expr => ({ kind: "neg", operand, range: zero })),
  ),
  primary: fc.oneof(
    DEPTH,
    // First, so that it is what the depth limit falls back to.
    { weight: 8, arbitrary: atomArb },
    tie("top").map((inner): A.Expr => ({ kind: "paren", inner, range: zero })),
    fc
      .tuple(fc.constantFrom(...BUILTINS), fc.array(tie("top"), { maxLength: 3 }))
      .map(([[callee, builtin, roundMode], args]): A.Expr => {
        const call = {
          kind: "call" as const,
          callee: { text: callee, range: zero },
          builtin,
          args,
          range: zero,
        };
        return roundMode ? { ...call, roundMode } : call;
      }),
    fc.tuple(fc.constantFrom(...TABLES), fc.array(tie("top"), { maxLength: 3 })).map(
      ([callee, args]): A.Expr => ({
        kind: "call",
        callee: { text: callee, range: zero },
        args,
        range: zero,
      }),
    ),
  ),
}));

const additiveArb = top.map((e): A.Expr => wrapIfLooser(e));

/** Where the grammar wants `+ - × ÷` or tighter: a looser tree comes in parentheses. */
function wrapIfLooser(e: A.Expr): A.Expr {
  const loose = ["or", "and", "not", "cmp", "between", "in", "missing"].includes(e.kind);
  return loose ? { kind: "paren", inner: e, range: zero } : e;
}

const simpleTypeArb = fc
  .constantFrom("number", "money", "percent", "bool", "text", "date")
  .map((kind) => ({ kind, range: zero }) as A.TypeExpr);

const typeArb: fc.Arbitrary<A.TypeExpr> = fc.oneof(
  { weight: 4, arbitrary: simpleTypeArb },
  fc
    .array(nameArb, { minLength: 1, maxLength: 3 })
    .map((members): A.TypeExpr => ({ kind: "enum", members, range: zero })),
  fc
    .array(
      fc.record({
        name: nameArb,
        alias: fc.option(aliasArb, { nil: undefined }),
        type: fc.oneof(
          simpleTypeArb,
          fc
            .array(nameArb, { minLength: 1, maxLength: 2 })
            .map((members): A.TypeExpr => ({ kind: "enum", members, range: zero })),
        ),
      }),
      { minLength: 1, maxLength: 3 },
    )
    .map(
      (fields): A.TypeExpr => ({
        kind: "list",
        fields: fields.map((f) => ({ ...f, range: zero })),
        range: zero,
      }),
    ),
);

const headerArb: fc.Arbitrary<A.Header> = fc
  .record({
    id: nameArb,
    fund: fc.option(stringArb, { nil: undefined }),
    version: fc.option(fc.tuple(stringArb, fc.option(dateArb, { nil: undefined })), { nil: undefined }),
    source: fc.option(
      fc.tuple(stringArb, fc.option(stringArb, { nil: undefined }), fc.option(stringArb, { nil: undefined })),
      { nil: undefined },
    ),
  })
  .map(({ id, fund, version, source }) => ({
    range: zero,
    id,
    fund,
    version: version?.[0],
    effective: version?.[1],
    source: source?.[0],
    sourceNumber: source?.[1],
    sourceVersion: source?.[2],
  }));

const inputArb: fc.Arbitrary<A.InputDecl> = fc
  .record({
    name: nameArb,
    alias: fc.option(aliasArb, { nil: undefined }),
    optional: fc.boolean(),
    type: typeArb,
  })
  .map((i) => ({ ...i, range: zero }));

const parameterArb: fc.Arbitrary<A.ParameterDecl> = fc
  .record({ name: nameArb, value: literalArb, citation: fc.option(citationArb, { nil: undefined }) })
  .map((p) => ({ ...p, range: zero }));

const valueArb: fc.Arbitrary<A.ValueDecl> = fc
  .record({ name: nameArb, expr: top, citation: fc.option(citationArb, { nil: undefined }) })
  .map((v) => ({ ...v, range: zero }));

const cellArb: fc.Arbitrary<A.Cell> = fc.oneof(
  fc.constant<A.Cell>({ kind: "any", range: zero }),
  fc
    .array(additiveArb, { minLength: 1, maxLength: 3 })
    .map((values): A.Cell => ({ kind: "values", values, range: zero })),
  // The range forms the grammar has: a تا b, a تا کمتر از b, بیشتر از a تا b, one-sided bounds.
  fc.tuple(additiveArb, additiveArb, fc.constantFrom([true, true], [true, false], [false, true])).map(
    ([low, high, [lowInclusive, highInclusive]]): A.Cell => ({
      kind: "range",
      low: lent(low, high),
      lowInclusive,
      high,
      highInclusive,
      range: zero,
    }),
  ),
  fc.tuple(additiveArb, fc.boolean()).map(
    ([low, lowInclusive]): A.Cell => ({
      kind: "range",
      low,
      lowInclusive,
      highInclusive: false,
      range: zero,
    }),
  ),
  fc.tuple(additiveArb, fc.boolean()).map(
    ([high, highInclusive]): A.Cell => ({
      kind: "range",
      lowInclusive: false,
      high,
      highInclusive,
      range: zero,
    }),
  ),
);

const tableArb: fc.Arbitrary<A.TableDecl> = fc.integer({ min: 1, max: 3 }).chain((width) =>
  fc
    .record({
      name: nameArb,
      hitPolicy: fc.option(fc.constantFrom<A.HitPolicy>("first", "unique", "collect"), { nil: undefined }),
      citation: fc.option(citationArb, { nil: undefined }),
      columns: fc.array(nameArb, { minLength: width, maxLength: width }),
      outputColumn: nameArb,
      rows: fc.array(
        fc
          .record({
            cells: fc.array(cellArb, { minLength: width, maxLength: width }),
            output: additiveArb,
            citation: fc.option(citationArb, { nil: undefined }),
          })
          .map((r) => ({ ...r, range: zero })),
        { maxLength: 3 },
      ),
    })
    .map((t) => ({ ...t, range: zero })),
);

const outcomeArb: fc.Arbitrary<A.Outcome> = fc.oneof(
  fc
    .tuple(fc.constantFrom<"reject" | "warn">("reject", "warn"), fc.option(stringArb, { nil: undefined }))
    .map(([kind, message]): A.Outcome => ({ kind, message, range: zero })),
  fc
    .tuple(stringArb, fc.option(stringArb, { nil: undefined }))
    .map(([authority, message]): A.Outcome => ({ kind: "refer", authority, message, range: zero })),
  fc
    .tuple(stringArb, fc.option(additiveArb, { nil: undefined }), fc.option(stringArb, { nil: undefined }))
    .map(([what, amount, message]): A.Outcome => ({ kind: "require", what, amount, message, range: zero })),
  fc.tuple(nameArb, top).map(([target, value]): A.Outcome => ({ kind: "set", target, value, range: zero })),
);

const ruleArb: fc.Arbitrary<A.RuleDecl> = fc
  .record({
    title: stringArb,
    citations: fc.array(citationArb, { maxLength: 2 }),
    condition: fc.option(top, { nil: undefined }),
    outcomes: fc.array(outcomeArb, { minLength: 1, maxLength: 3 }),
  })
  .map((r) => ({ ...r, range: zero }));

const recordArb: fc.Arbitrary<A.TestRecord> = fc
  .array(fc.record({ name: nameArb, value: additiveArb }), { minLength: 1, maxLength: 2 })
  .map((fields) => ({ fields, range: zero }));

const testValueArb: fc.Arbitrary<A.TestValue> = fc.oneof(
  { weight: 3, arbitrary: additiveArb },
  fc.array(recordArb, { maxLength: 2 }).map((items): A.TestValue => ({ kind: "list", items, range: zero })),
);

const expectationArb: fc.Arbitrary<A.Expectation> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom<"accept" | "reject" | "refer">("accept", "reject", "refer"),
      fc.option(stringArb, { nil: undefined }),
    )
    .map(([decision, because]): A.Expectation => ({ kind: "decision", decision, because, range: zero })),
  stringArb.map((rule): A.Expectation => ({ kind: "notFired", rule, range: zero })),
  fc
    .tuple(nameArb, additiveArb)
    .map(([name, value]): A.Expectation => ({ kind: "value", name, value, range: zero })),
);

const testArb: fc.Arbitrary<A.TestDecl> = fc
  .record({
    title: stringArb,
    givens: fc.array(fc.record({ name: nameArb, value: testValueArb }), { maxLength: 3 }),
    expectations: fc.array(expectationArb, { maxLength: 3 }),
  })
  .map((t) => ({ ...t, range: zero }));

const fileArb: fc.Arbitrary<A.RulesetFile> = fc
  .record({
    header: fc.option(headerArb, { nil: undefined }),
    inputs: fc.array(inputArb, { maxLength: 3 }),
    parameters: fc.array(parameterArb, { maxLength: 3 }),
    values: fc.array(valueArb, { maxLength: 3 }),
    tables: fc.array(tableArb, { maxLength: 2 }),
    rules: fc.array(ruleArb, { maxLength: 2 }),
    tests: fc.array(testArb, { maxLength: 2 }),
  })
  .map((f) => ({ ...f, range: zero }));

function survives(file: A.RulesetFile): void {
  const printed = print(file);
  const { file: again, diagnostics } = parse(printed);
  expect(diagnostics.map(showDiagnostic), printed).toEqual([]);
  expect(strip(again), printed).toEqual(strip(file));
  expect(print(again)).toBe(printed);
}

describe("print → parse on generated trees", () => {
  it("keeps every expression", () => {
    fc.assert(
      fc.property(valueArb, (value) => survives({ ...emptyFile(), values: [value] })),
      { numRuns: 300 },
    );
  });

  it("keeps whole files", () => {
    fc.assert(fc.property(fileArb, survives), { numRuns: 100 });
  });

  it("keeps the meaning of a tree with no parentheses, adding only the ones it needs", () => {
    fc.assert(
      fc.property(top.map(withoutParens).filter(readsBack), (e) => {
        const printed = print({
          ...emptyFile(),
          values: [{ name: { text: "v", range: zero }, expr: e, range: zero }],
        });
        const { file, diagnostics } = parse(printed);
        expect(diagnostics.map(showDiagnostic), printed).toEqual([]);
        expect(withoutParens(file.values[0]?.expr), printed).toEqual(strip(e));
      }),
      { numRuns: 300 },
    );
  });
});

function emptyFile(): A.RulesetFile {
  return { range: zero, inputs: [], parameters: [], values: [], tables: [], rules: [], tests: [] };
}

/** Not `-<non-negative number>`, which the parser reads as a negative literal rather than a negation. */
function readsBack(e: unknown): boolean {
  if (Array.isArray(e)) return e.every(readsBack);
  if (e === null || typeof e !== "object") return true;
  const o = e as Record<string, unknown>;
  const operand = o.operand as A.Expr | undefined;
  if (o.kind === "neg" && operand?.kind === "number" && !operand.value.startsWith("-")) return false;
  return Object.values(o).every(readsBack);
}

/** `strip`, with `paren` nodes replaced by what they hold. */
function withoutParens(e: A.Expr | undefined): A.Expr {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x !== null && typeof x === "object") {
      const o = x as Record<string, unknown>;
      if (o.kind === "paren") return walk(o.inner);
      return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, walk(v)]));
    }
    return x;
  };
  return walk(strip(e)) as A.Expr;
}
