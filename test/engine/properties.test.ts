import Decimal from "decimal.js";
import fc from "fast-check";
import jalaali from "jalaali-js";
import { describe, expect, it } from "vitest";
import { createEngine, loadArtefact } from "../../engine/index";
import { LOAN_TYPES, loan } from "./fixtures/loan";

const engine = createEngine(loadArtefact(loan));
const Ref = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const persian = (s: string) => s.replace(/[0-9]/g, (d) => PERSIAN[Number(d)] ?? d);

/** A non-negative decimal as a caller may send it: JSON number, ASCII string, or Persian digits. */
const amount = fc
  .tuple(
    fc.bigInt({ min: 0n, max: 10n ** 15n }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 2 }),
  )
  .map(([int, frac, form]) => {
    const text = frac === 0 ? String(int) : `${int}.${String(frac).padStart(2, "0")}`;
    if (form === 0 && int < 2n ** 50n && frac === 0) return { sent: Number(int) as number | string, text };
    return { sent: form === 2 ? persian(text) : text, text };
  });

const jalaliDate = fc
  .tuple(
    fc.integer({ min: 1300, max: 1450 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => {
    const day = Math.min(d, jalaali.jalaaliMonthLength(y, m));
    return `${y}/${String(m).padStart(2, "0")}/${String(day).padStart(2, "0")}`;
  });

const guarantor = fc.record({
  name: fc.string({ maxLength: 20 }),
  income: amount.map((a) => a.sent),
  share: fc.integer({ min: 0, max: 10000 }).map((n) => String(n / 100)),
});

const validCase = fc.record(
  {
    amount,
    months: fc.integer({ min: 1, max: 360 }),
    loanType: fc.constantFrom(...LOAN_TYPES),
    requestDate: jalaliDate,
    membership: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    boardMember: fc.option(fc.boolean(), { nil: undefined }),
    note: fc.option(fc.string({ maxLength: 100 }), { nil: undefined }),
    guarantors: fc.array(guarantor, { maxLength: 6 }),
  },
  { requiredKeys: ["amount", "months", "loanType", "requestDate", "guarantors"] },
);

/** The rate table, written out directly. */
function rate(type: string, months: number): string {
  if (type === "مسکن") return "0.012";
  if (type === "خودرو") return months <= 24 ? "0.015" : "0.02";
  return "0.025";
}

describe("properties", () => {
  it("random valid cases never throw, and always give a decision", async () => {
    await fc.assert(
      fc.asyncProperty(validCase, async (c) => {
        const r = await engine.evaluate({ ...c, amount: c.amount.sent }, { trace: true });
        expect(["accept", "reject", "refer"]).toContain(r.decision);
        expect(r.trace).toHaveLength(loan.rules.length);
      }),
      { numRuns: 200 },
    );
  });

  it("the fee equals months × rate × amount ÷ 12 computed directly with decimal.js", async () => {
    await fc.assert(
      fc.asyncProperty(validCase, async (c) => {
        const r = await engine.evaluate({ ...c, amount: c.amount.sent });
        const want = new Ref(c.months).times(rate(c.loanType, c.months)).times(c.amount.text).dividedBy(12);
        expect(r.values.کارمزد).toBe(want.isZero() ? "0" : want.toFixed());
        expect(r.values.کارمزد_گرد).toBe(
          want.dividedBy(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(1000).toFixed(),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("the weighted income equals Σ income × share ÷ 100", async () => {
    await fc.assert(
      fc.asyncProperty(validCase, async (c) => {
        const r = await engine.evaluate({ ...c, amount: c.amount.sent });
        const ascii = (v: string | number) => String(v).replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d)));
        const want = c.guarantors.reduce(
          (acc, g) => acc.plus(new Ref(ascii(g.income)).times(g.share).dividedBy(100)),
          new Ref(0),
        );
        expect(r.values.درآمد_وزنی).toBe(want.isZero() ? "0" : want.toFixed());
      }),
      { numRuns: 200 },
    );
  });
});
