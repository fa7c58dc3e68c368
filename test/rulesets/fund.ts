/**
 * What every fund's ruleset test shares: reading rulesets/<fund> (versions.json, a version built
 * through the real parser, checker and compiler, an example case), and the checks every version of
 * every fund must pass — it parses and checks without errors or warnings, compiles to an artefact the
 * artefact schema accepts with the header versions.json gives, and passes every one of its own tests.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { validateArtefact } from "../../artefact/validate";
import { check } from "../../dsl/check";
import { compile } from "../../dsl/compile";
import { parse } from "../../dsl/syntax/parse";
import { createEngine, runTests } from "../../engine";

export interface VersionEntry {
  version: string;
  file: string;
  note: string;
  author: string;
  date: string;
  status: string;
}

export function openFund(fund: string) {
  const dir = join(__dirname, "../../rulesets", fund);
  const versions = JSON.parse(readFileSync(join(dir, "versions.json"), "utf8")) as VersionEntry[];
  const build = (file: string) => {
    const parsed = parse(readFileSync(join(dir, file), "utf8"));
    const checked = check(parsed.file);
    const errors = [...parsed.diagnostics, ...checked.diagnostics].filter((d) => d.severity === "error");
    const artefact = errors.length === 0 ? compile(parsed.file, checked.analysis) : undefined;
    return { parsed, checked, errors, artefact };
  };
  const example = (name: string): unknown => JSON.parse(readFileSync(join(dir, "examples", name), "utf8"));
  return { dir, versions, build, example };
}

export type Built = ReturnType<ReturnType<typeof openFund>["build"]>;

/** The three checks every version passes; `tests`: how many `آزمون` blocks it must carry. */
export function versionBasics(fund: string, entry: VersionEntry, tests: number, built: Built): void {
  const { parsed, checked, errors, artefact } = built;

  it("parses and checks without errors or warnings", () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(errors).toEqual([]);
    expect(checked.diagnostics.filter((d) => d.severity === "warning")).toEqual([]);
  });

  it("compiles to a valid artefact whose header matches versions.json", () => {
    expect(artefact).toBeDefined();
    const v = validateArtefact(JSON.parse(JSON.stringify(artefact)));
    expect(v.ok ? [] : v.errors).toEqual([]);
    expect(artefact?.ruleset.id).toBe(fund);
    expect(artefact?.ruleset.effective.jalali).toBe(entry.date);
    // A test lost by a parse slip fails here.
    expect(artefact?.tests.length).toBe(tests);
  });

  it("passes every one of its own tests", async () => {
    if (!artefact) throw new Error("no artefact");
    const report = await runTests(createEngine(artefact), artefact);
    const failed = report.results.filter((r) => !r.ok).map((r) => ({ name: r.name, failures: r.failures }));
    expect(failed).toEqual([]);
    expect(report.passed).toBe(tests);
  });
}
