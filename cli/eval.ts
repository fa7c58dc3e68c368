/**
 * `zavabet eval <ruleset> [case.json] [--explain]`: evaluate one case (from a file, or standard input
 * when the file is "-" or not given) and print the engine's result as JSON, or with --explain a
 * readable Persian account of it.
 */
import { CaseError, createEngine } from "../engine";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { explain } from "./explain";
import { out, readInput } from "./io";
import { loadOrReport } from "./load";
import { resolveRuleset } from "./resolve";

export interface EvalOptions {
  explain?: boolean;
  /** Run on json-rules-engine itself rather than the compiled evaluator. */
  reference?: boolean;
}

const CASE = { fa: "مورد", en: "case" };

export async function runEval(
  arg: string,
  casePath: string | undefined,
  options: EvalOptions,
): Promise<ExitCode> {
  const r = resolveRuleset(arg, { allowArtefact: true });
  const artefact = loadOrReport(r, "قواعد خطا دارد و اجرا نشد — the ruleset has errors and was not run");
  if (!artefact) return EXIT.failed;

  const where = casePath === undefined || casePath === "-" ? "stdin" : casePath;
  const text = await readInput(casePath, CASE);
  let caseJson: unknown;
  try {
    caseJson = JSON.parse(text);
  } catch (e) {
    throw new CliError(
      `مورد «${where}» JSON درستی نیست`,
      `The case «${where}» is not valid JSON: ${messageOf(e)}`,
    );
  }

  const engine = createEngine(artefact, { evaluator: options.reference ? "reference" : "compiled" });
  let result: Awaited<ReturnType<typeof engine.evaluate>>;
  try {
    result = await engine.evaluate(caseJson, { trace: options.explain === true });
  } catch (e) {
    if (e instanceof CaseError) {
      throw new CliError(`مورد «${where}» درست نیست`, `The case «${where}» is invalid`, {
        details: e.issues.flatMap((issue) => {
          const field = issue.field || "(مورد — case)";
          return [`  - ${field}: ${issue.fa}`, `    ${issue.en}`];
        }),
      });
    }
    throw e;
  }

  out(options.explain ? explain(result, artefact) : JSON.stringify(result, null, 2));
  return EXIT.ok;
}
