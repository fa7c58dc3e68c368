/**
 * `zavabet`: the library's entry point. Rule text in (`compile`, `check`), decisions out
 * (`loadArtefact`, `createEngine`). docs/api.md is its reference, with a complete example.
 *
 * A service that only runs artefacts compiled ahead of time imports `zavabet/engine` instead, which
 * is this module without the compiler.
 */
import { type CheckResult, type CompileResult, checkSource, compileSource } from "../dsl";

export type { CheckResult, CompileResult, Diagnostic, DiagnosticCode } from "../dsl";
export { CATALOGUE, serializeArtefact } from "../dsl";
export * from "./engine";

/**
 * Parse, check and compile one rule file. Never throws on bad input: every problem is a Diagnostic
 * (Persian and English message, stable code, 1-based range). `artefact` is present exactly when no
 * diagnostic is an error; warnings come with an artefact.
 */
export function compile(source: string): CompileResult {
  return compileSource(source);
}

/** Parse and check a rule file without compiling it: its diagnostics, in source order. */
export function check(source: string): CheckResult {
  return checkSource(source);
}
