/**
 * The HTTP API end to end through fastify's inject (no socket): every route, every documented error,
 * and every response checked against the checked-in OpenAPI document.
 */
import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, createEngine, loadArtefact, serializeArtefact } from "zavabet";
import { generateCases } from "../../engine/generate";
import { createServer } from "../../server";
import { EXAMPLE, expectDocumented, expectError, OPENAPI, rulesetsFolder } from "./helpers";

const EVALUATE = "/rulesets/{fund}/versions/{version}/evaluate";
const BATCH = "/rulesets/{fund}/versions/{version}/evaluate/batch";

let folder: ReturnType<typeof rulesetsFolder>;
let app: FastifyInstance;

const electronics = (v: string) => {
  const { artefact } = compile(readFileSync(`rulesets/electronics/versions/${v}.zb`, "utf8"));
  return artefact!;
};

beforeAll(async () => {
  folder = rulesetsFolder();
  // Load shedding is off here: a compile on first use, or a busy test machine, must not turn these
  // answers into 503s (load-shedding.test.ts tests it on its own).
  app = createServer({
    rulesetsDir: folder.dir,
    limits: { batchCases: 20 },
    load: { maxEventLoopDelayMs: 0 },
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  folder.remove();
});

const post = (url: string, payload: unknown) =>
  app.inject({ method: "POST", url, payload: payload as Record<string, unknown> });
const evaluated = async () => (await app.inject("/health")).json().evaluated as number;

describe("what the service can run", () => {
  it("GET /health: alive, with load and memory figures", async () => {
    const res = await app.inject("/health");
    expect(res.statusCode).toBe(200);
    expectDocumented("get", "/health", res);
    expect(res.json()).toMatchObject({ status: "ok", rulesets: 4 });
  });

  it("GET /rulesets: every ruleset folder (versions.json or versions/), its versions, the latest last", async () => {
    const res = await app.inject("/rulesets");
    expectDocumented("get", "/rulesets", res);
    const list = res.json().rulesets as { fund: string; latest: string; versions: { version: string }[] }[];
    expect(list.map((f) => f.fund)).toEqual(["bare", "broken", "electronics", "reserved"]);
    const bare = list.find((f) => f.fund === "bare")!;
    expect(bare.versions.map((v) => v.version)).toEqual(["2", "10"]);
    expect(bare.latest).toBe("10");
    const el = list.find((f) => f.fund === "electronics")!;
    expect(el.versions.map((v) => v.version)).toEqual(["1", "2"]);
    expect(el.latest).toBe("2");
    expect(el.versions[0]).toMatchObject({ status: "published", date: "1377/11/02" });
  });

  it("GET /rulesets/:fund, and 404 RULESET_NOT_FOUND for a fund that is not there", async () => {
    const res = await app.inject("/rulesets/electronics");
    expectDocumented("get", "/rulesets/{fund}", res);
    expect(res.json().latest).toBe("2");
    for (const fund of ["nope", "not-a-ruleset", "electronics%00", "%2e%2e%2f%2e%2e%2fetc"]) {
      const missing = await app.inject(`/rulesets/${fund}`);
      expectError(missing, 404, "RULESET_NOT_FOUND");
      expectDocumented("get", "/rulesets/{fund}", missing);
    }
    // A path that climbs out is no route at all.
    for (const path of [
      "/rulesets/..",
      "/rulesets/../etc/passwd",
      "/rulesets/electronics/versions/../../..",
    ]) {
      expect((await app.inject(path)).statusCode).toBe(404);
    }
  });

  it("GET …/schema: the ruleset's input schema and each input's name, alias, type", async () => {
    const res = await app.inject("/rulesets/electronics/versions/1/schema");
    expectDocumented("get", "/rulesets/{fund}/versions/{version}/schema", res);
    const body = res.json();
    expect(body.version).toBe("1");
    expect(body.inputSchema).toEqual(electronics("1").inputSchema);
    expect(body.inputs).toContainEqual({
      name: "مبلغ_ضمانت",
      alias: "amount",
      type: { kind: "money" },
      required: true,
    });
    const latest = await app.inject("/rulesets/electronics/versions/latest/schema");
    expect(latest.json().version).toBe("2");
    const missing = await app.inject("/rulesets/electronics/versions/9/schema");
    expectError(missing, 404, "VERSION_NOT_FOUND");
    expectDocumented("get", "/rulesets/{fund}/versions/{version}/schema", missing);
  });

  it("GET …/artefact: byte for byte what zavabet compile writes, and loadable", async () => {
    const res = await app.inject("/rulesets/electronics/versions/2/artefact");
    expectDocumented("get", "/rulesets/{fund}/versions/{version}/artefact", res);
    expect(res.body).toBe(serializeArtefact(electronics("2")));
    expect(() => loadArtefact(res.json())).not.toThrow();
  });

  it("a version that does not compile is a 500 RULESET_DOES_NOT_COMPILE with its diagnostics", async () => {
    const res = await post("/rulesets/broken/versions/1/evaluate", { case: { مبلغ: 1 } });
    const error = expectError(res, 500, "RULESET_DOES_NOT_COMPILE");
    expectDocumented("post", EVALUATE, res);
    expect(error.details?.[0]?.field).toMatch(/^5:\d+ ZB2001$/);
    expectError(await app.inject("/rulesets/broken/versions/1/artefact"), 500, "RULESET_DOES_NOT_COMPILE");
  });

  it.each(["1", "2"])(
    "so is a version the engine cannot run (1: names it reserves; 2: nested past its limits), every time",
    async (version) => {
      for (let i = 0; i < 2; i++) {
        const res = await post(`/rulesets/reserved/versions/${version}/evaluate`, { case: { x: 1 } });
        const error = expectError(res, 500, "RULESET_DOES_NOT_COMPILE");
        expect(error.details?.length).toBeGreaterThan(0);
        expectDocumented("post", EVALUATE, res);
      }
    },
  );
});

describe("POST …/evaluate", () => {
  it("decides exactly as the library does, on the example and on 60 generated cases per version", async () => {
    for (const v of ["1", "2"]) {
      const artefact = electronics(v);
      const engine = createEngine(artefact);
      for (const c of [EXAMPLE, ...generateCases(artefact, 60, Number(v))]) {
        const res = await post(`/rulesets/electronics/versions/${v}/evaluate`, { case: c, trace: true });
        expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        expectDocumented("post", EVALUATE, res);
        expect(res.json()).toEqual({
          fund: "electronics",
          version: v,
          result: engine.evaluateSync(c, { trace: true }),
        });
      }
    }
  });

  it("without trace: true there is no trace; latest names the newest version", async () => {
    const res = await post("/rulesets/electronics/versions/latest/evaluate", { case: EXAMPLE });
    expect(res.json().version).toBe("2");
    expect(res.json().result.trace).toBeUndefined();
  });

  it("an invalid case is a 422 CASE_INVALID listing every bad field; nothing is evaluated", async () => {
    const before = await evaluated();
    const res = await post("/rulesets/electronics/versions/2/evaluate", {
      case: { ...EXAMPLE, مبلغ_ضمانت: "many", مدت_ماه: true, unknownField: 1 },
    });
    const error = expectError(res, 422, "CASE_INVALID");
    expectDocumented("post", EVALUATE, res);
    expect(error.details?.map((d) => d.field)).toEqual(
      expect.arrayContaining(["مبلغ_ضمانت", "مدت_ماه", "unknownField"]),
    );
    for (const d of error.details ?? []) expect(d.fa).toMatch(/[\u0600-\u06FF]/);
    expect(await evaluated()).toBe(before);
  });

  it.each([
    ["no case", {}, "body/case"],
    ["a case that is not an object", { case: [1, 2] }, "body/case"],
    ["an unknown property", { case: {}, explain: true }, "body/explain"],
    ["trace as a string (never coerced)", { case: {}, trace: "true" }, "body/trace"],
  ])("the request's shape is checked first: %s is a 400 BAD_REQUEST", async (_, payload, field) => {
    const before = await evaluated();
    const res = await post("/rulesets/electronics/versions/2/evaluate", payload);
    const error = expectError(res, 400, "BAD_REQUEST");
    expectDocumented("post", EVALUATE, res);
    expect(error.details?.map((d) => d.field)).toContain(field);
    expect(await evaluated()).toBe(before);
  });

  it("a body that is not JSON: 400 INVALID_JSON; not JSON at all: 415; an unknown route: 404", async () => {
    const url = "/rulesets/electronics/versions/2/evaluate";
    for (const payload of ['{"case": {', "", "nul", '{"case": {}} trailing']) {
      const res = await app.inject({
        method: "POST",
        url,
        payload,
        headers: { "content-type": "application/json" },
      });
      expectError(res, 400, "INVALID_JSON");
      expectDocumented("post", EVALUATE, res);
    }
    const text = await app.inject({
      method: "POST",
      url,
      payload: "{}",
      headers: { "content-type": "text/plain" },
    });
    expectError(text, 415, "UNSUPPORTED_MEDIA_TYPE");
    expectDocumented("post", EVALUATE, text);
    expectError(await app.inject("/rulesets/electronics/versions/2/evaluate"), 404, "NOT_FOUND");
    expectError(await app.inject({ method: "DELETE", url: "/rulesets" }), 404, "NOT_FOUND");
  });
});

describe("POST …/evaluate/batch", () => {
  it("answers each case in order: its result, or its own error; one bad case costs the others nothing", async () => {
    const artefact = electronics("2");
    const engine = createEngine(artefact);
    const good = generateCases(artefact, 15, 3);
    const cases: unknown[] = [...good.slice(0, 7), { amount: "x" }, ...good.slice(7), "not a case"];
    // "not a case" fails the request schema (items must be objects): the batch as a whole is refused.
    const refused = await post("/rulesets/electronics/versions/2/evaluate/batch", { cases });
    expectError(refused, 400, "BAD_REQUEST");
    expectDocumented("post", BATCH, refused);

    const before = await evaluated();
    const res = await post("/rulesets/electronics/versions/2/evaluate/batch", { cases: cases.slice(0, -1) });
    expect(res.statusCode).toBe(200);
    expectDocumented("post", BATCH, res);
    const { results } = res.json() as {
      results: { ok: boolean; result?: unknown; error?: { code: string } }[];
    };
    expect(results).toHaveLength(16);
    expect(results[7]).toMatchObject({ ok: false, error: { code: "CASE_INVALID", status: 422 } });
    const oks = results.filter((r) => r.ok).map((r) => r.result);
    expect(oks).toEqual(good.map((c) => engine.evaluateSync(c)));
    expect(await evaluated()).toBe(before + 15);
  });

  it("more cases than the limit: 413 BATCH_TOO_LARGE, nothing evaluated", async () => {
    const before = await evaluated();
    const res = await post("/rulesets/electronics/versions/2/evaluate/batch", {
      cases: Array.from({ length: 21 }, () => EXAMPLE),
    });
    expectError(res, 413, "BATCH_TOO_LARGE");
    expectDocumented("post", BATCH, res);
    expect(await evaluated()).toBe(before);
  });

  it("with trace: true every result has its trace", async () => {
    const res = await post("/rulesets/electronics/versions/1/evaluate/batch", {
      cases: [EXAMPLE],
      trace: true,
    });
    expect(res.json().results[0].result.trace.length).toBe(electronics("1").rules.length);
  });
});

describe("the OpenAPI document", () => {
  it("is served at /openapi.json and is the checked-in docs/openapi.json (npm run openapi rewrites it)", async () => {
    const res = await app.inject("/openapi.json");
    expect(res.statusCode).toBe(200);
    // The test server runs a batch limit of 20: only the limits in descriptions and maxItems differ.
    const defaults = createServer({ rulesetsDir: folder.dir });
    const served = (await defaults.inject("/openapi.json")).json();
    await defaults.close();
    expect(served).toEqual(OPENAPI);
    expect(JSON.stringify(res.json())).toContain('"maxItems":20');
  });

  it("documents every route the server has", async () => {
    const documented = Object.entries(OPENAPI.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const routes = app
      .printRoutes({ commonPrefix: false })
      .split("\n")
      .filter((l) => l.includes("("));
    // printRoutes gives a tree; rebuild each full path with its methods.
    const served: string[] = [];
    const stack: string[] = [];
    for (const line of routes) {
      const m = /^([│ ]*)[└├]── (\S+) \(([^)]+)\)/.exec(line);
      if (!m) continue;
      const depth = m[1]!.length / 4;
      stack.length = depth;
      stack[depth] = m[2]!;
      for (const method of m[3]!.split(", "))
        if (method !== "HEAD") served.push(`${method} ${stack.join("")}`);
    }
    expect(served.sort()).toEqual(documented.sort());
  });
});
