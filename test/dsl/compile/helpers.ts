import type { Artefact } from "../../../artefact/types";
import { analyse as analyseFile } from "../../../dsl/check/analyse";
import type { Analysis } from "../../../dsl/check/analysis";
import { compile } from "../../../dsl/compile";
import type { RulesetFile } from "../../../dsl/syntax/ast";
import { parse } from "../../../dsl/syntax/parse";

export const HEADER = `قواعد نمونه «صندوق آزمایشی»
نسخه «۱» از ۱۴۰۳/۰۱/۱۵
مرجع «دستورالعمل نمونه»
`;

/** The checker's analysis; a source the checker finds errors in is a mistake in the test. */
export function analyse(file: RulesetFile): Analysis {
  const { analysis, diagnostics } = analyseFile(file);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      errors.map((d) => `${d.range.startLine}:${d.range.startColumn} ${d.message.en}`).join("\n"),
    );
  }
  return analysis;
}

export function parsed(src: string): RulesetFile {
  const { file, diagnostics } = parse(src);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    throw new Error(
      errors.map((d) => `${d.range.startLine}:${d.range.startColumn} ${d.message.en}`).join("\n"),
    );
  }
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
