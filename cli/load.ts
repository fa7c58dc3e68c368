/**
 * A resolved ruleset → an artefact the engine can run: a source is compiled (dsl/), a compiled
 * artefact is loaded and validated (engine/). Nothing here knows the rules.
 */
import type { Artefact } from "../artefact/types";
import { compileSource, type Diagnostic } from "../dsl";
import { ArtefactError, loadArtefact } from "../engine";
import { CliError, messageOf } from "./errors";
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
          `کامپایلر برای «${r.display}» فایل نامعتبری ساخت (اشکال در زوابط است)`,
          `The compiler produced an invalid artefact for «${r.display}» (a bug in zavabet)`,
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
