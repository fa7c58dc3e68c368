/**
 * A ruleset must say what it is, whose it is, which version and from when, and what it encodes:
 * the artefact carries all five, and a reader of a decision needs them.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { RulesetFile } from "../syntax/ast";

export function checkHeader(file: RulesetFile): Diagnostic[] {
  const h = file.header;
  const parts: [unknown, string, string][] = [
    [h?.id, "«قواعد» و شناسه‌ی قواعد", "«قواعد» and the ruleset id"],
    [h?.fund, "نام صندوق در «»", "the fund's name in «»"],
    [h?.version, "«نسخه»", "«نسخه» (version)"],
    [h?.effective, "تاریخ اجرا پس از «از»", "the effective date after «از»"],
    [h?.source, "«مرجع»", "«مرجع» (source document)"],
  ];
  const missing = parts.filter(([present]) => present === undefined);
  if (missing.length === 0) return [];
  const at = h?.range ?? { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  return [
    diagnostic("ZB1005", at, {
      fa: missing.map(([, fa]) => fa).join("، "),
      en: missing.map(([, , en]) => en).join(", "),
    }),
  ];
}
