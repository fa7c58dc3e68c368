/**
 * The editor's versions on the server: saving a version (POST /rulesets/{fund}/versions) — published
 * or draft, the base check and racing saves, the write token, read-only servers, a crash between the
 * two writes — and what the editor reads beside a version (…/source, /clauses, /examples), with the
 * store never reading outside a fund's folder. Each test works on its own copy of
 * rulesets/electronics; every JSON answer is checked against the checked-in OpenAPI document.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { compile, createEngine } from "zavabet";
import { createServer, type ServerOptions } from "../../server";
import type { FundInfo } from "../../server/store";
import { jalaliDate } from "../../server/versions";
import { EXAMPLE, expectDocumented, expectError, OPENAPI, rulesetsFolder } from "./helpers";

const SAVE = "/rulesets/{fund}/versions";
const SOURCE_2 = readFileSync("rulesets/electronics/versions/2.zb", "utf8");
/** Version 2 with one more comment line: compiles, and differs from every shipped file. */
const EDITED = `${SOURCE_2}\n# ویرایش آزمایشی: نسخه‌ی تازه\n`;
/** Version 2 with «آنگاه» misspelt in its first rule: a syntax error. */
const TYPO = SOURCE_2.replace("آنگاه", "آنگه");
/** 2026-11-23 02:10 UTC is 05:40 on 1405/09/02 in Tehran. */
const NOW = new Date("2026-11-23T02:10:00.000Z");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A temporary rulesets folder holding a copy of rulesets/electronics (versions, examples, clauses). */
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), "zavabet-versions-"));
  cpSync("rulesets/electronics", join(root, "rulesets/electronics"), { recursive: true });
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  return join(root, "rulesets");
}

function server(rulesetsDir: string, options: Partial<ServerOptions> = {}): FastifyInstance {
  const app = createServer({
    rulesetsDir,
    load: { maxEventLoopDelayMs: 0 },
    ...options,
    versions: { now: () => NOW, ...options.versions },
  });
  cleanups.push(() => app.close());
  return app;
}

interface Body {
  source: string;
  base: string;
  note: string;
  author: string;
  publish: boolean;
}
const body = (overrides: Partial<Body> = {}): Body => ({
  source: EDITED,
  base: "2",
  note: "  یک توضیح آزمایشی  ",
  author: " مریم رضایی ",
  publish: true,
  ...overrides,
});

const save = (
  app: FastifyInstance,
  payload: unknown,
  headers: Record<string, string> = {},
  fund = "electronics",
) => app.inject({ method: "POST", url: `/rulesets/${fund}/versions`, payload: payload as Body, headers });

