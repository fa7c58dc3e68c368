/** `zavabet check <ruleset...> [--json]`: every syntax and semantic diagnostic of each ruleset. */
import { checkSource, type Diagnostic } from "../dsl";
import { EXIT, type ExitCode } from "./errors";
import { countDiagnostics, formatDiagnostics, formatSummary } from "./format-diagnostics";
import { out } from "./io";
import { resolveRulesets } from "./resolve";

export interface CheckOptions {
  json?: boolean;
}

/** One diagnostic as `--json` prints it: the file first, then the Diagnostic as dsl/ gives it. */
export type FileDiagnostic = { file: string } & Diagnostic;

export function runCheck(args: readonly string[], options: CheckOptions): ExitCode {
  const rulesets = resolveRulesets(args, { allowArtefact: false });
  const all: FileDiagnostic[] = [];
  const lines: string[] = [];
  for (const r of rulesets) {
    const { diagnostics } = checkSource(r.text);
    all.push(...diagnostics.map((d) => ({ file: r.display, ...d })));
    lines.push(diagnostics.length === 0 ? `✓ ${r.display}` : formatDiagnostics(r.display, diagnostics));
  }
  const counts = countDiagnostics(all);
  if (options.json) {
    out(JSON.stringify(all, null, 2));
  } else {
    for (const line of lines) out(line);
    out("");
    out(formatSummary(counts, rulesets.length));
  }
  return counts.errors > 0 ? EXIT.failed : EXIT.ok;
}
