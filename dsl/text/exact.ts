import Decimal from "decimal.js";

/**
 * A Decimal whose operations do not round. The default Decimal keeps 20 significant digits, so
 * «۱۲۳٬۴۵۶٬۷۸۹٬۰۱۲٬۳۴۵ میلیارد ریال» would silently lose its tail; money must never round
 * unless a rule says so. Multiplication computes every digit and only then rounds to `precision`,
 * so the huge ceiling costs nothing. Do not divide with it: division would compute that many digits.
 * The exponent limits keep `toString` in plain notation, which is our canonical form.
 */
export const ExactDecimal = Decimal.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });

/** Canonical text of a decimal: plain notation, no leading or trailing zeros, "0" for zero. */
export function canonical(value: Decimal.Value): string {
  const d = new ExactDecimal(value);
  if (!d.isFinite()) throw new RangeError(`not a finite decimal: ${String(value)}`);
  return d.isZero() ? "0" : d.toFixed();
}

/** The exact product of two decimals, in canonical text. */
export function exactTimes(a: Decimal.Value, b: Decimal.Value): string {
  return canonical(new ExactDecimal(a).times(b));
}
