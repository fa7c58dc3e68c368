/**
 * A hand-written decision's rules, as data: each rule's title and citation, what firing it does to the
 * decision, and the outcomes it gives in the full result. A decision computes a case once (its inputs,
 * its computed values, the rules that fire, in rule order); both entry points read that computation:
 * the decision-only one takes the decision and the fired titles, the full-result one asks each fired
 * rule for its outcomes, shaped as the engine's (engine/result.ts).
 *
 * `C` is the decision's computed case: a message with holes for the case's values is a function of it.
 */
import type { Decision, Outcome, Serialized } from "./read";

export interface Rule<C> {
  rule: string;
  citation: string;
  /** What firing it does to the decision; nothing for a rule that only requires, warns or sets. */
  effect?: "reject" | "refer";
  /** Appends its outcomes to `out`; a `set` also writes its target into `values`. */
  outcomes(c: C, out: Outcome[], values: Record<string, Serialized>): void;
}

/** A message: fixed, or built from the computed case. */
export type Message<C> = string | ((c: C) => string);

const text = <C>(m: Message<C>, c: C): string => (typeof m === "string" ? m : m(c));

/** A rule with one reject outcome. */
export function rejects<C>(rule: string, citation: string, message: Message<C>): Rule<C> {
  return {
    rule,
    citation,
    effect: "reject",
    outcomes(c, out) {
      out.push({ rule, citation, kind: "reject", message: text(message, c) });
    },
  };
}

/** A rule with one refer outcome per [authority, message]. */
export function refers<C>(
  rule: string,
  citation: string,
  ...referrals: (readonly [authority: string, message: Message<C>])[]
): Rule<C> {
  return {
    rule,
    citation,
    effect: "refer",
    outcomes(c, out) {
      for (const [authority, message] of referrals)
        out.push({ rule, citation, kind: "refer", message: text(message, c), authority });
    },
  };
}

/** A rule with one require outcome per [what, message?]. */
export function requires<C>(
  rule: string,
  citation: string,
  ...requirements: (readonly [what: string, message?: string])[]
): Rule<C> {
  return {
    rule,
    citation,
    outcomes(_c, out) {
      for (const [what, message] of requirements)
        out.push(
          message === undefined
            ? { rule, citation, kind: "require", what }
            : { rule, citation, kind: "require", message, what },
        );
    },
  };
}

/** reject if a rejecting rule fired, else refer if a referring one did, else accept. */
export function decisionOf<C>(fired: readonly Rule<C>[]): Decision {
  let decision: Decision = "accept";
  for (const r of fired) {
    if (r.effect === "reject") return "reject";
    if (r.effect === "refer") decision = "refer";
  }
  return decision;
}

/** The fired rules' titles, in rule order. */
export function titles<C>(fired: readonly Rule<C>[]): string[] {
  const out = new Array<string>(fired.length);
  for (let i = 0; i < fired.length; i++) out[i] = (fired[i] as Rule<C>).rule;
  return out;
}

/** The fired rules' outcomes, in rule order. */
export function outcomesOf<C>(
  fired: readonly Rule<C>[],
  c: C,
  values: Record<string, Serialized>,
): Outcome[] {
  const out: Outcome[] = [];
  for (const r of fired) r.outcomes(c, out, values);
  return out;
}
