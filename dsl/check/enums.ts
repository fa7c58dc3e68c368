/**
 * Values outside a one-of: a member named in a condition, in a table cell, or in a test that is not
 * one of the choices. A misspelt member would otherwise make a condition silently never true.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { NameRef, RulesetFile } from "../syntax/ast";
import { closestNames, nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import { choices, didYouMean } from "./wording";

function isChoice(name: string, members: readonly string[]): boolean {
  const key = nameKey(name);
  return members.some((m) => nameKey(m) === key);
}

export function checkEnums(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const notAChoice = (ref: { name: string; range: NameRef["range"] }, members: readonly string[]) =>
    diagnostic("ZB3017", ref.range, ref.name, choices(members), didYouMean(closestNames(ref.name, members)));

  for (const ref of analysis.refs) {
    const r = analysis.resolve(ref);
    if (r?.kind === "member" && !isChoice(ref.name, r.of)) out.push(notAChoice(ref, r.of));
  }

  // A one-of column's members come from its cells; each look-up's argument says which are choices.
  for (const call of analysis.calls) {
    if (call.builtin) continue;
    const table = analysis.symbols.get(nameKey(call.callee.text));
    if (table?.kind !== "table") continue;
    call.args.forEach((arg, i) => {
      const argType = analysis.typeOf(arg);
      if (argType?.kind !== "enum" || table.columnTypes[i]?.kind !== "enum") return;
      for (const row of table.decl.rows) {
        const cell = row.cells[i];
        if (cell?.kind !== "values") continue;
        for (const v of cell.values) {
          if (v.kind !== "name" || analysis.resolve(v)?.kind !== "member") continue;
          if (!isChoice(v.name, argType.members)) out.push(notAChoice(v, argType.members));
        }
      }
    });
  }

  // A test may give a one-of's member as text, «خانگی», as a case's JSON does.
  for (const test of file.tests) {
    for (const g of test.givens) {
      const type = analysis.inputNamed(g.name.text)?.type;
      if (type?.kind === "enum" && g.value?.kind === "string" && !isChoice(g.value.value, type.members)) {
        out.push(notAChoice({ name: g.value.value, range: g.value.range }, type.members));
      }
    }
  }
  return out;
}
