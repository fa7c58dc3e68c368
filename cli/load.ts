/**
 * A resolved ruleset → an artefact the engine can run: a source is compiled (dsl/), a compiled
 * artefact is loaded and validated (engine/). Nothing here knows the rules.
 */
import type { Artefact } from "../artefact/types";
import { compileSource, type Diagnostic } from "../dsl";
import { ArtefactError, loadArtefact } from "../engine";
import { CliError, messageOf } from "./errors";
import { countDiagnostics, formatDiagnostics, formatSummary } from "./format-diagnostics";
import { err } from "./io";
import type { ResolvedRuleset } from "./resolve";

export type Loaded =
  | { artefact: Artefact; diagnostics: Diagnostic[] }
  | { artefact?: undefined; diagnostics: Diagnostic[] };

export function loadRuleset(r: ResolvedRuleset): Loaded {
  if (r.kind === "source") {
    const compiled = compileSource(r.text);
    if (!compiled.artefact) return { diagnostics: compiled.diagnostics };
    try {
      return { artefact: loadArtefact(compiled.artefact), diagnostics: compiled.diagnostics };
    } catch (e) {
      if (e instanceof ArtefactError) {
        throw new CliError(
          `«${r.display}» کامپایل شد، اما موتور آن را نمی‌پذیرد (مثلاً کاری بیش از حد مجاز می‌خواهد)`,
          `«${r.display}» compiled, but the engine refuses it (for instance, it asks for more work than allowed)`,
          { details: e.errors.map((line) => `  - ${line}`) },
        );
      }
      throw e;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(r.text);
  } catch (e) {
    throw new CliError(`«${r.display}» JSON درستی نیست`, `«${r.display}» is not valid JSON: ${messageOf(e)}`);
  }
  try {
    return { artefact: loadArtefact(json), diagnostics: [] };
  } catch (e) {
    if (e instanceof ArtefactError) {
      throw new CliError(
        `«${r.display}» فایل کامپایل‌شده‌ی معتبری نیست`,
        `«${r.display}» is not a valid compiled artefact`,
        { details: e.errors.map((line) => `  - ${line}`) },
      );
    }
    throw e;
  }
}

/**
 * The ruleset's artefact; when it has errors, undefined, after its diagnostics and `notDone` (what the
 * command therefore did not do, in Persian and English) went to standard error.
 */
export function loadOrReport(r: ResolvedRuleset, notDone: string): Artefact | undefined {
  const { artefact, diagnostics } = loadRuleset(r);
  if (!artefact) {
    err(formatDiagnostics(r.display, diagnostics));
    err(formatSummary(countDiagnostics(diagnostics)));
    err(notDone);
  }
  return artefact;
}
