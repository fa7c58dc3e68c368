/**
 * `zavabet/engine`: the run-time half of the library, for a service that ships compiled artefacts
 * (`zavabet compile`). It loads an artefact and evaluates cases; it never loads the rule language's
 * compiler (dsl/, chevrotain) — test/api/no-compiler.test.ts holds it to that.
 *
 * Everything exported here is the public, supported surface; any other module is internal.
 */

export type {
  Artefact,
  InputDef,
  RecordField,
  ScalarType,
  SourceRange,
  ValueType,
} from "../artefact/types";
export { ARTEFACT_FORMAT } from "../artefact/types";
export {
  ArtefactError,
  CaseError,
  type CaseIssue,
  createEngine,
  type Decision,
  type EngineOptions,
  type EvaluateOptions,
  type EvaluationResult,
  type EvaluationWarning,
  type EvaluatorName,
  loadArtefact,
  type Outcome,
  type RuleTrace,
  runTests,
  type Serialized,
  type TestReport,
  type TestResult,
  type TraceCondition,
  validateArtefact,
  type ZavabetEngine,
} from "../engine";
