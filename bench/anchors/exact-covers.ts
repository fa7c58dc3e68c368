/**
 * Electronics' three required covers in exact arithmetic, to tell a difference of arithmetic from a
 * difference of logic when ZEN and the engine disagree.
 *
 * 1.zb computes the covers as گرد_بالا(ضریب × (مبلغ − نقد − اوراق ÷ ۱۲۰٪)) and the like. ÷ 1.2 does
 * not terminate, so the engine rounds it at 40 significant digits; when the exact cover is a whole
 * rial, the residue of that rounding (about 10⁻³¹) is then rounded UP to the next rial. The corpus
 * puts the last collateral at the exact edge of its cover, so this happens: in the default 100,000
 * Electronics cases (seed 1) one of the engine's covers is a rial above the exact one on 581 cases,
 * and on 9 of them a rule that reads it fires where exact arithmetic says it does not, or the other
 * way. ZEN's graph writes the covers exactly (bench/anchors/zen.ts), so on those 9 it decides as exact
 * arithmetic does, not as the engine does.
 *
 * `engineCoverOffExact` says, for a case and the engine's result, whether any of the engine's covers
 * differs from the exact one — and how. The bench accepts a ZEN difference on such a case (and reports
 * it); every other difference still aborts it.
 */
import type { EvaluationResult } from "../../engine/index";
import { electronicsFacts } from "./facts";

/** A rational n / d with d > 0, in BigInt. */
interface Q {
  n: bigint;
  d: bigint;
}

const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

function q(text: string): Q {
  const m = PLAIN.exec(text);
  if (!m) throw new Error(`not a plain decimal: ${text}`);
  const fraction = m[3] ?? "";
  const n = BigInt(`${m[1]}${m[2]}${fraction}`);
  return { n, d: 10n ** BigInt(fraction.length) };
}

const sub = (a: Q, b: Q): Q => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const scale = (a: Q, num: bigint, den: bigint): Q => ({ n: a.n * num, d: a.d * den });

/** To a whole number, away from zero (1.zb's گرد_بالا, decimal.js ROUND_UP). */
function roundUp(a: Q): bigint {
  const whole = a.n / a.d; // truncates towards zero
  if (whole * a.d === a.n) return whole;
  return a.n > 0n ? whole + 1n : whole - 1n;
}

/** The engine's name of each cover, and its exact value. */
function exactCovers(amount: Q, cash: Q, bonds: Q, notes: Q): Record<string, bigint> {
  const afterCash = sub(amount, cash);
  // ÷ 120% is × 5/6, exactly.
  const afterBonds = sub(afterCash, scale(bonds, 5n, 6n));
  return {
    اوراق_لازم: roundUp(scale(afterCash, 6n, 5n)),
    سفته_لازم: roundUp(scale(afterBonds, 6n, 5n)),
    باقیمانده_برای_ملک: roundUp(sub(afterBonds, scale(notes, 5n, 6n))),
  };
}

/**
 * Where the engine's covers differ from the exact ones on this case ("name: engine X ≠ exact Y"), or
 * undefined when they are all exact.
 */
export function engineCoverOffExact(input: unknown, result: EvaluationResult): string | undefined {
  const v = result.values;
  const text = (name: string) => {
    const x = v[name];
    if (typeof x !== "string") throw new Error(`the engine's ${name} is ${String(x)}`);
    return x;
  };
  const exact = exactCovers(
    q(String(electronicsFacts(input).amount)),
    q(text("ارزش_وجه_نقد")),
    q(text("ارزش_اوراق")),
    q(text("ارزش_سفته")),
  );
  const off: string[] = [];
  for (const [name, value] of Object.entries(exact)) {
    const engine = text(name);
    if (engine !== String(value)) off.push(`${name}: engine ${engine} ≠ exact ${value}`);
  }
  return off.length > 0 ? off.join("; ") : undefined;
}
