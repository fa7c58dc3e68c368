/**
 * Rule files for the checker's tests: a fixed three-line header, so a body's first line is line 4,
 * run through the real parser (which must accept it) and the checker.
 */
import { expect } from "vitest";
import { check } from "../../../dsl/check";
import type { Diagnostic, DiagnosticCode, Severity } from "../../../dsl/diagnostics";
import { parse } from "../../../dsl/syntax/parse";

export const HEADER = "قواعد آزمایشی «صندوق آزمایشی»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «دستورالعمل آزمایشی»\n";

export function checked(body: string) {
  const src = HEADER + body;
  const parsed = parse(src);
  expect(parsed.diagnostics).toEqual([]);
  return { src, file: parsed.file, ...check(parsed.file) };
}

/**
 * Asserts that `body` gets `count` (default one) `code`s, the first of `severity`, starting on
 * `line` at the column where `needle` starts on that line (its first occurrence, or the `nth`).
 */
export function expectDiagnostic(
  body: string,
  code: DiagnosticCode,
  severity: Severity,
  line: number,
  needle: string,
  { nth = 0, count = 1 }: { nth?: number; count?: number } = {},
): Diagnostic {
  const { src, diagnostics } = checked(body);
  const found = diagnostics.filter((d) => d.code === code);
  expect(found, JSON.stringify(diagnostics, null, 1)).toHaveLength(count);
  const d = found[0]!;
  const text = src.split("\n")[line - 1] ?? "";
  let index = text.indexOf(needle);
  for (let i = 0; i < nth; i++) index = text.indexOf(needle, index + 1);
  expect(index, `«${needle}» on line ${line}`).toBeGreaterThanOrEqual(0);
  expect({
    code: d.code,
    severity: d.severity,
    line: d.range.startLine,
    column: d.range.startColumn,
  }).toEqual({
    code,
    severity,
    line,
    column: index + 1,
  });
  return d;
}
