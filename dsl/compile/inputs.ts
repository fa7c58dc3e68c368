/**
 * Input declarations → InputDef (name, ASCII alias, type, whether a case must give it).
 */
import type { InputDef, RecordField, ScalarType, ValueType } from "../../artefact/types";
import type { FieldDecl, InputDecl, TypeExpr } from "../syntax/ast";
import { CompileError } from "./errors";

export function scalarType(t: TypeExpr | undefined, range: InputDecl["range"]): ScalarType {
  if (!t) throw new CompileError("a type is missing", range);
  switch (t.kind) {
    case "number":
    case "money":
    case "percent":
    case "bool":
    case "text":
    case "date":
      return { kind: t.kind };
    case "enum":
      return { kind: "enum", members: t.members.map((m) => m.text) };
    case "list":
      throw new CompileError("a list's fields must be of a scalar type", t.range);
  }
}

function field(f: FieldDecl): RecordField {
  const out: RecordField = { name: f.name.text, type: scalarType(f.type, f.range) };
  if (f.alias) out.alias = f.alias.text;
  return out;
}

export function valueType(t: TypeExpr | undefined, range: InputDecl["range"]): ValueType {
  if (t?.kind === "list") return { kind: "list", fields: t.fields.map(field) };
  return scalarType(t, range);
}

export function compileInput(decl: InputDecl): InputDef {
  const name = decl.name?.text;
  if (!name) throw new CompileError("an input has no name", decl.range);
  const out: InputDef = {
    name,
    type: valueType(decl.type, decl.range),
    required: !decl.optional,
    source: decl.range,
  };
  if (decl.alias) out.alias = decl.alias.text;
  return out;
}
