/**
 * The JSON Schemas of the API: request schemas, which fastify's ajv applies before a handler runs,
 * and response schemas, which only describe (docs/openapi.json, and the tests that check real
 * responses against it). Responses are not serialised through these schemas on purpose: a schema
 * that lags behind the engine would silently drop fields, where here a test fails instead.
 */
import { ERROR_CODES } from "./errors";

type Schema = Record<string, unknown>;

const str: Schema = { type: "string" };
const message: Schema = {
  type: "object",
  required: ["fa", "en"],
  additionalProperties: false,
  properties: { fa: str, en: str },
};
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });

/** URL parameters: a fund folder's name and a version's name (or "latest"). */
export const fundParams: Schema = {
  type: "object",
  required: ["fund"],
  properties: { fund: { type: "string", minLength: 1, maxLength: 100 } },
};
export const versionParams: Schema = {
  type: "object",
  required: ["fund", "version"],
  properties: {
    fund: { type: "string", minLength: 1, maxLength: 100 },
    version: { type: "string", minLength: 1, maxLength: 100 },
  },
};

const trace: Schema = {
  type: "boolean",
  default: false,
  description: "Include, per rule, whether it fired and each condition's value and result.",
};

/** The body of POST …/evaluate. The case itself is checked by the engine, against the ruleset. */
export const evaluateRequest: Schema = {
  type: "object",
  required: ["case"],
  additionalProperties: false,
  properties: {
    case: {
      type: "object",
      description:
        "One case: input names (Persian) or their ASCII aliases → values, as in docs/language-spec.md, «Case JSON». GET …/schema describes them.",
    },
    trace,
  },
};

export function batchRequest(maxCases: number): Schema {
  return {
    type: "object",
    required: ["cases"],
    additionalProperties: false,
    properties: {
      cases: { type: "array", maxItems: maxCases, items: { type: "object" } },
      trace,
    },
  };
}

const serialized: Schema = { type: ["string", "boolean", "null"] };

const outcome: Schema = {
  type: "object",
  required: ["rule", "citation", "kind"],
  additionalProperties: false,
  properties: {
    rule: str,
    citation: str,
    kind: { enum: ["reject", "refer", "require", "warn", "set"] },
    message: str,
    authority: str,
    what: str,
    amount: { type: "string", description: "A plain decimal string (rials for money)." },
    target: str,
    value: serialized,
  },
};

const traceCondition: Schema = {
  type: "object",
  required: ["fact", "operator", "expected", "actual", "result"],
  additionalProperties: false,
  properties: {
    fact: str,
    operator: str,
    expected: { description: "The condition's value as written in the artefact." },
    actual: serialized,
    result: { type: "boolean" },
    negated: { const: true },
    skipped: { const: true },
  },
};

const ruleTrace: Schema = {
  type: "object",
  required: ["rule", "citation", "fired", "conditions"],
  additionalProperties: false,
  properties: {
    rule: str,
    citation: str,
    fired: { type: "boolean" },
    conditions: { type: "array", items: ref("TraceCondition") },
  },
};

const result: Schema = {
  type: "object",
  required: ["decision", "outcomes", "values"],
  additionalProperties: false,
  properties: {
    decision: { enum: ["accept", "reject", "refer"] },
    outcomes: { type: "array", items: ref("Outcome") },
    values: {
      type: "object",
      additionalProperties: serialized,
      description:
        "Every computed value and every «تعیین» target: decimals as plain strings, percents in percent points, dates yyyy/mm/dd, null when missing.",
    },
    trace: { type: "array", items: ref("RuleTrace") },
    warnings: {
      type: "array",
      items: {
        type: "object",
        required: ["fa", "en"],
        additionalProperties: false,
        properties: { fa: str, en: str, table: str },
      },
    },
  },
};

const errorBody: Schema = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["code", "status", "message"],
      additionalProperties: false,
      properties: {
        code: { enum: [...ERROR_CODES] },
        status: { type: "integer" },
        message,
        details: {
          type: "array",
          items: {
            type: "object",
            required: ["field", "fa", "en"],
            additionalProperties: false,
            properties: { field: str, fa: str, en: str },
          },
        },
      },
    },
  },
};

const versionInfo: Schema = {
  type: "object",
  required: ["version"],
  additionalProperties: false,
  properties: {
    version: str,
    note: str,
    author: str,
    date: { type: "string", description: 'Jalali, "1405/09/02" (Latin digits).' },
    savedAt: { type: "string", description: "When it was saved through the API: ISO 8601, UTC." },
    status: {
      type: "string",
      description:
        'The API writes "published" or "draft"; absent counts as published (versions written by hand).',
    },
  },
};

const fund: Schema = {
  type: "object",
  required: ["fund", "latest", "versions"],
  additionalProperties: false,
  properties: {
    fund: str,
    latest: { type: "string", description: "The last version listed, draft or not." },
    published: {
      type: "string",
      description:
        "The last version whose status is published (or absent); absent when every version is a draft.",
    },
    versions: { type: "array", items: ref("VersionInfo") },
  },
};

/** The body of POST /rulesets/{fund}/versions. */
export const saveRequest: Schema = {
  type: "object",
  required: ["source", "base", "note", "author", "publish"],
  additionalProperties: false,
  properties: {
    source: { type: "string", description: "The rule file's text (bounded by the body limit)." },
    base: {
      type: "string",
      minLength: 1,
      maxLength: 100,
      description:
        "The version the draft was opened from; it must still be the fund's latest, else 409 VERSION_CONFLICT.",
    },
    note: {
      type: "string",
      minLength: 1,
      maxLength: 4000,
      pattern: "\\S",
      description: "What changed (trimmed).",
    },
    author: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      pattern: "\\S",
      description: "Who saves it (trimmed).",
    },
    publish: {
      type: "boolean",
      description: "true: publish (422 DRAFT_HAS_ERRORS if the source has errors); false: save as a draft.",
    },
  },
};

