/**
 * `npm run bench`: every bench, one after the other, each in its own process, then one summary.
 *
 *   node --import tsx bench/run.ts [--smoke] [--only evaluate,compile,...] [--render] [--results DIR] [--doc FILE]
 *
 * 1. Runs bench/evaluate.ts, compile.ts, diagnostics.ts, http-load.ts and compare.ts (in that order,
 *    one at a time: two benches at once would measure each other), each writing its own figures to
 *    <results>/<name>.json (default bench/results/) and printing its own tables. --only runs some;
 *    the others' last figures are read from their files as they are. --render runs none.
 * 2. Reads every <name>.json and writes <results>/latest.json: the headline figures of each (every
 *    one a median over the bench's runs with min and max), the machine, the package versions, when
 *    and under what load each bench ran, and every target of issue 10 with the figure it is held to
 *    and whether it is met.
 * 3. Renders latest.json as tables in docs/performance.md, between its two `bench:` marker comments
 *    (the rest of that file — where the time goes, the walls — is written by hand and kept).
 * --smoke: every bench at its smoke size, results, latest.json and performance.md in a temporary
 * folder (or --results): the run test/bench/run-smoke.test.ts makes so that this script cannot rot.
 * Smoke figures mean nothing.
 * Exit code 1 when a bench fails (its figures are then the previous ones, and latest.json says so).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompareBenchReport } from "./compare";
import type { CompileBenchReport } from "./compile";
import type { DiagnosticsBenchReport } from "./diagnostics";
import type { BenchReport as EvaluateBenchReport } from "./evaluate";
import { type Machine, machine } from "./machine";
import { n as fmt, renderPerformance } from "./render";
import type { Spread } from "./spread";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * The benches in the order they run, each with its script and the arguments of its smoke run (the
 * HTTP one on the 47-rule Omid-style file: the real Omid ruleset is its full run's, and slow for a
 * smoke). Each writes <results>/<name>.json.
 */
export const BENCHES = [
  { name: "evaluate", script: "bench/evaluate.ts", smoke: ["--smoke"] },
  { name: "compile", script: "bench/compile.ts", smoke: ["--smoke"] },
  { name: "diagnostics", script: "bench/diagnostics.ts", smoke: ["--smoke"] },
  { name: "http", script: "bench/http-load.ts", smoke: ["bench/fixtures/omid-eligibility.zb", "--smoke"] },
  { name: "compare", script: "bench/compare.ts", smoke: ["--quick"] },
] as const;

export type BenchName = (typeof BENCHES)[number]["name"];

export interface RunOptions {
  smoke: boolean;
  only: BenchName[];
  render: boolean;
  results: string;
  doc: string;
}

const USAGE =
  "usage: node --import tsx bench/run.ts [--smoke] [--only evaluate,compile,diagnostics,http,compare] [--render] [--results DIR] [--doc FILE]";

