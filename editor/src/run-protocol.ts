/**
 * Messages between the page and the run worker (./run.worker.ts), which compiles the draft and runs
 * it: its tests, one case, or a comparison with another version over a corpus. Each request carries
 * an id; the answer repeats it.
 */
import type { InputDef } from "../../artefact/types";
import type { CompareReport } from "../../compare/index";
import type { CaseIssue, Decision, Outcome } from "../../engine/index";
import type { Serialized } from "../../engine/serialize";

export type RunRequest =
  | { id: number; kind: "tests"; source: string }
  | { id: number; kind: "inputs"; source: string }
  | { id: number; kind: "evaluate"; source: string; case: Record<string, unknown> }
  | {
      id: number;
      kind: "compare";
      /** The draft (candidate) and the version it is compared with (base). */
      draft: string;
      base: { source: string; version: string };
      /** The fund's example cases, as GET /rulesets/{fund}/examples gives them. */
      examples: Record<string, unknown>[];
    };

/** One expectation of a failed test: what the test wants and what the draft gives, as strings. */
export interface ExpectationRow {
  /** «تصمیم», «قاعده‌ی …» or the value's name. */
  field: string;
  expected: string;
  actual: string;
  same: boolean;
}

export interface TestOutcome {
  name: string;
  line: number;
  ok: boolean;
  /** runTests' own failure lines (Persian / English), as `zavabet test` prints them. */
  failures: string[];
  /** Per expectation, expected vs actual; only for a failed test. */
  rows: ExpectationRow[];
}

export interface EvaluationView {
  decision: Decision;
  outcomes: Outcome[];
  values: Record<string, Serialized>;
  /** The account `zavabet eval --explain` prints for the same result. */
  explain: string;
}

export type RunAnswer =
  | { kind: "tests"; passed: number; failed: number; tests: TestOutcome[] }
  | { kind: "inputs"; inputs: InputDef[] }
  | { kind: "evaluate"; result: EvaluationView }
  | { kind: "invalid-case"; issues: CaseIssue[] }
  | { kind: "compare"; report: CompareReport; corpus: CorpusCounts }
  /** The draft (or the other version) does not compile: its first errors. */
  | { kind: "does-not-compile"; which: "draft" | "base"; errors: { line: number; fa: string }[] }
  | { kind: "failure"; message: string };

/** How many generated cases a comparison's corpus has (besides the tests' and the examples). */
export const GENERATED = 1000;

/** Where the compared cases came from. */
export interface CorpusCounts {
  tests: number;
  examples: number;
  generated: number;
}

export type RunResponse = RunAnswer & { id: number };
