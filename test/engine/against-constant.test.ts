/**
 * The compiled evaluator's short cuts give exactly the general functions' answers, for values of
 * every kind — not only the declared kinds a ruleset's cases carry: comparisons and set membership
 * against a constant (engine/compiled/against-constant.ts), and table look-ups through the column
 * index (engine/compiled/compile-expr.ts), against the interpreter (engine/evaluate-expr.ts).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Expr, TableCell, TableDef } from "../../artefact/types";
import {
  type ComparisonOp,
  compareValues,
  compareWithConstant,
  equalsAny,
  memberOfConstants,
} from "../../engine/compiled/against-constant";
import { ExprCompiler, type Run } from "../../engine/compiled/compile-expr";
import { Dec } from "../../engine/decimal";
import { comparison, evaluateExpr } from "../../engine/evaluate-expr";
import type { EvaluationWarning, Scope } from "../../engine/scope";
import type { RuntimeValue } from "../../engine/values";

const WORDS = ["الف", "ب", "12", "1403/01/15", "x"];

/** Values of every kind an operand can be, numbers and strings that read as the same decimal included. */
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.integer({ min: -3, max: 20 }).map((n) => new Dec(n)),
  fc.constantFrom(new Dec("12"), new Dec("12.0"), new Dec(0)),
  fc.integer({ min: -3, max: 20 }),
  fc.boolean(),
  fc.constantFrom(undefined, null),
);

/** Decimals alone, for member lists of codes: equal values written differently, zero and minus zero. */
const decimal = fc.oneof(
  fc.integer({ min: -3, max: 20 }).map((n) => new Dec(n)),
  fc.constantFrom(new Dec("12.0"), new Dec("-0"), new Dec("0.5"), new Dec("0.50"), new Dec("1e3")),
);

const OPS: ComparisonOp[] = ["eq", "ne", "gt", "gte", "lt", "lte"];

describe("comparisons against a constant", () => {
  it("compareWithConstant(op, k)(v) is comparison(op, v, k)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), value, value, (op, k, v) => {
        expect(compareWithConstant(op, k)(v)).toBe(comparison(op, v, k));
      }),
      { numRuns: 5000, seed: 7 },
    );
  });

  it("compareValues(op)(a, b) is comparison(op, a, b)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), value, value, (op, a, b) => {
        expect(compareValues(op)(a, b)).toBe(comparison(op, a, b));
      }),
      { numRuns: 5000, seed: 10 },
    );
  });

  it("memberOfConstants(members)(v) is equalsAny(v, members)", () => {
    const scalar = value.filter((x) => x !== null) as fc.Arbitrary<RuntimeValue>;
    const members = fc.oneof(
      fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<RuntimeValue[]>,
      fc.array(scalar, { minLength: 1, maxLength: 4 }),
      fc.array(decimal, { minLength: 1, maxLength: 6 }) as fc.Arbitrary<RuntimeValue[]>,
    );
    fc.assert(
      fc.property(members, fc.oneof(scalar, decimal as fc.Arbitrary<RuntimeValue>), (ms, v) => {
        expect(memberOfConstants(ms)(v)).toBe(equalsAny(v, ms));
      }),
      { numRuns: 5000, seed: 8 },
    );
  });
});

describe("table look-ups through the column index", () => {
  const literal = (v: string): Expr => (/^\d+$/.test(v) ? { k: "num", v } : { k: "member", v });
  const cell: fc.Arbitrary<TableCell> = fc.oneof(
    fc.constant<TableCell>({ k: "any" }),
    fc
      .array(fc.constantFrom("الف", "ب", "ج"), { minLength: 1, maxLength: 2 })
      .map((vs): TableCell => ({ k: "eq", values: vs.map(literal) })),
    fc
      .array(fc.constantFrom("الف", "12", "3"), { minLength: 1, maxLength: 2 })
      .map((vs): TableCell => ({ k: "eq", values: vs.map(literal) })),
    fc
      .tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 20 }), fc.boolean(), fc.boolean())
      .map(
        ([lo, hi, loInclusive, hiInclusive]): TableCell => ({
          k: "range",
          lo: { k: "num", v: String(lo) },
          loInclusive,
          hi: { k: "num", v: String(hi) },
          hiInclusive,
        }),
      ),
  );
  const table = fc.integer({ min: 1, max: 3 }).chain((width) =>
    fc.record({
      hitPolicy: fc.constantFrom<TableDef["hitPolicy"]>("first", "unique", "collect"),
      rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
      args: fc.array(value.filter((x) => x !== null) as fc.Arbitrary<RuntimeValue>, {
        minLength: width,
        maxLength: width,
      }),
    }),
  );

  it("gives the interpreter's result and warnings for any table and arguments", () => {
    fc.assert(
      fc.property(table, ({ hitPolicy, rows, args }) => {
        const def: TableDef = {
          name: "t",
          hitPolicy,
          columns: args.map((_, i) => ({ name: `c${i}`, type: { kind: "text" } })),
          output: { type: { kind: "number" } },
          rows: rows.map((cells, r) => ({ cells, output: { k: "num", v: String(r) } })),
        } as TableDef;
        const names = args.map((_, i) => `a${i}`);
        const lookUp: Expr = { k: "table", table: "t", args: names.map((name) => ({ k: "ref", name })) };

        const compiled = new ExprCompiler((n) => names.indexOf(n), new Map([["t", def]]), new Map()).compile(
          lookUp,
        );
        const run: Run = { slots: [...args], shared: [], items: [], warnings: [] };
        const got = compiled(run);

        const warnings: EvaluationWarning[] = [];
        const scope: Scope = {
          get: (n) => args[names.indexOf(n)],
          table: (n) => (n === "t" ? def : undefined),
          listFields: () => undefined,
          warn: (w) => warnings.push(w),
        };
        expect(got).toEqual(evaluateExpr(lookUp, scope));
        expect(run.warnings).toEqual(warnings);
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
