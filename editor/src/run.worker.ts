/**
 * The draft, run where the person types it: compiled by `compileSource` (dsl/) and run by
 * `createEngine` / `runTests` (engine/) — the code `zavabet test` and `zavabet eval` use — and
 * compared with another version by compare/'s `diffCase` + `Comparison` — the code of
 * `zavabet compare`. Nothing here talks to the server: the draft never leaves the browser.
 * The last compiled text is kept, so asking for the tests and then a case compiles once.
 */
import type { Artefact } from "../../artefact/types";
import { explain } from "../../cli/explain";
import { Comparison, diffCase, type RulesetRef } from "../../compare/index";
import { compileSource } from "../../dsl/index";
import { generateCases } from "../../engine/generate/index";
import { CaseError, createEngine, runTests, type ZavabetEngine } from "../../engine/index";
import { expectationRows } from "./expectations";
import {
  type CorpusCounts,
  GENERATED,
  type RunAnswer,
  type RunRequest,
  type RunResponse,
} from "./run-protocol";

/** Generated cases use a fixed seed, so a comparison repeats exactly. */
const SEED = 1;

type Compiled =
  | { ok: true; artefact: Artefact; engine: ZavabetEngine }
  | { ok: false; errors: { line: number; fa: string }[] };

const cache = new Map<string, Compiled>();

function compiled(source: string): Compiled {
  const hit = cache.get(source);
  if (hit) return hit;
  const { artefact, diagnostics } = compileSource(source);
  let entry: Compiled;
  if (artefact) {
    entry = { ok: true, artefact, engine: createEngine(artefact) };
  } else {
    const errors = diagnostics
      .filter((d) => d.severity === "error")
      .slice(0, 5)
      .map((d) => ({ line: d.range.startLine, fa: d.message.fa }));
    entry = { ok: false, errors };
  }
  // The draft and at most one other version: keep the two most recent texts.
  if (cache.size >= 2) cache.delete(cache.keys().next().value as string);
  cache.set(source, entry);
  return entry;
}

async function answer(request: RunRequest): Promise<RunAnswer> {
  if (request.kind === "compare") return compare(request);
  const draft = compiled(request.source);
  if (!draft.ok) return { kind: "does-not-compile", which: "draft", errors: draft.errors };
  const { artefact, engine } = draft;
  switch (request.kind) {
    case "inputs":
      return { kind: "inputs", inputs: artefact.inputs };
    case "tests": {
      const report = await runTests(engine, artefact);
      const tests = report.results.map((r, i) => {
        const test = artefact.tests[i];
        return {
          name: r.name,
          line: test?.source.startLine ?? 1,
          ok: r.ok,
          failures: r.failures,
          rows: r.ok || !test ? [] : expectationRows(engine, test),
        };
      });
      return { kind: "tests", passed: report.passed, failed: report.failed, tests };
    }
    case "evaluate":
      try {
        const result = engine.evaluateSync(request.case, { trace: true });
        const { decision, outcomes, values } = result;
        return {
          kind: "evaluate",
          result: { decision, outcomes, values, explain: explain(result, artefact) },
        };
      } catch (e) {
        if (e instanceof CaseError) return { kind: "invalid-case", issues: e.issues };
        throw e;
      }
  }
}

function compare(request: Extract<RunRequest, { kind: "compare" }>): RunAnswer {
  const draft = compiled(request.draft);
  if (!draft.ok) return { kind: "does-not-compile", which: "draft", errors: draft.errors };
  const base = compiled(request.base.source);
  if (!base.ok) return { kind: "does-not-compile", which: "base", errors: base.errors };
  // The corpus: both versions' own test cases, the fund's examples, and generated cases — half
  // from each version, so that the boundaries of both (the old cap and the new) are exercised.
  const tests = [...draft.artefact.tests, ...base.artefact.tests].map((t) => t.inputs);
  const half = Math.floor(GENERATED / 2);
  const generated = [
    ...generateCases(draft.artefact, half, SEED),
    ...generateCases(base.artefact, GENERATED - half, SEED),
  ];
  const corpus = [...tests, ...request.examples, ...generated];
  const ref = (engine: ZavabetEngine, name: string): RulesetRef => ({
    ruleset: name,
    fund: engine.artefact.ruleset.fund,
    version: engine.artefact.ruleset.version,
    file: name,
  });
  const comparison = new Comparison({
    base: ref(base.engine, `نسخه‌ی ${request.base.version}`),
    candidate: ref(draft.engine, "پیش‌نویس"),
    baseEngine: base.engine,
    candidateEngine: draft.engine,
    cases: { source: "آزمون‌ها، نمونه‌ها و پرونده‌های ساخته‌شده", format: "jsonl" },
  });
  corpus.forEach((c, i) => {
    comparison.add(diffCase(base.engine, draft.engine, i + 1, c));
  });
  const counts: CorpusCounts = {
    tests: tests.length,
    examples: request.examples.length,
    generated: generated.length,
  };
  return { kind: "compare", report: comparison.report(), corpus: counts };
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const request = event.data;
  let response: RunResponse;
  try {
    response = { id: request.id, ...(await answer(request)) };
  } catch (e) {
    // A bug in the compiler or the engine: say so instead of leaving the panel waiting.
    response = { id: request.id, kind: "failure", message: e instanceof Error ? e.message : String(e) };
  }
  self.postMessage(response);
};
