/**
 * The `{name}` holes of an outcome's message, each with where it stands in the file, so a wrong
 * name is underlined where it is written rather than the whole message.
 */
import type { SourceRange } from "../../artefact/types";
import type { Outcome, StringLit } from "../syntax/ast";

export interface Hole {
  name: string;
  range: SourceRange;
}

/** Strings are one line and `value` is the text between the quotes as written, so columns add up. */
export function holesOf(s: StringLit | undefined): Hole[] {
  if (!s) return [];
  const out: Hole[] = [];
  const hole = /\{([^{}]*)\}/g;
  for (let m = hole.exec(s.value); m; m = hole.exec(s.value)) {
    const column = s.range.startColumn + 1 + m.index;
    out.push({
      name: (m[1] ?? "").trim(),
      range: {
        startLine: s.range.startLine,
        startColumn: column,
        endLine: s.range.startLine,
        endColumn: column + m[0].length,
      },
    });
  }
  return out;
}

/** An outcome's message: the one text whose holes are filled in. */
export function outcomeMessage(o: Outcome): StringLit | undefined {
  return o.kind === "set" ? undefined : o.message;
}

/** The fixed texts of an outcome (an authority, a required thing): names, never filled in. */
export function outcomeNames(o: Outcome): StringLit[] {
  const names = o.kind === "refer" ? [o.authority] : o.kind === "require" ? [o.what] : [];
  return names.filter((t): t is StringLit => t !== undefined);
}
