/**
 * The evaluation bench: how fast the engine decides, against hand-written TypeScript versions of the
 * same decision (the limit) and against the reference evaluator.
 *
 *   node --import tsx bench/evaluate.ts [--cases N] [--reference-cases M] [--runs R] [--seed S] [--smoke]
 *
 * For each decision — the Electronics fee table (rulesets/electronics/versions/1.zb) and the
 * Omid-style eligibility fixture (bench/fixtures/omid-eligibility.zb) — it compiles the rule file once,
 * creates one engine per evaluator, and then:
 * 1. verifies every implementation against the compiled engine's `evaluateSync` on every case it is
 *    timed on: the engine's other rows and the full hand-written version must give a deep-equal result
 *    (node:util isDeepStrictEqual: decision, every outcome with its Persian message, every value); the
 *    decision-only hand-written version must give the same decision, fired rules (and, for Electronics,
 *    fee). Any difference or exception aborts the bench with the differing cases and a diff;
 * 2. measures throughput: R timed passes over the corpus per implementation, interleaved (pass 1 of
 *    each, then pass 2 of each, ...), reported as the median cases/second with the min and max;
 * 3. measures latency: each case of an evenly spread sample timed on its own (process.hrtime.bigint),
 *    reported as p50 and p99 in microseconds.
 * The reference evaluator is much slower: it is verified and measured on the first M cases of the
 * corpus only. --smoke runs 200 cases, one pass, and writes nothing; otherwise the figures go to
 * bench/results/evaluate.json with the machine and the package versions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { Artefact } from "../artefact/types";
import { compileSource } from "../dsl/index";
import { createEngine, type EvaluationResult } from "../engine/index";
import { type CaseJson, electronicsCases, omidCases } from "./cases";
import { decideElectronics, electronicsResult } from "./handwritten/electronics";
import { decideOmid, omidResult } from "./handwritten/omid";
import type { Decided, FullResult } from "./handwritten/read";
import { type Machine, machine, packageVersions } from "./machine";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = join(ROOT, "bench/results/evaluate.json");

// ───────────────────────────── options ─────────────────────────────

export interface BenchOptions {
  /** Corpus size per decision: compiled and hand-written are measured on all of it. */
  cases: number;
  /** The reference evaluator is verified and measured on the corpus's first M cases only. */
  referenceCases: number;
  /** Timed passes per implementation. */
  runs: number;
  /** Cases timed one by one for p50/p99 (the reference evaluator: a tenth of it). */
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

const SMOKE: Partial<BenchOptions> = { cases: 200, referenceCases: 200, runs: 1, latencySample: 50 };

const USAGE =
  "usage: node --import tsx bench/evaluate.ts [--cases N] [--reference-cases M] [--runs R] [--seed S] [--smoke]";

