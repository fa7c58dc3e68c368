/**
 * Every rule names the clause it implements, so a reader can go from the circular to the rule and
 * back; a rule without one is an error. A parameter without one is a warning: its number still
 * came from somewhere, and the next person to amend it will want to know where.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { RulesetFile } from "../syntax/ast";

export function checkCitations(file: RulesetFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of file.rules) {
    if (rule.citations.some((c) => c.text.trim() !== "")) continue;
    out.push(diagnostic("ZB5001", rule.title?.range ?? rule.range, rule.title?.value ?? ""));
  }
  for (const p of file.parameters) {
    if (!p.name || (p.citation && p.citation.text.trim() !== "")) continue;
    out.push(diagnostic("ZB5002", p.name.range, p.name.text));
  }
  return out;
}
