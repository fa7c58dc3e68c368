/** `zavabet compile <ruleset> [-o file]`: the compiled artefact, byte for byte the same every time. */
import { writeFileSync } from "node:fs";
import { compileSource, serializeArtefact } from "../dsl";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { countDiagnostics, formatDiagnostics, formatSummary } from "./format-diagnostics";
import { err, out } from "./io";
import { resolveRuleset } from "./resolve";

export interface CompileOptions {
  output?: string;
}

export function runCompile(arg: string, options: CompileOptions): ExitCode {
  const r = resolveRuleset(arg, { allowArtefact: false });
  const { artefact, diagnostics } = compileSource(r.text);
  if (diagnostics.length > 0) {
    // Diagnostics go to standard error so that standard output is only ever the artefact.
    err(formatDiagnostics(r.display, diagnostics));
    err(formatSummary(countDiagnostics(diagnostics)));
  }
  if (!artefact) {
    err("کامپایل نشد: قواعد خطا دارد — not compiled: the ruleset has errors");
    return EXIT.failed;
  }
  const bytes = serializeArtefact(artefact);
  if (options.output === undefined || options.output === "-") {
    process.stdout.write(bytes);
    return EXIT.ok;
  }
  try {
    writeFileSync(options.output, bytes);
  } catch (e) {
    throw new CliError(
      `نوشتن در «${options.output}» ممکن نشد`,
      `Cannot write «${options.output}»: ${messageOf(e)}`,
    );
  }
  out(`✓ ${r.display} → ${options.output}`);
  return EXIT.ok;
}
