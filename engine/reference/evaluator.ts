/**
 * The reference evaluator: the expression interpreter (engine/evaluate-expr.ts) for values, and stock
 * json-rules-engine for the rules, on a pool of Engines (see pool.ts for why never a shared one).
 * It is the definition the compiled evaluator is tested against, and what `--reference` runs.
 */
import type { CaseValues } from "../case";
import { evaluateExpr } from "../evaluate-expr";
import type { CaseRun } from "../evaluator";
import type { Prepared } from "../prepared";
import type { TraceCondition } from "../result";
import type { EvaluationWarning, Scope } from "../scope";
import type { RuntimeValue } from "../values";
import { EnginePool } from "./pool";
import { traceConditions } from "./trace";

export interface ReferenceEvaluator {
  run(inputs: CaseValues, trace: boolean): Promise<CaseRun>;
  /** json-rules-engine Engines built so far, idle now, running now. */
  poolStats(): { created: number; idle: number; busy: number };
}

export function referenceEvaluator({
  artefact,
  parameters,
  tables,
  listFields,
}: Prepared): ReferenceEvaluator {
  const pool = new EnginePool(artefact.rules);
  const ruleIndex = new Map<string, number>();
  artefact.rules.forEach((r, i) => {
    if (!ruleIndex.has(r.name)) ruleIndex.set(r.name, i);
  });

  const run = async (inputs: CaseValues, trace: boolean): Promise<CaseRun> => {
    const env = new Map<string, RuntimeValue>(inputs);
    for (const [name, v] of parameters) env.set(name, v);
    const warnings: EvaluationWarning[] = [];
    const scope: Scope = {
      get: (name) => env.get(name),
      table: (name) => tables.get(name),
      listFields: (name) => listFields.get(name),
      warn: (w) => warnings.push(w),
    };
    for (const v of artefact.values) env.set(v.name, evaluateExpr(v.expr, scope));
    for (const [name, e] of Object.entries(artefact.expressions)) env.set(name, evaluateExpr(e, scope));

    const facts = Object.create(null) as Record<string, RuntimeValue>;
    for (const [name, v] of env) if (v !== undefined) facts[name] = v;

    const fired = artefact.rules.map(() => false);
    const traces: TraceCondition[][] = artefact.rules.map(() => []);
    await pool.use(async (engine) => {
      const { results, failureResults } = await engine.run(facts);
      for (const r of [...results, ...failureResults]) {
        const i = ruleIndex.get(r.name ?? "");
        if (i === undefined) continue;
        fired[i] = r.result === true;
        if (trace) traces[i] = traceConditions(r.conditions);
      }
    });
    const result: CaseRun = { fact: (name) => env.get(name), fired, warnings };
    if (trace) result.traces = traces;
    return result;
  };
  return { run, poolStats: () => pool.stats() };
}
