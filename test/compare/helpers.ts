/** Shared by the compare tests: compiled rulesets, corpora written to a temporary folder, the report schema. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import Ajv2020 from "ajv/dist/2020";
import { compileSource } from "../../dsl";
import { type Artefact, createEngine, type ZavabetEngine } from "../../engine";

export const ROOT = join(import.meta.dirname, "../..");

export function artefactOf(path: string): Artefact {
  const { artefact } = compileSource(readFileSync(join(ROOT, path), "utf8"));
  if (!artefact) throw new Error(`${path} does not compile`);
  return artefact;
}

const engines = new Map<string, ZavabetEngine>();
export function engineOf(path: string): ZavabetEngine {
  let e = engines.get(path);
  if (!e) {
    e = createEngine(artefactOf(path));
    engines.set(path, e);
  }
  return e;
}

export const SI1 = "rulesets/small-industries/versions/1.zb";
export const SI2 = "rulesets/small-industries/versions/2.zb";
export const EL1 = "rulesets/electronics/versions/1.zb";
export const EL2 = "rulesets/electronics/versions/2.zb";

export function exampleCase(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(ROOT, path), "utf8")) as Record<string, unknown>;
}

/**
 * The small-industries example of a 40 bn credit guarantee (its loan and cheques cover up to 40 bn),
 * at amounts around the caps: v1's 30 bn for every kind, v2's 50 bn credit / 70 bn contracting.
 * Cases above 30 bn and up to 40 bn are accepted by v2 and rejected by v1 for the cap alone.
 */
export const KINDS = ["اعتباری", "حسن_انجام_تعهدات"] as const;
export const AMOUNTS = ["29999999999", "30000000000", "30000000001", "35000000000", "40000000000"] as const;
export function capCorpus(): Record<string, unknown>[] {
  const base = exampleCase("rulesets/small-industries/examples/credit-40bn.json");
  return KINDS.flatMap((kind) => AMOUNTS.map((amount) => ({ ...base, guaranteeKind: kind, amount })));
}

export const jsonLines = (cases: readonly unknown[]) => cases.map((c) => `${JSON.stringify(c)}\n`).join("");

export const streamOf = (text: string) => Readable.from([Buffer.from(text, "utf8")]);

const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(join(ROOT, "docs/compare-report.schema.json"), "utf8")),
);

/** The schema's complaints about a report (none: it is valid). */
export function validateReport(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
