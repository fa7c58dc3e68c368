/**
 * The evaluation bench: how fast the engine decides, against the anchors of issue 10 — the same
 * decision hand-written in TypeScript (the limit), the reference evaluator (json-rules-engine), GoRules
 * ZEN (a JDM graph, one case at a time and in batches) and the same rules written by hand for
 * json-rules-engine (the floor).
 *
 *   node --import tsx bench/evaluate.ts [--cases N] [--reference-cases M] [--runs R] [--seed S] [--smoke]
 *
 * Three decisions: the Electronics fee table (rulesets/electronics/versions/1.zb) and the Omid-style
 * eligibility fixture (bench/fixtures/omid-eligibility.zb), with every anchor; and the real Omid
 * ruleset (rulesets/omid/versions/1.zb), on generated cases, against its hand-written version and the
 * reference evaluator only (no ZEN graph or json-rules-engine rules of its 85 rules exist). For each it
 * compiles the rule file once, creates one engine per evaluator, and then:
 * 1. verifies every implementation against the compiled engine's `evaluateSync` on every case it is
 *    timed on: the engine's other rows and the full hand-written version must give a deep-equal result
 *    (node:util isDeepStrictEqual: decision, every outcome with its Persian message, every value); the
 *    decision-only hand-written version, ZEN and the json-rules-engine rules must give the same
 *    decision, fired rules (and, for Electronics, fee). Any difference or exception aborts the bench
 *    with the differing cases and a diff;
 * 2. measures throughput: R timed passes over the corpus per implementation, interleaved (pass 1 of
 *    each, then pass 2 of each, ...), reported as the median cases/second with the min and max;
 * 3. measures latency: each case of an evenly spread sample timed on its own (process.hrtime.bigint),
 *    reported as p50 and p99 in microseconds (ZEN batched: each batch of 100);
 * 4. reports our compiled evaluator's rate as a ratio against every anchor's, from the same run.
 * The reference evaluator, the json-rules-engine rules and ZEN one case at a time are much slower:
 * they are verified and measured on the first M cases of the corpus only. --smoke runs 200 cases, one
 * pass, and writes nothing; otherwise the figures go to bench/results/evaluate.json with the machine
 * and the package versions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Artefact } from "../artefact/types";
import { compileSource } from "../dsl/index";
import { generateCases } from "../engine/generate/index";
import { createEngine, type EvaluationResult } from "../engine/index";
import { engineCoverOffExact } from "./anchors/exact-covers";
import { type JreRunner, jreElectronics, jreOmid } from "./anchors/json-rules-engine";
import { type ZenRunner, zenElectronics, zenOmid } from "./anchors/zen";
import { readArgs } from "./args";
import { canonicalizer } from "./canonical-case";
import { type CaseJson, electronicsCases, omidCases } from "./cases";
import { decideElectronics, electronicsResult } from "./handwritten/electronics";
import { decideOmid, omidResult } from "./handwritten/omid";
import { decideOmidRuleset, omidRulesetResult } from "./handwritten/omid-ruleset";
import type { Decided, FullResult } from "./handwritten/read";
import { loadAverage, type Machine, machine, packageVersions } from "./machine";
import { median } from "./spread";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = join(ROOT, "bench/results/evaluate.json");

// ───────────────────────────── options ─────────────────────────────

export interface BenchOptions {
  /** Corpus size per decision: compiled and hand-written are measured on all of it. */
  cases: number;
  /**
   * The slow rows — the reference evaluator, the json-rules-engine rules, ZEN one case at a time — are
   * verified and measured on the corpus's first M cases only.
   */
  referenceCases: number;
  /** Timed passes per implementation. */
  runs: number;
  /** Cases timed one by one for p50/p99 (the slow rows: a tenth of it; ZEN batched: batches of 100). */
  latencySample: number;
  seed: number;
  smoke: boolean;
  /** Where to write the figures; undefined: nowhere (always so with --smoke). */
  out?: string;
}

export const DEFAULTS: BenchOptions = {
  cases: 100_000,
  referenceCases: 5_000,
  runs: 3,
  latencySample: 10_000,
  seed: 1,
  smoke: false,
  out: RESULTS,
};

const SMOKE: Partial<BenchOptions> = { cases: 200, referenceCases: 100, runs: 1, latencySample: 50 };

const USAGE =
  "usage: node --import tsx bench/evaluate.ts [--cases N] [--reference-cases M] [--runs R] [--seed S] [--out FILE] [--smoke]";

