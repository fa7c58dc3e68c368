import type { SourceRange } from "../../artefact/types";

/**
 * Something the compiler cannot express. `compile` is only called on files the checker passed, so
 * this means a broken (partial) tree or a construct the artefact format has no way to say.
 */
export class CompileError extends Error {
  readonly range: SourceRange | undefined;

  constructor(message: string, range?: SourceRange) {
    super(range ? `${message} (${range.startLine}:${range.startColumn})` : message);
    this.name = "CompileError";
    this.range = range;
  }
}
