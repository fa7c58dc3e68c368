/**
 * Names the compiled artefact cannot carry: `__proto__`, `constructor` and `prototype` would be keys
 * of plain JSON objects (cases, values, records) and reach Object.prototype, so the artefact format
 * refuses them. Told here, where they are written, rather than by the engine refusing to load.
 */
import { type Diagnostic, diagnostic } from "../diagnostics";
import type { Name, RulesetFile } from "../syntax/ast";

const RESERVED: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function checkReserved(file: RulesetFile): Diagnostic[] {
  const names: (Name | undefined)[] = [];
  for (const input of file.inputs) {
    names.push(input.name, input.alias);
    if (input.type?.kind === "list") for (const f of input.type.fields) names.push(f.name, f.alias);
  }
  for (const d of [...file.parameters, ...file.values, ...file.tables]) names.push(d.name);
  return names
    .filter((n): n is Name => n !== undefined && RESERVED.has(n.text))
    .map((n) => diagnostic("ZB2008", n.range, n.text));
}
