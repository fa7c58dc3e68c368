/** `zavabet test <ruleset...>`: run each ruleset's own tests (its `آزمون` blocks). */
import { toPersianDigits } from "../dsl/text";
import { createEngine, runTests } from "../engine";
import { EXIT, type ExitCode } from "./errors";
import { countDiagnostics, formatDiagnostics, formatSummary } from "./format-diagnostics";
import { out } from "./io";
import { loadRuleset } from "./load";
import { resolveRulesets } from "./resolve";

export async function runTest(
  args: readonly string[],
  options: { reference?: boolean } = {},
): Promise<ExitCode> {
  const evaluator = options.reference ? "reference" : "compiled";
  const rulesets = resolveRulesets(args, { allowArtefact: true });
  let passed = 0;
  let failed = 0;
  let broken = 0;
  for (const r of rulesets) {
    out(r.display);
    const { artefact, diagnostics } = loadRuleset(r);
    if (!artefact) {
      broken++;
      out(formatDiagnostics(r.display, diagnostics));
      out(`  ${formatSummary(countDiagnostics(diagnostics))}`);
      out("  ✗ قواعد خطا دارد و آزموده نشد — the ruleset has errors; its tests were not run");
      out("");
      continue;
    }
    const report = await runTests(createEngine(artefact, { evaluator }), artefact);
    if (report.results.length === 0) out("  (آزمونی ندارد — no tests)");
    for (const t of report.results) {
      out(`  ${t.ok ? "✓" : "✗"} ${t.name}`);
      for (const failure of t.failures) out(`      ${failure}`);
    }
    passed += report.passed;
    failed += report.failed;
    out("");
  }
  out(testSummary(passed, failed, broken));
  return failed > 0 || broken > 0 ? EXIT.failed : EXIT.ok;
}

function testSummary(passed: number, failed: number, broken: number): string {
  const fa = (n: number) => toPersianDigits(String(n));
  const total = passed + failed;
  let faText = `${fa(total)} آزمون: ${fa(passed)} درست، ${fa(failed)} نادرست`;
  let enText = `${total} test${total === 1 ? "" : "s"}: ${passed} passed, ${failed} failed`;
  if (broken > 0) {
    faText += `؛ ${fa(broken)} قواعد با خطا`;
    enText += `; ${broken} ruleset${broken === 1 ? "" : "s"} with errors`;
  }
  return `${faText} — ${enText}`;
}