export function parseArgs(argv: readonly string[]): RunOptions {
  const names = BENCHES.map((b) => b.name) as BenchName[];
  let smoke = false;
  let render = false;
  let only = names;
  let results: string | undefined;
  let doc: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${arg} needs a value\n${USAGE}`);
      return v;
    };
    if (arg === "--smoke") smoke = true;
    else if (arg === "--render") render = true;
    else if (arg === "--only") {
      const asked = value().split(",");
      const unknown = asked.filter((n) => !names.includes(n as BenchName));
      if (unknown.length > 0) throw new Error(`no bench named ${unknown.join(", ")}\n${USAGE}`);
      only = asked as BenchName[];
    } else if (arg === "--results") results = resolve(value());
    else if (arg === "--doc") doc = resolve(value());
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  // A smoke run's figures mean nothing: never over the committed ones.
  const dir =
    results ?? (smoke ? mkdtempSync(join(tmpdir(), "zavabet-bench-smoke-")) : join(ROOT, "bench/results"));
  return {
    smoke,
    render,
    only: render ? [] : only,
    results: dir,
    doc: doc ?? (smoke ? join(dir, "performance.md") : join(ROOT, "docs/performance.md")),
  };
}

// ───────────────────────────── latest.json ─────────────────────────────

/** When, how and under what load a bench's figures were taken. */
export interface BenchRun {
  file: string;
  generated: string;
  command?: string;
  /** 1, 5 and 15 minute load averages before and after (2 shared cores: above 2 is contention). */
  load: { before: number[]; after: number[] };
  /** Ran by this invocation (false: figures from an earlier run, read from the file). */
  fresh: boolean;
  /** This invocation ran it and it failed: the figures, if any, are from before. */
  failed?: true;
}

export interface EvaluationRow {
  key: string;
  label: string;
  casesPerSecond: Spread;
  p50Micros: number;
  p99Micros: number;
  /** What one latency timing is: a case, or (ZEN batched) a batch of 100. */
  per: string;
}

export interface Target {
  id: string;
  /** The target as issue 10 states it. */
  target: string;
  /** The figure it is held to, as measured. */
  measured: string;
  /** null: not measured at the size the target names (the figure is a projection or missing). */
  met: boolean | null;
}

export interface Latest {
  generated: string;
  smoke: boolean;
  /** The machine this summary was made on; each bench's file carries the one it ran on. */
  machine: Machine;
  packages: Record<string, string>;
  runs: Partial<Record<BenchName, BenchRun>>;
  evaluation?: {
    cases: number;
    runs: number;
    decisions: {
      name: string;
      source: string;
      rules: number;
      verified: boolean;
      rows: EvaluationRow[];
      /** Our compiled evaluateSync's median rate ÷ each anchor's. */
      compiledOver: Record<string, number>;
    }[];
  };
  http?: {
    ruleset: string;
    connections: number;
    evaluate: { requestsPerSecond: Spread; p99Ms: number; errors: number };
    constant: { requestsPerSecond: Spread; p99Ms: number; errors: number };
    sameSizeConstant: { requestsPerSecond: Spread; p99Ms: number };
    batch: { casesPerRequest: number; requestsPerSecond: Spread; casesPerSecond: number; p99Ms: number };
    evaluateOverConstant: number;
    evaluateOverSameSize: number;
    targetRatio: number;
  };
  compile?: {
    files: {
      source: string;
      bytes: number;
      lines: number;
      rules: number;
      compileMBPerSecond: Spread;
      checkMBPerSecond: Spread;
    }[];
    shipped: { files: number; bytes: number; compileMBPerSecond: number };
  };
  diagnostics?: {
    source: string;
    lines: number;
    browser: string;
    typo: { keystrokeToDrawnMs: Spread; pauseMs: Spread; workerMs: Spread };
    fix: { keystrokeToDrawnMs: Spread; pauseMs: Spread; workerMs: Spread };
    nodeCheckSourceMs: number;
  };
  regression?: {
    cases: number;
    threads: number;
    threaded: { wallSeconds: Spread; casesPerSecond: Spread };
    single: { wallSeconds: Spread; casesPerSecond: Spread };
    threadedOverSingle: number;
    peakRssMiB: { small: number; smallCases: number; large: number; largeCases: number; ratio: number };
    reportsIdentical: boolean;
  };
  targets: Target[];
}

/**
 * What the summary reads of bench/http-load.ts's figures (that script builds its report inline and
 * runs on import, so its type is written out here).
 */
interface HttpBenchReport {
  generated: string;
  command: string;
  machine: { loadAverage: { before: number[]; after: number[] } };
  packages: Record<string, string>;
  ruleset: { source: string };
  setup: { connections: number };
  rounds: HttpRound[];
  throughput: HttpThroughput;
  batch: HttpThroughput & { casesPerRequest: number; casesPerSecond: number };
  constant: { rounds: HttpRound[]; throughput: HttpThroughput; sameSizeThroughput: HttpThroughput };
  versusConstant: {
    single: { ratio: number; evaluateP99Ms: number; constantP99Ms: number };
    singleSameSizeAnswer: { ratio: number; constantP99Ms: number };
    batch: { evaluateP99Ms: number };
    target: { ratio: number };
  };
}
interface HttpRound {
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface HttpThroughput {
  requestsPerSecondMedian: number;
  requestsPerSecondMin: number;
  requestsPerSecondMax: number;
}

const spreadOf = (s: { median: number; min: number; max: number }): Spread => ({
  median: s.median,
  min: s.min,
  max: s.max,
});

function evaluation(r: EvaluateBenchReport): NonNullable<Latest["evaluation"]> {
  return {
    cases: r.options.cases,
    runs: r.options.runs,
    decisions: r.decisions.map((d) => ({
      name: d.name,
      source: d.source,
      rules: d.rules,
      verified: d.verification.ran && d.verification.passed,
      rows: d.implementations.map((i) => ({
        key: i.key,
        label: i.label,
        casesPerSecond: spreadOf(i.casesPerSecond),
        p50Micros: i.latencyMicros.p50,
        p99Micros: i.latencyMicros.p99,
        per: i.latencyMicros.per,
      })),
      compiledOver: { ...d.ratios.compiledSync } as Record<string, number>,
    })),
  };
}

function http(r: HttpBenchReport): NonNullable<Latest["http"]> {
  const v = r.versusConstant;
  const spreadRps = (t: HttpThroughput) => ({
    median: t.requestsPerSecondMedian,
    min: t.requestsPerSecondMin,
    max: t.requestsPerSecondMax,
  });
  const errors = (rounds: HttpRound[]) => rounds.reduce((n, x) => n + x.errors + x.timeouts + x.non2xx, 0);
  return {
    ruleset: r.ruleset.source,
    connections: r.setup.connections,
    evaluate: {
      requestsPerSecond: spreadRps(r.throughput),
      p99Ms: v.single.evaluateP99Ms,
      errors: errors(r.rounds),
    },
    constant: {
      requestsPerSecond: spreadRps(r.constant.throughput),
      p99Ms: v.single.constantP99Ms,
      errors: errors(r.constant.rounds),
    },
    sameSizeConstant: {
      requestsPerSecond: spreadRps(r.constant.sameSizeThroughput),
      p99Ms: v.singleSameSizeAnswer.constantP99Ms,
    },
    batch: {
      casesPerRequest: r.batch.casesPerRequest,
      requestsPerSecond: spreadRps(r.batch),
      casesPerSecond: r.batch.casesPerSecond,
      p99Ms: v.batch.evaluateP99Ms,
    },
    evaluateOverConstant: v.single.ratio,
    evaluateOverSameSize: v.singleSameSizeAnswer.ratio,
    targetRatio: v.target.ratio,
  };
}

function compile(r: CompileBenchReport): NonNullable<Latest["compile"]> {
  return {
    files: r.files.map((f) => ({
      source: f.source,
      bytes: f.bytes,
      lines: f.lines,
      rules: f.rules,
      compileMBPerSecond: spreadOf(f.compileMBPerSecond),
      checkMBPerSecond: spreadOf(f.checkMBPerSecond),
    })),
    shipped: {
      files: r.shipped.files,
      bytes: r.shipped.bytes,
      compileMBPerSecond: r.shipped.compileMBPerSecond,
    },
  };
}

function diagnostics(r: DiagnosticsBenchReport): NonNullable<Latest["diagnostics"]> {
  const direction = (d: DiagnosticsBenchReport["typo"]) => ({
    keystrokeToDrawnMs: spreadOf(d.keystrokeToDrawnMs),
    pauseMs: spreadOf(d.pauseMs),
    workerMs: spreadOf(d.workerMs),
  });
  return {
    source: r.file.source,
    lines: r.file.lines,
    browser: r.browser,
    typo: direction(r.typo),
    fix: direction(r.fix),
    nodeCheckSourceMs: r.nodeCheckSourceMs,
  };
}

function regression(r: CompareBenchReport): NonNullable<Latest["regression"]> {
  const c = r.compare;
  return {
    cases: r.corpus.cases,
    threads: c.threads,
    threaded: {
      wallSeconds: spreadOf(c.threadedWallSeconds),
      casesPerSecond: spreadOf(c.threadedCasesPerSecond),
    },
    single: { wallSeconds: spreadOf(c.singleWallSeconds), casesPerSecond: spreadOf(c.singleCasesPerSecond) },
    threadedOverSingle: c.ratioThreadedOverSingle,
    peakRssMiB: {
      small: r.memory.small.peakRssMiB,
      smallCases: r.memory.small.cases,
      large: r.memory.largePeakRssMiB,
      largeCases: r.memory.largeCases,
      ratio: r.memory.ratio,
    },
    reportsIdentical: r.reports.identical,
  };
}

/** Issue 10's targets, each against the figure it names. */
function targets(l: Omit<Latest, "targets">): Target[] {
  const out: Target[] = [];
  const missing = (id: string, target: string) =>
    out.push({ id, target, measured: "not measured", met: null });
  const ev = l.evaluation;
  if (ev) {
    for (const d of ev.decisions) {
      const full = d.compiledOver["handwritten-full"];
      if (full !== undefined) {
        out.push({
          id: `evaluate.handwritten.${d.source}`,
          target: `compiled ≥ 0.5× the hand-written function — ${d.name}`,
          measured: `${fmt(full, 3)}×`,
          met: full >= 0.5,
        });
      }
      const zen = d.compiledOver["zen-batched"];
      if (zen !== undefined) {
        out.push({
          id: `evaluate.zen.${d.source}`,
          target: `compiled ≥ 10× ZEN in batches of 100 — ${d.name}`,
          measured: `${fmt(zen, 1)}×`,
          met: zen >= 10,
        });
      }
    }
    const omid = ev.decisions.find((d) => d.source === "rulesets/omid/versions/1.zb");
    const p99 = omid?.rows.find((r) => r.key === "compiled-sync")?.p99Micros;
    if (p99 === undefined) missing("evaluate.p99", "p99 ≤ 20 µs on the Omid ruleset");
    else
      out.push({
        id: "evaluate.p99",
        target: "p99 ≤ 20 µs on the Omid ruleset",
        measured: `${fmt(p99, 1)} µs`,
        met: p99 <= 20,
      });
  } else {
    missing("evaluate", "the evaluation targets");
  }
  if (l.compile) {
    const slowest = Math.min(...l.compile.files.map((f) => f.compileMBPerSecond.median));
    out.push({
      id: "compile.rate",
      target: "compile ≥ 5 MB/s (every shipped file and a generated 10,000-rule file)",
      measured: `${fmt(slowest, 2)} MB/s (slowest file's median)`,
      met: slowest >= 5,
    });
  } else missing("compile.rate", "compile ≥ 5 MB/s");
  if (l.diagnostics) {
    const d = l.diagnostics;
    const ms = Math.max(d.typo.keystrokeToDrawnMs.median, d.fix.keystrokeToDrawnMs.median);
    out.push({
      id: "diagnostics.keystroke",
      target: `diagnostics within 50 ms of a keystroke on 5,000 lines (${fmt(d.lines)} measured)`,
      measured: `${fmt(ms, 1)} ms (typo and fix, the larger median)`,
      met: d.lines >= 5000 ? ms <= 50 : null,
    });
  } else missing("diagnostics.keystroke", "diagnostics within 50 ms on 5,000 lines");
  if (l.regression) {
    const g = l.regression;
    const atSize = g.cases >= 1_000_000;
    const seconds = g.threaded.wallSeconds.median * (1_000_000 / g.cases);
    out.push({
      id: "regression.wall",
      target: "1,000,000 cases × 2 versions within 15 s on 2 cores",
      measured: `${fmt(seconds, 1)} s${atSize ? "" : ` (projected from ${fmt(g.cases)} cases)`}`,
      met: atSize ? seconds <= 15 : null,
    });
    out.push({
      id: "regression.memory",
      target: `peak memory over ${fmt(g.peakRssMiB.largeCases)} cases within 10% of the run over ${fmt(g.peakRssMiB.smallCases)}`,
      measured: `${fmt(g.peakRssMiB.large, 1)} ÷ ${fmt(g.peakRssMiB.small, 1)} MiB = ${fmt(g.peakRssMiB.ratio, 3)}`,
      met: g.peakRssMiB.largeCases >= 1_000_000 ? g.peakRssMiB.ratio <= 1.1 : null,
    });
  } else missing("regression", "1,000,000 × 2 within 15 s; memory within 10%");
  if (l.http) {
    const h = l.http;
    const errors = h.evaluate.errors + h.constant.errors;
    out.push({
      id: "http.ratio",
      target: `evaluate endpoint ≥ ${h.targetRatio}× the constant endpoint's requests/s, no errors`,
      measured: `${fmt(h.evaluateOverConstant, 3)}× (${fmt(h.evaluate.requestsPerSecond.median)} vs ${fmt(h.constant.requestsPerSecond.median)} req/s), ${errors} errors`,
      met: h.evaluateOverConstant >= h.targetRatio && errors === 0,
    });
  } else missing("http.ratio", "evaluate endpoint ≥ 0.5× the constant endpoint");
  return out;
}

