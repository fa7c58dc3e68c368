/**
 * Running an artefact on cases. Per case: read the case (engine/case.ts; a CaseError stops
 * everything), let the evaluator compute every value and decide which rules fire, then build the
 * result (outcomes, values, trace) here, the same way whichever evaluator ran.
 *
 * Evaluators: "compiled" (the default; closures built once at load, synchronous) and "reference"
 * (the expression interpreter and stock json-rules-engine on a pool of Engines, never one shared by
 * overlapping runs). Both must give identical results: test/engine/differential.test.ts.
 */
import type { Artefact, OutcomeParams, ScalarType } from "../artefact/types";
import { caseReader } from "./case";
import { compiledEvaluator } from "./compiled/evaluator";
import type { CaseRun, EvaluatorName } from "./evaluator";
import { type MessageFormatter, messageFormatter } from "./format";
import { inferType, type TypeContext } from "./infer-type";
import { isLoaded, loadArtefact } from "./load";
import { type Prepared, prepare } from "./prepared";
import { referenceEvaluator } from "./reference/evaluator";
import { decide, type EvaluationResult, type Outcome, type RuleTrace } from "./result";
import { type Serialized, serializeValue } from "./serialize";
import type { RuntimeValue } from "./values";

export type { EvaluatorName } from "./evaluator";

export interface EngineOptions {
  /** "compiled" (default) or "reference" (json-rules-engine itself). */
  evaluator?: EvaluatorName;
}

export interface EvaluateOptions {
  /** Include per-rule condition traces in the result. */
  trace?: boolean;
}

export interface ZavabetEngine {
  readonly artefact: Artefact;
  readonly evaluator: EvaluatorName;
  /**
   * Evaluate one case (caller-form JSON). Rejects with CaseError if the case is invalid. Safe to call
   * many times at once on one engine.
   */
  evaluate(input: unknown, options?: EvaluateOptions): Promise<EvaluationResult>;
  /**
   * The same, synchronously: the compiled evaluator only (json-rules-engine is asynchronous).
   * Throws CaseError if the case is invalid.
   */
  evaluateSync(input: unknown, options?: EvaluateOptions): EvaluationResult;
  /** The reference evaluator's pool of json-rules-engine Engines (absent for the compiled one). */
  readonly pool?: { stats(): { created: number; idle: number; busy: number } };
}

export function createEngine(input: Artefact, options: EngineOptions = {}): ZavabetEngine {
  const artefact = isLoaded(input) ? input : loadArtefact(input);
  const evaluatorName = options.evaluator ?? "compiled";
  const reader = caseReader(artefact);

  const prepared = prepare(artefact);
  const build = resultBuilder(prepared);

  if (evaluatorName === "reference") {
    const reference = referenceEvaluator(prepared);
    return {
      artefact,
      evaluator: evaluatorName,
      pool: { stats: reference.poolStats },
      evaluate: async (caseJson, opts = {}) =>
        build(await reference.run(reader.read(caseJson), opts.trace === true), opts),
      evaluateSync: () => {
        throw new Error("evaluateSync needs the compiled evaluator: json-rules-engine runs asynchronously");
      },
    };
  }
  const run = compiledEvaluator(prepared);
  const evaluateSync = (caseJson: unknown, opts: EvaluateOptions = {}) =>
    build(run(reader.read(caseJson), opts.trace === true), opts);
  return {
    artefact,
    evaluator: evaluatorName,
    evaluateSync,
    evaluate: async (caseJson, opts) => evaluateSync(caseJson, opts),
  };
}

/** Outcomes, values and trace from an evaluator's run: one builder, so evaluators cannot drift. */
function resultBuilder({
  artefact,
  parameters,
  tables,
  listFields,
}: Prepared): (run: CaseRun, options: EvaluateOptions) => EvaluationResult {
  const declaredTypes = new Map<string, ScalarType>();
  for (const i of artefact.inputs) if (i.type.kind !== "list") declaredTypes.set(i.name, i.type);
  for (const p of artefact.parameters) declaredTypes.set(p.name, p.type);
  for (const v of artefact.values) declaredTypes.set(v.name, v.type);
  const types: TypeContext = {
    typeOf: (name) => declaredTypes.get(name),
    tableOutput: (name) => tables.get(name)?.output.type,
    fieldType: (list, field) => listFields.get(list)?.find((f) => f.name === field)?.type,
  };
  const citations = new Map(artefact.ruleMeta.map((m) => [m.name, m.citation]));
  const rules = artefact.rules.map((r) => r.event.params.outcomes);
  const messages = new Map<OutcomeParams, MessageFormatter>();
  for (const outcomes of rules)
    for (const o of outcomes) if (o.message) messages.set(o, messageFormatter(o.message, parameters));

  /** The type a `set` value or `require` amount is reported in (inferred once per fact). */
  const inferred = new Map<string, ScalarType | undefined>();
  const outcomeType = (o: OutcomeParams, fact: string): ScalarType | undefined => {
    if (o.valueType) return o.valueType;
    if (!inferred.has(fact)) {
      const e = artefact.expressions[fact];
      inferred.set(fact, e ? inferType(e, types) : declaredTypes.get(fact));
    }
    return inferred.get(fact);
  };

  /** One fired outcome as the result reports it. */
  const outcomeOf = (
    o: OutcomeParams,
    run: CaseRun,
    shown: { fact(name: string): RuntimeValue },
    values: Record<string, Serialized>,
  ): Outcome => {
    const out: Outcome = { rule: o.rule, citation: o.citation, kind: o.kind };
    const message = messages.get(o);
    if (message) out.message = message(shown);
    if (o.authority !== undefined) out.authority = o.authority;
    if (o.what !== undefined) out.what = o.what;
    if (o.amountFact !== undefined) {
      const amount = serializeValue(run.fact(o.amountFact), outcomeType(o, o.amountFact));
      if (amount !== null) out.amount = String(amount);
    }
    if (o.kind === "set" && o.target !== undefined) {
      out.target = o.target;
      out.value = values[o.target] ?? null;
    }
    return out;
  };

  return (run, options) => {
    const values: Record<string, Serialized> = {};
    for (const v of artefact.values) values[v.name] = serializeValue(run.fact(v.name), v.type);

    const firedOutcomes: OutcomeParams[] = [];
    for (let i = 0; i < rules.length; i++) {
      if (run.fired[i]) for (const o of rules[i]!) firedOutcomes.push(o);
    }
    // `set` outcomes first, so that messages may show what they set.
    let setValues: Map<string, RuntimeValue> | undefined;
    for (const o of firedOutcomes) {
      if (o.kind !== "set" || o.target === undefined || o.valueFact === undefined) continue;
      const v = run.fact(o.valueFact);
      setValues ??= new Map();
      setValues.set(o.target, v);
      values[o.target] = serializeValue(v, outcomeType(o, o.valueFact));
    }
    const set = setValues;
    const shown = set ? { fact: (name: string) => run.fact(name) ?? set.get(name) } : run;
    const outcomes: Outcome[] = [];
    for (const o of firedOutcomes) outcomes.push(outcomeOf(o, run, shown, values));

    const result: EvaluationResult = { decision: decide(outcomes), outcomes, values };
    if (options.trace && run.traces) {
      const traces = run.traces;
      result.trace = artefact.rules.map(
        (r, i): RuleTrace => ({
          rule: r.name,
          citation: citations.get(r.name) ?? r.event.params.outcomes[0]?.citation ?? "",
          fired: run.fired[i] === true,
          conditions: traces[i] ?? [],
        }),
      );
    }
    if (run.warnings.length > 0) result.warnings = run.warnings;
    return result;
  };
}