export function parseArgs(argv: readonly string[]): BenchOptions {
  const options = readArgs(
    argv,
    {
      defaults: DEFAULTS,
      whole: {
        "--cases": "cases",
        "--reference-cases": "referenceCases",
        "--runs": "runs",
        "--seed": "seed",
      },
      text: { "--out": "out" },
      smoke: { flag: "--smoke", option: "smoke", defaults: SMOKE },
    },
    USAGE,
  );
  options.referenceCases = Math.min(options.referenceCases, options.cases);
  options.latencySample = Math.min(options.latencySample, options.cases);
  return options;
}

// ───────────────────────────── report ─────────────────────────────

export type ImplementationKey =
  | "compiled-sync"
  | "compiled-async"
  | "reference"
  | "handwritten-full"
  | "handwritten-decision"
  | "zen-single"
  | "zen-batched"
  | "json-rules-engine";

/** What ours is measured against: every row but our compiled evaluator's own two. */
export type AnchorKey = Exclude<ImplementationKey, "compiled-sync" | "compiled-async">;

export const ANCHORS: readonly AnchorKey[] = [
  "handwritten-full",
  "handwritten-decision",
  "reference",
  "zen-single",
  "zen-batched",
  "json-rules-engine",
];

/** ZEN's batches: `Promise.all` over this many cases at a time. */
export const ZEN_BATCH = 100;

/** How an implementation's results were checked against the compiled engine's evaluateSync. */
export type Check =
  /** It is evaluateSync: what the others are checked against. */
  | "baseline"
  /** The whole result, deep-equal (isDeepStrictEqual): decision, outcomes with messages, values. */
  | "full result"
  /**
   * Decision, titles of the fired rules in rule order and, for Electronics, the fee: the ruleset's
   * گرد rounds it to the rial, so the whole-rial amounts must be equal (ZEN computes on 28-digit
   * rust_decimal and hands numbers over as doubles; see bench/anchors/zen.ts).
   */
  | "decision, fired rules, fee";

export interface ImplementationResult {
  key: ImplementationKey;
  label: string;
  /** Cases per timed pass. */
  cases: number;
  casesPerSecond: { median: number; min: number; max: number; runs: number[] };
  /** `per`: what one timing is — a case, or (ZEN batched) a batch of 100 cases. */
  latencyMicros: { sample: number; p50: number; p99: number; per: "case" | "batch of 100" };
  /** The full-result hand-written median rate ÷ this one's: how many times slower than the limit. */
  timesHandwrittenFull?: number;
  /** The decision-only hand-written median rate ÷ this one's. */
  timesHandwrittenDecision?: number;
  /** Our compiled evaluateSync's median rate ÷ this one's: how many times faster ours is (< 1: slower). */
  compiledSyncOverThis: number;
  /** Rejects per pass: the same for every implementation on the same cases. */
  rejectsPerPass: number;
  note?: string;
}

export interface DecisionReport {
  name: string;
  source: string;
  rules: number;
  cases: number;
  /** What this decision is measured on, and against what, when that needs saying. */
  note?: string;
  verification: {
    ran: boolean;
    passed: boolean;
    /** Cases each implementation was checked on (every case it is timed on); only the rows it has. */
    cases: Partial<Record<ImplementationKey, number>>;
    /** What was compared, per implementation. */
    checks: Partial<Record<ImplementationKey, Check>>;
    comparisons: number;
    /**
     * Cases where a peer differs from the engine only because the engine's own 40-digit arithmetic
     * lands a rial away from exact arithmetic (bench/anchors/exact-covers.ts): accepted, and listed.
     */
    arithmeticEdges: ArithmeticEdge[];
  };
  /** Over the whole corpus, from the verified results. */
  decisions: { accept: number; refer: number; reject: number };
  rulesFired: { atLeastOnce: number; total: number; never: string[] };
  implementations: ImplementationResult[];
  /**
   * Ours over each anchor of this decision, median rate ÷ median rate, from the same run (an anchor
   * this decision has no row for is absent). The headline is compiledSync over handwritten-full.
   */
  ratios: {
    compiledSync: Partial<Record<AnchorKey, number>>;
    compiledAsync: Partial<Record<AnchorKey, number>>;
  };
}

export interface BenchReport {
  generated: string;
  options: BenchOptions;
  machine: Machine;
  /** The 1, 5 and 15 minute load averages when the run started and ended: on a shared machine, how busy it was. */
  load: { start: number[]; end: number[] };
  packages: Record<string, string>;
  engine: { evaluators: { compiled: string; reference: string }; baseline: string };
  decisions: DecisionReport[];
  /** Where the figures were written, if anywhere. */
  written?: string;
}

export class BenchMismatch extends Error {}

