/** What an evaluation returns. */
import type { OutcomeKind } from "../artefact/types";
import type { EvaluationWarning } from "./scope";
import type { Serialized } from "./serialize";

export type Decision = "accept" | "reject" | "refer";

export interface Outcome {
  rule: string;
  citation: string;
  kind: OutcomeKind;
  /** The Persian message with its holes filled (Persian digits, «٬» grouping, «٫» decimals). */
  message?: string;
  authority?: string;
  what?: string;
  /** require: the amount, serialised like `values` (money as a plain decimal string). */
  amount?: string;
  /** set: the value's name and its serialised value. */
  target?: string;
  value?: Serialized;
}

export interface TraceCondition {
  fact: string;
  operator: string;
  /** The condition's `value` as written in the artefact ({ fact, value } when it names a fact). */
  expected: unknown;
  /** The fact's value in the artefact's own form: decimals plain (a percent as its fraction, a date
   * as its day number), strings, booleans; null when missing. */
  actual: Serialized;
  result: boolean;
  /** Under an odd number of `not`s: the rule needs this condition to be false. */
  negated?: true;
  /** Not evaluated: json-rules-engine had already decided the enclosing all/any. */
  skipped?: true;
}

export interface RuleTrace {
  rule: string;
  citation: string;
  fired: boolean;
  conditions: TraceCondition[];
}

export interface EvaluationResult {
  decision: Decision;
  /** Outcomes of the fired rules, in the artefact's rule order. */
  outcomes: Outcome[];
  /** Every computed value and every `set` target, serialised (see engine/serialize.ts). */
  values: Record<string, Serialized>;
  /** Per rule, in the artefact's rule order; only with `{ trace: true }`. */
  trace?: RuleTrace[];
  /** Things that went wrong without stopping evaluation (e.g. a unique table matched twice). */
  warnings?: EvaluationWarning[];
}

/** reject if any reject outcome fired, else refer if any refer did, else accept. */
export function decide(outcomes: readonly Outcome[]): Decision {
  if (outcomes.some((o) => o.kind === "reject")) return "reject";
  if (outcomes.some((o) => o.kind === "refer")) return "refer";
  return "accept";
}
