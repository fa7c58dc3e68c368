/**
 * The rule language's public entry: source text in, diagnostics and a compiled artefact out.
 * Everything under dsl/ is internal to these functions.
 */
import type { Artefact } from "../artefact/types";
import { check } from "./check";
import { CompileError, compile } from "./compile";
import { type Diagnostic, diagnostic } from "./diagnostics";
import { parse } from "./syntax/parse";

export { check } from "./check";
export { serializeArtefact } from "./compile";
export type { Diagnostic } from "./diagnostics";
export { CATALOGUE, type DiagnosticCode } from "./diagnostics";
export { parse } from "./syntax/parse";

export interface CheckResult {
  diagnostics: Diagnostic[];
}

/** Parse and check a rule file: every syntax and semantic diagnostic, in source order. */
export function checkSource(src: string): CheckResult {
  return { diagnostics: parseAndCheck(src).diagnostics };
}

function parseAndCheck(src: string) {
  const parsed = parse(src);
  const checked = check(parsed.file);
  return { parsed, checked, diagnostics: sortByPosition([...parsed.diagnostics, ...checked.diagnostics]) };
}

export interface CompileResult {
  /** Absent when any diagnostic is an error. */
  artefact?: Artefact;
  diagnostics: Diagnostic[];
}

export function compileSource(src: string): CompileResult {
  const { parsed, checked, diagnostics } = parseAndCheck(src);
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  try {
    return { artefact: compile(parsed.file, checked.analysis), diagnostics };
  } catch (e) {
    // The checker passed something the artefact cannot say: report it where it stands, never throw.
    if (!(e instanceof CompileError)) throw e;
    const range = e.range ?? parsed.file.range;
    return { diagnostics: [...diagnostics, diagnostic("ZB1006", range, e.message)] };
  }
}

function sortByPosition(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort(
    (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
  );
}
