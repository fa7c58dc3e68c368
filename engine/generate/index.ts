/**
 * Test-case generation for any artefact: boundary values of its inputs, and random valid cases in
 * the caller's form. Knows the artefact only, never the rule language's syntax.
 */
export { type Boundary, boundaries, type OrderedType, TYPE_RANGES } from "./boundaries";
export { type Case, CHUNK_SIZE, caseArbitrary, generateCases, iterateCases } from "./cases";
