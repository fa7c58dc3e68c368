/**
 * The editor's routes on the server (server/editor-static.ts), through inject: the built page and
 * its assets are served, nothing outside the built folder's assets is (traversal in any spelling, a
 * symbolic link out), a version's source is the file the store lists, and without `editorDir` none
 * of the editor's own routes exist (the source route is the API's, test/server/versions.test.ts).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "../../server";

let work: string;
let app: FastifyInstance;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "zavabet-static-"));
  const dist = join(work, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><html dir=rtl></html>");
  writeFileSync(join(dist, "assets", "main-abc.js"), "export {};");
  writeFileSync(join(dist, "secret.txt"), "SECRET-CONTENT");
  writeFileSync(join(work, "outside.txt"), "OUTSIDE-CONTENT");
  symlinkSync(join(work, "outside.txt"), join(dist, "assets", "link.txt"));
  cpSync("rulesets/electronics", join(work, "rulesets/electronics"), { recursive: true });
  app = createServer({ rulesetsDir: join(work, "rulesets"), editorDir: dist });
});

afterAll(async () => {
  await app.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the editor's routes", () => {
  it("serve the page at / and its assets with their types", async () => {
    const page = await app.inject("/");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("dir=rtl");
    const js = await app.inject("/assets/main-abc.js");
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toContain("immutable");
  });

  it.each([
    "/assets/../index.html",
    "/assets/../secret.txt",
    "/assets/%2e%2e/secret.txt",
    "/assets/..%2fsecret.txt",
    "/assets/..%2f..%2foutside.txt",
    "/assets/link.txt",
    "/assets/",
    "/assets/missing.js",
    "/secret.txt",
    "/index.html/../secret.txt",
  ])("refuse %s with the API's 404", async (url) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain("SECRET-CONTENT");
    expect(res.body).not.toContain("OUTSIDE-CONTENT");
    expect(res.json().error.status).toBe(404);
  });

  it("serve a version's source text, the file the store lists", async () => {
    const res = await app.inject("/rulesets/electronics/versions/1/source");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(res.body).toBe(readFileSync("rulesets/electronics/versions/1.zb", "utf8"));
    const latest = await app.inject("/rulesets/electronics/versions/latest/source");
    expect(latest.body).toBe(readFileSync("rulesets/electronics/versions/2.zb", "utf8"));
  });

  it("answer an unknown fund or version as the API does", async () => {
    const fund = await app.inject("/rulesets/nope/versions/1/source");
    expect(fund.statusCode).toBe(404);
    expect(fund.json().error.code).toBe("RULESET_NOT_FOUND");
    for (const version of ["9", "..%2f..%2fpackage.json", "1.zb"]) {
      const res = await app.inject(`/rulesets/electronics/versions/${version}/source`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("VERSION_NOT_FOUND");
    }
  });

  it("do not exist when the server is created without editorDir (a version's source is API: it does)", async () => {
    const bare = createServer({ rulesetsDir: join(work, "rulesets") });
    for (const url of ["/", "/assets/main-abc.js"]) {
      const res = await bare.inject(url);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
    const source = await bare.inject("/rulesets/electronics/versions/1/source");
    expect(source.body).toBe(readFileSync("rulesets/electronics/versions/1.zb", "utf8"));
    await bare.close();
  });
});
