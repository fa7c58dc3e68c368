/**
 * What every part of an engine looks up in its artefact — parameter values, tables by name, list
 * fields by list — built once per createEngine and shared by the evaluator and the result builder.
 */
import type { Artefact, RecordField, TableDef } from "../artefact/types";
import { parameterValue } from "./params";
import type { RuntimeValue } from "./values";

export interface Prepared {
  readonly artefact: Artefact;
  readonly parameters: ReadonlyMap<string, RuntimeValue>;
  readonly tables: ReadonlyMap<string, TableDef>;
  readonly listFields: ReadonlyMap<string, readonly RecordField[]>;
}

export function prepare(artefact: Artefact): Prepared {
  const parameters = new Map<string, RuntimeValue>();
  for (const p of artefact.parameters) {
    const r = parameterValue(p);
    if ("value" in r) parameters.set(p.name, r.value);
  }
  return {
    artefact,
    parameters,
    tables: new Map(artefact.tables.map((t) => [t.name, t])),
    listFields: new Map(
      artefact.inputs.flatMap((i) => (i.type.kind === "list" ? [[i.name, i.type.fields] as const] : [])),
    ),
  };
}