/** A case a peer decides differently from the engine because the engine's arithmetic is not exact there. */
export interface ArithmeticEdge {
  case: number;
  implementation: ImplementationKey;
  /** Where the engine's values differ from exact arithmetic. */
  engineOffExact: string;
  engine: Decided;
  theirs: Decided;
}

// ───────────────────────────── implementations ─────────────────────────────

interface HasDecision {
  decision: string;
}

/** What verification asks of an implementation: its full result, or only its decision and fired rules. */
type Verifier =
  | { check: "baseline" }
  | { check: "full result"; full: (input: unknown) => Promise<unknown> }
  /** A slice of the corpus at a time, so that ZEN batched is verified the way it is timed. */
  | { check: "decision, fired rules, fee"; decided: (inputs: readonly unknown[]) => Promise<Decided[]> };

/** How a row is timed: one case at a time (sync or awaited), or (ZEN batched) a batch at a time. */
type Run =
  | { sync: (input: unknown) => HasDecision }
  | { async: (input: unknown) => Promise<HasDecision> }
  | { batch: (inputs: readonly unknown[]) => Promise<HasDecision[]>; size: number };

type Implementation = {
  key: ImplementationKey;
  label: string;
  corpus: readonly CaseJson[];
  run: Run;
  note?: string;
  /** For a peer that computes exactly: on a differing case, where the engine is off exact arithmetic. */
  engineOffExact?: (input: unknown, expected: EvaluationResult) => string | undefined;
} & Verifier;

/** The anchors written for a decision: ZEN's JDM graph and the hand-written json-rules-engine rules. */
interface Peers {
  zen: () => ZenRunner;
  jre: () => JreRunner;
}

interface DecisionSpec {
  name: string;
  source: string;
  cases: (n: number, seed: number, artefact: Artefact) => CaseJson[];
  /** The engine's whole result, written by hand (absent: no hand-written version). */
  full?: (input: unknown) => FullResult;
  /** Only the decision, the fired titles (and the fee), written by hand. */
  decided?: (input: unknown) => Decided;
  /** The value the decision-only rows report as `fee`, if any. */
  feeValue?: string;
  peers?: Peers;
  /**
   * Where the engine's own result on a case differs from exact arithmetic (undefined: nowhere), for the
   * peers that compute exactly (ZEN's graph): a difference there is accepted and reported, not fatal.
   */
  engineOffExact?: (input: unknown, expected: EvaluationResult) => string | undefined;
  /** Said in the printed report and the JSON: what this decision is measured on, and against what. */
  note?: string;
}

/**
 * `generateCases` (engine/generate: every boundary of every parameter and table row, every form a
 * caller may write) for the artefact, each case written back as a service sends it.
 */
function generatedCases(n: number, seed: number, artefact: Artefact): CaseJson[] {
  return generateCases(artefact, n, seed).map(canonicalizer(artefact));
}

const DECISIONS: DecisionSpec[] = [
  {
    name: "Electronics fee table",
    source: "rulesets/electronics/versions/1.zb",
    cases: electronicsCases,
    full: electronicsResult,
    decided: decideElectronics,
    feeValue: "کارمزد",
    peers: { zen: zenElectronics, jre: jreElectronics },
    engineOffExact: engineCoverOffExact,
  },
  {
    name: "Omid-style eligibility",
    source: "bench/fixtures/omid-eligibility.zb",
    cases: omidCases,
    full: omidResult,
    decided: decideOmid,
    peers: { zen: zenOmid, jre: jreOmid },
  },
  {
    name: "Omid ruleset",
    source: "rulesets/omid/versions/1.zb",
    cases: generatedCases,
    full: omidRulesetResult,
    decided: decideOmidRuleset,
    note:
      "cases from engine/generate, read by the engine's case reader and written back as a service sends them " +
      "(bench/canonical-case.ts); no ZEN or json-rules-engine version of its 85 rules exists, so the anchors " +
      "are the hand-written version (bench/handwritten/omid-ruleset.ts) and the reference evaluator",
  },
];

function decidedFrom(result: EvaluationResult, feeValue: string | undefined): Decided {
  const fired: string[] = [];
  for (const o of result.outcomes) if (fired[fired.length - 1] !== o.rule) fired.push(o.rule);
  const out: Decided = { decision: result.decision, fired };
  if (feeValue !== undefined) {
    const v = result.values[feeValue];
    out.fee = v === null || v === undefined ? null : String(v);
  }
  return out;
}

function compileFile(source: string): Artefact {
  const { artefact, diagnostics } = compileSource(readFileSync(join(ROOT, source), "utf8"));
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (!artefact || errors.length > 0)
    throw new Error(
      `${source} does not compile:\n${errors.map((d) => `  ${d.range.startLine}:${d.range.startColumn} ${d.code} ${d.message}`).join("\n")}`,
    );
  return artefact;
}

