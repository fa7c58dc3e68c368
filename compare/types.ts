/**
 * The comparison report: what `zavabet compare --json` prints and what the editor shows. Its JSON
 * Schema is docs/compare-report.schema.json (test/compare checks every report against it).
 */
import type { CaseIssue, Decision, Outcome } from "../engine";
import type { Serialized } from "../engine/serialize";

export interface Message {
  fa: string;
  en: string;
}

/** A version's decision on a case, or "invalid" when that version refuses the case as input. */
export type SideDecision = Decision | "invalid";

export interface RulesetRef {
  /** The argument as given (fund@version, a file). */
  ruleset: string;
  /** The artefact's own fund name and version. */
  fund: string;
  version: string;
  /** The file compiled or loaded, as shown to the user. */
  file: string;
}

export interface Transition {
  from: SideDecision;
  to: SideDecision;
  cases: number;
}

/** One version's side of an example: its decision and the outcomes of the rule in question. */
export interface RuleSide {
  decision: SideDecision;
  outcomes: Outcome[];
}

export interface RuleExample {
  line: number;
  case: Record<string, unknown>;
  base: RuleSide;
  candidate: RuleSide;
}

/** The cases in which one rule's outcomes differ between the versions. */
export interface RuleGroup {
  rule: string;
  /** The clause the rule cites: the candidate's when it has the rule, else the base's. */
  citation: string;
  /** The base's citation, when it differs from `citation`. */
  baseCitation?: string;
  cases: number;
  /** Of those, the cases whose decision changed. */
  decisionChanged: number;
  /** Fired in the base only, in the candidate only, in both with different outcomes. */
  baseOnly: number;
  candidateOnly: number;
  changed: number;
  /** The decision changes among these cases (from ≠ to), most frequent first. */
  transitions: Transition[];
  examples: RuleExample[];
}

export interface ValueExample {
  line: number;
  case: Record<string, unknown>;
  base: Serialized;
  candidate: Serialized;
}

/** The cases in which one computed value (or `set` target) differs. */
export interface ValueGroup {
  value: string;
  /** The clause the value cites (the candidate's, else the base's), or null. */
  citation: string | null;
  cases: number;
  decisionChanged: number;
  examples: ValueExample[];
}

export interface InvalidExample {
  line: number;
  case: Record<string, unknown>;
  /** The issues of the version(s) that refused it: the base's first when both did. */
  issues: CaseIssue[];
}

/** Cases refused as input by the base only, the candidate only, or both. */
export interface InvalidGroup {
  refusedBy: "base" | "candidate" | "both";
  cases: number;
  examples: InvalidExample[];
}

export interface MalformedLine {
  line: number;
  message: Message;
}

export interface Summary {
  /** Well-formed case lines read (malformed lines are never cases). */
  cases: number;
  /** Cases at least one version accepted as input: what the percentages are of. */
  compared: number;
  /** Cases both versions refused as input. */
  invalidInBoth: number;
  /** Compared cases with the same decision, outcomes and values in both versions. */
  unchanged: number;
  /** Compared cases with any difference (decision, outcomes, values, or accepted by one version only). */
  changed: number;
  decisionChanged: number;
  outcomesChanged: number;
  valuesChanged: number;
  /** Malformed lines, skipped (or, with --strict, the one that stopped the run). */
  malformed: number;
}

export interface FailOnResult {
  /** As given: "decision", "any" or "N%". */
  spec: string;
  failed: boolean;
  message: Message;
}

export interface CompareReport {
  report: "zavabet-compare";
  reportVersion: 1;
  /** False when the run was interrupted: the counts are of the cases read until then. */
  complete: boolean;
  base: RulesetRef;
  candidate: RulesetRef;
  cases: { source: string; format: "jsonl" | "csv" };
  summary: Summary;
  /** Every (base decision → candidate decision) pair met, changes first, most frequent first. */
  decisions: Transition[];
  rules: RuleGroup[];
  values: ValueGroup[];
  invalid: InvalidGroup[];
  /** The first malformed lines (at most MAX_MALFORMED_LISTED); `summary.malformed` counts them all. */
  malformed: MalformedLine[];
  failOn?: FailOnResult;
}
