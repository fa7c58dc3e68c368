/**
 * The checker: what a file means (analyse.ts) and everything wrong with it, one concern a file.
 * Diagnostics come back in source order, each once.
 */
import type { Diagnostic } from "../diagnostics";
import type { RulesetFile } from "../syntax/ast";
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

export function check(file: RulesetFile): { analysis: Analysis; diagnostics: Diagnostic[] } {
  const { analysis, diagnostics } = analyse(file);
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
  return { analysis, diagnostics: sortedOnce(all) };
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