/** One at a time, awaited: never two runs in flight (json-rules-engine's trap, issue 9). */
const oneByOne =
  (one: (input: unknown) => Promise<Decided>) =>
  async (inputs: readonly unknown[]): Promise<Decided[]> => {
    const out: Decided[] = [];
    for (const input of inputs) out.push(await one(input));
    return out;
  };

/** ZEN's batches: the slice in batches of ZEN_BATCH, each a `Promise.all`. */
const inBatches =
  (batch: (inputs: readonly unknown[]) => Promise<Decided[]>) =>
  async (inputs: readonly unknown[]): Promise<Decided[]> => {
    const out: Decided[] = [];
    for (let i = 0; i < inputs.length; i += ZEN_BATCH)
      out.push(...(await batch(inputs.slice(i, i + ZEN_BATCH))));
    return out;
  };

function implementations(
  spec: DecisionSpec,
  artefact: Artefact,
  corpus: readonly CaseJson[],
  options: BenchOptions,
): {
  impls: Implementation[];
  baseline: (input: unknown) => EvaluationResult;
  evaluators: { compiled: string; reference: string };
} {
  const compiled = createEngine(artefact, { evaluator: "compiled" });
  const reference = createEngine(artefact, { evaluator: "reference" });
  const sync = (c: unknown) => compiled.evaluateSync(c);
  const slow = corpus.slice(0, options.referenceCases);
  const slowNote =
    options.referenceCases < corpus.length
      ? `verified and measured on the first ${options.referenceCases} of the ${corpus.length} cases`
      : undefined;
  const impls: Implementation[] = [
    {
      key: "compiled-sync",
      label: "compiled (evaluateSync)",
      corpus,
      run: { sync },
      check: "baseline",
    },
    {
      key: "compiled-async",
      label: "compiled (await evaluate)",
      corpus,
      run: { async: (c) => compiled.evaluate(c) },
      check: "full result",
      full: (c) => compiled.evaluate(c),
    },
    {
      key: "reference",
      label: "reference (await evaluate)",
      corpus: slow,
      run: { async: (c) => reference.evaluate(c) },
      check: "full result",
      full: (c) => reference.evaluate(c),
      note: slowNote,
    },
  ];
  const { full, decided, peers } = spec;
  if (full)
    impls.push({
      key: "handwritten-full",
      label: "hand-written, full result",
      corpus,
      run: { sync: full },
      check: "full result",
      full: async (c) => full(c),
    });
  if (decided)
    impls.push({
      key: "handwritten-decision",
      label: "hand-written, decision only",
      corpus,
      run: { sync: decided },
      check: "decision, fired rules, fee",
      decided: async (cs) => cs.map(decided),
    });
  if (peers) {
    const numbers =
      "ZEN computes on rust_decimal (28–29 digits) but takes and returns numbers as JS doubles" +
      (spec.feeValue ? "; its fee is compared in the whole rials the ruleset rounds it to" : "");
    const join = (...parts: (string | undefined)[]) => parts.filter((p) => p !== undefined).join("; ");
    const zen = peers.zen();
    const jre = peers.jre();
    impls.push(
      {
        key: "zen-single",
        label: "ZEN (await evaluate, one case)",
        corpus: slow,
        run: { async: zen.one },
        check: "decision, fired rules, fee",
        decided: oneByOne(zen.one),
        note: join(slowNote, numbers),
        engineOffExact: spec.engineOffExact,
      },
      {
        key: "zen-batched",
        label: `ZEN (Promise.all, batches of ${ZEN_BATCH})`,
        corpus,
        run: { batch: zen.batch, size: ZEN_BATCH },
        check: "decision, fired rules, fee",
        decided: inBatches(zen.batch),
        note: join(`latency per batch of ${ZEN_BATCH}, not per case`, numbers),
        engineOffExact: spec.engineOffExact,
      },
      {
        key: "json-rules-engine",
        label: "json-rules-engine rules (await run)",
        corpus: slow,
        run: { async: jre.one },
        check: "decision, fired rules, fee",
        decided: oneByOne(jre.one),
        note: slowNote,
      },
    );
  }
  const evaluators = { compiled: String(compiled.evaluator), reference: String(reference.evaluator) };
  return { impls, baseline: sync, evaluators };
}

// ───────────────────────────── verification ─────────────────────────────

function sameDecided(a: Decided, b: Decided): boolean {
  return (
    a.decision === b.decision &&
    a.fee === b.fee &&
    a.fired.length === b.fired.length &&
    a.fired.every((title, i) => title === b.fired[i])
  );
}