/** Every file under `dir` (relative paths) with its bytes: what "nothing was written" compares. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}

const listed = async (app: FastifyInstance) => {
  const res = await app.inject("/rulesets/electronics");
  expectDocumented("get", "/rulesets/{fund}", res);
  return res.json() as FundInfo;
};

const evaluate = (app: FastifyInstance, version: string) =>
  app.inject({
    method: "POST",
    url: `/rulesets/electronics/versions/${version}/evaluate`,
    payload: { case: EXAMPLE },
  });

function expectSaved(res: LightMyRequestResponse) {
  expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
  expectDocumented("post", SAVE, res);
  return res.json() as {
    version: Record<string, string>;
    diagnostics: { severity: string; message: { fa: string } }[];
  };
}

describe("saving a version", () => {
  it("publishes a new version: listed last with who, when and why, evaluable, and the old files untouched", async () => {
    const dir = copy();
    const fund = join(dir, "electronics");
    const before = snapshot(fund);
    const app = server(dir);

    const saved = expectSaved(await save(app, body()));
    expect(saved.version).toEqual({
      version: "3",
      note: "یک توضیح آزمایشی",
      author: "مریم رضایی",
      date: "1405/09/02",
      savedAt: "2026-11-23T02:10:00.000Z",
      status: "published",
    });
    expect(saved.diagnostics.every((d) => d.severity === "warning")).toBe(true);

    const fundInfo = await listed(app);
    expect(fundInfo.versions.map((v) => v.version)).toEqual(["1", "2", "3"]);
    expect(fundInfo.latest).toBe("3");
    expect(fundInfo.published).toBe("3");
    expect(fundInfo.versions.at(-1)).toEqual(saved.version);

    // Evaluable at once, exactly as the library evaluates the saved text.
    const res = await evaluate(app, "3");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().result).toEqual(createEngine(compile(EDITED).artefact!).evaluateSync(EXAMPLE));
    const source = await app.inject("/rulesets/electronics/versions/latest/source");
    expect(source.body).toBe(EDITED);

    // Nothing that was there has changed but versions.json, whose old entries are kept as they were.
    const after = snapshot(fund);
    for (const [path, bytes] of before)
      if (path !== "versions.json") expect(after.get(path), path).toBe(bytes);
    expect([...after.keys()].filter((p) => !before.has(p))).toEqual(["versions/3.zb"]);
    const oldEntries = JSON.parse(readFileSync("rulesets/electronics/versions.json", "utf8"));
    const newEntries = JSON.parse(readFileSync(join(fund, "versions.json"), "utf8"));
    expect(newEntries.slice(0, -1)).toEqual(oldEntries);
    expect(newEntries.at(-1)).toMatchObject({ version: "3", file: "versions/3.zb" });

    // A fresh server over the folder (a restart) lists the same.
    const restarted = server(dir);
    expect((await listed(restarted)).versions.at(-1)).toEqual(saved.version);
  });

  it("refuses to publish a source with errors: 422 DRAFT_HAS_ERRORS with the diagnostics in Persian; nothing written", async () => {
    const dir = copy();
    const before = snapshot(dir);
    const app = server(dir);
    const res = await save(app, body({ source: TYPO }));
    const error = expectError(res, 422, "DRAFT_HAS_ERRORS");
    expectDocumented("post", SAVE, res);
    expect(error.details?.length).toBeGreaterThan(0);
    for (const d of error.details ?? []) {
      expect(d.field).toMatch(/^\d+:\d+ ZB\d{4}$/);
      expect(d.fa).toMatch(/[\u0600-\u06FF]/);
    }
    expect(error.details?.some((d) => d.fa.includes("آنگه"))).toBe(true);
    expect(snapshot(dir)).toEqual(before);
    expect((await listed(app)).latest).toBe("2");
  });

  it("saves a source with errors as a draft: listed as the latest, not published, and not runnable", async () => {
    const dir = copy();
    const app = server(dir);
    const saved = expectSaved(await save(app, body({ source: TYPO, publish: false })));
    expect(saved.version).toMatchObject({ version: "3", status: "draft" });
    expect(
      saved.diagnostics.some((d) => d.severity === "error" && /[\u0600-\u06FF]/.test(d.message.fa)),
    ).toBe(true);

    const fundInfo = await listed(app);
    expect(fundInfo.latest).toBe("3");
    expect(fundInfo.published).toBe("2");
    expect((await app.inject("/rulesets/electronics/versions/3/source")).body).toBe(TYPO);
    expectError(await evaluate(app, "3"), 500, "RULESET_DOES_NOT_COMPILE");
    // "published" in a URL skips the draft.
    const published = await evaluate(app, "published");
    expect(published.statusCode).toBe(200);
    expect(published.json().version).toBe("2");
    // The next save starts from the draft.
    expectSaved(await save(app, body({ base: "3" })));
    expect((await listed(app)).published).toBe("4");
  });

  it("two saves racing from the same base: exactly one is saved, the other is a 409 naming who saved what", async () => {
    const dir = copy();
    const app = server(dir);
    const results = await Promise.all([
      save(app, body({ author: "نویسنده‌ی الف", source: `${EDITED}# الف\n` })),
      save(app, body({ author: "نویسنده‌ی ب", source: `${EDITED}# ب\n` })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const won = results.find((r) => r.statusCode === 201)!;
    const lost = results.find((r) => r.statusCode === 409)!;
    const winner = expectSaved(won).version;
    const error = expectError(lost, 409, "VERSION_CONFLICT");
    expectDocumented("post", SAVE, lost);
    expect(error.message.fa).toContain(winner.author!);
    expect(error.message.fa).toContain("«3»");
    expect(error.message.fa).toContain("از دست نرفته");
    expect(error.message.en).toContain("not lost");

    // One new file, one new entry, and they agree.
    const fund = join(dir, "electronics");
    expect(readdirSync(join(fund, "versions")).sort()).toEqual(["1.zb", "2.zb", "3.zb"]);
    expect(readdirSync(fund).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const entries = JSON.parse(readFileSync(join(fund, "versions.json"), "utf8")) as { author: string }[];
    expect(entries).toHaveLength(3);
    expect(entries[2]!.author).toBe(winner.author);
    expect(readFileSync(join(fund, "versions/3.zb"), "utf8")).toContain(
      winner.author === "نویسنده‌ی الف" ? "# الف" : "# ب",
    );
  });

  it("a stale base is a 409 VERSION_CONFLICT and nothing is written", async () => {
    const dir = copy();
    const app = server(dir);
    const stale = await save(app, body({ base: "1" }));
    expectError(stale, 409, "VERSION_CONFLICT");
    expectDocumented("post", SAVE, stale);
    expectSaved(await save(app, body({ base: "2" })));
    const before = snapshot(dir);
    const again = await save(app, body({ base: "2" }));
    const error = expectError(again, 409, "VERSION_CONFLICT");
    expect(error.message.en).toContain("«مریم رضایی» saved version «3»");
    expect(error.message.en).toContain("1405/09/02");
    expect(error.message.fa).toContain("05:40");
    expect(snapshot(dir)).toEqual(before);
  });

  it("with a write token: 401 without it or with a wrong one (before the body is read), 201 with it", async () => {
    const dir = copy();
    const app = server(dir, { writeToken: "tok-3f9a7c" });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Bearer tok-3f9a7" },
      { authorization: "Bearer tok-3f9a7c-and-more" },
      { authorization: "tok-3f9a7c" },
      { authorization: "Basic dG9rLTNmOWE3Yw==" },
      { authorization: "Bearer " },
    ];
    for (const headers of attempts) {
      const res = await save(app, body(), headers);
      expectError(res, 401, "WRITE_TOKEN_REQUIRED");
      expectDocumented("post", SAVE, res);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    }
    // Refused before the body is looked at: even a malformed body gets the 401.
    expectError(await save(app, { nonsense: true }), 401, "WRITE_TOKEN_REQUIRED");
    expect((await listed(app)).latest).toBe("2");
    // Reading needs no token.
    expect((await app.inject("/rulesets/electronics/versions/2/source")).statusCode).toBe(200);
    expectSaved(await save(app, body(), { authorization: "Bearer tok-3f9a7c" }));
    expect(() => createServer({ rulesetsDir: dir, writeToken: " " })).toThrow(/empty/);
  });

  it("a read-only server refuses every write with 403 READ_ONLY", async () => {
    const dir = copy();
    const before = snapshot(dir);
    const app = server(dir, { readOnly: true });
    const res = await save(app, body());
    expectError(res, 403, "READ_ONLY");
    expectDocumented("post", SAVE, res);
    expect(snapshot(dir)).toEqual(before);
  });

  it("a crash between writing the file and the listing leaves the old listing and a working store; the next save skips the name", async () => {
    const dir = copy();
    const fund = join(dir, "electronics");
    const listingBefore = readFileSync(join(fund, "versions.json"));
    let crash = true;
    const app = server(dir, {
      versions: {
        beforeListingWrite: () => {
          if (crash) throw new Error("power cut");
        },
      },
    });
    const res = await save(app, body());
    expectError(res, 500, "SAVE_FAILED");
    expectDocumented("post", SAVE, res);
    expect(readFileSync(join(fund, "versions.json")).equals(listingBefore)).toBe(true);
    // The file is there, unlisted; the store still serves the old listing.
    expect(readFileSync(join(fund, "versions/3.zb"), "utf8")).toBe(EDITED);
    const fundInfo = await listed(app);
    expect(fundInfo.versions.map((v) => v.version)).toEqual(["1", "2"]);
    expect((await evaluate(app, "latest")).json().version).toBe("2");

    crash = false;
    const saved = expectSaved(await save(app, body({ source: `${EDITED}# دوباره\n` })));
    expect(saved.version.version).toBe("4");
    expect(readFileSync(join(fund, "versions/3.zb"), "utf8")).toBe(EDITED);
    expect((await listed(app)).versions.map((v) => v.version)).toEqual(["1", "2", "4"]);
  });

  it("a fund with only a versions/ folder gets a versions.json listing its old versions too", async () => {
    const folder = rulesetsFolder();
    cleanups.push(folder.remove);
    const app = server(folder.dir);
    const bare = readFileSync(join(folder.dir, "bare/versions/10.zb"), "utf8");
    const saved = expectSaved(await save(app, body({ source: bare, base: "10" }), {}, "bare"));
    expect(saved.version.version).toBe("11");
    const res = await app.inject("/rulesets/bare");
    expect((res.json() as { versions: { version: string }[] }).versions.map((v) => v.version)).toEqual([
      "2",
      "10",
      "11",
    ]);
  });

  it.each([
    ["no source", { source: undefined }, "body/source"],
    ["an empty note", { note: "" }, "body/note"],
    ["a blank author", { author: "   " }, "body/author"],
    ["publish as a string", { publish: "true" }, "body/publish"],
    ["a note past the limit", { note: "ن".repeat(4001) }, "body/note"],
  ])("a bad body (%s) is a 400 BAD_REQUEST; nothing written", async (_, overrides, field) => {
    const dir = copy();
    const before = snapshot(dir);
    const app = server(dir);
    const res = await save(app, { ...body(), ...overrides });
    const error = expectError(res, 400, "BAD_REQUEST");
    expectDocumented("post", SAVE, res);
    expect(error.details?.map((d) => d.field)).toContain(field);
    expect(snapshot(dir)).toEqual(before);
  });

  it("an unknown fund is a 404 RULESET_NOT_FOUND, however it is spelt", async () => {
    const dir = copy();
    const app = server(dir);
    const before = snapshot(dir);
    for (const fund of ["nope", "..%2Felectronics", "electronics%2F..", "..%2F..%2Ftmp"]) {
      const res = await save(app, body(), {}, fund);
      expectError(res, 404, "RULESET_NOT_FOUND");
      expectDocumented("post", SAVE, res);
    }
    // "/rulesets/%2e%2e/versions" is normalised to another path, which is no route at all.
    expect((await save(app, body(), {}, "%2e%2e")).statusCode).toBeGreaterThanOrEqual(400);
    expect(snapshot(dir)).toEqual(before);
  });

  it("dates a save in Tehran's calendar day, not UTC's", () => {
    // 21:00 UTC on 22 November is 00:30 on 23 November in Tehran: 1405/09/02, not 1405/09/01.
    expect(jalaliDate(new Date("2026-11-22T21:00:00Z"))).toBe("1405/09/02");
    expect(jalaliDate(new Date("2026-11-22T20:29:00Z"))).toBe("1405/09/01");
    expect(jalaliDate(new Date("2026-03-20T20:30:00Z"))).toBe("1405/01/01");
  });
});

describe("what the editor reads beside a version", () => {
  it("GET …/source: the file's text as it is, for a name, latest and published", async () => {
    const app = server(copy());
    const res = await app.inject("/rulesets/electronics/versions/1/source");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.body).toBe(readFileSync("rulesets/electronics/versions/1.zb", "utf8"));
    for (const v of ["latest", "published"]) {
      expect((await app.inject(`/rulesets/electronics/versions/${v}/source`)).body).toBe(SOURCE_2);
    }
    const documented = (
      OPENAPI.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>
    )["/rulesets/{fund}/versions/{version}/source"];
    expect(JSON.stringify(documented?.get?.responses["200"])).toContain("text/plain");
    for (const [url, code] of [
      ["/rulesets/nope/versions/1/source", "RULESET_NOT_FOUND"],
      ["/rulesets/electronics/versions/9/source", "VERSION_NOT_FOUND"],
    ] as const) {
      const missing = await app.inject(url);
      expectError(missing, 404, code);
      expectDocumented("get", "/rulesets/{fund}/versions/{version}/source", missing);
    }
  });

  it("GET /rulesets/:fund/clauses: clauses.json as it is; empty lists for a fund without one", async () => {
    const dir = copy();
    const app = server(dir);
    const res = await app.inject("/rulesets/electronics/clauses");
    expectDocumented("get", "/rulesets/{fund}/clauses", res);
    expect(res.json()).toEqual(JSON.parse(readFileSync("rulesets/electronics/clauses.json", "utf8")));

    rmSync(join(dir, "electronics/clauses.json"));
    const fresh = server(dir);
    const none = await fresh.inject("/rulesets/electronics/clauses");
    expectDocumented("get", "/rulesets/{fund}/clauses", none);
    expect(none.json()).toEqual({ fund: "electronics", sources: [], clauses: [] });
    const missing = await fresh.inject("/rulesets/nope/clauses");
    expectError(missing, 404, "RULESET_NOT_FOUND");
    expectDocumented("get", "/rulesets/{fund}/clauses", missing);
  });

  it("GET /rulesets/:fund/examples: every examples/*.json object by name, in natural order", async () => {
    const dir = copy();
    const examples = join(dir, "electronics/examples");
    writeFileSync(join(examples, "case-10.json"), JSON.stringify({ ...EXAMPLE, مدت_ماه: 24 }));
    writeFileSync(join(examples, "case-2.json"), JSON.stringify(EXAMPLE));
    writeFileSync(join(examples, "not-json.json"), "{ nope");
    writeFileSync(join(examples, "a-list.json"), "[1, 2]");
    writeFileSync(join(examples, "notes.txt"), "not an example");
    const app = server(dir);
    const res = await app.inject("/rulesets/electronics/examples");
    expectDocumented("get", "/rulesets/{fund}/examples", res);
    const list = res.json().examples as { name: string; case: unknown }[];
    expect(list.map((e) => e.name)).toEqual(["case-1", "case-2", "case-10"]);
    expect(list[0]!.case).toEqual(EXAMPLE);
    expect(list[2]!.case).toEqual({ ...EXAMPLE, مدت_ماه: 24 });

    rmSync(examples, { recursive: true });
    const none = await server(dir).inject("/rulesets/electronics/examples");
    expect(none.json()).toEqual({ examples: [] });
  });
});

describe("nothing outside a fund's folder is served", () => {
  it("a version name that climbs out is no version", async () => {
    const app = server(copy());
    for (const version of [
      "..%2F..%2F..%2Fetc%2Fpasswd",
      "..%2Fversions.json",
      "2.zb",
      "..%2F..%2Fclauses.json",
    ]) {
      const res = await app.inject(`/rulesets/electronics/versions/${version}/source`);
      expectError(res, 404, "VERSION_NOT_FOUND");
      expect(res.body).not.toContain("root:");
    }
    // Dots the URL parser resolves before routing reach no route.
    for (const url of [
      "/rulesets/electronics/versions/%2e%2e/source",
      "/rulesets/electronics/versions/../../../etc/passwd",
    ]) {
      expectError(await app.inject(url), 404, "NOT_FOUND");
    }
    for (const url of ["/rulesets/..%2Felectronics/clauses", "/rulesets/..%2F..%2Fetc/examples"]) {
      expectError(await app.inject(url), 404, "RULESET_NOT_FOUND");
    }
  });

  it("a versions.json entry pointing out of the folder, or through a symbolic link out, is not listed nor read", async () => {
    const dir = copy();
    const fund = join(dir, "electronics");
    const outside = join(dir, "..", "outside.zb");
    writeFileSync(outside, `${SOURCE_2}\n# OUTSIDE-CONTENT\n`);
    symlinkSync(outside, join(fund, "versions/linked.zb"));
    mkdirSync(join(dir, "..", "elsewhere"));
    writeFileSync(join(dir, "..", "elsewhere", "secret.json"), JSON.stringify({ SECRET: "OUTSIDE-CONTENT" }));
    symlinkSync(join(dir, "..", "elsewhere", "secret.json"), join(fund, "examples/secret.json"));
    rmSync(join(fund, "clauses.json"));
    symlinkSync(join(dir, "..", "elsewhere", "secret.json"), join(fund, "clauses.json"));
    const entries = JSON.parse(readFileSync(join(fund, "versions.json"), "utf8")) as unknown[];
    entries.push(
      { version: "7", file: "../../etc/passwd" },
      { version: "8", file: "versions/linked.zb" },
      { version: "9", file: "/etc/passwd" },
      { version: "10", file: "../../outside.zb" },
    );
    writeFileSync(join(fund, "versions.json"), JSON.stringify(entries));
    expect(existsSync(join(fund, "../../outside.zb"))).toBe(true);

    const app = server(dir);
    const fundInfo = await listed(app);
    expect(fundInfo.versions.map((v) => v.version)).toEqual(["1", "2"]);
    for (const version of ["7", "8", "9", "10"]) {
      for (const suffix of ["source", "artefact"]) {
        const res = await app.inject(`/rulesets/electronics/versions/${version}/${suffix}`);
        expectError(res, 404, "VERSION_NOT_FOUND");
        expect(res.body).not.toContain("OUTSIDE-CONTENT");
      }
    }
    const examples = await app.inject("/rulesets/electronics/examples");
    expect(examples.body).not.toContain("OUTSIDE-CONTENT");
    expect((examples.json().examples as { name: string }[]).map((e) => e.name)).toEqual(["case-1"]);
    const clauses = await app.inject("/rulesets/electronics/clauses");
    expect(clauses.json()).toEqual({ fund: "electronics", sources: [], clauses: [] });

    // A save names its version past every listed name (10), and never writes through the link.
    const saved = expectSaved(await save(app, body()));
    expect(saved.version.version).toBe("11");
    expect(readFileSync(outside, "utf8")).toContain("OUTSIDE-CONTENT");
  });
});
