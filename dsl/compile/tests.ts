/**
 * `آزمون` blocks → ArtefactTest: inputs in the form a caller sends a case (numbers as decimal strings,
 * money in rials, percents in percent points, dates "yyyy/mm/dd", members as strings), and what to expect.
 */
import type { ArtefactTest, ScalarType } from "../../artefact/types";
import type { Analysis, LangType } from "../check/analysis";
import type { Expr, SourceRange, TestDecl, TestValue } from "../syntax/ast";
import { CompileError } from "./errors";
import { unparen } from "./expressions";
import { formatJalali, negateDecimal, plainDecimal } from "./literals";
import { nameType } from "./messages";
import { fieldNamed, inputNamed, memberNamed, symbolNamed } from "./names";
import { asScalar } from "./types";

/**
 * A literal in case form. Percent stays in percent points (as written), money is already in rials,
 * a bare name is a one-of member (as declared, when the type is known).
 */
export function caseScalar(e: Expr | undefined, range: SourceRange, type?: ScalarType): string | boolean {
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
      return type?.kind === "enum" ? memberNamed(type.members, x.name) : x.name;
    default:
      break;
  }
  throw new CompileError("a test value must be a literal", x?.range ?? range);
}

function isDecimal(e: Expr | undefined): boolean {
  const x = unparen(e);
  return x?.kind === "number" || (x?.kind === "neg" && isDecimal(x.operand));
}

function caseValue(v: TestValue | undefined, range: SourceRange, type: LangType | undefined): unknown {
  if (v?.kind === "list") {
    const fields = type?.kind === "list" ? type.fields : [];
    return v.items.map((record) => {
      const out: Record<string, string | boolean> = {};
      for (const f of record.fields) {
        const field = fieldNamed(fields, f.name.text);
        out[field?.name ?? f.name.text] = caseScalar(f.value, f.name.range, field?.type);
      }
      return out;
    });
  }
  return caseScalar(v, range, asScalar(type));
}

export function compileTest(decl: TestDecl, analysis: Analysis): ArtefactTest {
  const inputs: Record<string, unknown> = {};
  for (const g of decl.givens) {
    // Given by name or ASCII alias; the case uses the name.
    const input = inputNamed(analysis, g.name.text);
    inputs[input?.name ?? g.name.text] = caseValue(g.value, g.name.range, input?.type);
  }

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
        if (x.name) {
          const name = symbolNamed(analysis, x.name.text)?.name ?? x.name.text;
          const v = caseScalar(x.value, x.range, nameType(name, analysis));
          // The engine compares expected values as strings with its plain decimals ("1.5", not "1.50").
          values[name] = typeof v === "string" && isDecimal(x.value) ? plainDecimal(v) : v;
        }
        break;
    }
  }
  if (fired.length > 0) expect.fired = fired;
  if (notFired.length > 0) expect.notFired = notFired;
  if (Object.keys(values).length > 0) expect.values = values;
  return { name: decl.title?.value ?? "", inputs, expect, source: decl.range };
}