export function parseArgs(argv: readonly string[]): BenchOptions {
  const given: Partial<BenchOptions> = {};
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const count = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${arg} needs a positive whole number\n${USAGE}`);
      return v;
    };
    switch (arg) {
      case "--cases":
        given.cases = count();
        break;
      case "--reference-cases":
        given.referenceCases = count();
        break;
      case "--runs":
        given.runs = count();
        break;
      case "--seed":
        given.seed = count();
        break;
      case "--smoke":
        smoke = true;
        break;
      default:
        throw new Error(`unknown argument ${arg}\n${USAGE}`);
    }
  }
  const options: BenchOptions = {
    ...DEFAULTS,
    ...(smoke ? { ...SMOKE, out: undefined } : {}),
    ...given,
    smoke,
  };
  if (smoke) options.out = undefined;
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
  | "handwritten-decision";

/** How an implementation's results were checked against the compiled engine's evaluateSync. */
export type Check =
  /** It is evaluateSync: what the others are checked against. */
  | "baseline"
  /** The whole result, deep-equal (isDeepStrictEqual): decision, outcomes with messages, values. */
  | "full result"
  /** Decision, titles of the fired rules in rule order and, for Electronics, the fee. */
  | "decision, fired rules, fee";

export interface ImplementationResult {
  key: ImplementationKey;
  label: string;
  /** Cases per timed pass. */
  cases: number;
  casesPerSecond: { median: number; min: number; max: number; runs: number[] };
  latencyMicros: { sample: number; p50: number; p99: number };
  /** The full-result hand-written median rate ÷ this one's: how many times slower than the limit. */
  timesHandwrittenFull: number;
  /** The decision-only hand-written median rate ÷ this one's. */
  timesHandwrittenDecision: number;
  /** Rejects per pass: the same for every implementation on the same cases. */
  rejectsPerPass: number;
  note?: string;
}

export interface DecisionReport {
  name: string;
  source: string;
  rules: number;
  cases: number;
  verification: {
    ran: boolean;
    passed: boolean;
    /** Cases each implementation was checked on (every case it is timed on). */
    cases: Record<ImplementationKey, number>;
    /** What was compared, per implementation. */
    checks: Record<ImplementationKey, Check>;
    comparisons: number;
  };
  /** Over the whole corpus, from the verified results. */
  decisions: { accept: number; refer: number; reject: number };
  rulesFired: { atLeastOnce: number; total: number; never: string[] };
  implementations: ImplementationResult[];
  /** Median rate ÷ median rate. The headline is compiled over the full-result hand-written version. */
  ratios: {
    compiledSyncOverHandwrittenFull: number;
    compiledAsyncOverHandwrittenFull: number;
    compiledSyncOverHandwrittenDecision: number;
    compiledAsyncOverHandwrittenDecision: number;
    compiledSyncOverReference: number;
    compiledAsyncOverReference: number;
  };
}

export interface BenchReport {
  generated: string;
  options: BenchOptions;
  machine: Machine;
  packages: Record<string, string>;
  engine: { evaluators: { compiled: string; reference: string }; baseline: string };
  decisions: DecisionReport[];
  /** Where the figures were written, if anywhere. */
  written?: string;
}

export class BenchMismatch extends Error {}

// ───────────────────────────── implementations ─────────────────────────────

interface HasDecision {
  decision: string;
}

/** What verification asks of an implementation: its full result, or only its decision and fired rules. */
type Verifier =
  | { check: "baseline" }
  | { check: "full result"; full: (input: unknown) => Promise<unknown> }
  | { check: "decision, fired rules, fee"; decided: (input: unknown) => Decided };

type Implementation = {
  key: ImplementationKey;
  label: string;
  corpus: readonly CaseJson[];
  run: { sync: (input: unknown) => HasDecision } | { async: (input: unknown) => Promise<HasDecision> };
  note?: string;
} & Verifier;

interface DecisionSpec {
  name: string;
  source: string;
  cases: (n: number, seed: number) => CaseJson[];
  /** The engine's whole result, written by hand. */
  full: (input: unknown) => FullResult;
  /** Only the decision, the fired titles (and the fee), written by hand. */
  decided: (input: unknown) => Decided;
  /** The value the decision-only version reports as `fee`, if any. */
  feeValue?: string;
}

const DECISIONS: DecisionSpec[] = [
  {
    name: "Electronics fee table",
    source: "rulesets/electronics/versions/1.zb",
    cases: electronicsCases,
    full: electronicsResult,
    decided: decideElectronics,
    feeValue: "کارمزد",
  },
  {
    name: "Omid-style eligibility",
    source: "bench/fixtures/omid-eligibility.zb",
    cases: omidCases,
    full: omidResult,
    decided: decideOmid,
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
      corpus: corpus.slice(0, options.referenceCases),
      run: { async: (c) => reference.evaluate(c) },
      check: "full result",
      full: (c) => reference.evaluate(c),
      note:
        options.referenceCases < corpus.length
          ? `verified and measured on the first ${options.referenceCases} of the ${corpus.length} cases`
          : undefined,
    },
    {
      key: "handwritten-full",
      label: "hand-written, full result",
      corpus,
      run: { sync: spec.full },
      check: "full result",
      full: async (c) => spec.full(c),
    },
    {
      key: "handwritten-decision",
      label: "hand-written, decision only",
      corpus,
      run: { sync: spec.decided },
      check: "decision, fired rules, fee",
      decided: spec.decided,
    },
  ];
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
  decisions: { accept: number; refer: number; reject: number };
  firedCounts: Map<string, number>;
}

function failure(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/**
 * Every implementation on every case it is timed on (the reference evaluator: the first M), against
 * the compiled engine's evaluateSync: the whole result deep-equal, or (decision-only hand-written) the
 * decision, fired rules and fee. Throws BenchMismatch, with the first differing cases and a diff of
 * each, on any difference or exception.
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
  const differ = (label: string, i: number, c: unknown, lines: string[]) => {
    differing.set(label, (differing.get(label) ?? 0) + 1);
    if (reports.length < 5)
      reports.push(`case #${i}, ${label}: ${JSON.stringify(c)}\n${lines.map((l) => `    ${l}`).join("\n")}`);
  };
  for (let i = 0; i < corpus.length; i++) {
    const c = corpus[i];
    let expected: EvaluationResult;
    try {
      expected = baseline(c);
    } catch (e) {
      differ("compiled (evaluateSync)", i, c, [`threw ${failure(e)}`]);
      continue;
    }
    const expectedDecided = decidedFrom(expected, spec.feeValue);
    for (const impl of impls) {
      if (impl.check === "baseline" || i >= impl.corpus.length) continue;
      comparisons++;
      try {
        if (impl.check === "full result") {
          const got = await impl.full(c);
          if (!isDeepStrictEqual(got, expected)) differ(impl.label, i, c, diffLines(expected, got));
        } else {
          const got = impl.decided(c);
          if (!sameDecided(got, expectedDecided))
            differ(impl.label, i, c, [
              `engine ${JSON.stringify(expectedDecided)}`,
              `≠      ${JSON.stringify(got)}`,
            ]);
        }
      } catch (e) {
        differ(impl.label, i, c, [`threw ${failure(e)}`]);
      }
    }
    decisions[expected.decision]++;
    for (const title of expectedDecided.fired) firedCounts.set(title, (firedCounts.get(title) ?? 0) + 1);
  }
  if (differing.size > 0)
    throw new BenchMismatch(
      `${spec.name}: results differ from the compiled engine's evaluateSync — ${[...differing]
        .map(([label, n]) => `${label} on ${n} case(s)`)
        .join("; ")} (of ${corpus.length}). First ones:\n${reports.join("\n")}`,
    );
  return { comparisons, decisions, firedCounts };
}

