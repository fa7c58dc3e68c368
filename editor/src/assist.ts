/**
 * Completion and hover for the rule language, from the last check's summary of declared names
 * (./symbols.ts): completion offers the keywords, units, every input, parameter, computed value and
 * table, and the members of one-of inputs; hovering a name shows its kind, type, value as written and
 * cited clause.
 */
import { type editor, languages, type Position, Range } from "monaco-editor/editor";
import { KEYWORDS, LANGUAGE_ID, UNITS } from "./language";
import { KIND_FA, type SymbolSummary } from "./symbols";

const PHRASES = [
  "یکی از",
  "فهرست از",
  "بیشتر از",
  "کمتر از",
  "بیشتر یا مساوی",
  "کمتر یا مساوی",
  "خارج از",
  "به دلیل",
  "به مبلغ",
  "ارجاع به",
  "نه در",
  "بله/خیر",
];

const KIND_ICON: Record<SymbolSummary["kind"], languages.CompletionItemKind> = {
  input: languages.CompletionItemKind.Field,
  parameter: languages.CompletionItemKind.Constant,
  value: languages.CompletionItemKind.Variable,
  table: languages.CompletionItemKind.Struct,
};

/** Persian ی and ک for their Arabic look-alikes, as the lexer reads names. */
const fold = (s: string) => s.replace(/\u064A/g, "\u06CC").replace(/\u0643/g, "\u06A9");

function describe(s: SymbolSummary): string {
  const lines = [`**${KIND_FA[s.kind]} ${s.name}**${s.alias ? ` (${s.alias})` : ""} — ${s.type.fa}`];
  if (s.value !== undefined) lines.push(`${s.kind === "parameter" ? "مقدار" : "فرمول"}: ${s.value}`);
  if (s.citation !== undefined) lines.push(`استناد: [${s.citation}]`);
  lines.push(`سطر ${String(s.line).replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d)}`);
  return lines.join("\n\n");
}

export function registerAssist(symbols: () => SymbolSummary[]): void {
  languages.registerCompletionItemProvider(LANGUAGE_ID, {
    provideCompletionItems(model: editor.ITextModel, position: Position) {
      const word = model.getWordUntilPosition(position);
      const range = new Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn);
      const suggestions: languages.CompletionItem[] = [];
      for (const k of [...KEYWORDS, ...PHRASES]) {
        suggestions.push({ label: k, kind: languages.CompletionItemKind.Keyword, insertText: k, range });
      }
      for (const u of UNITS) {
        suggestions.push({ label: u, kind: languages.CompletionItemKind.Unit, insertText: u, range });
      }
      const members = new Set<string>();
      for (const s of symbols()) {
        suggestions.push({
          label: { label: s.name, description: `${KIND_FA[s.kind]} — ${s.type.fa}` },
          kind: KIND_ICON[s.kind],
          insertText: s.name,
          documentation: { value: describe(s) },
          sortText: `0${s.name}`,
          range,
        });
        for (const m of s.members ?? []) members.add(m);
      }
      for (const m of members) {
        suggestions.push({
          label: { label: `«${m}»`, description: "گزینه" },
          kind: languages.CompletionItemKind.EnumMember,
          insertText: `«${m}»`,
          range,
        });
      }
      return { suggestions };
    },
  });

  languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model: editor.ITextModel, position: Position) {
      const word = model.getWordAtPosition(position);
      if (!word) return null;
      const name = fold(word.word);
      const found = symbols().find((s) => fold(s.name) === name || s.alias === word.word);
      if (!found) return null;
      return {
        range: new Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: describe(found) }],
      };
    },
  });
}
