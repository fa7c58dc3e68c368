/**
 * Diagnostics for people: one line per diagnostic in the form editors and terminals link,
 *   path:line:column  ZB1234  <Persian message>
 * then the English message indented under it, and a summary of the counts in both languages.
 */
import type { Diagnostic } from "../dsl";
import { toPersianDigits } from "../dsl/text";

const SEVERITY_EN = { error: "error", warning: "warning" } as const;

export function formatDiagnostic(path: string, d: Diagnostic): string {
  const where = `${path}:${d.range.startLine}:${d.range.startColumn}`;
  return `${where}  ${d.code}  ${d.message.fa}\n    ${SEVERITY_EN[d.severity]}: ${d.message.en}`;
}

export function formatDiagnostics(path: string, diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => formatDiagnostic(path, d)).join("\n");
}

export interface Counts {
  errors: number;
  warnings: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * «۱ خطا، ۲ هشدار — 1 error, 2 warnings»; with `files`, how many files were read comes first.
 */
export function formatSummary(counts: Counts, files?: number): string {
  const fa = `${toPersianDigits(String(counts.errors))} خطا، ${toPersianDigits(String(counts.warnings))} هشدار`;
  const en = `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}`;
  if (files === undefined) return `${fa} — ${en}`;
  const filesFa = `${toPersianDigits(String(files))} پرونده بررسی شد`;
  return `${filesFa}: ${fa} — ${plural(files, "file")} checked: ${en}`;
}
