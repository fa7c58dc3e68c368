/** Structural validation of a compiled artefact against ./schema.ts; the validator is compiled once. */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import { artefactSchema } from "./schema";
import type { Artefact } from "./types";

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // optimize: false roughly halves the one-off compile time; an artefact is validated once per load.
    const ajv = new Ajv({
      allErrors: true,
      discriminator: true,
      strict: true,
      strictRequired: false,
      allowUnionTypes: true,
      code: { optimize: false },
    });
    compiled = ajv.compile(artefactSchema);
  }
  return compiled;
}

function describe(err: ErrorObject): string {
  const where = err.instancePath || "/";
  const detail = Object.entries(err.params)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");
  return `${where} ${err.message ?? err.keyword}${detail ? ` (${detail})` : ""}`;
}

export type ArtefactValidation = { ok: true; artefact: Artefact } | { ok: false; errors: string[] };

export function validateArtefact(json: unknown): ArtefactValidation {
  const validate = validator();
  if (validate(json)) return { ok: true, artefact: json as Artefact };
  const errors = (validate.errors ?? []).map(describe);
  return { ok: false, errors: errors.length > 0 ? errors : ["artefact does not match the schema"] };
}
