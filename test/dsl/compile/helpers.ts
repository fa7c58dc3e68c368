import type { Artefact } from "../../../artefact/types";
import { check } from "../../../dsl/check";
import type { Analysis } from "../../../dsl/check/analysis";
import { compile } from "../../../dsl/compile";
import type { Diagnostic } from "../../../dsl/diagnostics";
import type { RulesetFile } from "../../../dsl/syntax/ast";
import { parse } from "../../../dsl/syntax/parse";

export const HEADER = `قواعد نمونه «صندوق آزمایشی»
نسخه «۱» از ۱۴۰۳/۰۱/۱۵
مرجع «دستورالعمل نمونه»
`;

function fail(ds: Diagnostic[]): never {
  throw new Error(
    ds.map((d) => `${d.range.startLine}:${d.range.startColumn} ${d.code} ${d.message.en}`).join("\n"),
  );
}

/** The checker's analysis; a source the checker finds errors in is a mistake in the test. */
export function analyse(file: RulesetFile): Analysis {
  const { analysis, diagnostics } = check(file);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) fail(errors);
  return analysis;
}

export function parsed(src: string): RulesetFile {
  const { file, diagnostics } = parse(src);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) fail(errors);
  return file;
}

/** Compiles a whole file. */
export function compileText(src: string): Artefact {
  const file = parsed(src);
  return compile(file, analyse(file));
}

/** Compiles declarations under a standard header. */
export function compileBody(body: string): Artefact {
  return compileText(HEADER + body);
}
