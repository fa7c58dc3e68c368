/**
 * `قاعده` → a json-rules-engine rule: its condition, and an event whose params list every outcome.
 */
import type { JreRule, OutcomeParams, RuleMeta, ScalarType } from "../../artefact/types";
import type { Analysis } from "../check/analysis";
import type { Outcome, RuleDecl } from "../syntax/ast";
import { ruleConditions } from "./conditions";
import { CompileError } from "./errors";
import { compileExpr } from "./expressions";
import type { AnonymousFacts } from "./facts";
import { compileMessage } from "./messages";
import { symbolNamed } from "./names";
import { asScalar } from "./types";

export const CITATION_SEPARATOR = "؛ ";

interface Ctx {
  analysis: Analysis;
  facts: AnonymousFacts;
}

export function ruleCitation(decl: RuleDecl): string {
  return decl.citations.map((c) => c.text).join(CITATION_SEPARATOR);
}

function targetType(name: string, analysis: Analysis): ScalarType | undefined {
  const symbol = symbolNamed(analysis, name);
  return symbol?.kind === "setTarget" ? symbol.type : undefined;
}

/** The type of a set value or required amount, so the engine reports it in the right form. */
function setValueType(out: OutcomeParams, type: ScalarType | undefined): void {
  if (type) out.valueType = type;
}

function outcome(o: Outcome, rule: string, citation: string, ctx: Ctx): OutcomeParams {
  const out: OutcomeParams = { rule, citation, kind: o.kind };
  switch (o.kind) {
    case "reject":
    case "warn":
      if (o.message) out.message = compileMessage(o.message.value, ctx.analysis);
      break;
    case "refer":
      if (o.authority) out.authority = o.authority.value;
      if (o.message) out.message = compileMessage(o.message.value, ctx.analysis);
      break;
    case "require":
      if (o.what) out.what = o.what.value;
      if (o.amount) {
        out.amountFact = ctx.facts.factFor(compileExpr(o.amount, ctx.analysis));
        setValueType(out, asScalar(ctx.analysis.typeOf(o.amount)));
      }
      if (o.message) out.message = compileMessage(o.message.value, ctx.analysis);
      break;
    case "set":
      if (!o.target || !o.value) throw new CompileError("«تعیین» needs a name and a value", o.range);
      out.target = symbolNamed(ctx.analysis, o.target.text)?.name ?? o.target.text;
      out.valueFact = ctx.facts.factFor(compileExpr(o.value, ctx.analysis));
      setValueType(out, targetType(o.target.text, ctx.analysis) ?? asScalar(ctx.analysis.typeOf(o.value)));
      break;
  }
  return out;
}

export function compileRule(decl: RuleDecl, ctx: Ctx): { rule: JreRule; meta: RuleMeta } {
  const name = decl.title?.value;
  if (name === undefined) throw new CompileError("a rule has no title", decl.range);
  const citation = ruleCitation(decl);
  // Condition first, then outcomes: anonymous expressions are numbered in source order.
  const conditions = ruleConditions(decl.condition, ctx);
  const outcomes = decl.outcomes.map((o) => outcome(o, name, citation, ctx));
  const first = outcomes[0];
  if (!first) throw new CompileError(`rule «${name}» has no outcome`, decl.range);
  return {
    rule: { name, priority: 1, conditions, event: { type: first.kind, params: { outcomes } } },
    meta: { name, citation, source: decl.range },
  };
}
