/** The two ways the engine refuses work: a broken artefact, or a case with bad fields. */

/** The artefact is not one this engine can run (schema errors, broken links, too deep). */
export class ArtefactError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(`Invalid artefact:\n${errors.map((e) => `  - ${e}`).join("\n")}`);
    this.name = "ArtefactError";
    this.errors = errors;
  }
}

/** One bad field of a case, in Persian and English. `field` is the key as the caller sent it. */
export interface CaseIssue {
  field: string;
  fa: string;
  en: string;
}

/** The case is not valid: every bad field is listed, and nothing was evaluated. */
export class CaseError extends Error {
  readonly issues: CaseIssue[];
  constructor(issues: CaseIssue[]) {
    super(`Invalid case:\n${issues.map((i) => `  - ${i.field || "(case)"}: ${i.en}`).join("\n")}`);
    this.name = "CaseError";
    this.issues = issues;
  }
}
