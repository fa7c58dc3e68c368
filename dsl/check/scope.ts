/**
 * Names: what is read must be declared (with a "did you mean" when a declared name is close), a
 * name is declared once, a table is looked up rather than read, and a rule's output is never read.
 * Names that differ only by ZWNJ are two names to the language but one to a reader, so say so.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import { closestNames, nameKey, withoutZwnj } from "../text";
import type { CheckedAnalysis } from "./analyse";
import { count, didYouMean } from "./wording";

export function checkScope(analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];

  for (const d of analysis.duplicates)
    out.push(diagnostic("ZB2002", d.name.range, d.name.text, count(d.firstLine)));

  const byShape = new Map<string, (typeof analysis.declared)[number]>();
  for (const d of analysis.declared) {
    const shape = withoutZwnj(d.key);
    const earlier = byShape.get(shape);
    if (earlier) out.push(diagnostic("ZB2003", d.name.range, d.name.text, earlier.name.text));
    else byShape.set(shape, d);
  }

  for (const ref of analysis.refs) {
    const r = analysis.resolve(ref);
    if (!r) {
      if (analysis.partial.has(nameKey(ref.name))) continue;
      const near = closestNames(ref.name, analysis.visibleAt(ref));
      out.push(diagnostic("ZB2001", ref.range, ref.name, didYouMean(near)));
    } else if (r.kind === "symbol" && r.symbol.kind === "table") {
      out.push(diagnostic("ZB2005", ref.range, ref.name));
    } else if (r.kind === "symbol" && r.symbol.kind === "setTarget") {
      out.push(diagnostic("ZB2006", ref.range, ref.name));
    }
  }

  const tables = [...analysis.symbols.values()].filter((s) => s.kind === "table").map((s) => s.name);
  for (const call of analysis.calls) {
    if (call.builtin) continue;
    const symbol = analysis.symbols.get(nameKey(call.callee.text));
    if (!symbol) {
      const near = closestNames(call.callee.text, tables);
      out.push(diagnostic("ZB2001", call.callee.range, call.callee.text, didYouMean(near)));
    } else if (symbol.kind !== "table") {
      out.push(diagnostic("ZB2004", call.callee.range, call.callee.text));
    }
  }
  return out;
}
