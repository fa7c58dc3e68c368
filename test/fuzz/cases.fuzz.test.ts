/**
 * Hostile cases on the library (what the HTTP service hands the engine after its own checks, and what
 * an embedding service may hand it with none): whatever a case holds, evaluateSync returns a result or
 * throws a CaseError whose every issue is in Persian and English — never another exception, never a
 * result for a value its input's type cannot hold, never a change to Object.prototype.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type Artefact, CaseError, createEngine, type EvaluationResult, type ValueType } from "zavabet";
import { caseArbitrary } from "../../engine/generate";
import { compiled, SOURCES } from "./fixtures";

// Hundreds of compiles or megabyte cases per test: on a busy CI machine this takes more than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });

const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
afterAll(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

type Outcome = { result: EvaluationResult } | { error: CaseError };

/** Evaluate; anything thrown other than a well-formed CaseError fails the test. */
function run(evaluate: (c: unknown) => EvaluationResult, input: unknown): Outcome {
  const started = performance.now();
  try {
    const result = evaluate(input);
    expect(["accept", "reject", "refer"]).toContain(result.decision);
    return { result };
  } catch (e) {
    if (!(e instanceof CaseError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(typeof issue.field).toBe("string");
      expect(issue.fa.trim()).not.toBe("");
      expect(issue.en.trim()).not.toBe("");
    }
    return { error: e };
  } finally {
    expect(performance.now() - started).toBeLessThan(5000);
  }
}

/** A value nested `depth` deep: arrays, objects, or both. */
const nested = fc
  .tuple(fc.integer({ min: 2, max: 1000 }), fc.constantFrom("array", "object", "mixed"))
  .map(([depth, kind]) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = kind === "array" || (kind === "mixed" && i % 2) ? [v] : { k: v };
    return v;
  });

/** Keys that must never be accepted, as JSON.parse makes them (own properties, not prototypes). */
const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", "polluted", "", " ", "\u200c");
const withKey = (target: Record<string, unknown>, key: string, value: unknown) =>
  JSON.parse(JSON.stringify({ ...target, [`@@${key}`]: value }).replace(`"@@${key}"`, JSON.stringify(key)));

/** Values no input of any type can hold. */
const neverValid = fc.oneof(
  nested,
  fc.constant({}),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 4 }),
);

const hugeNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 1e30, -1e31, 1.5e-300, 0.1 + 0.2),
  fc.integer({ min: 31, max: 5000 }).map((n) => "9".repeat(n)),
  fc.integer({ min: 13, max: 500 }).map((n) => `0.${"1".repeat(n)}`),
  fc.constantFrom(
    "1e400",
    "1e5",
    "0x10",
    "Infinity",
    "-Infinity",
    "NaN",
    "--1",
    "1..2",
    "١٢٣٤٥٦٧٨٩٠".repeat(4),
  ),
);

/** The case without any key that means this input (its name, its alias, the name in Arabic letters). */
function without(c: Record<string, unknown>, def: { name: string; alias?: string }): Record<string, unknown> {
  const persian = (k: string) => k.replace(/\u064A/g, "ی").replace(/\u0643/g, "ک");
  return Object.fromEntries(Object.entries(c).filter(([k]) => persian(k) !== def.name && k !== def.alias));
}

const isNumeric = (t: ValueType) => t.kind === "number" || t.kind === "money" || t.kind === "percent";

describe.each(Object.keys(SOURCES))("hostile cases on %s", (name) => {
  const artefact: Artefact = compiled(SOURCES[name]!);
  const engine = createEngine(artefact);
  const evaluate = (c: unknown) => engine.evaluateSync(c);
  const valid = caseArbitrary(artefact);
  const input = fc.constantFrom(...artefact.inputs);
  const keyOf = (i: Artefact["inputs"][number]) => fc.constantFrom(i.name, ...(i.alias ? [i.alias] : []));

  it("any JSON at all as a case: a result or a CaseError, nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), nested), (c) => {
        run(evaluate, c);
      }),
      { numRuns: 300 },
    );
  });

  it("a valid case with one input made a value no type can hold: a CaseError naming it", () => {
    fc.assert(
      fc.property(
        valid,
        input.chain((i) => fc.tuple(fc.constant(i), keyOf(i))),
        neverValid,
        (c, [def, key], bad) => {
          const hostile = without(c, def);
          hostile[key] = bad;
          const out = run(evaluate, hostile);
          expect("error" in out, JSON.stringify(hostile).slice(0, 300)).toBe(true);
          if ("error" in out) expect(out.error.issues.map((i) => i.field).join(" ")).toContain(key);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("a numeric input given a huge, over-precise or malformed number: a CaseError, nothing evaluated", () => {
    const numeric = artefact.inputs.filter((i) => isNumeric(i.type));
    fc.assert(
      fc.property(valid, fc.constantFrom(...numeric), hugeNumber, (c, def, bad) => {
        const hostile = without(c, def);
        hostile[def.name] = bad;
        const out = run(evaluate, hostile);
        expect("error" in out, `${def.name} = ${String(bad).slice(0, 60)}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("forbidden and unknown keys, at the top or inside list items: a CaseError", () => {
    const lists = artefact.inputs.filter((i) => i.type.kind === "list");
    fc.assert(
      fc.property(valid, hostileKey, fc.jsonValue({ maxDepth: 2 }), fc.boolean(), (c, key, value, inItem) => {
        const list = lists[0];
        let hostile: Record<string, unknown>;
        if (inItem && list) {
          const items = [...((c[list.name] ?? c[list.alias ?? ""] ?? []) as Record<string, unknown>[])];
          hostile = without(c, list);
          hostile[list.name] = [...items, withKey(items[0] ?? {}, key, value)];
        } else {
          hostile = withKey(c, key, value);
        }
        expect("error" in run(evaluate, hostile)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("strings of a megabyte in every input: refused unless the input is text, and quickly", () => {
    const megabyte = [
      "۱".repeat(1 << 20),
      "a".repeat(1 << 20),
      `${"1,".repeat(1 << 19)}1`,
      "٬".repeat(1 << 20),
    ];
    const base = fc.sample(valid, { numRuns: 1, seed: 3 })[0]!;
    // One of the four forms per input, in turn: each is a megabyte to read and normalise.
    artefact.inputs.forEach((def, i) => {
      const s = megabyte[i % megabyte.length]!;
      const hostile = without(base, def);
      hostile[def.name] = def.type.kind === "list" ? [{ [def.type.fields[0]!.name]: s }] : s;
      const out = run(evaluate, hostile);
      if (def.type.kind !== "text") expect("error" in out, def.name).toBe(true);
    });
  });
});
