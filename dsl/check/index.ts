/**
 * The checker: what a file means (analyse.ts) and everything wrong with it, one concern a file.
 * Diagnostics come back in source order, each once.
 */
import type { Diagnostic } from "../diagnostics";
import type { Node, RulesetFile } from "../syntax/ast";
import { analyse } from "./analyse";
import type { Analysis } from "./analysis";
import { checkCitations } from "./citations";
import { checkEnums } from "./enums";
import { checkHeader } from "./header";
import { checkLimits } from "./limits";
import { checkReserved } from "./reserved";
import { checkRules } from "./rules";
import { checkScope } from "./scope";
import { checkTables } from "./tables";
import { checkTests } from "./tests";
import { checkTypes } from "./types";
import { checkUnused } from "./unused";

export { analyse } from "./analyse";
export type { Analysis, LangType, SymbolInfo } from "./analysis";

/**
 * `syntax`: the parser's diagnostics for the file. A declaration the parser could read only in part
 * (a syntax error on one of its lines) says nothing more: its name is known but has no type, so its
 * uses raise no type errors of their own, and the checker's findings inside it are left out — one
 * typo in a cap is one diagnostic, not one for every rule that uses the cap.
 */
export function check(
  file: RulesetFile,
  syntax: readonly Diagnostic[] = [],
): { analysis: Analysis; diagnostics: Diagnostic[] } {
  const damaged = damagedDeclarations(file, syntax);
  const { analysis, diagnostics } = analyse(file, damaged);
  const all = [
    ...diagnostics,
    ...checkHeader(file),
    ...checkScope(analysis),
    ...checkReserved(file),
    ...checkTypes(file, analysis),
    ...checkLimits(file, analysis),
    ...checkEnums(file, analysis),
    ...checkCitations(file),
    ...checkTables(file, analysis),
    ...checkUnused(file, analysis),
    ...checkRules(file, analysis),
    ...checkTests(file, analysis),
  ];
  const inDamaged = (d: Diagnostic) =>
    [...damaged].some((n) => d.range.startLine >= n.range.startLine && d.range.startLine <= n.range.endLine);
  return { analysis, diagnostics: sortedOnce(damaged.size > 0 ? all.filter((d) => !inDamaged(d)) : all) };
}

function damagedDeclarations(file: RulesetFile, syntax: readonly Diagnostic[]): ReadonlySet<Node> {
  const damaged = new Set<Node>();
  const errorLines = syntax.filter((d) => d.severity === "error").map((d) => d.range.startLine);
  if (errorLines.length === 0) return damaged;
  const declarations: Node[] = [
    ...file.inputs,
    ...file.parameters,
    ...file.values,
    ...file.tables,
    ...file.rules,
  ];
  for (const decl of declarations)
    if (errorLines.some((line) => line >= decl.range.startLine && line <= decl.range.endLine))
      damaged.add(decl);
  return damaged;
}

/** One diagnostic per code and place (a table looked up twice reports a bad cell once). */
function sortedOnce(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = ds.filter((d) => {
    const key = `${d.code}@${d.range.startLine}:${d.range.startColumn}:${d.range.endLine}:${d.range.endColumn}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      a.range.startLine - b.range.startLine ||
      a.range.startColumn - b.range.startColumn ||
      a.code.localeCompare(b.code),
  );
}
