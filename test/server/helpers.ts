/**
 * Shared by the server tests: a rulesets folder built in a temporary directory (the real Electronics
 * ruleset, a fund that does not compile, a fund with versions/ but no versions.json), and a check of
 * any response against the checked-in OpenAPI document.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";

export const HEADER = "قواعد نمونه «صندوق نمونه»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «آزمایشی»\n";

/** A temporary rulesets folder; remove() deletes it. */
export function rulesetsFolder(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "zavabet-server-"));
  cpSync("rulesets/electronics/versions", join(dir, "electronics/versions"), { recursive: true });
  cpSync("rulesets/electronics/versions.json", join(dir, "electronics/versions.json"));
  mkdirSync(join(dir, "broken/versions"), { recursive: true });
  writeFileSync(
    join(dir, "broken/versions/1.zb"),
    `${HEADER}ورودی مبلغ: ریال\nمقدار م = ناموجود_است × ۲ [م]\n`,
  );
  mkdirSync(join(dir, "bare/versions"), { recursive: true });
  for (const v of ["2", "10"]) {
    writeFileSync(
      join(dir, `bare/versions/${v}.zb`),
      `${HEADER}ورودی مبلغ (amount): ریال\nقاعده «سقف» [ماده ${v}]\n  اگر مبلغ بیشتر از ${v} ریال\n  آنگاه رد «بیش از سقف»\n`,
    );
  }
  // Names the artefact format reserves: whether the checker or the engine refuses them, it cannot run.
  mkdirSync(join(dir, "reserved/versions"), { recursive: true });
  writeFileSync(
    join(dir, "reserved/versions/1.zb"),
    `${HEADER}ورودی x (constructor): عدد\nمقدار __proto__ = x [م]\n`,
  );
  // Nested far past the artefact's depth limit (a sum of 300 terms): however it is refused, it never runs.
  const sum = Array.from({ length: 300 }, () => "x").join(" + ");
  writeFileSync(join(dir, "reserved/versions/2.zb"), `${HEADER}ورودی x: عدد\nمقدار م = ${sum} [م]\n`);
  mkdirSync(join(dir, "not-a-ruleset"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const EXAMPLE: Record<string, unknown> = JSON.parse(
  readFileSync("rulesets/electronics/examples/case-1.json", "utf8"),
);

export const OPENAPI: Record<string, unknown> = JSON.parse(readFileSync("docs/openapi.json", "utf8"));

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(OPENAPI, "openapi");
const validators = new Map<string, ValidateFunction>();

const pointerSegment = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The response must be JSON and valid against the OpenAPI document's schema for this operation and
 * status; an undocumented status fails.
 */
export function expectDocumented(
  method: "get" | "post",
  template: string,
  res: LightMyRequestResponse,
): void {
  const paths = OPENAPI.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
  const op = paths[template]?.[method];
  expect(op, `${method} ${template} is in the OpenAPI document`).toBeDefined();
  expect(Object.keys(op!.responses), `${method} ${template} documents status ${res.statusCode}`).toContain(
    String(res.statusCode),
  );
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  const key = `${method} ${template} ${res.statusCode}`;
  let validate = validators.get(key);
  if (!validate) {
    const pointer = `#/paths/${pointerSegment(template)}/${method}/responses/${res.statusCode}/content/application~1json/schema`;
    validate = ajv.compile({ $ref: `openapi${pointer}` });
    validators.set(key, validate);
  }
  const body: unknown = res.json();
  expect(validate(body) ? [] : validate.errors, `${key}: ${res.body.slice(0, 300)}`).toEqual([]);
}

/** An error response: its status, code, and both messages present. */
export function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(status);
  const body = res.json() as { error: { code: string; status: number; message: { fa: string; en: string } } };
  expect(body.error.code).toBe(code);
  expect(body.error.status).toBe(status);
  expect(body.error.message.fa).toMatch(/[\u0600-\u06FF]/);
  expect(body.error.message.en).toMatch(/[A-Za-z]/);
  return body.error as typeof body.error & { details?: { field: string; fa: string; en: string }[] };
}
