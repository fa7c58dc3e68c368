/**
 * Running an artefact's own tests (`آزمون` blocks compiled to `artefact.tests`). Inputs are case JSON
 * as a caller sends it; expected values are compared exactly, as strings, with the serialised values
 * of the result (engine/serialize.ts: "135000000", percent points "1.5", dates "1403/01/15").
 */
import type { Artefact, ArtefactTest } from "../artefact/types";
import type { ZavabetEngine } from "./engine";
import { CaseError } from "./errors";
import type { EvaluationResult } from "./result";

export interface TestResult {
  name: string;
  ok: boolean;
  /** One line per failed expectation, Persian then English. */
  failures: string[];
}

export interface TestReport {
  passed: number;
  failed: number;
  results: TestResult[];
}

const DECISION_FA = { accept: "پذیرش", reject: "رد", refer: "ارجاع" } as const;

const show = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v));

function check(test: ArtefactTest, result: EvaluationResult): string[] {
  const failures: string[] = [];
  const { expect } = test;
  if (expect.decision !== undefined && result.decision !== expect.decision) {
    failures.push(
      `تصمیم: انتظار «${DECISION_FA[expect.decision]}» بود، اما «${DECISION_FA[result.decision]}» شد` +
        ` / decision: expected ${expect.decision}, got ${result.decision}`,
    );
  }
  const fired = new Set(result.outcomes.map((o) => o.rule));
  for (const rule of expect.fired ?? []) {
    if (!fired.has(rule))
      failures.push(`قاعده‌ی «${rule}» باید اجرا می‌شد و نشد / rule «${rule}» should have fired`);
  }
  for (const rule of expect.notFired ?? []) {
    if (fired.has(rule))
      failures.push(`قاعده‌ی «${rule}» نباید اجرا می‌شد / rule «${rule}» should not have fired`);
  }
  for (const [name, want] of Object.entries(expect.values ?? {})) {
    const got = Object.hasOwn(result.values, name) ? result.values[name] : undefined;
    if (got !== want) {
      failures.push(
        `مقدار «${name}»: انتظار ${show(want)} بود، اما ${show(got)} شد` +
          ` / value «${name}»: expected ${show(want)}, got ${show(got)}`,
      );
    }
  }
  return failures;
}

export async function runTests(engine: ZavabetEngine, artefact: Artefact): Promise<TestReport> {
  const results: TestResult[] = [];
  for (const test of artefact.tests) {
    let failures: string[];
    try {
      failures = check(test, await engine.evaluate(test.inputs));
    } catch (e) {
      if (!(e instanceof CaseError)) throw e;
      failures = e.issues.map(
        (i) => `ورودی‌های آزمون نادرست است: ${i.field}: ${i.fa} / invalid test inputs: ${i.field}: ${i.en}`,
      );
    }
    results.push({ name: test.name, ok: failures.length === 0, failures });
  }
  const passed = results.filter((r) => r.ok).length;
  return { passed, failed: results.length - passed, results };
}
