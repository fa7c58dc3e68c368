/**
 * The work bounds of artefact/limits.ts, told to the person writing the rule rather than discovered
 * when the engine refuses to load the compiled artefact: aggregates nested too deep (each level
 * multiplies the work by the list's length).
 */
import { MAX_AGG_NESTING } from "../../artefact/limits";
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { Expr, RulesetFile } from "../syntax/ast";
import { operands, roots } from "../syntax/walk";
import type { Analysis } from "./analysis";

const OVER_A_LIST = new Set(["sum", "count", "any", "all"]);

function isAggregate(e: Expr, analysis: Analysis): boolean {
  if (e.kind !== "call" || !e.builtin) return false;
  if (OVER_A_LIST.has(e.builtin)) return true;
  // کمینه / بیشینه aggregate only when their first argument is a list.
  const first = e.args[0];
  return (
    (e.builtin === "min" || e.builtin === "max") &&
    first !== undefined &&
    analysis.typeOf(first)?.kind === "list"
  );
}

export function checkLimits(file: RulesetFile, analysis: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit = (e: Expr | undefined, depth: number): void => {
    if (!e) return;
    let inner = depth;
    if (isAggregate(e, analysis)) {
      inner = depth + 1;
      if (inner === MAX_AGG_NESTING + 1 && e.kind === "call") {
        out.push(diagnostic("ZB3019", e.callee.range, e.callee.text, MAX_AGG_NESTING));
      }
    }
    for (const child of operands(e)) visit(child, inner);
  };
  for (const root of roots(file)) visit(root, 0);
  return out;
}