function isObjectLike(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}

const show = (v: unknown) => (v === undefined ? "(absent)" : JSON.stringify(v));

/**
 * Where two results differ, as `path: engine … ≠ theirs …` lines (at most `limit`): objects key by
 * key (a key only one side has is shown as absent on the other), arrays index by index.
 */
export function diffLines(expected: unknown, actual: unknown, limit = 12): string[] {
  const out: string[] = [];
  const walk = (e: unknown, a: unknown, path: string): void => {
    if (out.length >= limit || isDeepStrictEqual(e, a)) return;
    if (isObjectLike(e) && isObjectLike(a) && Array.isArray(e) === Array.isArray(a)) {
      if (Array.isArray(e) && Array.isArray(a) && e.length !== a.length)
        out.push(`${path || "(root)"}: engine has ${e.length} items ≠ ${a.length}`);
      const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
      for (const k of keys) {
        const p = Array.isArray(e) ? `${path}[${k}]` : path === "" ? k : `${path}.${k}`;
        walk(Object.hasOwn(e, k) ? e[k] : undefined, Object.hasOwn(a, k) ? a[k] : undefined, p);
      }
      if (out.length === 0) out.push(`${path || "(root)"}: differ (types or prototypes)`);
      return;
    }
    out.push(`${path || "(root)"}: engine ${show(e)} ≠ ${show(a)}`);
  };
  walk(expected, actual, "");
  return out;
}

interface Verified {
  comparisons: number;
  arithmeticEdges: ArithmeticEdge[];
  decisions: { accept: number; refer: number; reject: number };
  firedCounts: Map<string, number>;
}

