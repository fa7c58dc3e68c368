/**
 * Hostile requests to the HTTP layer: random and malformed bodies, media types and paths, and the
 * classic payloads (deep nesting, megabyte strings, prototype keys, huge numbers, thousands of keys).
 * Every answer is a documented status with the documented JSON (checked against docs/openapi.json),
 * never a 500, and a refused request evaluates nothing. (Slow clients and oversized bodies on a real
 * socket: test/server/limits.test.ts.)
 */
import fc from "fast-check";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server";
import { EXAMPLE, expectDocumented, expectError, rulesetsFolder } from "../server/helpers";

const EVALUATE = "/rulesets/{fund}/versions/{version}/evaluate";
const BATCH = "/rulesets/{fund}/versions/{version}/evaluate/batch";
const URL_1 = "/rulesets/electronics/versions/2/evaluate";

let folder: ReturnType<typeof rulesetsFolder>;
let app: FastifyInstance;

beforeAll(async () => {
  folder = rulesetsFolder();
  app = createServer({ rulesetsDir: folder.dir, load: { maxEventLoopDelayMs: 0 } });
  await app.ready();
  await app.inject({ method: "POST", url: URL_1, payload: { case: EXAMPLE } });
});
afterAll(async () => {
  await app.close();
  folder.remove();
});

const evaluated = async () => (await app.inject("/health")).json().evaluated as number;

function send(url: string, payload: string | Buffer, contentType = "application/json") {
  return app.inject({ method: "POST", url, payload, headers: { "content-type": contentType } });
}

function neverA500(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
}

