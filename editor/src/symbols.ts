/**
 * What the editor's completion and hover know about a file's names: every declaration the checker
 * found, with its kind, type, value as written, cited clause and line. Computed in the worker from the
 * checker's own analysis (the same pass that gives the diagnostics).
 */

import type { SourceRange } from "../../artefact/types";
import type { Analysis } from "../../dsl/check/analysis";
import { typeName } from "../../dsl/check/wording";

export interface SymbolSummary {
  name: string;
  kind: "input" | "parameter" | "value" | "table";
  type: { fa: string; en: string };
  alias?: string;
  /** The declaration's value or formula as written (parameters and computed values). */
  value?: string;
  citation?: string;
  line: number;
  /** The members of a one-of type. */
  members?: string[];
}

export const KIND_FA: Record<SymbolSummary["kind"], string> = {
  input: "ورودی",
  parameter: "پارامتر",
  value: "مقدار",
  table: "جدول",
};

export function summarise(source: string, analysis: Analysis): SymbolSummary[] {
  const lines = source.split("\n");
  const slice = (r: SourceRange): string => {
    if (r.startLine === r.endLine)
      return (lines[r.startLine - 1] ?? "").slice(r.startColumn - 1, r.endColumn - 1);
    const parts = [(lines[r.startLine - 1] ?? "").slice(r.startColumn - 1)];
    for (let n = r.startLine + 1; n < r.endLine; n++) parts.push(lines[n - 1] ?? "");
    parts.push((lines[r.endLine - 1] ?? "").slice(0, r.endColumn - 1));
    return parts.join("\n");
  };
  const out: SymbolSummary[] = [];
  for (const symbol of analysis.symbols.values()) {
    if (symbol.kind === "setTarget") continue;
    const line = symbol.decl.range.startLine;
    const base = { name: symbol.name, line };
    switch (symbol.kind) {
      case "input": {
        const members = symbol.type.kind === "enum" ? symbol.type.members : undefined;
        out.push({
          ...base,
          kind: "input",
          type: typeName(symbol.type),
          ...(symbol.decl.alias ? { alias: symbol.decl.alias.text } : {}),
          ...(members ? { members } : {}),
        });
        break;
      }
      case "parameter":
      case "value": {
        const expr = symbol.kind === "parameter" ? symbol.decl.value : symbol.decl.expr;
        out.push({
          ...base,
          kind: symbol.kind,
          type: typeName(symbol.type),
          ...(expr ? { value: slice(expr.range).trim() } : {}),
          ...(symbol.decl.citation ? { citation: symbol.decl.citation.text } : {}),
        });
        break;
      }
      case "table":
        out.push({
          ...base,
          kind: "table",
          type: typeName(symbol.outputType),
          ...(symbol.decl.citation ? { citation: symbol.decl.citation.text } : {}),
        });
        break;
    }
  }
  return out;
}
