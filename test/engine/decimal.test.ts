/**
 * What engine/decimal.ts reads off decimal.js's representation agrees with decimal.js itself:
 * compareDec orders decimals as comparedTo does; plain and percentPointsText write them as toFixed
 * does (of the value times 100 for percent points).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareDec, Dec, dec, percentPointsText, plain } from "../../engine/decimal";

/** Decimals of every shape the engine holds: signs, zero, long integers and fractions, 40-digit quotients. */
const decimal = fc.oneof(
  fc
    .tuple(
      fc.boolean(),
      fc.bigInt({ min: 0n, max: 10n ** 30n }),
      fc.bigInt({ min: 0n, max: 10n ** 12n }),
      fc.nat(12),
    )
    .map(([negative, int, frac, places]) => {
      const fraction = places === 0 ? "" : `.${String(frac).padStart(places, "0").slice(0, places)}`;
      return new Dec(`${negative ? "-" : ""}${int}${fraction}`);
    }),
  fc.integer({ min: -50, max: 50 }).map((n) => new Dec(n)),
  fc
    .tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 999 }))
    .map(([a, b]) => new Dec(a).dividedBy(b)),
  fc.constantFrom(
    new Dec(0),
    new Dec("-0"),
    new Dec("0.0000001"),
    new Dec("10000000"),
    new Dec("9999999.9999999"),
    new Dec("123456789012345678901234567890.123456789012"),
    new Dec("-0.000000000001"),
    new Dec("1e-30"),
    new Dec("123e25"),
  ),
);

describe("compareDec", () => {
  it("is comparedTo, for any two decimals", () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(compareDec(a, b)).toBe(a.comparedTo(b));
        expect(compareDec(a, a)).toBe(0);
      }),
      { numRuns: 20000, seed: 12 },
    );
  });
});

describe("plain and percentPointsText", () => {
  const toFixed = (d: InstanceType<typeof Dec>) => (d.isZero() ? "0" : d.toFixed());
  it("write a decimal as toFixed does, never -0, and percent points as toFixed of the value × 100", () => {
    fc.assert(
      fc.property(decimal, (d) => {
        expect(plain(d)).toBe(toFixed(d));
        expect(percentPointsText(d)).toBe(toFixed(d.times(100)));
      }),
      { numRuns: 20000, seed: 13 },
    );
  });
});

describe("dec", () => {
  const fields = (d: InstanceType<typeof Dec>) => {
    const { s, e, d: digits } = d as unknown as { s: number; e: number; d: number[] };
    return { s, e, digits, constructor: d.constructor, keys: Object.keys(d) };
  };
  it("builds a whole number, given as a number or as text, exactly as the decimal.js constructor does", () => {
    const whole = fc.oneof(
      fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }),
      fc.constantFrom(0, -0, 1, -1, 9_999_999, 10_000_000, 10_000_001, 1e14, 2 ** 53 - 1, 120_000_000),
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map((n) => Number(n)),
    );
    const text = fc.oneof(
      whole.map((n) => String(n)),
      fc.stringMatching(/^-?0{0,3}[0-9]{1,17}$/),
      fc.constantFrom("-0", "000", "0.5", "12.0"),
    );
    fc.assert(
      fc.property(fc.oneof(whole, text), (v) => {
        const mine = dec(v);
        const theirs = new Dec(v);
        expect(fields(mine)).toEqual(fields(theirs));
        expect(mine.plus(7).times(3).toFixed()).toBe(theirs.plus(7).times(3).toFixed());
      }),
      { numRuns: 20000, seed: 14 },
    );
  });
});