// ───────────────────────────── measurement ─────────────────────────────

/** One timed pass over the implementation's corpus: cases/second, and how many were rejects. */
async function pass(
  impl: Implementation,
  limit = impl.corpus.length,
): Promise<{ rate: number; rejects: number }> {
  const corpus = impl.corpus;
  const n = Math.min(limit, corpus.length);
  let rejects = 0;
  const t0 = process.hrtime.bigint();
  if ("sync" in impl.run) {
    const run = impl.run.sync;
    for (let i = 0; i < n; i++) if (run(corpus[i]).decision === "reject") rejects++;
  } else {
    const run = impl.run.async;
    for (let i = 0; i < n; i++) if ((await run(corpus[i])).decision === "reject") rejects++;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { rate: n / seconds, rejects };
}

async function latency(
  impl: Implementation,
  sample: number,
): Promise<{ sample: number; p50: number; p99: number }> {
  const corpus = impl.corpus;
  const n = Math.max(1, Math.min(sample, corpus.length));
  const stride = corpus.length / n;
  const nanos: number[] = [];
  for (let k = 0; k < n; k++) {
    const c = corpus[Math.floor(k * stride)];
    if ("sync" in impl.run) {
      const t0 = process.hrtime.bigint();
      impl.run.sync(c);
      nanos.push(Number(process.hrtime.bigint() - t0));
    } else {
      const t0 = process.hrtime.bigint();
      await impl.run.async(c);
      nanos.push(Number(process.hrtime.bigint() - t0));
    }
  }
  nanos.sort((a, b) => a - b);
  const rank = (p: number) =>
    (nanos[Math.min(nanos.length - 1, Math.ceil(p * nanos.length) - 1)] ?? 0) / 1000;
  return { sample: n, p50: rank(0.5), p99: rank(0.99) };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

// ───────────────────────────── output ─────────────────────────────

const int = (x: number) => Math.round(x).toLocaleString("en-US");
const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : "—");
const times = (x: number) => `${fixed(x, x < 10 ? 2 : 1)}×`;

function table(report: DecisionReport): string[] {
  const rows = report.implementations.map((r) => [
    r.label,
    `${int(r.casesPerSecond.median)} [${int(r.casesPerSecond.min)}–${int(r.casesPerSecond.max)}]`,
    fixed(r.latencyMicros.p50, 1),
    fixed(r.latencyMicros.p99, 1),
    times(r.timesHandwrittenFull),
    times(r.timesHandwrittenDecision),
  ]);
  const head = [
    "implementation",
    "cases/s median [min–max]",
    "p50 µs",
    "p99 µs",
    "× hand-written full",
    "× hand-written decision",
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `${"-".repeat(w + 1)}-` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(head), rule, ...rows.map(line)];
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
    packages: packageVersions(["json-rules-engine", "decimal.js", "chevrotain", "tsx"]),
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
  log(
    `packages: ${Object.entries(report.packages)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")}`,
  );
  log(
    `corpus: ${options.cases} cases per decision (seed ${options.seed}); ${options.runs} timed pass(es) per implementation; ` +
      `the reference evaluator (much slower) is verified and measured on the first ${options.referenceCases} cases only`,
  );

  for (const spec of DECISIONS) {
    const artefact = compileFile(spec.source);
    const corpus = spec.cases(options.cases, options.seed);
    const { impls, baseline, evaluators } = implementations(spec, artefact, corpus, options);
    report.engine.evaluators = evaluators;
    log("");
    log(`${spec.name} — ${spec.source}: ${artefact.rules.length} rules, ${artefact.inputs.length} inputs`);

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
        `(${corpus.length}; reference: ${Math.min(options.referenceCases, corpus.length)}; ${verified.comparisons} comparisons): ` +
        `the full result deep-equal for ${labels("full result")}; decision, fired rules${spec.feeValue ? " and fee" : ""} for ${labels("decision, fired rules, fee")} [${elapsed()}]`,
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
      const sample = impl.key === "reference" ? Math.ceil(options.latencySample / 10) : options.latencySample;
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
        timesHandwrittenFull: Number.NaN,
        timesHandwrittenDecision: Number.NaN,
        rejectsPerPass: entry.rejects,
      };
      if (impl.note) result.note = impl.note;
      results.push(result);
    }
    const rate = (key: ImplementationKey) =>
      results.find((r) => r.key === key)?.casesPerSecond.median ?? Number.NaN;
    for (const r of results) {
      r.timesHandwrittenFull = rate("handwritten-full") / r.casesPerSecond.median;
      r.timesHandwrittenDecision = rate("handwritten-decision") / r.casesPerSecond.median;
    }

    const decisionReport: DecisionReport = {
      name: spec.name,
      source: spec.source,
      rules: artefact.rules.length,
      cases: corpus.length,
      verification: {
        ran: true,
        passed: true,
        cases: Object.fromEntries(impls.map((i) => [i.key, i.corpus.length])) as Record<
          ImplementationKey,
          number
        >,
        checks: Object.fromEntries(impls.map((i) => [i.key, i.check])) as Record<ImplementationKey, Check>,
        comparisons: verified.comparisons,
      },
      decisions: d,
      rulesFired: { atLeastOnce: artefact.rules.length - never.length, total: artefact.rules.length, never },
      implementations: results,
      ratios: {
        compiledSyncOverHandwrittenFull: rate("compiled-sync") / rate("handwritten-full"),
        compiledAsyncOverHandwrittenFull: rate("compiled-async") / rate("handwritten-full"),
        compiledSyncOverHandwrittenDecision: rate("compiled-sync") / rate("handwritten-decision"),
        compiledAsyncOverHandwrittenDecision: rate("compiled-async") / rate("handwritten-decision"),
        compiledSyncOverReference: rate("compiled-sync") / rate("reference"),
        compiledAsyncOverReference: rate("compiled-async") / rate("reference"),
      },
    };
    report.decisions.push(decisionReport);

    log("");
    for (const l of table(decisionReport)) log(`  ${l}`);
    for (const r of results) if (r.note) log(`  ${r.label}: ${r.note}`);
    const q = decisionReport.ratios;
    log(
      `  compiled / hand-written, full result:   ${fixed(q.compiledSyncOverHandwrittenFull, 3)} (evaluateSync), ${fixed(q.compiledAsyncOverHandwrittenFull, 3)} (await evaluate)  ← headline: identical results`,
    );
    log(
      `  compiled / hand-written, decision only: ${fixed(q.compiledSyncOverHandwrittenDecision, 3)} (evaluateSync), ${fixed(q.compiledAsyncOverHandwrittenDecision, 3)} (await evaluate)`,
    );
    log(
      `  compiled / reference:                   ${fixed(q.compiledSyncOverReference, 1)}× (evaluateSync), ${fixed(q.compiledAsyncOverReference, 1)}× (await evaluate)`,
    );
    log(`  [${elapsed()}]`);
  }

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
