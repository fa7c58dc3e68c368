/**
 * What the checker learns about a file and the compiler (and the editor's hover and completion) reuse:
 * which declaration every name means and the type of every expression. One analysis, computed once.
 */
import type { RecordField, ScalarType } from "../../artefact/types";
import type { Expr, InputDecl, NameRef, ParameterDecl, TableDecl, ValueDecl } from "../syntax/ast";

/** A type in the language: a scalar, a list of records (a list input), or a list of scalars (a `همه` table). */
export type LangType =
  | ScalarType
  | { kind: "list"; fields: RecordField[] }
  | { kind: "scalars"; of: ScalarType };

export type SymbolInfo =
  | { kind: "input"; name: string; decl: InputDecl; type: LangType }
  | { kind: "parameter"; name: string; decl: ParameterDecl; type: ScalarType }
  | { kind: "value"; name: string; decl: ValueDecl; type: ScalarType | undefined }
  | {
      kind: "table";
      name: string;
      decl: TableDecl;
      columnTypes: (ScalarType | undefined)[];
      outputType: ScalarType | undefined;
    }
  /** A name set by a rule's `تعیین` outcome: an output only, never readable. */
  | { kind: "setTarget"; name: string; type: ScalarType | undefined };

export interface Analysis {
  /** Every declared name, keyed by its normalised text. */
  symbols: Map<string, SymbolInfo>;
  /** The type of an expression node; undefined where it could not be known (an error was reported). */
  typeOf(expr: Expr): LangType | undefined;
  /** What a bare name means where it stands: a declaration, a field of the list item, or a one-of member. */
  resolve(
    ref: NameRef,
  ):
    | { kind: "symbol"; symbol: SymbolInfo }
    | { kind: "field"; list: string }
    | { kind: "member"; of: string[] }
    | undefined;
  /** Computed values in an order where each comes after everything it uses. */
  valueOrder: string[];
}