/** The summary of whatever result files `dir` holds. */
export function summarize(
  dir: string,
  options: { smoke: boolean; ran: Partial<Record<BenchName, "ok" | "failed">> },
): Latest {
  const read = <T>(name: BenchName): T | undefined => {
    const file = join(dir, `${name}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
  };
  const ev = read<EvaluateBenchReport>("evaluate");
  const co = read<CompileBenchReport>("compile");
  const di = read<DiagnosticsBenchReport>("diagnostics");
  const ht = read<HttpBenchReport>("http");
  const cm = read<CompareBenchReport>("compare");
  const runs: Latest["runs"] = {};
  const packages: Record<string, string> = {};
  const note = (
    name: BenchName,
    r: { generated: string; command?: string; packages: Record<string, string> } | undefined,
    load: { before: number[]; after: number[] } | undefined,
  ) => {
    if (!r) return;
    Object.assign(packages, r.packages);
    const outcome = options.ran[name];
    runs[name] = {
      file: relative(ROOT, join(dir, `${name}.json`)),
      generated: r.generated,
      ...(r.command === undefined ? {} : { command: r.command }),
      load: load ?? { before: [], after: [] },
      fresh: outcome === "ok",
      ...(outcome === "failed" ? { failed: true as const } : {}),
    };
  };
  note("evaluate", ev, ev && { before: ev.load.start, after: ev.load.end });
  note("compile", co, co?.loadAverage);
  note("diagnostics", di, di?.loadAverage);
  note("http", ht, ht && { before: ht.machine.loadAverage.before, after: ht.machine.loadAverage.after });
  note("compare", cm, cm?.loadAverage);
  const partial: Omit<Latest, "targets"> = {
    generated: new Date().toISOString(),
    smoke: options.smoke,
    machine: machine(),
    packages: Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b))),
    runs,
    ...(ev ? { evaluation: evaluation(ev) } : {}),
    ...(ht ? { http: http(ht) } : {}),
    ...(co ? { compile: compile(co) } : {}),
    ...(di ? { diagnostics: diagnostics(di) } : {}),
    ...(cm ? { regression: regression(cm) } : {}),
  };
  return { ...partial, targets: targets(partial) };
}

// ───────────────────────────── main ─────────────────────────────

/** Runs one bench in its own process, its output on this one's; true when it succeeded. */
function runBench(
  bench: (typeof BENCHES)[number],
  options: RunOptions,
  log: (line: string) => void,
): boolean {
  const args = ["--import", "tsx", bench.script, "--out", join(options.results, `${bench.name}.json`)];
  if (options.smoke) args.push(...bench.smoke);
  log(`\n━━ ${bench.name}: node ${args.join(" ")}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "inherit" });
  const ok = r.status === 0;
  log(
    `━━ ${bench.name}: ${ok ? "done" : `FAILED (exit ${r.status ?? r.signal})`} in ${fmt((Date.now() - started) / 1000, 1)} s`,
  );
  return ok;
}

