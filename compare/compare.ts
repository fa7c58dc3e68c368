/**
 * Comparing two versions of a ruleset case by case, and gathering the differences into a report.
 * Two steps, so that cases can be evaluated anywhere (this thread, worker threads, the editor) and
 * merged in corpus order:
 * - `diffCase(base, candidate, line, case)` evaluates one case on both engines and returns what
 *   differs: the decisions, each rule whose outcomes differ, each computed value that differs, the
 *   issues of a version that refuses the case as input;
 * - a `Comparison` adds the diffs in order and builds the report: counts, decision transitions, and
 *   per rule, per value and per refusal the number of cases and the first few as examples. Its memory
 *   is bounded by the number of rules and values, never by the number of cases.
 * A rule's outcomes are compared without their citations (the clause a rule cites may be renumbered
 * between versions without changing what it decides); messages, amounts and `set` values count.
 */
import { CaseError, type CaseIssue, type Decision, type Outcome, type ZavabetEngine } from "../engine";
import type { Serialized } from "../engine/serialize";
import { parseRawCase, type RawCase } from "./json-line";
import type {
  CompareReport,
  InvalidGroup,
  MalformedLine,
  Message,
  RuleGroup,
  RulesetRef,
  SideDecision,
  Transition,
  ValueGroup,
} from "./types";

/** How many example cases each group keeps, unless the caller says otherwise. */
export const DEFAULT_EXAMPLES = 3;
/** How many malformed lines the report lists (all are counted). */
export const MAX_MALFORMED_LISTED = 100;

type Side =
  | { decision: Decision; outcomes: Outcome[]; values: Record<string, Serialized> }
  | { decision: "invalid"; issues: CaseIssue[] };

export interface RuleDiff {
  rule: string;
  base: Outcome[];
  candidate: Outcome[];
}

export interface ValueDiff {
  value: string;
  base: Serialized;
  candidate: Serialized;
}

/**
 * What differs on one case; `case` is kept only when something does, and only by diffCase (a case
 * read from a corpus is still with the reader, which gives it to the report if it is an example).
 */
export interface CaseDiff {
  line: number;
  base: SideDecision;
  candidate: SideDecision;
  case?: Record<string, unknown>;
  rules: RuleDiff[];
  values: ValueDiff[];
  baseIssues?: CaseIssue[];
  candidateIssues?: CaseIssue[];
}

function evaluateSide(engine: ZavabetEngine, input: Record<string, unknown>): Side {
  try {
    const r = engine.evaluateSync(input);
    return { decision: r.decision, outcomes: r.outcomes, values: r.values };
  } catch (e) {
    if (e instanceof CaseError) return { decision: "invalid", issues: e.issues };
    throw e;
  }
}

/** Two outcomes decide the same: every field but the citation equal (all are texts, yes/no or null). */
const sameOutcome = (a: Outcome, b: Outcome) =>
  a.kind === b.kind &&
  a.message === b.message &&
  a.authority === b.authority &&
  a.what === b.what &&
  a.amount === b.amount &&
  a.target === b.target &&
  a.value === b.value;

function byRule(outcomes: readonly Outcome[]): Map<string, Outcome[]> {
  const map = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const list = map.get(o.rule);
    if (list) list.push(o);
    else map.set(o.rule, [o]);
  }
  return map;
}

const sameOutcomes = (a: readonly Outcome[], b: readonly Outcome[]) =>
  a.length === b.length && a.every((o, i) => sameOutcome(o, b[i] as Outcome));

/** Evaluate one case on both versions and say what differs. */
export function diffCase(
  base: ZavabetEngine,
  candidate: ZavabetEngine,
  line: number,
  input: Record<string, unknown>,
): CaseDiff {
  const b = evaluateSide(base, input);
  const c = evaluateSide(candidate, input);
  const diff: CaseDiff = { line, base: b.decision, candidate: c.decision, rules: [], values: [] };
  if ("issues" in b) diff.baseIssues = b.issues;
  if ("issues" in c) diff.candidateIssues = c.issues;
  if ("outcomes" in b && "outcomes" in c) {
    const bRules = byRule(b.outcomes);
    const cRules = byRule(c.outcomes);
    for (const [rule, outcomes] of bRules) {
      const other = cRules.get(rule) ?? [];
      if (!sameOutcomes(outcomes, other)) diff.rules.push({ rule, base: outcomes, candidate: other });
    }
    for (const [rule, outcomes] of cRules) {
      if (!bRules.has(rule)) diff.rules.push({ rule, base: [], candidate: outcomes });
    }
    for (const [value, v] of Object.entries(b.values)) {
      const w = c.values[value] ?? null;
      if (v !== w) diff.values.push({ value, base: v, candidate: w });
    }
    for (const [value, w] of Object.entries(c.values)) {
      if (!(value in b.values) && w !== null) diff.values.push({ value, base: null, candidate: w });
    }
  }
  if (diff.base !== diff.candidate || diff.rules.length > 0 || diff.values.length > 0 || diff.baseIssues) {
    diff.case = input;
  }
  return diff;
}