describe("random requests", () => {
  it("random JSON bodies to evaluate and batch: documented answers, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 5 }),
          fc.record({ case: fc.jsonValue({ maxDepth: 4 }) }),
          fc.record({
            case: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })),
            trace: fc.jsonValue(),
          }),
          fc.record({ cases: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }) }),
        ),
        fc.boolean(),
        async (body, batch) => {
          const res = await send(batch ? `${URL_1}/batch` : URL_1, JSON.stringify(body) ?? "null");
          neverA500(res);
          expectDocumented("post", batch ? BATCH : EVALUATE, res);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("random bytes with random media types: a 4xx in the documented shape", async () => {
    const before = await evaluated();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: "binary", maxLength: 200 })),
        fc.constantFrom(
          "application/json",
          "application/json; charset=utf-8",
          "application/JSON",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json-patch+json",
          "",
        ),
        async (text, contentType) => {
          const res = await send(URL_1, Buffer.from(text), contentType);
          neverA500(res);
          expect(res.statusCode).not.toBe(200);
          expectDocumented("post", EVALUATE, res);
        },
      ),
      { numRuns: 300 },
    );
    expect(await evaluated()).toBe(before);
  });

  it("random paths: 200, or a 400/404 in the documented shape, never a 500, never a file", async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "rulesets",
        "electronics",
        "versions",
        "latest",
        "1",
        "2",
        "schema",
        "artefact",
        "evaluate",
      ),
      fc.constantFrom(
        "..",
        ".",
        "%2e%2e",
        "%2f",
        "%00",
        "%ff",
        "~",
        "etc",
        "passwd",
        "__proto__",
        "constructor",
      ),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 6 }), async (segments) => {
        const res = await app.inject(`/${segments.join("/")}`);
        neverA500(res);
        expect(res.headers["content-type"]).toMatch(/^application\/json/);
        if (res.statusCode !== 200) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
        expect(res.body).not.toContain("root:");
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile payloads: a clear 4xx, nothing evaluated", () => {
  const deep = (n: number, open: string, close: string, inner = "1") =>
    open.repeat(n) + inner + close.repeat(n);
  const cases: [string, string, number, string][] = [
    ["arrays nested 100,000 deep", `{"case": ${deep(100_000, "[", "]")}}`, 400, "TOO_DEEP"],
    ["objects nested 50,000 deep", `{"case": ${deep(50_000, '{"a":', "}")}}`, 400, "TOO_DEEP"],
    ["a case value nested 40 deep", `{"case": {"amount": ${deep(40, "[", "]")}}}`, 400, "TOO_DEEP"],
    ["a megabyte string", JSON.stringify({ case: { amount: "9".repeat(1 << 20) } }), 413, "BODY_TOO_LARGE"],
    ["a 500 KB string", JSON.stringify({ case: { amount: "9".repeat(500_000) } }), 400, "STRING_TOO_LONG"],
    ["a 500 KB key", `{"case": {${JSON.stringify("k".repeat(500_000))}: 1}}`, 400, "STRING_TOO_LONG"],
    ["__proto__ in the case", '{"case": {"__proto__": {"polluted": true}}}', 400, "FORBIDDEN_KEY"],
    ["__proto__ in a list item", `{"case": {"collaterals": [{"__proto__": 1}]}}`, 400, "FORBIDDEN_KEY"],
    ["constructor.prototype", '{"case": {"constructor": {"prototype": {"x": 1}}}}', 400, "FORBIDDEN_KEY"],
    ["__proto__ beside case", '{"case": {}, "__proto__": {"trace": true}}', 400, "FORBIDDEN_KEY"],
    ["a huge number", JSON.stringify({ case: { ...EXAMPLE, مبلغ_ضمانت: 1e308 } }), 422, "CASE_INVALID"],
    ["a number past JSON's range", `{"case": {"amount": 1e400}}`, 422, "CASE_INVALID"],
    [
      "a number of 40 digits",
      JSON.stringify({ case: { ...EXAMPLE, مبلغ_ضمانت: "9".repeat(40) } }),
      422,
      "CASE_INVALID",
    ],
    [
      "wrong types everywhere",
      JSON.stringify({ case: { ...EXAMPLE, مدت_ماه: [18], بیمه_شده: "yes", وثایق: {} } }),
      422,
      "CASE_INVALID",
    ],
    [
      "60,000 unknown keys",
      JSON.stringify({ case: Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, 1])) }),
      400,
      "TOO_MANY_KEYS",
    ],
    [
      "2,000 unknown keys (the most a case may hold)",
      JSON.stringify({ case: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 1])) }),
      422,
      "CASE_INVALID",
    ],
    [
      "a list of 1,001 items",
      JSON.stringify({ case: { ...EXAMPLE, وثایق: Array(1001).fill({ kind: "سفته", value: 1 }) } }),
      422,
      "CASE_INVALID",
    ],
  ];

  it.each(cases)("%s", async (_, body, status, code) => {
    const before = await evaluated();
    const started = performance.now();
    const res = await send(URL_1, body);
    expect(performance.now() - started).toBeLessThan(5000);
    const error = expectError(res, status, code);
    expect((error.details ?? []).length).toBeLessThanOrEqual(50);
    expectDocumented("post", EVALUATE, res);
    expect(await evaluated()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("the same payloads inside a batch: the batch is refused whole, or each bad case answers for itself", async () => {
    const before = await evaluated();
    const res = await send(
      `${URL_1}/batch`,
      `{"cases": [${JSON.stringify(EXAMPLE)}, {"amount": 1e400}, {"amount": [[[[1]]]]}, ${JSON.stringify(EXAMPLE)}]}`,
    );
    expect(res.statusCode).toBe(200);
    expectDocumented("post", BATCH, res);
    expect(res.json().results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false, true]);
    expect(await evaluated()).toBe(before + 2);
    const refused = await send(`${URL_1}/batch`, `{"cases": [{"__proto__": {}}]}`);
    expectError(refused, 400, "FORBIDDEN_KEY");
    // A case over the one-case key limit answers for itself, before the engine sees it.
    const wide = Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`k${i}`, 1]));
    const mixed = await send(`${URL_1}/batch`, JSON.stringify({ cases: [wide, EXAMPLE] }));
    expect(
      mixed.json().results.map((r: { ok: boolean; error?: { code: string } }) => r.error?.code ?? "ok"),
    ).toEqual(["TOO_MANY_KEYS", "ok"]);
    expectDocumented("post", BATCH, mixed);
  });
});