const diagnostic: Schema = {
  type: "object",
  required: ["code", "severity", "message", "range"],
  additionalProperties: false,
  properties: {
    code: { type: "string", description: "ZBnnnn (docs/language-spec.md)." },
    severity: { enum: ["error", "warning"] },
    message,
    range: {
      type: "object",
      required: ["startLine", "startColumn", "endLine", "endColumn"],
      additionalProperties: false,
      properties: {
        startLine: { type: "integer" },
        startColumn: { type: "integer" },
        endLine: { type: "integer" },
        endColumn: { type: "integer" },
      },
      description: "1-based.",
    },
  },
};

const saved: Schema = {
  type: "object",
  required: ["version", "diagnostics"],
  additionalProperties: false,
  properties: { version: ref("VersionInfo"), diagnostics: { type: "array", items: ref("Diagnostic") } },
};

const clauses: Schema = {
  type: "object",
  required: ["fund", "sources", "clauses"],
  description: "rulesets/{fund}/clauses.json as the file has it (rulesets/clauses.schema.json).",
  properties: {
    fund: str,
    sources: { type: "array", items: str },
    clauses: {
      type: "array",
      items: {
        type: "object",
        required: ["clause", "kind"],
        properties: {
          clause: { type: "string", description: "The citation as the rules write it." },
          kind: { type: "string", description: "encoded, procedural or ambiguous." },
          summary: str,
          reason: str,
          reading: str,
          encodedBy: { type: "array", items: str },
          text: str,
        },
      },
    },
  },
};

const examples: Schema = {
  type: "object",
  required: ["examples"],
  additionalProperties: false,
  properties: {
    examples: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "case"],
        additionalProperties: false,
        properties: {
          name: { type: "string", description: "The file name without .json." },
          case: { type: "object" },
        },
      },
    },
  },
};

const valueType: Schema = {
  type: "object",
  required: ["kind"],
  properties: {
    kind: { enum: ["number", "money", "percent", "bool", "text", "date", "enum", "list"] },
  },
};

const inputs: Schema = {
  type: "object",
  required: ["fund", "version", "inputSchema", "inputs"],
  additionalProperties: false,
  properties: {
    fund: str,
    version: str,
    inputSchema: {
      type: "object",
      description:
        "JSON Schema (draft 2020-12) of a case after the engine has resolved aliases and normalised digits: keyed by the Persian input names.",
    },
    inputs: {
      type: "array",
      items: {
        type: "object",
        required: ["name", "type", "required"],
        additionalProperties: false,
        properties: { name: str, alias: str, type: valueType, required: { type: "boolean" } },
      },
    },
  },
};

const evaluateResponse: Schema = {
  type: "object",
  required: ["fund", "version", "result"],
  additionalProperties: false,
  properties: { fund: str, version: str, result: ref("EvaluationResult") },
};

const batchResponse: Schema = {
  type: "object",
  required: ["fund", "version", "results"],
  additionalProperties: false,
  properties: {
    fund: str,
    version: str,
    results: {
      type: "array",
      items: {
        oneOf: [
          {
            type: "object",
            required: ["ok", "result"],
            additionalProperties: false,
            properties: { ok: { const: true }, result: ref("EvaluationResult") },
          },
          {
            type: "object",
            required: ["ok", "error"],
            additionalProperties: false,
            properties: {
              ok: { const: false },
              error: { $ref: "#/components/schemas/Error/properties/error" },
            },
          },
        ],
      },
    },
  },
};

const health: Schema = {
  type: "object",
  required: ["status", "uptimeSeconds", "rulesets", "evaluated", "memory"],
  additionalProperties: false,
  properties: {
    status: { enum: ["ok", "overloaded"] },
    uptimeSeconds: { type: "number" },
    rulesets: { type: "integer", description: "Funds listed." },
    evaluated: { type: "integer", description: "Cases evaluated since start (results returned)." },
    memory: {
      type: "object",
      required: ["rssBytes", "heapUsedBytes"],
      additionalProperties: false,
      properties: { rssBytes: { type: "integer" }, heapUsedBytes: { type: "integer" } },
    },
    eventLoopDelayMs: { type: "number" },
  },
};

/** components.schemas of the OpenAPI document. */
export const componentSchemas: Record<string, Schema> = {
  Error: errorBody,
  Health: health,
  VersionInfo: versionInfo,
  Fund: fund,
  FundList: {
    type: "object",
    required: ["rulesets"],
    additionalProperties: false,
    properties: { rulesets: { type: "array", items: ref("Fund") } },
  },
  Inputs: inputs,
  SaveRequest: saveRequest,
  SavedVersion: saved,
  Diagnostic: diagnostic,
  Clauses: clauses,
  Examples: examples,
  Artefact: {
    type: "object",
    required: ["format", "ruleset", "inputs", "inputSchema", "rules"],
    description: "The compiled artefact, byte for byte as `zavabet compile` writes it (artefact/schema.ts).",
    properties: { format: { const: "zavabet/1" } },
  },
  EvaluateRequest: evaluateRequest,
  EvaluateResponse: evaluateResponse,
  BatchResponse: batchResponse,
  EvaluationResult: result,
  Outcome: outcome,
  RuleTrace: ruleTrace,
  TraceCondition: traceCondition,
};
