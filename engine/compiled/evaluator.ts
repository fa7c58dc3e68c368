/**
 * The compiled evaluator (the default): the artefact's values, expressions, tables and rule
 * conditions become closures once, here, and a case is evaluated synchronously against an array of
 * slots: each fact resolved once, nothing cloned, nothing allocated beyond the slots, the aggregate
 * stack and the result.
 */
import type { CaseValues } from "../case";
import type { CaseRun } from "../evaluator";
import type { Prepared } from "../prepared";
import type { TraceCondition } from "../result";
import type { RuntimeValue } from "../values";
import { ConditionCompiler } from "./compile-condition";
import { type Compiled, ExprCompiler, type Run } from "./compile-expr";

export function compiledEvaluator({
  artefact,
  parameters,
  tables,
  listFields,
}: Prepared): (inputs: CaseValues, trace: boolean) => CaseRun {
  // Slots: inputs, parameters, computed values, anonymous expressions, in that order.
  const slotOf = new Map<string, number>();
  const slot = (name: string) => {
    if (!slotOf.has(name)) slotOf.set(name, slotOf.size);
  };
  for (const i of artefact.inputs) slot(i.name);
  for (const p of artefact.parameters) slot(p.name);
  for (const v of artefact.values) slot(v.name);
  for (const name of Object.keys(artefact.expressions)) slot(name);

  const template: RuntimeValue[] = new Array(slotOf.size).fill(undefined);
  for (const [name, v] of parameters) {
    const s = slotOf.get(name);
    if (s !== undefined) template[s] = v;
  }
  const inputSlots = artefact.inputs.map((i) => [i.name, slotOf.get(i.name)!] as const);

  const find = (name: string) => slotOf.get(name);
  const exprs = new ExprCompiler(find, tables, listFields);
  // Values first, then anonymous expressions: the order the reference evaluator computes them in.
  const computed: [number, Compiled][] = [
    ...artefact.values.map((v) => [slotOf.get(v.name)!, exprs.compile(v.expr)] as [number, Compiled]),
    ...Object.entries(artefact.expressions).map(
      ([name, e]) => [slotOf.get(name)!, exprs.compile(e)] as [number, Compiled],
    ),
  ];

  const conditions = new ConditionCompiler(find);
  const rules = artefact.rules.map((r) => ({
    test: conditions.compile(r.conditions),
    traced: conditions.compileTraced(r.conditions),
  }));

  return (inputs, trace) => {
    const run: Run = { slots: template.slice(), items: [], warnings: [] };
    for (const [name, s] of inputSlots) run.slots[s] = inputs.get(name);
    for (const [s, fn] of computed) run.slots[s] = fn(run);

    const fired = new Array<boolean>(rules.length);
    let traces: TraceCondition[][] | undefined;
    if (trace) {
      traces = rules.map((r, i) => {
        const out: TraceCondition[] = [];
        fired[i] = r.traced(run, out);
        return out;
      });
    } else {
      for (let i = 0; i < rules.length; i++) fired[i] = rules[i]!.test(run);
    }
    const result: CaseRun = {
      fact: (name) => {
        const s = slotOf.get(name);
        return s === undefined ? undefined : run.slots[s];
      },
      fired,
      warnings: run.warnings,
    };
    if (traces) result.traces = traces;
    return result;
  };
}
