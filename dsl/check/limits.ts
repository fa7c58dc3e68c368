/**
 * The work bounds of artefact/limits.ts, told to the person writing the rule rather than discovered
 * when the engine refuses to load the compiled artefact: aggregates nested too deep (each level
 * multiplies the work by the list's length).
 */
import { MAX_AGG_NESTING, MAX_EXPR_DEPTH } from "../../artefact/limits";
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

/**
 * Deepest expression the checker lets through. The compiled tree can be a few levels deeper than the
 * written one (a range becomes two comparisons under an «and», a percent a division), and the engine
 * refuses one deeper than MAX_EXPR_DEPTH: the margin keeps every file the checker passes loadable.
 */
export const MAX_WRITTEN_DEPTH = MAX_EXPR_DEPTH - 16;

export function checkLimits(file: RulesetFile, analysis: Analysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** One ZB3020 per written expression, at its first node past the limit. */
  let tooDeep = false;
  const visit = (e: Expr | undefined, depth: number, level = 1): void => {
    if (!e || tooDeep) return;
    if (level > MAX_WRITTEN_DEPTH) {
      out.push(diagnostic("ZB3020", e.range, MAX_WRITTEN_DEPTH));
      tooDeep = true;
      return;
    }
    let inner = depth;
    if (isAggregate(e, analysis)) {
      inner = depth + 1;
      if (inner === MAX_AGG_NESTING + 1 && e.kind === "call") {
        out.push(diagnostic("ZB3019", e.callee.range, e.callee.text, MAX_AGG_NESTING));
      }
    }
    for (const child of operands(e)) visit(child, inner, level + 1);
  };
  for (const root of roots(file)) {
    tooDeep = false;
    visit(root, 0);
  }
  return out;
}
