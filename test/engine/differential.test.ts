/**
 * The compiled evaluator against the reference one (the expression interpreter and stock
 * json-rules-engine), on every shipped ruleset version (rulesets/<fund>/versions/<v>.zb): every
 * `آزمون` block's inputs, every example case (rulesets/<fund>/examples/*.json) and 10,000 generated
 * cases (engine/generate, fixed seed). The whole EvaluationResult with `{ trace: true }` must be
 * deeply equal — decision, outcomes and their messages, values to the last digit, warnings, and the
 * per-condition trace — and an invalid case must be refused by both with the same issues.
 * Sequential, one engine per evaluator per version. Also: 200 overlapping evaluate() calls on one
 * engine give what sequential calls give, for each evaluator.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { compileSource } from "../../dsl/index";
import { generateCases, iterateCases } from "../../engine/generate/index";
import {
  type Artefact,
  CaseError,
  type CaseIssue,
  createEngine,
  type EvaluationResult,
  type ZavabetEngine,
} from "../../engine/index";

const ROOT = join(__dirname, "../../rulesets");
const GENERATED = 10_000;
const SEED = 20_251_122;
/** How many differences a failure prints in full (all are counted). */
const SHOWN = 5;

interface Version {
  id: string;
  artefact: Artefact;
  examples: { name: string; input: unknown }[];
}

const list = (dir: string, ext: string) => {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(ext))
      .sort();
  } catch {
    return [];
  }
};

/** Every rulesets/<fund>/versions/<v>.zb, compiled, with its fund's examples. */
const versions: Version[] = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((fund) => {
    const examplesDir = join(ROOT, fund.name, "examples");
    const examples = list(examplesDir, ".json").map((f) => ({
      name: f,
      input: JSON.parse(readFileSync(join(examplesDir, f), "utf8")) as unknown,
    }));
    const dir = join(ROOT, fund.name, "versions");
    return list(dir, ".zb").map((f) => {
      const { artefact, diagnostics } = compileSource(readFileSync(join(dir, f), "utf8"));
      if (!artefact) throw new Error(`${fund.name}/${f} does not compile: ${JSON.stringify(diagnostics)}`);
      return { id: `${fund.name}/${f}`, artefact, examples };
    });
  });

type Settled = { result: EvaluationResult } | { refused: CaseIssue[] };

async function settle(engine: ZavabetEngine, input: unknown): Promise<Settled> {
  try {
    return { result: await engine.evaluate(input, { trace: true }) };
  } catch (e) {
    if (e instanceof CaseError) return { refused: e.issues };
    throw e;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The paths at which two JSON-like values differ, each with both sides (compact, one line each). */
function diff(a: unknown, b: unknown, path = "", out: string[] = []): string[] {
  if (isDeepStrictEqual(a, b)) return out;
  const where = path || "(root)";
  if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) {
    out.push(`  ${where}: reference ${JSON.stringify(a)} ≠ compiled ${JSON.stringify(b)}`);
    return out;
  }
  const before = out.length;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const step = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!Object.hasOwn(b, k)) out.push(`  ${step}: reference ${JSON.stringify(a[k])}, absent from compiled`);
    else if (!Object.hasOwn(a, k))
      out.push(`  ${step}: absent from reference, compiled ${JSON.stringify(b[k])}`);
    else diff(a[k], b[k], step, out);
  }
  if (out.length === before) out.push(`  ${where}: same JSON, different prototypes or value kinds`);
  return out;
}

/** One line per mismatch: the case and where the two results differ. */
class Mismatches {
  readonly found: string[] = [];
  count = 0;

  record(label: string, input: unknown, reference: Settled, compiled: Settled): void {
    if (isDeepStrictEqual(compiled, reference)) return;
    this.count++;
    if (this.found.length < SHOWN) {
      const lines = diff(reference, compiled);
      const shown = lines.length > 30 ? [...lines.slice(0, 30), `  … ${lines.length - 30} more`] : lines;
      this.found.push(`${label}\n  case: ${JSON.stringify(input)}\n${shown.join("\n")}`);
    }
  }

  check(what: string): void {
    if (this.count === 0) return;
    throw new Error(
      `${this.count} ${what} evaluated differently by the reference and the compiled evaluator` +
        ` (first ${this.found.length}):\n\n${this.found.join("\n\n")}`,
    );
  }
}

describe("differential: the compiled evaluator gives exactly the reference evaluator's results", () => {
  it("has shipped ruleset versions to compare on, and two different evaluators", () => {
    expect(versions.length).toBeGreaterThan(0);
    const [first] = versions;
    if (!first) return;
    const reference = createEngine(first.artefact, { evaluator: "reference" });
    const compiled = createEngine(first.artefact, { evaluator: "compiled" });
    expect([reference.evaluator, compiled.evaluator]).toEqual(["reference", "compiled"]);
    expect(reference.pool).toBeDefined();
    expect(compiled.pool).toBeUndefined();
  });

  for (const { id, artefact, examples } of versions) {
    describe(id, () => {
      const reference = createEngine(artefact, { evaluator: "reference" });
      const compiled = createEngine(artefact, { evaluator: "compiled" });

      it("on every test's inputs and every example case", async () => {
        const mismatches = new Mismatches();
        const inputs = [
          ...artefact.tests.map((t) => ({ label: `test «${t.name}»`, input: t.inputs })),
          ...examples.map((e) => ({ label: `example ${e.name}`, input: e.input })),
        ];
        for (const { label, input } of inputs)
          mismatches.record(label, input, await settle(reference, input), await settle(compiled, input));
        mismatches.check("cases");
        expect(inputs.length).toBe(artefact.tests.length + examples.length);
      });

      it(`on ${GENERATED} generated cases`, { timeout: 600_000 }, async () => {
        const mismatches = new Mismatches();
        let n = 0;
        let refused = 0;
        for (const chunk of iterateCases(artefact, GENERATED, SEED)) {
          for (const input of chunk) {
            const r = await settle(reference, input);
            if ("refused" in r) refused++;
            mismatches.record(
              `generated case #${n++} (seed ${SEED})`,
              input,
              r,
              await settle(compiled, input),
            );
          }
        }
        mismatches.check("generated cases");
        expect(n).toBe(GENERATED);
        // the generator makes valid cases only: nothing was compared on a refusal
        expect(refused).toBe(0);
      });

      it("200 overlapping evaluations on one engine give the sequential results, for each evaluator", async () => {
        const cases = generateCases(artefact, 200, SEED + 1);
        for (const engine of [reference, compiled]) {
          const sequential: EvaluationResult[] = [];
          for (const c of cases) sequential.push(await engine.evaluate(c, { trace: true }));
          const overlapping = await Promise.all(
            cases.map(async (c, i) => {
              for (let t = 0; t < i % 25; t++) await Promise.resolve();
              return engine.evaluate(c, { trace: true });
            }),
          );
          expect(overlapping, `${engine.evaluator}: overlapping ≠ sequential`).toStrictEqual(sequential);
        }
      });
    });
  }
});
