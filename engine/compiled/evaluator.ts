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
import { type Compiled, ExprCompiler, type Run, repeatedSubexpressions, UNSET } from "./compile-expr";

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
  const exprs = new ExprCompiler(
    find,
    tables,
    listFields,
    repeatedSubexpressions([...artefact.values.map((v) => v.expr), ...Object.values(artefact.expressions)]),
  );
  // Values first, then anonymous expressions: the order the reference evaluator computes them in.
  const computed: [number, Compiled][] = [
    ...artefact.values.map((v) => [slotOf.get(v.name)!, exprs.compile(v.expr)] as [number, Compiled]),
    ...Object.entries(artefact.expressions).map(
      ([name, e]) => [slotOf.get(name)!, exprs.compile(e)] as [number, Compiled],
    ),
  ];

  const shared = new Array<RuntimeValue | typeof UNSET>(exprs.sharedCount).fill(UNSET);

  const conditions = new ConditionCompiler(find, (name) => parameters.get(name));
  const rules = artefact.rules.map((r) => ({
    test: conditions.compile(r.conditions),
    traced: conditions.compileTraced(r.conditions),
  }));

  return (inputs, trace) => {
    const run: Run = { slots: template.slice(), shared: shared.slice(), items: [], warnings: [] };
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
    return new SlotRun(slotOf, run, fired, traces);
  };
}

/** A case's run, read by name. A class rather than an object of closures: nothing built per case. */
class SlotRun implements CaseRun {
  readonly warnings: CaseRun["warnings"];
  readonly traces?: TraceCondition[][];

  constructor(
    private readonly slotOf: ReadonlyMap<string, number>,
    private readonly run: Run,
    readonly fired: boolean[],
    traces: TraceCondition[][] | undefined,
  ) {
    this.warnings = run.warnings;
    if (traces) this.traces = traces;
  }

  fact(name: string): RuntimeValue {
    const s = this.slotOf.get(name);
    return s === undefined ? undefined : this.run.slots[s];
  }
}
