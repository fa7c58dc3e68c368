/**
 * A checked rule file → the artefact (artefact/types.ts). Pure and deterministic: the same tree and
 * analysis give the same artefact, objects built in a fixed order (serialize.ts fixes the bytes).
 */

import { inputSchema } from "../../artefact/input-schema";
import {
  ARTEFACT_FORMAT,
  type Artefact,
  type ParameterDef,
  type ScalarType,
  type ValueDef,
} from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Header, ParameterDecl, RulesetFile, ValueDecl } from "../syntax/ast";
import { UNIT_WORDS } from "../text";
import { CompileError } from "./errors";
import { compileExpr, literalExpr, unparen } from "./expressions";
import { AnonymousFacts } from "./facts";
import { compileInput } from "./inputs";
import { dateDayNumber, unitWord } from "./literals";
import { nameKey, symbolNamed } from "./names";
import { compileRule } from "./rules";
import { compileTable } from "./tables";
import { compileTest } from "./tests";
import { asScalar } from "./types";

function header(h: Header | undefined, range: RulesetFile["range"]): Artefact["ruleset"] {
  if (!h?.id || !h.fund || !h.version || !h.effective || !h.source) {
    throw new CompileError("the ruleset header is incomplete", h?.range ?? range);
  }
  const source: Artefact["ruleset"]["source"] = { title: h.source.value };
  if (h.sourceNumber) source.number = h.sourceNumber.value;
  if (h.sourceVersion) source.version = h.sourceVersion.value;
  return {
    id: h.id.text,
    fund: h.fund.value,
    version: h.version.value,
    effective: { jalali: h.effective.text, day: dateDayNumber(h.effective) },
    source,
  };
}

/** A parameter's type when the analysis has none: read off its literal. */
function literalType(decl: ParameterDecl): ScalarType | undefined {
  const x = unparen(decl.value?.kind === "neg" ? decl.value.operand : decl.value);
  switch (x?.kind) {
    case "number":
      if (x.unit === "rial") return { kind: "money" };
      if (x.unit === "percent") return { kind: "percent" };
      return x.unit ? { kind: "number", unit: x.unit } : { kind: "number" };
    case "string":
      return { kind: "text" };
    case "bool":
      return { kind: "bool" };
    case "date":
      return { kind: "date" };
    default:
      return undefined;
  }
}

function parameterUnit(decl: ParameterDecl, type: ScalarType): string | undefined {
  if (type.kind === "money") return UNIT_WORDS.rial;
  if (type.kind === "percent") return UNIT_WORDS.percent;
  const x = unparen(decl.value?.kind === "neg" ? decl.value.operand : decl.value);
  if (x?.kind === "number" && x.unit) return x.unitText ?? UNIT_WORDS[x.unit];
  return undefined;
}

function compileParameter(decl: ParameterDecl, analysis: Analysis): ParameterDef {
  const name = decl.name?.text;
  if (!name) throw new CompileError("a parameter has no name", decl.range);
  const symbol = symbolNamed(analysis, name);
  const type = (symbol?.kind === "parameter" ? symbol.type : undefined) ?? literalType(decl);
  const lit = literalExpr(decl.value);
  if (!type || !lit) throw new CompileError(`parameter «${name}» must be a literal`, decl.range);
  let value: string | boolean;
  switch (lit.k) {
    case "date":
      value = String(lit.v);
      break;
    case "num":
    case "text":
    case "bool":
    case "member":
      value = lit.v;
      break;
    default:
      throw new CompileError(`parameter «${name}» must be a literal`, decl.range);
  }
  const out: ParameterDef = { name, type, value, citation: decl.citation?.text ?? "", source: decl.range };
  const unit = parameterUnit(decl, type);
  if (unit !== undefined) out.unit = unit;
  return out;
}

function compileValue(decl: ValueDecl, analysis: Analysis): ValueDef {
  const name = decl.name?.text;
  if (!name || !decl.expr) throw new CompileError("a computed value has no name or expression", decl.range);
  const symbol = symbolNamed(analysis, name);
  const type = (symbol?.kind === "value" ? symbol.type : undefined) ?? asScalar(analysis.typeOf(decl.expr));
  if (!type) throw new CompileError(`the type of «${name}» is unknown`, decl.range);
  const out: ValueDef = { name, type, expr: compileExpr(decl.expr, analysis), source: decl.range };
  if (decl.citation) out.citation = decl.citation.text;
  return out;
}

/** Computed values in the analysis's dependency order; any it left out follow in source order. */
function orderedValues(file: RulesetFile, analysis: Analysis): ValueDecl[] {
  const byName = new Map<string, ValueDecl>();
  for (const v of file.values) if (v.name) byName.set(nameKey(v.name.text), v);
  const out: ValueDecl[] = [];
  for (const name of analysis.valueOrder) {
    const decl = byName.get(nameKey(name));
    if (decl) {
      out.push(decl);
      byName.delete(nameKey(name));
    }
  }
  out.push(...byName.values());
  return out;
}

/** Compiles a rule file the checker passed. Throws CompileError where the tree is incomplete. */
export function compile(file: RulesetFile, analysis: Analysis): Artefact {
  const ruleset = header(file.header, file.range);
  const inputs = file.inputs.map(compileInput);
  const facts = new AnonymousFacts();
  const compiledRules = file.rules.map((r) => compileRule(r, { analysis, facts }));
  return {
    format: ARTEFACT_FORMAT,
    ruleset,
    inputs,
    inputSchema: inputSchema(inputs, ruleset.fund, unitWord),
    parameters: file.parameters.map((p) => compileParameter(p, analysis)),
    values: orderedValues(file, analysis).map((v) => compileValue(v, analysis)),
    expressions: facts.expressions,
    tables: file.tables.map((t) => compileTable(t, analysis, file)),
    rules: compiledRules.map((r) => r.rule),
    ruleMeta: compiledRules.map((r) => r.meta),
    tests: file.tests.map((t) => compileTest(t, analysis)),
  };
}
