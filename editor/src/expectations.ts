/**
 * A failed test's expectations side by side with what the draft gives: the decision, each rule the
 * test says fires or does not, each value — values compared exactly as the strings runTests compares
 * (money "135000000", percent points "1.5", dates "1403/01/15"). runTests says which test failed and
 * why; this only lays the same comparison out as rows for the panel.
 */
import type { ArtefactTest } from "../../artefact/types";
import { CaseError, type ZavabetEngine } from "../../engine/index";
import { showValue } from "./fa";
import type { ExpectationRow } from "./run-protocol";

const DECISION_FA = { accept: "پذیرش", reject: "رد", refer: "ارجاع" } as const;
const FIRED = "اجرا شد";
const NOT_FIRED = "اجرا نشد";

export function expectationRows(engine: ZavabetEngine, test: ArtefactTest): ExpectationRow[] {
  let result: ReturnType<ZavabetEngine["evaluateSync"]>;
  try {
    result = engine.evaluateSync(test.inputs);
  } catch (e) {
    // The test's inputs are not a valid case for the draft: runTests' lines already say which.
    if (e instanceof CaseError) return [];
    throw e;
  }
  const rows: ExpectationRow[] = [];
  const row = (field: string, expected: string, actual: string, same = expected === actual) =>
    rows.push({ field, expected, actual, same });
  const { expect } = test;
  if (expect.decision !== undefined) row("تصمیم", DECISION_FA[expect.decision], DECISION_FA[result.decision]);
  const fired = new Set(result.outcomes.map((o) => o.rule));
  for (const rule of expect.fired ?? []) row(`قاعده‌ی «${rule}»`, FIRED, fired.has(rule) ? FIRED : NOT_FIRED);
  for (const rule of expect.notFired ?? [])
    row(`قاعده‌ی «${rule}»`, NOT_FIRED, fired.has(rule) ? FIRED : NOT_FIRED);
  for (const [name, want] of Object.entries(expect.values ?? {})) {
    const got = Object.hasOwn(result.values, name) ? result.values[name] : undefined;
    // Compared exactly, as runTests compares them; shown in Persian digits with grouping.
    row(name, showValue(want), showValue(got), got === want);
  }
  return rows;
}
