/**
 * What an evaluator does for one case, whichever it is: compute every value and anonymous expression,
 * decide which rules fire and, when asked, trace their conditions. engine.ts builds the result from
 * this, the same way for both, so they can differ only here (and the differential test checks that
 * they do not).
 */
import type { TraceCondition } from "./result";
import type { EvaluationWarning } from "./scope";
import type { RuntimeValue } from "./values";

export interface CaseRun {
  /** An input, parameter, computed value or anonymous expression ("$n") of this case. */
  fact(name: string): RuntimeValue;
  /** By rule index in the artefact. */
  fired: boolean[];
  /** By rule index, when a trace was asked for. */
  traces?: TraceCondition[][];
  warnings: EvaluationWarning[];
}

export type EvaluatorName = "compiled" | "reference";