function failure(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Verification goes through the corpus in slices of this many cases (ZEN batched: one batch each). */
const SLICE = ZEN_BATCH;

/**
 * Every implementation on every case it is timed on (the slow rows: the first M), against the
 * compiled engine's evaluateSync: the whole result deep-equal, or (the decision-only hand-written
 * version, ZEN, the json-rules-engine rules) the decision, fired rules and fee. Throws BenchMismatch,
 * with the first differing cases and a diff of each, on any difference or exception.
 */
async function verify(
  spec: DecisionSpec,
  impls: Implementation[],
  baseline: (input: unknown) => EvaluationResult,
  corpus: readonly CaseJson[],
): Promise<Verified> {
  const reports: string[] = [];
  const differing = new Map<string, number>();
  let comparisons = 0;
  const decisions = { accept: 0, refer: 0, reject: 0 };
  const firedCounts = new Map<string, number>();
  const arithmeticEdges: ArithmeticEdge[] = [];
  const differ = (label: string, i: number, c: unknown, lines: string[]) => {
    differing.set(label, (differing.get(label) ?? 0) + 1);
    if (reports.length < 5)
      reports.push(`case #${i}, ${label}: ${JSON.stringify(c)}\n${lines.map((l) => `    ${l}`).join("\n")}`);
  };
  for (let start = 0; start < corpus.length; start += SLICE) {
    const slice = corpus.slice(start, start + SLICE);
    const expected: (EvaluationResult | undefined)[] = slice.map((c, k) => {
      try {
        return baseline(c);
      } catch (e) {
        differ("compiled (evaluateSync)", start + k, c, [`threw ${failure(e)}`]);
        return undefined;
      }
    });
    const expectedDecided = expected.map((r) => (r ? decidedFrom(r, spec.feeValue) : undefined));
    for (const impl of impls) {
      if (impl.check === "baseline" || start >= impl.corpus.length) continue;
      const mine = slice.slice(0, impl.corpus.length - start);
      comparisons += mine.length;
      if (impl.check === "full result") {
        for (let k = 0; k < mine.length; k++) {
          const c = mine[k];
          const want = expected[k];
          if (want === undefined) continue;
          try {
            const got = await impl.full(c);
            if (!isDeepStrictEqual(got, want)) differ(impl.label, start + k, c, diffLines(want, got));
          } catch (e) {
            differ(impl.label, start + k, c, [`threw ${failure(e)}`]);
          }
        }
        continue;
      }
      let got: Decided[];
      try {
        got = await impl.decided(mine);
      } catch (e) {
        differ(impl.label, start, mine[0], [
          `threw ${failure(e)} (on one of cases #${start}–#${start + mine.length - 1})`,
        ]);
        continue;
      }
      for (let k = 0; k < mine.length; k++) {
        const want = expectedDecided[k];
        const result = expected[k];
        const theirs = got[k];
        if (want === undefined || result === undefined) continue;
        if (theirs !== undefined && sameDecided(theirs, want)) continue;
        const off = theirs !== undefined ? impl.engineOffExact?.(mine[k], result) : undefined;
        if (theirs !== undefined && off !== undefined)
          arithmeticEdges.push({
            case: start + k,
            implementation: impl.key,
            engineOffExact: off,
            engine: want,
            theirs,
          });
        else
          differ(impl.label, start + k, mine[k], [
            `engine ${JSON.stringify(want)}`,
            `≠      ${JSON.stringify(theirs)}`,
          ]);
      }
    }
    for (let k = 0; k < slice.length; k++) {
      const r = expected[k];
      const d = expectedDecided[k];
      if (!r || !d) continue;
      decisions[r.decision]++;
      for (const title of d.fired) firedCounts.set(title, (firedCounts.get(title) ?? 0) + 1);
    }
  }
  if (differing.size > 0)
    throw new BenchMismatch(
      `${spec.name}: results differ from the compiled engine's evaluateSync — ${[...differing]
        .map(([label, n]) => `${label} on ${n} case(s)`)
        .join("; ")} (of ${corpus.length}). First ones:\n${reports.join("\n")}`,
    );
  return { comparisons, arithmeticEdges, decisions, firedCounts };
}

// ───────────────────────────── measurement ─────────────────────────────

/** One timed pass over the implementation's corpus: cases/second, and how many were rejects. */
async function pass(
  impl: Implementation,
  limit = impl.corpus.length,
): Promise<{ rate: number; rejects: number }> {
  const corpus = impl.corpus;
  const n = Math.min(limit, corpus.length);
  const run = impl.run;
  let rejects = 0;
  const t0 = process.hrtime.bigint();
  if ("sync" in run) {
    for (let i = 0; i < n; i++) if (run.sync(corpus[i]).decision === "reject") rejects++;
  } else if ("async" in run) {
    for (let i = 0; i < n; i++) if ((await run.async(corpus[i])).decision === "reject") rejects++;
  } else {
    for (let i = 0; i < n; i += run.size)
      for (const r of await run.batch(corpus.slice(i, Math.min(n, i + run.size))))
        if (r.decision === "reject") rejects++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { rate: n / seconds, rejects };
}

/**
 * Each case of an evenly spread sample of `sample` cases timed on its own; for a batched row, each
 * batch of an evenly spread sample of `sample / size` batches (at least one).
 */
async function latency(impl: Implementation, sample: number): Promise<ImplementationResult["latencyMicros"]> {
  const corpus = impl.corpus;
  const run = impl.run;
  const size = "batch" in run ? run.size : 1;
  const units = Math.floor(corpus.length / size);
  const n = Math.max(1, Math.min(Math.floor(sample / size), units));
  const stride = units / n;
  const nanos: number[] = [];
  for (let k = 0; k < n; k++) {
    const at = Math.floor(k * stride) * size;
    const c = corpus[at];
    if ("sync" in run) {
      const t0 = process.hrtime.bigint();
      run.sync(c);
      nanos.push(Number(process.hrtime.bigint() - t0));
    } else if ("async" in run) {
      const t0 = process.hrtime.bigint();
      await run.async(c);
      nanos.push(Number(process.hrtime.bigint() - t0));
    } else {
      const batch = corpus.slice(at, at + size);
      const t0 = process.hrtime.bigint();
      await run.batch(batch);
      nanos.push(Number(process.hrtime.bigint() - t0));
    }
  }
  nanos.sort((a, b) => a - b);
  const rank = (p: number) =>
    (nanos[Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1)] ?? 0) / 1000;
  return { sample: n, p50: rank(0.5), p99: rank(0.99), per: size === 1 ? "case" : "batch of 100" };
}

// ───────────────────────────── output ─────────────────────────────

const int = (x: number) => Math.round(x).toLocaleString("en-US");
const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const times = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? "—" : `${fixed(x, x < 10 ? 2 : 1)}×`;

function table(report: DecisionReport): string[] {
  const withHandwritten = report.implementations.some((r) => r.key === "handwritten-full");
  const rows = report.implementations.map((r) => [
    r.label,
    `${int(r.casesPerSecond.median)} [${int(r.casesPerSecond.min)}–${int(r.casesPerSecond.max)}]`,
    `${fixed(r.latencyMicros.p50, 1)}${r.latencyMicros.per === "case" ? "" : " †"}`,
    `${fixed(r.latencyMicros.p99, 1)}${r.latencyMicros.per === "case" ? "" : " †"}`,
    ...(withHandwritten ? [times(r.timesHandwrittenFull)] : []),
    r.key === "compiled-sync" ? "1×" : times(r.compiledSyncOverThis),
  ]);
  const head = [
    "implementation",
    "cases/s median [min–max]",
    "p50 µs",
    "p99 µs",
    ...(withHandwritten ? ["× hand-written full"] : []),
    "compiled sync ÷ this",
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(head), rule, ...rows.map(line)];
}

const ANCHOR_NAMES: Record<AnchorKey, string> = {
  "handwritten-full": "hand-written, full result",
  "handwritten-decision": "hand-written, decision only",
  reference: "reference evaluator",
  "zen-single": "ZEN, one case",
  "zen-batched": `ZEN, batches of ${ZEN_BATCH}`,
  "json-rules-engine": "json-rules-engine rules",
};

/** Ours over every anchor the decision has, one line each. */
function ratioLines(report: DecisionReport): string[] {
  const width = Math.max(...ANCHORS.map((k) => ANCHOR_NAMES[k].length));
  const out: string[] = [];
  for (const key of ANCHORS) {
    const sync = report.ratios.compiledSync[key];
    const async = report.ratios.compiledAsync[key];
    if (sync === undefined || async === undefined) continue;
    const digits = sync < 10 ? 3 : 1;
    const headline = key === "handwritten-full" ? "  ← headline: identical results" : "";
    out.push(
      `compiled / ${ANCHOR_NAMES[key].padEnd(width)}  ${fixed(sync, digits)} (evaluateSync), ${fixed(async, digits)} (await evaluate)${headline}`,
    );
  }
  return out;
}

// ───────────────────────────── main ─────────────────────────────

export interface BenchIO {
  log(line: string): void;
}

export async function main(
  argv: readonly string[],
  io: BenchIO = { log: (l) => console.log(l) },
): Promise<BenchReport> {
  const options = parseArgs(argv);
  const log = io.log;
  const started = process.hrtime.bigint();
  const elapsed = () => `${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s`;
  const report: BenchReport = {
    generated: new Date().toISOString(),
    // Paths relative to the repository, so that the figures do not carry this machine's layout.
    options: { ...options, out: options.out === undefined ? undefined : relative(ROOT, options.out) },
    machine: machine(),
    load: { start: loadAverage(), end: [] },
    packages: packageVersions([
      "json-rules-engine",
      "decimal.js",
      "chevrotain",
      "tsx",
      "@gorules/zen-engine",
      "fast-check",
    ]),
    engine: {
      evaluators: { compiled: "", reference: "" },
      baseline:
        'createEngine(artefact, { evaluator: "compiled" }).evaluateSync(case): every other implementation is checked against it',
    },
    decisions: [],
  };
  const m = report.machine;
  log(`zavabet evaluation bench${options.smoke ? " (smoke)" : ""}`);
  log(`machine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`);
  log(`load average (1, 5, 15 min): ${report.load.start.join(", ")}`);
  log(
    `packages: ${Object.entries(report.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  log(
    `corpus: ${options.cases} cases per decision (seed ${options.seed}); ${options.runs} timed pass(es) per implementation; ` +
      `the slow rows (reference evaluator, ZEN one case at a time, json-rules-engine rules) are verified and measured on the first ${options.referenceCases} cases only`,
  );

  for (const spec of DECISIONS) {
    const artefact = compileFile(spec.source);
    const corpus = spec.cases(options.cases, options.seed, artefact);
    const { impls, baseline, evaluators } = implementations(spec, artefact, corpus, options);
    report.engine.evaluators = evaluators;
    log("");
    log(`${spec.name} — ${spec.source}: ${artefact.rules.length} rules, ${artefact.inputs.length} inputs`);
    if (spec.note) log(`  ${spec.note}`);

    const verified = await verify(spec, impls, baseline, corpus);
    const never = artefact.rules.map((r) => r.name).filter((name) => !verified.firedCounts.has(name));
    const labels = (check: Check) =>
      impls
        .filter((i) => i.check === check)
        .map((i) => `"${i.label}"`)
        .join(", ");
    const d = verified.decisions;
    const pct = (x: number) => `${((100 * x) / corpus.length).toFixed(1)}%`;
    log(
      `  verified: all ${impls.length} implementations agree with evaluateSync on every case they are timed on ` +
        `(${corpus.length}; the slow rows: ${Math.min(options.referenceCases, corpus.length)}; ${verified.comparisons} comparisons): ` +
        `the full result deep-equal for ${labels("full result")}` +
        (spec.decided || spec.peers
          ? `; decision, fired rules${spec.feeValue ? " and fee (whole rials)" : ""} for ${labels("decision, fired rules, fee")}`
          : "") +
        ` [${elapsed()}]`,
    );
    const edges = verified.arithmeticEdges;
    if (edges.length > 0)
      log(
        `  accepted: ${edges.length} difference(s) of a peer that computes exactly, on cases where the engine's own 40-digit ` +
          `arithmetic is a rial off exact arithmetic (bench/anchors/exact-covers.ts): ${edges
            .map((e) => `#${e.case} ${e.implementation} (${e.engineOffExact})`)
            .join("; ")}`,
      );
    log(
      `  decisions: accept ${pct(d.accept)} · refer ${pct(d.refer)} · reject ${pct(d.reject)}; ` +
        `rules fired at least once: ${artefact.rules.length - never.length}/${artefact.rules.length}` +
        (never.length > 0 ? ` (never: ${never.join("، ")})` : ""),
    );

    // Warm-up, then interleaved timed passes.
    for (const impl of impls) await pass(impl, Math.min(impl.corpus.length, 2_000));
    const runs = new Map<ImplementationKey, { rates: number[]; rejects: number }>();
    for (let r = 0; r < options.runs; r++) {
      for (const impl of impls) {
        const { rate, rejects } = await pass(impl);
        const entry = runs.get(impl.key) ?? { rates: [], rejects };
        entry.rates.push(rate);
        runs.set(impl.key, entry);
      }
    }
    const results: ImplementationResult[] = [];
    for (const impl of impls) {
      const entry = runs.get(impl.key) ?? { rates: [], rejects: 0 };
      const sample =
        impl.corpus.length < corpus.length ? Math.ceil(options.latencySample / 10) : options.latencySample;
      const result: ImplementationResult = {
        key: impl.key,
        label: impl.label,
        cases: impl.corpus.length,
        casesPerSecond: {
          median: median(entry.rates),
          min: Math.min(...entry.rates),
          max: Math.max(...entry.rates),
          runs: entry.rates,
        },
        latencyMicros: await latency(impl, sample),
        compiledSyncOverThis: Number.NaN,
        rejectsPerPass: entry.rejects,
      };
      if (impl.note) result.note = impl.note;
      results.push(result);
    }
    const rate = (key: ImplementationKey) =>
      results.find((r) => r.key === key)?.casesPerSecond.median ?? Number.NaN;
    const has = (key: ImplementationKey) => results.some((r) => r.key === key);
    for (const r of results) {
      r.compiledSyncOverThis = rate("compiled-sync") / r.casesPerSecond.median;
      if (has("handwritten-full"))
        r.timesHandwrittenFull = rate("handwritten-full") / r.casesPerSecond.median;
      if (has("handwritten-decision"))
        r.timesHandwrittenDecision = rate("handwritten-decision") / r.casesPerSecond.median;
    }
    const ratios: DecisionReport["ratios"] = { compiledSync: {}, compiledAsync: {} };
    for (const key of ANCHORS) {
      if (!has(key)) continue;
      ratios.compiledSync[key] = rate("compiled-sync") / rate(key);
      ratios.compiledAsync[key] = rate("compiled-async") / rate(key);
    }

    const decisionReport: DecisionReport = {
      name: spec.name,
      source: spec.source,
      rules: artefact.rules.length,
      cases: corpus.length,
      ...(spec.note ? { note: spec.note } : {}),
      verification: {
        ran: true,
        passed: true,
        cases: Object.fromEntries(impls.map((i) => [i.key, i.corpus.length])),
        checks: Object.fromEntries(impls.map((i) => [i.key, i.check])),
        comparisons: verified.comparisons,
        arithmeticEdges: verified.arithmeticEdges,
      },
      decisions: d,
      rulesFired: { atLeastOnce: artefact.rules.length - never.length, total: artefact.rules.length, never },
      implementations: results,
      ratios,
    };
    report.decisions.push(decisionReport);

    log("");
    for (const l of table(decisionReport)) log(`  ${l}`);
    for (const r of results)
      if (r.note) log(`  ${r.latencyMicros.per === "case" ? "" : "† "}${r.label}: ${r.note}`);
    for (const l of ratioLines(decisionReport)) log(`  ${l}`);
    log(`  [${elapsed()}]`);
  }

  report.load.end = loadAverage();
  log("");
  log(`load average at the end (1, 5, 15 min): ${report.load.end.join(", ")}`);
  if (options.out !== undefined) {
    mkdirSync(dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
    report.written = relative(ROOT, options.out);
    log("");
    log(`figures written to ${options.out}`);
  }
  return report;
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof BenchMismatch ? `BENCH ABORTED — results differ.\n${e.message}` : e);
    process.exitCode = 1;
  });
}
