/**
 * The one way the rule language reports a problem: lexer, parser, checker, CLI, HTTP API and editor
 * all speak `Diagnostic`. Every code lives in CATALOGUE with its Persian and English text; a message
 * template's {0}, {1}, ... are filled from `args`.
 */
import type { SourceRange } from "../artefact/types";

export type Severity = "error" | "warning";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: { fa: string; en: string };
  range: SourceRange;
}

interface Entry {
  severity: Severity;
  fa: string;
  en: string;
}

export const CATALOGUE = {
  // 1xxx: reading the text
  ZB1001: {
    severity: "error",
    fa: "نویسه‌ی «{0}» در این زبان معنایی ندارد",
    en: "Unexpected character «{0}»",
  },
  ZB1002: {
    severity: "error",
    fa: "اینجا {0} انتظار می‌رفت، اما «{1}» آمده است",
    en: "Expected {0} but found «{1}»",
  },
  ZB1003: {
    severity: "error",
    fa: "تاریخ «{0}» تاریخ شمسی درستی نیست",
    en: "«{0}» is not a valid Jalali date",
  },
  ZB1004: { severity: "error", fa: "عدد «{0}» درست نوشته نشده است", en: "The number «{0}» is malformed" },
  ZB1005: {
    severity: "error",
    fa: "سرآیند قواعد (قواعد، نسخه، مرجع) نیامده است",
    en: "The ruleset header (قواعد, نسخه, مرجع) is missing",
  },
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** A message argument: the same in both languages, or worded for each. */
export type MessageArg = string | number | { fa: string; en: string };

export function diagnostic(code: DiagnosticCode, range: SourceRange, ...args: MessageArg[]): Diagnostic {
  const entry: Entry = CATALOGUE[code];
  const fill = (template: string, lang: "fa" | "en") =>
    template.replace(/\{(\d+)\}/g, (_, i: string) => {
      const arg = args[Number(i)];
      return arg === undefined ? "" : typeof arg === "object" ? arg[lang] : String(arg);
    });
  return {
    code,
    severity: entry.severity,
    message: { fa: fill(entry.fa, "fa"), en: fill(entry.en, "en") },
    range,
  };
}
