/**
 * `zavabet schema <ruleset>`: the JSON Schema of a case for the ruleset (the artefact's
 * inputSchema), so that a caller knows exactly what a case must contain. Keys are the Persian input
 * names; the engine also accepts each input's ASCII alias (each property's `x-zavabet-alias`).
 */
import { EXIT, type ExitCode } from "./errors";
import { loadOrReport } from "./load";
import { resolveRuleset } from "./resolve";

export function runSchema(arg: string): ExitCode {
  const r = resolveRuleset(arg, { allowArtefact: true });
  const artefact = loadOrReport(r, "قواعد خطا دارد — the ruleset has errors");
  if (!artefact) return EXIT.failed;
  process.stdout.write(`${JSON.stringify(artefact.inputSchema, null, 2)}\n`);
  return EXIT.ok;
}
