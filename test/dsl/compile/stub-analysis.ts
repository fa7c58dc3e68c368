/**
 * A small stand-in for dsl/check's `analyse`, good enough for the compiler's tests: names resolve to
 * declarations, fields of list inputs, or one-of members; types are inferred the simple way.
 */
import type { RecordField, ScalarType } from "../../../artefact/types";
import type { Analysis, LangType, SymbolInfo } from "../../../dsl/check/analysis";
import type { Expr, NameRef, RulesetFile, TypeExpr } from "../../../dsl/syntax/ast";

function typeOfDecl(t: TypeExpr | undefined): LangType | undefined {
  if (!t) return undefined;
  if (t.kind === "enum") return { kind: "enum", members: t.members.map((m) => m.text) };
  if (t.kind === "list") {
    return {
      kind: "list",
      fields: t.fields.map((f): RecordField => {
        const type = typeOfDecl(f.type) as ScalarType;
        return f.alias ? { name: f.name.text, alias: f.alias.text, type } : { name: f.name.text, type };
      }),
    };
  }
  return { kind: t.kind };
}

function scalar(t: LangType | undefined): ScalarType | undefined {
  return t && t.kind !== "list" && t.kind !== "scalars" ? t : undefined;
}

export function stubAnalysis(file: RulesetFile): Analysis {
  const symbols = new Map<string, SymbolInfo>();
  const fields = new Map<string, ScalarType>();
  const members = new Map<string, string[]>();

  for (const decl of file.inputs) {
    const type = typeOfDecl(decl.type);
    if (!decl.name || !type) continue;
    symbols.set(decl.name.text, { kind: "input", name: decl.name.text, decl, type });
    if (type.kind === "list") for (const f of type.fields) fields.set(f.name, f.type);
    if (type.kind === "enum") for (const m of type.members) members.set(m, type.members);
  }

  const typeOf = (e: Expr | undefined): LangType | undefined => {
    if (!e) return undefined;
    switch (e.kind) {
      case "number":
        if (e.unit === "rial") return { kind: "money" };
        if (e.unit === "percent") return { kind: "percent" };
        return e.unit ? { kind: "number", unit: e.unit } : { kind: "number" };
      case "string":
        return { kind: "text" };
      case "bool":
        return { kind: "bool" };
      case "date":
        return { kind: "date" };
      case "name": {
        const s = symbols.get(e.name);
        if (s?.kind === "input") return s.type;
        if (s?.kind === "parameter") return s.type;
        if (s?.kind === "value") return s.type ?? typeOf(s.decl.expr);
        const f = fields.get(e.name);
        if (f) return f;
        const m = members.get(e.name);
        return m ? { kind: "enum", members: m } : undefined;
      }
      case "paren":
        return typeOf(e.inner);
      case "neg":
        return typeOf(e.operand);
      case "arith": {
        const a = scalar(typeOf(e.left));
        const b = scalar(typeOf(e.right));
        if (a?.kind === "money" && b?.kind === "money") return e.op === "/" ? { kind: "number" } : a;
        if (a?.kind === "money") return a;
        if (b?.kind === "money") return b;
        if (a?.kind === "date" && b?.kind === "date") return { kind: "number" };
        if (a?.kind === "percent" || b?.kind === "percent") return { kind: "percent" };
        return a ?? b;
      }
      case "if":
        return typeOf(e.then);
      case "call": {
        const first = typeOf(e.args[0]);
        switch (e.builtin) {
          case "min":
          case "max":
            return first?.kind === "list" ? typeOf(e.args[1]) : first;
          case "round":
            return first;
          case "sum":
            return typeOf(e.args[1]);
          case "count":
            return { kind: "number" };
          case "all":
          case "any":
            return { kind: "bool" };
          default: {
            const t = symbols.get(e.callee.text);
            return t?.kind === "table" ? t.outputType : undefined;
          }
        }
      }
      default:
        return { kind: "bool" };
    }
  };

  for (const decl of file.parameters) {
    const type = scalar(typeOf(decl.value));
    if (decl.name && type)
      symbols.set(decl.name.text, { kind: "parameter", name: decl.name.text, decl, type });
  }
  for (const decl of file.values) {
    if (decl.name)
      symbols.set(decl.name.text, { kind: "value", name: decl.name.text, decl, type: undefined });
  }
  for (const decl of file.tables) {
    if (!decl.name) continue;
    symbols.set(decl.name.text, {
      kind: "table",
      name: decl.name.text,
      decl,
      columnTypes: decl.columns.map(() => undefined),
      outputType: scalar(typeOf(decl.rows[0]?.output)),
    });
  }
  for (const decl of file.values) {
    const s = decl.name && symbols.get(decl.name.text);
    if (s && s.kind === "value") s.type = scalar(typeOf(decl.expr));
  }
  for (const rule of file.rules) {
    for (const o of rule.outcomes) {
      if (o.kind === "set" && o.target) {
        symbols.set(o.target.text, { kind: "setTarget", name: o.target.text, type: scalar(typeOf(o.value)) });
      }
    }
  }

  // Dependency order of computed values.
  const uses = (e: Expr | undefined, out: Set<string>): Set<string> => {
    if (!e) return out;
    if (e.kind === "name") out.add(e.name);
    for (const v of Object.values(e)) {
      if (v && typeof v === "object") {
        for (const child of Array.isArray(v) ? v : [v]) {
          if (child && typeof child === "object" && "kind" in child && "range" in child)
            uses(child as Expr, out);
        }
      }
    }
    return out;
  };
  const valueOrder: string[] = [];
  const visit = (name: string, seen: Set<string>) => {
    const s = symbols.get(name);
    if (s?.kind !== "value" || valueOrder.includes(name) || seen.has(name)) return;
    seen.add(name);
    for (const dep of uses(s.decl.expr, new Set())) visit(dep, seen);
    valueOrder.push(name);
  };
  for (const decl of file.values) if (decl.name) visit(decl.name.text, new Set());

  return {
    symbols,
    typeOf,
    resolve(ref: NameRef) {
      const symbol = symbols.get(ref.name);
      if (symbol) return { kind: "symbol", symbol };
      if (fields.has(ref.name)) return { kind: "field", list: "" };
      const m = members.get(ref.name);
      return m ? { kind: "member", of: m } : undefined;
    },
    valueOrder,
  };
}
