/**
 * Tests must test this file: the inputs they give exist and get values of their type, the rules
 * they name exist, the values they expect are computed here. A test naming a rule that was renamed
 * would otherwise pass for the wrong reason («بدون» a rule that no longer exists is always true).
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { RulesetFile, TestDecl, TestValue } from "../syntax/ast";
import { closestNames, nameKey } from "../text";
import type { CheckedAnalysis } from "./analyse";
import type { LangType } from "./analysis";
import { titleKey } from "./rules";
import { isScalar, unify } from "./type-rules";
import { didYouMean, typeName, type Worded } from "./wording";

export function checkTests(file: RulesetFile, analysis: CheckedAnalysis): Diagnostic[] {
  const out: Diagnostic[] = [];
  const titles = file.rules.flatMap((r) => (r.title ? [r.title.value] : []));
  const titleKeys = new Set(titles.map(titleKey));
  const symbols = [...analysis.symbols.values()];
  const inputNames = symbols.flatMap((s) =>
    s.kind === "input" ? (s.decl.alias ? [s.name, s.decl.alias.text] : [s.name]) : [],
  );
  const valueNames = symbols.flatMap((s) => (s.kind === "value" || s.kind === "setTarget" ? [s.name] : []));

  for (const test of file.tests) {
    const given = new Set<string>();
    for (const g of test.givens) {
      const input = analysis.inputNamed(g.name.text);
      if (!input) {
        if (analysis.partial.has(nameKey(g.name.text))) continue;
        out.push(
          diagnostic("ZB6001", g.name.range, g.name.text, didYouMean(closestNames(g.name.text, inputNames))),
        );
        continue;
      }
      const key = nameKey(input.name);
      if (given.has(key)) out.push(diagnostic("ZB6007", g.name.range, g.name.text));
      given.add(key);
      checkValue(g.value, input.type, input.name, analysis, out);
    }
    missingInputs(test, given, analysis, out);

    for (const x of test.expectations) {
      const rule = x.kind === "decision" ? x.because : x.kind === "notFired" ? x.rule : undefined;
      if (rule && !titleKeys.has(titleKey(rule.value))) {
        out.push(diagnostic("ZB6002", rule.range, rule.value, didYouMean(closestNames(rule.value, titles))));
      }
      if (x.kind !== "value" || !x.name) continue;
      const symbol = analysis.symbols.get(nameKey(x.name.text));
      if (symbol?.kind !== "value" && symbol?.kind !== "setTarget") {
        // A value the parser read only in part is not unknown: its own line has the error.
        if (!analysis.partial.has(nameKey(x.name.text)))
          out.push(
            diagnostic(
              "ZB6003",
              x.name.range,
              x.name.text,
              didYouMean(closestNames(x.name.text, valueNames)),
            ),
          );
        continue;
      }
      checkValue(x.value, symbol.type, symbol.name, analysis, out);
    }
  }
  return out;
}

function missingInputs(
  test: TestDecl,
  given: Set<string>,
  analysis: CheckedAnalysis,
  out: Diagnostic[],
): void {
  const title = test.title?.value ?? "";
  for (const s of analysis.symbols.values()) {
    if (s.kind !== "input" || s.decl.optional || given.has(nameKey(s.name))) continue;
    out.push(diagnostic("ZB6006", test.title?.range ?? test.range, title, s.name));
  }
}

const A_LIST: Worded = { fa: "فهرست", en: "a list" };

/** A test's value for something of type `t`; membership of one-ofs is enums.ts's to judge. */
function checkValue(
  v: TestValue | undefined,
  t: LangType | undefined,
  label: string,
  analysis: CheckedAnalysis,
  out: Diagnostic[],
): void {
  if (!v || !t) return;
  const mismatch = (has: Worded) => out.push(diagnostic("ZB6004", v.range, label, typeName(t), has));
  if (v.kind === "list") {
    if (t.kind !== "list") return void mismatch(A_LIST);
    for (const item of v.items) {
      const seen = new Set<string>();
      for (const f of item.fields) {
        const key = nameKey(f.name.text);
        const field = t.fields.find(
          (x) => nameKey(x.name) === key || (x.alias !== undefined && nameKey(x.alias) === key),
        );
        if (!field) {
          const names = t.fields.map((x) => x.name);
          out.push(
            diagnostic(
              "ZB6005",
              f.name.range,
              f.name.text,
              label,
              didYouMean(closestNames(f.name.text, names)),
            ),
          );
          continue;
        }
        if (seen.has(nameKey(field.name))) out.push(diagnostic("ZB6007", f.name.range, f.name.text));
        seen.add(nameKey(field.name));
        checkValue(f.value, field.type, field.name, analysis, out);
      }
    }
    return;
  }
  if (t.kind === "enum" && (v.kind === "name" || v.kind === "string")) return;
  if (v.kind === "name") return void mismatch({ fa: `نام «${v.name}»`, en: `the name «${v.name}»` });
  const has = analysis.typeOf(v);
  if (!isScalar(has) || !isScalar(t)) return;
  if (!unify(t, has)) mismatch(typeName(has));
}
