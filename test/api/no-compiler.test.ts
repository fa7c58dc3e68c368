/**
 * A compiled artefact (from `zavabet compile`) runs without the compiler: a child process that imports
 * `zavabet/engine`, loads the artefact and evaluates a case never loads a module of dsl/ or chevrotain.
 * The same child importing `zavabet` (which includes the compiler) does load them: the control that
 * shows the module log would see them.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile, createEngine } from "zavabet";
import { ROOT, SLOW, zavabet } from "../cli/run";

const run = promisify(execFile);
const CASE = "rulesets/electronics/examples/case-1.json";
let dir: string;
let artefactFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "zavabet-api-"));
  artefactFile = join(dir, "electronics.json");
  const compiled = await zavabet(["compile", "electronics", "-o", artefactFile]);
  expect(compiled.code).toBe(0);
}, SLOW.timeout);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runChild(entry: string): Promise<{ result: unknown; modules: string[] }> {
  const log = join(dir, `${entry.replace(/\W/g, "-")}.log`);
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./test/api/fixtures/record-modules.mjs",
      "test/api/fixtures/run-artefact.ts",
      entry,
      artefactFile,
      CASE,
    ],
    { cwd: ROOT, env: { ...process.env, ZAVABET_MODULE_LOG: log }, timeout: 100_000 },
  );
  return { result: JSON.parse(stdout), modules: readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

const compilerModules = (modules: string[]) =>
  modules.filter((url) => url.includes("/dsl/") || url.includes("/chevrotain/"));

describe("running a compiled artefact", () => {
  it(
    "zavabet/engine loads the artefact and decides as the source does, without loading dsl/ or chevrotain",
    async () => {
      const { result, modules } = await runChild("zavabet/engine");
      const { artefact } = compile(readFileSync("rulesets/electronics/versions/2.zb", "utf8"));
      expect(result).toEqual(createEngine(artefact!).evaluateSync(JSON.parse(readFileSync(CASE, "utf8"))));
      expect(modules.some((url) => url.endsWith("/engine/engine.ts"))).toBe(true);
      expect(modules.some((url) => url.endsWith("/lib/engine.ts"))).toBe(true);
      expect(compilerModules(modules)).toEqual([]);
    },
    SLOW.timeout,
  );

  it(
    "(control) the full entry, zavabet, does load the compiler, and the log shows it",
    async () => {
      const { modules } = await runChild("zavabet");
      expect(modules.some((url) => url.includes("/dsl/"))).toBe(true);
      expect(modules.some((url) => url.includes("/chevrotain/"))).toBe(true);
    },
    SLOW.timeout,
  );
});
