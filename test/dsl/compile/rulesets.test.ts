/** Every ruleset version in rulesets/ compiles to an artefact the engine loads, byte-stable, passing its own tests. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serializeArtefact } from "../../../dsl/compile";
import { createEngine, loadArtefact, runTests } from "../../../engine";
import { compileText } from "./helpers";

const ROOT = "rulesets";
const files = existsSync(ROOT)
  ? readdirSync(ROOT).flatMap((set) => {
      const dir = join(ROOT, set, "versions");
      return existsSync(dir)
        ? readdirSync(dir)
            .filter((f) => f.endsWith(".zb"))
            .map((f) => join(dir, f))
        : [];
    })
  : [];

describe.skipIf(files.length === 0)("rulesets", () => {
  it.each(files)("%s", async (file) => {
    const src = readFileSync(file, "utf8");
    const artefact = compileText(src);
    const text = serializeArtefact(artefact);
    expect(serializeArtefact(compileText(src))).toBe(text);
    const loaded = loadArtefact(JSON.parse(text));
    const report = await runTests(createEngine(loaded), loaded);
    expect(report.results.filter((r) => !r.ok)).toEqual([]);
  });
});