/**
 * A case as a corpus line's bytes: the diff, without the case (the reader still has it), or why the
 * line is no case (never counted as one).
 */
export function diffLine(
  base: ZavabetEngine,
  candidate: ZavabetEngine,
  raw: RawCase,
): CaseDiff | MalformedLine {
  const parsed = parseRawCase(raw);
  if ("malformed" in parsed) return { line: raw.line, message: parsed.malformed };
  const diff = diffCase(base, candidate, raw.line, parsed.case);
  delete diff.case;
  return diff;
}

interface Citations {
  rules: Map<string, string>;
  values: Map<string, string>;
}

function citationsOf(engine: ZavabetEngine): Citations {
  const a = engine.artefact;
  const rules = new Map<string, string>();
  for (const m of a.ruleMeta) rules.set(m.name, m.citation);
  for (const r of a.rules) {
    const c = r.event.params.outcomes[0]?.citation;
    if (!rules.has(r.name) && c !== undefined) rules.set(r.name, c);
  }
  const values = new Map<string, string>();
  for (const v of a.values) if (v.citation !== undefined) values.set(v.name, v.citation);
  return { rules, values };
}

export function rulesetRef(engine: ZavabetEngine, ruleset: string, file: string): RulesetRef {
  return { ruleset, fund: engine.artefact.ruleset.fund, version: engine.artefact.ruleset.version, file };
}

export interface ComparisonOptions {
  base: RulesetRef;
  candidate: RulesetRef;
  baseEngine: ZavabetEngine;
  candidateEngine: ZavabetEngine;
  cases: { source: string; format: "jsonl" | "csv" };
  /** Example cases kept per group (default DEFAULT_EXAMPLES). */
  examples?: number;
}

/** Transitions counted by "from→to". */
class Transitions {
  private readonly counts = new Map<string, Transition>();
  add(from: SideDecision, to: SideDecision): void {
    const key = `${from}→${to}`;
    const t = this.counts.get(key);
    if (t) t.cases++;
    else this.counts.set(key, { from, to, cases: 1 });
  }
  /** Changes first, then by count; ties keep the order first met. */
  list(changesOnly: boolean): Transition[] {
    const all = [...this.counts.values()].filter((t) => !changesOnly || t.from !== t.to);
    return all
      .map((t) => ({ ...t }))
      .sort((a, b) => Number(a.from === a.to) - Number(b.from === b.to) || b.cases - a.cases);
  }
}

interface RuleAcc {
  group: RuleGroup;
  transitions: Transitions;
}

/** The differences of a corpus, added a case at a time in corpus order. */
export class Comparison {
  private readonly options: ComparisonOptions;
  private readonly examples: number;
  private readonly baseCitations: Citations;
  private readonly candidateCitations: Citations;
  private readonly summary = {
    cases: 0,
    compared: 0,
    invalidInBoth: 0,
    unchanged: 0,
    changed: 0,
    decisionChanged: 0,
    outcomesChanged: 0,
    valuesChanged: 0,
    malformed: 0,
  };
  private readonly decisions = new Transitions();
  private readonly rules = new Map<string, RuleAcc>();
  private readonly values = new Map<string, ValueGroup>();
  private readonly invalid = new Map<InvalidGroup["refusedBy"], InvalidGroup>();
  private readonly malformed: MalformedLine[] = [];

  constructor(options: ComparisonOptions) {
    this.options = options;
    this.examples = options.examples ?? DEFAULT_EXAMPLES;
    this.baseCitations = citationsOf(options.baseEngine);
    this.candidateCitations = citationsOf(options.candidateEngine);
  }

  /** Evaluate one case on both versions here, and add it. */
  compare(line: number, input: Record<string, unknown>): CaseDiff {
    const diff = diffCase(this.options.baseEngine, this.options.candidateEngine, line, input);
    this.add(diff);
    return diff;
  }

  addMalformed(line: number, message: Message): void {
    this.summary.malformed++;
    if (this.malformed.length < MAX_MALFORMED_LISTED) this.malformed.push({ line, message });
  }

