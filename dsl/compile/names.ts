/**
 * Names as the analysis keys them (dsl/text `nameKey`: normalised, diacritics dropped, ZWNJ kept).
 * The artefact always uses a name as declared: a reference written with a diacritic, or a list field
 * written by its alias, comes out as the declaration's name.
 */
import type { RecordField } from "../../artefact/types";
import type { Analysis, SymbolInfo } from "../check/analysis";
import { nameKey } from "../text";

export function symbolNamed(analysis: Analysis, name: string): SymbolInfo | undefined {
  return analysis.symbols.get(nameKey(name));
}

function fieldMatches(f: RecordField, key: string): boolean {
  return nameKey(f.name) === key || (f.alias !== undefined && nameKey(f.alias) === key);
}

/** A field of a list input as declared, found by its name or alias. */
export function fieldNamed(fields: readonly RecordField[], name: string): RecordField | undefined {
  const key = nameKey(name);
  return fields.find((f) => nameKey(f.name) === key) ?? fields.find((f) => fieldMatches(f, key));
}

/** The fields of the list input `list`, if it is one. */
export function listFields(analysis: Analysis, list: string): readonly RecordField[] | undefined {
  const s = symbolNamed(analysis, list);
  return s?.kind === "input" && s.type.kind === "list" ? s.type.fields : undefined;
}

/** A member of a one-of as declared. */
export function memberNamed(members: readonly string[], name: string): string {
  const key = nameKey(name);
  return members.find((m) => nameKey(m) === key) ?? name;
}

/** An input by its name or its ASCII alias. */
export function inputNamed(
  analysis: Analysis,
  name: string,
): Extract<SymbolInfo, { kind: "input" }> | undefined {
  const direct = symbolNamed(analysis, name);
  if (direct?.kind === "input") return direct;
  const key = nameKey(name);
  for (const s of analysis.symbols.values()) {
    if (s.kind === "input" && s.decl.alias && nameKey(s.decl.alias.text) === key) return s;
  }
  return undefined;
}

export { nameKey };
