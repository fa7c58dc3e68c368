/**
 * Parameters and tables nobody uses: usually a rule that was meant to be written, or a name
 * misspelt where it is used. A parameter shown in a message counts as used.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { RulesetFile } from "../syntax/ast";
import { nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import { holesOf, outcomeMessage } from "./holes";

export function checkUnused(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const used = new Set<string>();
  for (const ref of analysis.refs) {
    const r = analysis.resolve(ref);
    if (r?.kind === "symbol") used.add(nameKey(r.symbol.name));
  }
  for (const call of analysis.calls) if (!call.builtin) used.add(nameKey(call.callee.text));
  for (const rule of file.rules) {
    for (const o of rule.outcomes) for (const h of holesOf(outcomeMessage(o))) used.add(nameKey(h.name));
  }

  const out: Diagnostic[] = [];
  for (const d of analysis.declared) {
    if (used.has(d.key)) continue;
    if (d.symbol.kind === "parameter") out.push(diagnostic("ZB5003", d.name.range, d.name.text));
    if (d.symbol.kind === "table") out.push(diagnostic("ZB5004", d.name.range, d.name.text));
  }
  return out;
}
