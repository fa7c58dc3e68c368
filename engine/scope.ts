/** What an expression is evaluated against: named values, tables, list shapes, and the warnings sink. */
import type { RecordField, TableDef } from "../artefact/types";
import type { RecordValue, RuntimeValue } from "./values";

export interface EvaluationWarning {
  fa: string;
  en: string;
  table?: string;
}

export interface Scope {
  /** An input, parameter or computed value by name (undefined: missing or not computed yet). */
  get(name: string): RuntimeValue;
  table(name: string): TableDef | undefined;
  /** The record fields of a list input. */
  listFields(name: string): readonly RecordField[] | undefined;
  warn(warning: EvaluationWarning): void;
}

/** One list item being aggregated; `fields` are the names its list declares. */
export interface Frame {
  fields: ReadonlySet<string>;
  record: RecordValue;
}
