/**
 * The OpenAPI 3.1 document of the service, built from the same schemas the routes validate with
 * (./schemas.ts), so it cannot drift from them. GET /openapi.json serves it; docs/openapi.json is
 * the same document for the default limits, checked in (`npm run openapi` rewrites it; a test checks
 * that the two are equal and that real responses validate against it).
 */
import { type ErrorCode, STATUS } from "./errors";
import type { Limits } from "./options";
import { batchRequest, componentSchemas, evaluateRequest, saveRequest } from "./schemas";

type Schema = Record<string, unknown>;

const json = (schema: Schema) => ({ content: { "application/json": { schema } } });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

function errors(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(STATUS[code], [...(byStatus.get(STATUS[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      { description: `Error: ${list.join(", ")}`, ...json(ref("Error")) },
    ]),
  );
}

const fundParam = {
  name: "fund",
  in: "path",
  required: true,
  description: "The fund's folder name under the rulesets folder (GET /rulesets lists them).",
  schema: { type: "string", minLength: 1, maxLength: 100 },
};
const versionParam = {
  name: "version",
  in: "path",
  required: true,
  description:
    'A version of the fund (GET /rulesets/{fund} lists them), "latest" (the last listed, draft or not) or "published" (the last published).',
  schema: { type: "string", minLength: 1, maxLength: 100 },
};

/** Every request may meet these: time limits, header size, load shedding (with Retry-After), a bug. */
const always: ErrorCode[] = ["REQUEST_TIMEOUT", "HEADERS_TOO_LARGE", "OVERLOADED", "INTERNAL"];
const bodyErrors: ErrorCode[] = [
  "INVALID_JSON",
  "FORBIDDEN_KEY",
  "TOO_DEEP",
  "STRING_TOO_LONG",
  "TOO_MANY_KEYS",
  "BAD_REQUEST",
  "BODY_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
];
const versionErrors: ErrorCode[] = ["RULESET_NOT_FOUND", "VERSION_NOT_FOUND", "RULESET_DOES_NOT_COMPILE"];

export function buildOpenApi(limits: Limits, version: string): Record<string, unknown> {
  const retryAfter = {
    "Retry-After": { description: "With 503: seconds to wait before retrying.", schema: { type: "integer" } },
  };
  const withRetry = (responses: Record<string, unknown>) => {
    const r = responses["503"] as Record<string, unknown> | undefined;
    if (r) responses["503"] = { ...r, headers: retryAfter };
    return responses;
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "zavabet — ضوابط",
      version,
      description:
        "Evaluate cases against the rulesets of Iranian guarantee and loan funds. Every error is " +
        "{ error: { code, status, message: { fa, en }, details? } } with a stable code (docs/http.md).",
    },
    paths: {
      "/health": {
        get: {
          operationId: "health",
          summary: "Liveness, load and memory (answered even while shedding load)",
          responses: { "200": { description: "Alive", ...json(ref("Health")) } },
        },
      },
      "/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "This document",
          responses: { "200": { description: "The OpenAPI document", ...json({ type: "object" }) } },
        },
      },
      "/rulesets": {
        get: {
          operationId: "listRulesets",
          summary: "Every fund and its versions (the last is the latest)",
          responses: withRetry({
            "200": { description: "The rulesets", ...json(ref("FundList")) },
            ...errors(always),
          }),
        },
      },
      "/rulesets/{fund}": {
        get: {
          operationId: "getRuleset",
          summary: "One fund's versions",
          parameters: [fundParam],
          responses: withRetry({
            "200": { description: "The fund", ...json(ref("Fund")) },
            ...errors(["BAD_REQUEST", "RULESET_NOT_FOUND", ...always]),
          }),
        },
      },
      "/rulesets/{fund}/versions/{version}/schema": {
        get: {
          operationId: "getInputs",
          summary:
            "The inputs a case may have: the ruleset's input schema and each input's name, alias and type",
          parameters: [fundParam, versionParam],
          responses: withRetry({
            "200": { description: "The inputs", ...json(ref("Inputs")) },
            ...errors(["BAD_REQUEST", ...versionErrors, ...always]),
          }),
        },
      },
      "/rulesets/{fund}/clauses": {
        get: {
          operationId: "getClauses",
          summary: "The fund's clause index (clauses.json as the file has it; empty lists when it has none)",
          parameters: [fundParam],
          responses: withRetry({
            "200": { description: "The clause index", ...json(ref("Clauses")) },
            ...errors(["BAD_REQUEST", "RULESET_NOT_FOUND", ...always]),
          }),
        },
      },
      "/rulesets/{fund}/examples": {
        get: {
          operationId: "getExamples",
          summary:
            "The fund's example cases (examples/*.json, by name; a file that is not a JSON object is left out)",
          parameters: [fundParam],
          responses: withRetry({
            "200": { description: "The examples", ...json(ref("Examples")) },
            ...errors(["BAD_REQUEST", "RULESET_NOT_FOUND", ...always]),
          }),
        },
      },
      "/rulesets/{fund}/versions": {
        post: {
          operationId: "saveVersion",
          summary: "Save a new version (published, or a draft) from the editor",
          description:
            "The new version is named one more than the fund's largest numeric version name and appended " +
            "to versions.json; no existing file is ever changed. Refused before the body is read when the " +
            "server is read-only (403) or was started with a write token the request does not carry as " +
            `\`Authorization: Bearer <token>\` (401). Body at most ${limits.bodyBytes} bytes.`,
          parameters: [fundParam],
          security: [{}, { writeToken: [] }],
          requestBody: { required: true, ...json(saveRequest) },
          responses: withRetry({
            "201": {
              description: "Saved: the version as listed, and its diagnostics",
              ...json(ref("SavedVersion")),
            },
            ...errors([
              ...bodyErrors,
              "RULESET_NOT_FOUND",
              "WRITE_TOKEN_REQUIRED",
              "READ_ONLY",
              "VERSION_CONFLICT",
              "DRAFT_HAS_ERRORS",
              "SAVE_FAILED",
              ...always,
            ]),
          }),
        },
      },
      "/rulesets/{fund}/versions/{version}/source": {
        get: {
          operationId: "getSource",
          summary: "The version's rule file, byte for byte",
          parameters: [fundParam, versionParam],
          responses: withRetry({
            "200": {
              description: "The rule text",
              content: { "text/plain; charset=utf-8": { schema: { type: "string" } } },
            },
            ...errors(["BAD_REQUEST", "RULESET_NOT_FOUND", "VERSION_NOT_FOUND", ...always]),
          }),
        },
      },
      "/rulesets/{fund}/versions/{version}/artefact": {
        get: {
          operationId: "getArtefact",
          summary: "The compiled artefact, byte for byte as `zavabet compile` writes it",
          parameters: [fundParam, versionParam],
          responses: withRetry({
            "200": { description: "The artefact", ...json(ref("Artefact")) },
            ...errors(["BAD_REQUEST", ...versionErrors, ...always]),
          }),
        },
      },
      "/rulesets/{fund}/versions/{version}/evaluate": {
        post: {
          operationId: "evaluate",
          summary: "Evaluate one case",
          description: `Body at most ${limits.bodyBytes} bytes. An invalid case is a 422 listing every bad field; nothing is evaluated.`,
          parameters: [fundParam, versionParam],
          requestBody: { required: true, ...json(evaluateRequest) },
          responses: withRetry({
            "200": { description: "The decision", ...json(ref("EvaluateResponse")) },
            ...errors([...bodyErrors, ...versionErrors, "CASE_INVALID", ...always]),
          }),
        },
      },
      "/rulesets/{fund}/versions/{version}/evaluate/batch": {
        post: {
          operationId: "evaluateBatch",
          summary: "Evaluate many cases",
          description:
            `At most ${limits.batchCases} cases, body at most ${limits.batchBodyBytes} bytes. Each case ` +
            "stands alone: results[i] is case i's result ({ ok: true, result }) or its error ({ ok: false, error }).",
          parameters: [fundParam, versionParam],
          requestBody: { required: true, ...json(batchRequest(limits.batchCases)) },
          responses: withRetry({
            "200": { description: "One entry per case, in order", ...json(ref("BatchResponse")) },
            ...errors([...bodyErrors, "BATCH_TOO_LARGE", ...versionErrors, ...always]),
          }),
        },
      },
    },
    components: {
      schemas: componentSchemas,
      securitySchemes: {
        writeToken: {
          type: "http",
          scheme: "bearer",
          description:
            "Only for writes, and only when the server was started with a write token (ZAVABET_WRITE_TOKEN).",
        },
      },
    },
  };
}
