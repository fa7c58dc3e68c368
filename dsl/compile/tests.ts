/**
 * `آزمون` blocks → ArtefactTest: inputs in the form a caller sends a case (numbers as decimal strings,
 * money in rials, percents in percent points, dates "yyyy/mm/dd", members as strings), and what to expect.
 */
import type { ArtefactTest } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Expr, SourceRange, TestDecl, TestValue } from "../syntax/ast";
import { CompileError } from "./errors";
import { unparen } from "./expressions";
import { formatJalali, negateDecimal } from "./literals";

/** A literal in case form. Percent stays in percent points (as written), money is already in rials. */
export function caseScalar(e: Expr | undefined, range: SourceRange): string | boolean {
  const x = unparen(e);
  switch (x?.kind) {
    case "number":
      return x.value;
    case "neg": {
      const inner = caseScalar(x.operand, range);
      if (typeof inner === "string" && /^-?\d/.test(inner)) return negateDecimal(inner);
      break;
    }
    case "string":
      return x.value;
    case "bool":
      return x.value;
    case "date":
      return formatJalali(x);
    case "name":
      // A one-of member.
      return x.name;
    default:
      break;
  }
  throw new CompileError("a test value must be a literal", x?.range ?? range);
}

function caseValue(v: TestValue | undefined, range: SourceRange): unknown {
  if (v?.kind === "list") {
    return v.items.map((record) => {
      const out: Record<string, string | boolean> = {};
      for (const f of record.fields) out[f.name.text] = caseScalar(f.value, f.name.range);
      return out;
    });
  }
  return caseScalar(v, range);
}

/** The input's declared name when a test gives it by its ASCII alias. */
function inputName(name: string, analysis: Analysis): string {
  if (analysis.symbols.has(name)) return name;
  for (const s of analysis.symbols.values()) {
    if (s.kind === "input" && s.decl.alias?.text === name) return s.name;
  }
  return name;
}

export function compileTest(decl: TestDecl, analysis: Analysis): ArtefactTest {
  const inputs: Record<string, unknown> = {};
  for (const g of decl.givens) inputs[inputName(g.name.text, analysis)] = caseValue(g.value, g.name.range);

  const expect: ArtefactTest["expect"] = {};
  const fired: string[] = [];
  const notFired: string[] = [];
  const values: Record<string, string | boolean> = {};
  for (const x of decl.expectations) {
    switch (x.kind) {
      case "decision":
        expect.decision ??= x.decision;
        if (x.because) fired.push(x.because.value);
        break;
      case "notFired":
        if (x.rule) notFired.push(x.rule.value);
        break;
      case "value":
        if (x.name) values[x.name.text] = caseScalar(x.value, x.range);
        break;
    }
  }
  if (fired.length > 0) expect.fired = fired;
  if (notFired.length > 0) expect.notFired = notFired;
  if (Object.keys(values).length > 0) expect.values = values;
  return { name: decl.title?.value ?? "", inputs, expect, source: decl.range };
}
