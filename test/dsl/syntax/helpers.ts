import type { SourceRange } from "../../../artefact/types";
import type { Diagnostic } from "../../../dsl/diagnostics";
import type { Expr, RulesetFile } from "../../../dsl/syntax/ast";
import { parse } from "../../../dsl/syntax/parse";

/** A tree without its `range`s and without keys whose value is undefined: what a round trip keeps. */
export function strip(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(strip);
  if (x !== null && typeof x === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) if (k !== "range" && v !== undefined) out[k] = strip(v);
    return out;
  }
  return x;
}

/** The file's AST, asserting the source parsed without a diagnostic. */
export function parseClean(src: string): RulesetFile {
  const { file, diagnostics } = parse(src);
  if (diagnostics.length > 0) {
    throw new Error(`unexpected diagnostics:\n${diagnostics.map(showDiagnostic).join("\n")}\nin:\n${src}`);
  }
  return file;
}

export function showDiagnostic(d: Diagnostic): string {
  const r = d.range;
  return `${d.code} ${r.startLine}:${r.startColumn}-${r.endLine}:${r.endColumn} ${d.message.en}`;
}

/**
 * An expression as a compact S-expression, so a test states the tree's shape in one line:
 * `(- (- a 1) 2)`. Numbers show their unit after a colon (`5000000:rial`).
 */
export function sexpr(e: Expr | undefined): string {
  if (!e) return "?";
  switch (e.kind) {
    case "number":
      return e.unit ? `${e.value}:${e.unit}` : e.value;
    case "string":
      return `«${e.value}»`;
    case "date":
      return e.text;
    case "bool":
      return e.value ? "true" : "false";
    case "name":
      return e.name;
    case "paren":
      return `(paren ${sexpr(e.inner)})`;
    case "neg":
      return `(neg ${sexpr(e.operand)})`;
    case "arith":
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case "and":
    case "or":
      return `(${e.kind} ${e.items.map(sexpr).join(" ")})`;
    case "not":
      return `(not ${sexpr(e.operand)})`;
    case "cmp":
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case "between":
      return `(${e.negated ? "outside" : "between"} ${sexpr(e.subject)} ${sexpr(e.low)} ${sexpr(e.high)})`;
    case "in":
      return `(${e.negated ? "notin" : "in"} ${sexpr(e.subject)} [${e.set.map(sexpr).join(" ")}])`;
    case "missing":
      return `(${e.negated ? "present" : "missing"} ${sexpr(e.subject)})`;
    case "if":
      return `(if ${sexpr(e.cond)} ${sexpr(e.then)} ${sexpr(e.else)})`;
    case "call": {
      const tag = [e.callee.text, e.builtin, e.roundMode].filter((p) => p !== undefined).join(":");
      return `(${tag}${e.args.map((a) => ` ${sexpr(a)}`).join("")})`;
    }
  }
}

/** Whether a range lies inside the text: its lines exist, its columns are at most one past a line's end, start ≤ end. */
export function rangeInside(range: SourceRange, src: string): boolean {
  const lines = src.split("\n");
  const { startLine, startColumn, endLine, endColumn } = range;
  const fits = (line: number, column: number) =>
    Number.isInteger(line) &&
    Number.isInteger(column) &&
    line >= 1 &&
    line <= lines.length &&
    column >= 1 &&
    column <= (lines[line - 1]?.length ?? 0) + 1;
  const ordered = startLine < endLine || (startLine === endLine && startColumn <= endColumn);
  return fits(startLine, startColumn) && fits(endLine, endColumn) && ordered;
}