export function main(
  argv: readonly string[],
  log: (line: string) => void = console.log,
): { latest: Latest; ok: boolean } {
  const options = parseArgs(argv);
  mkdirSync(options.results, { recursive: true });
  const ran: Partial<Record<BenchName, "ok" | "failed">> = {};
  for (const bench of BENCHES) {
    if (!options.only.includes(bench.name)) continue;
    ran[bench.name] = runBench(bench, options, log) ? "ok" : "failed";
  }
  const latest = summarize(options.results, { smoke: options.smoke, ran });
  const latestFile = join(options.results, "latest.json");
  writeFileSync(latestFile, `${JSON.stringify(latest, null, 2)}\n`);
  const existing = existsSync(options.doc) ? readFileSync(options.doc, "utf8") : undefined;
  writeFileSync(options.doc, renderPerformance(latest, existing));
  log(`\nsummary → ${relative(ROOT, latestFile)}, tables → ${relative(ROOT, options.doc)}`);
  for (const t of latest.targets) {
    log(`${t.met === true ? "✓" : t.met === false ? "✗" : "·"} ${t.target}: ${t.measured}`);
  }
  return { latest, ok: !Object.values(ran).includes("failed") };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { ok } = main(process.argv.slice(2));
    process.exitCode = ok ? 0 : 1;
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 2;
  }
}