  /**
   * Add one case's differences (diffs must come in corpus order for the examples to be the first).
   * The case is `diff.case`, or else what `read` gives, asked only if the case becomes an example.
   */
  add(diff: CaseDiff, read?: () => Record<string, unknown>): void {
    const s = this.summary;
    s.cases++;
    let input = diff.case;
    const caseOf = (): Record<string, unknown> => {
      input ??= read?.() ?? {};
      return input;
    };
    if (diff.baseIssues || diff.candidateIssues) {
      const refusedBy =
        diff.baseIssues && diff.candidateIssues ? "both" : diff.baseIssues ? "base" : "candidate";
      let g = this.invalid.get(refusedBy);
      if (!g) {
        g = { refusedBy, cases: 0, examples: [] };
        this.invalid.set(refusedBy, g);
      }
      g.cases++;
      if (g.examples.length < this.examples) {
        g.examples.push({
          line: diff.line,
          case: caseOf(),
          issues: diff.baseIssues ?? diff.candidateIssues ?? [],
        });
      }
      if (refusedBy === "both") {
        s.invalidInBoth++;
        return;
      }
    }
    s.compared++;
    this.decisions.add(diff.base, diff.candidate);
    const decisionChanged = diff.base !== diff.candidate;
    if (decisionChanged) s.decisionChanged++;
    if (diff.rules.length > 0) s.outcomesChanged++;
    if (diff.values.length > 0) s.valuesChanged++;
    if (decisionChanged || diff.rules.length > 0 || diff.values.length > 0) s.changed++;
    else s.unchanged++;

    for (const r of diff.rules) {
      let acc = this.rules.get(r.rule);
      if (!acc) {
        const citation =
          this.candidateCitations.rules.get(r.rule) ?? this.baseCitations.rules.get(r.rule) ?? "";
        const baseCitation = this.baseCitations.rules.get(r.rule);
        const group: RuleGroup = {
          rule: r.rule,
          citation,
          cases: 0,
          decisionChanged: 0,
          baseOnly: 0,
          candidateOnly: 0,
          changed: 0,
          transitions: [],
          examples: [],
        };
        if (baseCitation !== undefined && baseCitation !== citation) group.baseCitation = baseCitation;
        acc = { group, transitions: new Transitions() };
        this.rules.set(r.rule, acc);
      }
      const g = acc.group;
      g.cases++;
      if (r.candidate.length === 0) g.baseOnly++;
      else if (r.base.length === 0) g.candidateOnly++;
      else g.changed++;
      if (decisionChanged) {
        g.decisionChanged++;
        acc.transitions.add(diff.base, diff.candidate);
      }
      if (g.examples.length < this.examples) {
        g.examples.push({
          line: diff.line,
          case: caseOf(),
          base: { decision: diff.base, outcomes: r.base },
          candidate: { decision: diff.candidate, outcomes: r.candidate },
        });
      }
    }

    for (const v of diff.values) {
      let g = this.values.get(v.value);
      if (!g) {
        const citation =
          this.candidateCitations.values.get(v.value) ?? this.baseCitations.values.get(v.value) ?? null;
        g = { value: v.value, citation, cases: 0, decisionChanged: 0, examples: [] };
        this.values.set(v.value, g);
      }
      g.cases++;
      if (decisionChanged) g.decisionChanged++;
      if (g.examples.length < this.examples) {
        g.examples.push({ line: diff.line, case: caseOf(), base: v.base, candidate: v.candidate });
      }
    }
  }

  /** The report so far; `complete: false` for a run that was interrupted. */
  report(complete = true): CompareReport {
    const byCases = <T extends { cases: number }>(list: T[]) => [...list].sort((a, b) => b.cases - a.cases);
    const invalidOrder = ["base", "candidate", "both"] as const;
    return {
      report: "zavabet-compare",
      reportVersion: 1,
      complete,
      base: this.options.base,
      candidate: this.options.candidate,
      cases: this.options.cases,
      summary: { ...this.summary },
      decisions: this.decisions.list(false),
      rules: byCases(
        [...this.rules.values()].map(({ group, transitions }) => ({
          ...group,
          transitions: transitions.list(true),
        })),
      ),
      values: byCases([...this.values.values()]),
      invalid: invalidOrder.flatMap((k) => {
        const g = this.invalid.get(k);
        return g ? [g] : [];
      }),
      malformed: [...this.malformed],
    };
  }
}

/** `--fail-on`: "decision" (any decision changed), "any" (any difference), "N%" (decisions changed in more than N% of the compared cases). */
export type FailOn = { kind: "decision" } | { kind: "any" } | { kind: "percent"; percent: number };

export function parseFailOn(text: string): FailOn | undefined {
  const t = text.trim().replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (t === "decision") return { kind: "decision" };
  if (t === "any") return { kind: "any" };
  const m = /^(\d+(?:[.\u066B]\d+)?)\s*[%\u066A]$/.exec(t);
  if (!m) return undefined;
  const percent = Number((m[1] ?? "").replace("\u066B", "."));
  return percent <= 100 ? { kind: "percent", percent } : undefined;
}

/** Whether a report fails the gate, and why. */
export function checkFailOn(report: CompareReport, failOn: FailOn, spec: string) {
  const s = report.summary;
  let failed: boolean;
  let message: Message;
  if (failOn.kind === "decision") {
    failed = s.decisionChanged > 0;
    message = {
      fa: `${s.decisionChanged} مورد تصمیم دیگری گرفتند`,
      en: `${s.decisionChanged} cases changed decision`,
    };
  } else if (failOn.kind === "any") {
    failed = s.changed > 0;
    message = { fa: `${s.changed} مورد تغییر کردند`, en: `${s.changed} cases changed` };
  } else {
    const share = s.compared === 0 ? 0 : (s.decisionChanged * 100) / s.compared;
    failed = share > failOn.percent;
    const shown = share.toFixed(2);
    message = {
      fa: `تصمیم ${shown}٪ موردها تغییر کرد؛ حد ${failOn.percent}٪ است`,
      en: `${shown}% of the cases changed decision; the limit is ${failOn.percent}%`,
    };
  }
  return { spec, failed, message };
}
