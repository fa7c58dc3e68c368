/**
 * Regression runs: two versions of a ruleset over a corpus of cases (docs/cli.md, `zavabet compare`).
 * Engine-independent of the CLI so the editor can show the same comparison. compare/read.ts (the
 * corpus readers) needs node:fs; the rest runs anywhere the engine does.
 */
export {
  type CaseDiff,
  Comparison,
  type ComparisonOptions,
  checkFailOn,
  DEFAULT_EXAMPLES,
  diffCase,
  diffLine,
  type FailOn,
  MAX_MALFORMED_LISTED,
  parseFailOn,
  rulesetRef,
} from "./compare";
export type * from "./types";
