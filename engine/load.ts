/**
 * Accepting an artefact: bounded raw nesting first (so nothing recursive runs on a hostile document),
 * then the JSON Schema, then the link and depth checks of ./link.ts, then the case schema must compile.
 * The artefact returned is the caller's document, deep-copied (later changes to the input do not
 * reach an engine).
 */

import { MAX_JSON_DEPTH } from "../artefact/limits";
import type { Artefact } from "../artefact/types";
import { validateArtefact } from "../artefact/validate";
import { caseReader } from "./case";
import { ArtefactError } from "./errors";
import { jsonDepthExceeds } from "./json-depth";
import { linkErrors } from "./link";

const loaded = new WeakSet<Artefact>();

/** Whether this very object came out of loadArtefact (so it need not be checked again). */
export function isLoaded(artefact: Artefact): boolean {
  return loaded.has(artefact);
}

export function loadArtefact(json: unknown): Artefact {
  if (jsonDepthExceeds(json, MAX_JSON_DEPTH)) {
    throw new ArtefactError([`the document is nested deeper than ${MAX_JSON_DEPTH} levels`]);
  }
  let copy: unknown;
  try {
    copy = structuredClone(json);
  } catch {
    throw new ArtefactError(["the artefact is not plain JSON data"]);
  }
  const checked = withinStack(() => validateArtefact(copy));
  if (!checked.ok) throw new ArtefactError(checked.errors);
  const errors = withinStack(() => linkErrors(checked.artefact));
  if (errors.length > 0) throw new ArtefactError(errors);
  caseReader(checked.artefact); // compiles the case schema now, so a bad one fails here
  loaded.add(checked.artefact);
  return checked.artefact;
}

/** Checking recurses with the artefact's nesting: one too deep for the stack is refused, never thrown as a RangeError. */
function withinStack<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError) throw new ArtefactError(["the artefact is nested too deeply to be checked"]);
    throw e;
  }
}
