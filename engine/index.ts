/** The engine's public entry. It knows the compiled artefact only, never the rule language's syntax. */

export * from "../artefact/types";
export { validateArtefact } from "../artefact/validate";
export {
  createEngine,
  type EngineOptions,
  type EvaluateOptions,
  type EvaluatorName,
  type ZavabetEngine,
} from "./engine";
export { ArtefactError, CaseError, type CaseIssue } from "./errors";
export { loadArtefact } from "./load";
export type { Decision, EvaluationResult, Outcome, RuleTrace, TraceCondition } from "./result";
export type { EvaluationWarning } from "./scope";
export type { Serialized } from "./serialize";
export { runTests, type TestReport, type TestResult } from "./tests";
