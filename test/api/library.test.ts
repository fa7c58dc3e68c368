/**
 * The library as a caller sees it: everything imported through the package name ("zavabet"), as
 * docs/api.md shows, never through internal paths.
 */
import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type Artefact,
  ArtefactError,
  CaseError,
  compile,
  createEngine,
  type Decision,
  type EvaluationResult,
  loadArtefact,
  runTests,
  type Serialized,
  serializeArtefact,
} from "zavabet";
import { generateCases } from "../../engine/generate";

const source = (v: number) => readFileSync(`rulesets/electronics/versions/${v}.zb`, "utf8");
const example: unknown = JSON.parse(readFileSync("rulesets/electronics/examples/case-1.json", "utf8"));

function compiled(v = 2): Artefact {
  const { artefact, diagnostics } = compile(source(v));
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!artefact) throw new Error("electronics does not compile");
  return artefact;
}

describe("compile", () => {
  it("compiles a ruleset to an artefact whose own tests pass", async () => {
    const artefact = compiled();
    const report = await runTests(createEngine(artefact), artefact);
    expect(report.failed).toBe(0);
    expect(report.passed).toBeGreaterThan(0);
  });

  it("never throws on broken text: every problem is a diagnostic with a code, fa and en, a range", () => {
    const broken = source(2).replace("ورودی مبلغ_ضمانت", "ورودی «مبلغ_ضمانت").slice(0, 4000);
    const { artefact, diagnostics } = compile(broken);
    expect(artefact).toBeUndefined();
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.code).toMatch(/^ZB\d{4}$/);
      expect(d.message.fa).not.toBe("");
      expect(d.message.en).not.toBe("");
      expect(d.range.startLine).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("loadArtefact", () => {
  it("loads the compiled JSON text and decides exactly as the artefact it came from", () => {
    const artefact = compiled();
    const shipped = loadArtefact(JSON.parse(serializeArtefact(artefact)));
    const direct = createEngine(artefact);
    const loaded = createEngine(shipped);
    for (const c of generateCases(artefact, 300, 11)) {
      expect(loaded.evaluateSync(c, { trace: true })).toEqual(direct.evaluateSync(c, { trace: true }));
    }
  });

  it("refuses a document that is not a valid artefact, listing what is wrong", () => {
    const json = JSON.parse(serializeArtefact(compiled())) as Record<string, unknown>;
    for (const bad of [
      { ...json, format: "zavabet/0" },
      { ...json, rules: [{ name: "x" }] },
      { ...json, values: [{ name: "م", type: { kind: "money" }, expr: { k: "ref", name: "نیست" } }] },
      "{}",
      null,
    ]) {
      let caught: unknown;
      try {
        loadArtefact(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ArtefactError);
      expect((caught as ArtefactError).errors.length).toBeGreaterThan(0);
    }
  });

  it("keeps its own copy: changing the caller's document afterwards changes nothing", () => {
    const json = JSON.parse(serializeArtefact(compiled())) as Artefact;
    const engine = createEngine(loadArtefact(json));
    const before = engine.evaluateSync(example);
    json.parameters.length = 0;
    json.rules.length = 0;
    expect(engine.evaluateSync(example)).toEqual(before);
  });
});

describe("an engine", () => {
  const artefact = compiled();
  const engine = createEngine(artefact);
  const cases = generateCases(artefact, 400, 5);

  it("evaluates the example case to the result the docs describe", () => {
    const r = engine.evaluateSync(example, { trace: true });
    expect(["accept", "reject", "refer"]).toContain(r.decision);
    expect(r.trace?.length).toBe(artefact.rules.length);
    for (const v of Object.values(r.values)) expect(["string", "boolean"]).toContain(typeof (v ?? ""));
    for (const o of r.outcomes) expect(artefact.rules.map((x) => x.name)).toContain(o.rule);
  });

  it("refuses an invalid case with every bad field, in Persian and English, evaluating nothing", () => {
    let caught: unknown;
    try {
      engine.evaluateSync({ amount: "many", termMonths: true, unknownField: 1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CaseError);
    const fields = (caught as CaseError).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["amount", "termMonths", "unknownField"]));
    for (const i of (caught as CaseError).issues) {
      expect(i.fa).not.toBe("");
      expect(i.en).not.toBe("");
    }
  });

  it.each(["compiled", "reference"] as const)(
    "%s: 400 overlapping evaluate() calls on one engine give the results of one-at-a-time runs",
    async (evaluator) => {
      const shared = createEngine(artefact, { evaluator });
      const oneAtATime: EvaluationResult[] = [];
      for (const c of cases) oneAtATime.push(await shared.evaluate(c, { trace: true }));
      const overlapping = await Promise.all(
        cases.map(async (c, i) => {
          // Interleave: cases start at different microtask turns, so runs genuinely overlap.
          for (let t = 0; t < i % 17; t++) await Promise.resolve();
          return shared.evaluate(c, { trace: true });
        }),
      );
      expect(overlapping).toEqual(oneAtATime);
      expect(new Set(overlapping.map((r) => r.decision)).size).toBeGreaterThan(1);
    },
  );

  it("evaluate() and evaluateSync() agree, and invalid cases reject without disturbing the others", async () => {
    const mixed: unknown[] = cases
      .slice(0, 100)
      .flatMap((c, i) => (i % 10 === 0 ? [c, { amount: -1 }] : [c]));
    const settled = await Promise.allSettled(mixed.map((c) => engine.evaluate(c)));
    settled.forEach((s, i) => {
      const c = mixed[i];
      if (s.status === "fulfilled") expect(s.value).toEqual(engine.evaluateSync(c));
      else expect(s.reason).toBeInstanceOf(CaseError);
    });
    expect(settled.filter((s) => s.status === "rejected")).toHaveLength(10);
  });
});

describe("the public types say what a caller may rely on", () => {
  it("result fields", () => {
    const r = createEngine(compiled()).evaluateSync(example);
    expectTypeOf(r.decision).toEqualTypeOf<Decision>();
    expectTypeOf<Decision>().toEqualTypeOf<"accept" | "reject" | "refer">();
    expectTypeOf(r.values).toEqualTypeOf<Record<string, Serialized>>();
    expectTypeOf<Serialized>().toEqualTypeOf<string | boolean | null>();
    expectTypeOf(r.outcomes[0]!.kind).toEqualTypeOf<"reject" | "refer" | "require" | "warn" | "set">();
    expectTypeOf(createEngine(compiled()).evaluate).returns.resolves.toEqualTypeOf<EvaluationResult>();
  });

  it("zavabet/engine is zavabet without the compiler", async () => {
    const full: Record<string, unknown> = await import("zavabet");
    const runtime: Record<string, unknown> = await import("zavabet/engine");
    const runtimeNames = Object.keys(runtime).sort();
    expect(runtimeNames).toEqual(expect.arrayContaining(["createEngine", "loadArtefact", "CaseError"]));
    expect(runtimeNames).not.toContain("compile");
    for (const name of runtimeNames) expect(full[name]).toBe(runtime[name]);
    expect(Object.keys(full)).toEqual(expect.arrayContaining(["compile", "check", ...runtimeNames]));
  });
});
