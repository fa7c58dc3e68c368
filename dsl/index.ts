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
  return withinStack(src, () => ({ diagnostics: parseAndCheck(src).diagnostics }));
}

function parseAndCheck(src: string) {
  const parsed = parse(src);
  const checked = check(parsed.file, parsed.diagnostics);
  return { parsed, checked, diagnostics: sortByPosition([...parsed.diagnostics, ...checked.diagnostics]) };
}

/**
 * Reading, checking and compiling recurse with the nesting of an expression; a hostile or absurd file
 * (200 nested parentheses, 3,000 chained «نه») can exhaust the stack. That is reported as ZB1007 on
 * the longest line (where such an expression sits), never thrown: nothing typed may break a caller.
 */
function withinStack<T extends { diagnostics: Diagnostic[] }>(
  src: string,
  run: () => T,
): T | { diagnostics: Diagnostic[] } {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const lines = src.split("\n");
    let longest = 0;
    lines.forEach((l, i) => {
      if (l.length > (lines[longest]?.length ?? 0)) longest = i;
    });
    const length = lines[longest]?.length ?? 0;
    const range = { startLine: longest + 1, startColumn: 1, endLine: longest + 1, endColumn: length + 1 };
    return { diagnostics: [diagnostic("ZB1007", range)] };
  }
}

export interface CompileResult {
  /** Absent when any diagnostic is an error. */
  artefact?: Artefact;
  diagnostics: Diagnostic[];
}

export function compileSource(src: string): CompileResult {
  return withinStack(src, () => compileChecked(src));
}

function compileChecked(src: string): CompileResult {
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
