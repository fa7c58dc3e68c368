/**
 * Hover on a citation `[ماده ۳۹]`: the clause from the fund's clause index (GET
 * /rulesets/{fund}/clauses), described by ./clause-index.ts — its kind in Persian, its summary, reason
 * or reading, and its words when the index has them; or that the index does not list it.
 */
import { type editor, languages, type Position, Range } from "monaco-editor/editor";
import type { Clause } from "./api";
import { describeClause } from "./clause-index";
import { LANGUAGE_ID } from "./language";

/** The `[...]` around a column of a line, if any: its text and its columns (1-based, brackets included). */
function citationAt(line: string, column: number): { text: string; start: number; end: number } | undefined {
  for (const m of line.matchAll(/\[([^\]\n]*)\]/g)) {
    const start = (m.index ?? 0) + 1;
    const end = start + m[0].length;
    if (column >= start && column <= end) return { text: m[1] ?? "", start, end };
  }
  return undefined;
}

export function registerCitationHover(index: () => Clause[] | undefined): void {
  languages.registerHoverProvider(LANGUAGE_ID, {
    provideHover(model: editor.ITextModel, position: Position) {
      const found = citationAt(model.getLineContent(position.lineNumber), position.column);
      if (!found) return null;
      return {
        range: new Range(position.lineNumber, found.start, position.lineNumber, found.end),
        contents: [{ value: describeClause(found.text, index()), supportHtml: false }],
      };
    },
  });
}
