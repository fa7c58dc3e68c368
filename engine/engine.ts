/**
 * Running an artefact on cases. Per case: read the case (engine/case.ts; a CaseError stops
 * everything), take the parameters (computed once per engine), compute every value in order and
 * every anonymous expression ("$...") eagerly with evaluate-expr, then run the artefact's rules on
 * json-rules-engine with all of these as runtime facts (a pooled Engine, never shared by overlapping
 * runs: see engine/pool.ts), and build the result from the fired rules.
 */
import type { Artefact, OutcomeParams, ScalarType, TableDef } from "../artefact/types";
import { caseReader } from "./case";
import { evaluateExpr } from "./evaluate-expr";
import { formatMessage } from "./format";
import { inferType, type TypeContext } from "./infer-type";
import { isLoaded, loadArtefact } from "./load";
import { parameterValue } from "./params";
import { EnginePool } from "./pool";
import { decide, type EvaluationResult, type Outcome, type RuleTrace } from "./result";
import type { EvaluationWarning, Scope } from "./scope";
import { type Serialized, serializeValue } from "./serialize";
import { traceConditions } from "./trace";
import type { RuntimeValue } from "./values";

export interface EvaluateOptions {
  /** Include per-rule condition traces in the result. */
  trace?: boolean;
}

export interface ZavabetEngine {
  readonly artefact: Artefact;
  /** Evaluate one case (caller-form JSON). Rejects with CaseError if the case is invalid. */
  evaluate(input: unknown, options?: EvaluateOptions): Promise<EvaluationResult>;
  /** The json-rules-engine pool: engines built so far, idle now, running now. */
  poolStats(): { created: number; idle: number; busy: number };
}

interface RuleRun {
  name: string;
  result: boolean;
  conditions: unknown;
}

export function createEngine(input: Artefact): ZavabetEngine {
  const artefact = isLoaded(input) ? input : loadArtefact(input);
  const reader = caseReader(artefact);
  const pool = new EnginePool(artefact.rules);

  const tables = new Map<string, TableDef>(artefact.tables.map((t) => [t.name, t]));
  const listFields = new Map(
    artefact.inputs.flatMap((i) => (i.type.kind === "list" ? [[i.name, i.type.fields]] : [])),
  );
  const declaredTypes = new Map<string, ScalarType>();
  for (const i of artefact.inputs) if (i.type.kind !== "list") declaredTypes.set(i.name, i.type);
  for (const p of artefact.parameters) declaredTypes.set(p.name, p.type);
  for (const v of artefact.values) declaredTypes.set(v.name, v.type);
  const types: TypeContext = {
    typeOf: (name) => declaredTypes.get(name),
    tableOutput: (name) => tables.get(name)?.output.type,
    fieldType: (list, field) => listFields.get(list)?.find((f) => f.name === field)?.type,
  };

  const parameters = new Map<string, RuntimeValue>();
  for (const p of artefact.parameters) {
    const r = parameterValue(p);
    if ("value" in r) parameters.set(p.name, r.value);
  }

  const ruleOrder = new Map<string, number>();
  artefact.rules.forEach((r, i) => {
    if (!ruleOrder.has(r.name)) ruleOrder.set(r.name, i);
  });
  const citations = new Map(artefact.ruleMeta.map((m) => [m.name, m.citation]));

  /** The type a `set` value or `require` amount is reported in. */
  const outcomeType = (o: OutcomeParams, fact: string): ScalarType | undefined => {
    if (o.valueType) return o.valueType;
    const e = artefact.expressions[fact];
    return e ? inferType(e, types) : declaredTypes.get(fact);
  };

  async function evaluate(caseJson: unknown, options: EvaluateOptions = {}): Promise<EvaluationResult> {
    const env = new Map<string, RuntimeValue>(reader.read(caseJson));
    for (const [name, v] of parameters) env.set(name, v);
    const warnings: EvaluationWarning[] = [];
    const scope: Scope = {
      get: (name) => env.get(name),
      table: (name) => tables.get(name),
      listFields: (name) => listFields.get(name),
      warn: (w) => warnings.push(w),
    };

    const values: Record<string, Serialized> = {};
    for (const v of artefact.values) {
      const result = evaluateExpr(v.expr, scope);
      env.set(v.name, result);
      values[v.name] = serializeValue(result, v.type);
    }
    const expressions = new Map<string, RuntimeValue>();
    for (const [name, e] of Object.entries(artefact.expressions))
      expressions.set(name, evaluateExpr(e, scope));
    const fact = (name: string) => (expressions.has(name) ? expressions.get(name) : env.get(name));

    const facts = Object.create(null) as Record<string, RuntimeValue>;
    for (const source of [env, expressions]) {
      for (const [name, v] of source) if (v !== undefined) facts[name] = v;
    }

    const runs: RuleRun[] = await pool.use(async (engine) => {
      const { results, failureResults } = await engine.run(facts);
      return [...results, ...failureResults].map((r) => ({
        name: r.name,
        result: r.result === true,
        conditions: r.conditions,
      }));
    });
    const order = (name: string) => ruleOrder.get(name) ?? Number.MAX_SAFE_INTEGER;
    runs.sort((a, b) => order(a.name) - order(b.name));
    const fired = runs.filter((r) => r.result);

    // `set` outcomes first, so that messages may show what they set.
    const setValues = new Map<string, RuntimeValue>();
    const firedOutcomes: OutcomeParams[] = [];
    for (const run of fired) {
      const rule = artefact.rules[order(run.name)];
      if (rule) firedOutcomes.push(...rule.event.params.outcomes);
    }
    for (const o of firedOutcomes) {
      if (o.kind !== "set" || o.target === undefined || o.valueFact === undefined) continue;
      const v = fact(o.valueFact);
      setValues.set(o.target, v);
      values[o.target] = serializeValue(v, outcomeType(o, o.valueFact));
    }
    const lookup = (name: string) => (env.has(name) ? env.get(name) : setValues.get(name));

    const outcomes: Outcome[] = firedOutcomes.map((o) => {
      const out: Outcome = { rule: o.rule, citation: o.citation, kind: o.kind };
      if (o.message) out.message = formatMessage(o.message, lookup);
      if (o.authority !== undefined) out.authority = o.authority;
      if (o.what !== undefined) out.what = o.what;
      if (o.amountFact !== undefined) {
        const amount = serializeValue(fact(o.amountFact), outcomeType(o, o.amountFact));
        if (amount !== null) out.amount = String(amount);
      }
      if (o.kind === "set" && o.target !== undefined) {
        out.target = o.target;
        out.value = values[o.target] ?? null;
      }
      return out;
    });

    const result: EvaluationResult = { decision: decide(outcomes), outcomes, values };
    if (options.trace) {
      result.trace = runs.map(
        (r): RuleTrace => ({
          rule: r.name,
          citation:
            citations.get(r.name) ?? artefact.rules[order(r.name)]?.event.params.outcomes[0]?.citation ?? "",
          fired: r.result,
          conditions: traceConditions(r.conditions),
        }),
      );
    }
    if (warnings.length > 0) result.warnings = warnings;
    return result;
  }

  return { artefact, evaluate, poolStats: () => pool.stats() };
}
