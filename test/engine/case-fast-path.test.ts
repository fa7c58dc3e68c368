/**
 * The case reader's fast path (engine/case.ts) accepts exactly what the full reading accepts and
 * gives the same values: every case, valid or broken, is read both ways and must come out the same —
 * the same values, or the same CaseError issues.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_TEXT_LENGTH } from "../../artefact/limits";
import type { Artefact } from "../../artefact/types";
import { compileSource } from "../../dsl";
import { buildReader } from "../../engine/case";
import { caseArbitrary } from "../../engine/generate";
import { CaseError, loadArtefact } from "../../engine/index";
import { loan } from "./fixtures/loan";

const ROOT = join(__dirname, "../..");
const fromSource = (file: string) => {
  const artefact = compileSource(readFileSync(join(ROOT, file), "utf8")).artefact;
  if (!artefact) throw new Error(`${file} does not compile`);
  return loadArtefact(artefact);
};

/** Every input type, as the compiler writes its schema: the fast path then makes the schema's checks. */
const EVERY_TYPE = `قواعد t «آزمایش»
نسخه «۱» از ۱۴۰۳/۰۱/۰۱
مرجع «آزمون» نسخه «۱»
ورودی تاریخ_درخواست (requestDate): تاریخ
ورودی شرح (note): متن اختیاری
ورودی مبلغ (amount): ریال
ورودی نرخ (rate): درصد اختیاری
ورودی اقلام (items): فهرست از (
  نوع (kind): یکی از (الف، ب)،
  تاریخ_قلم (day): تاریخ،
  یادداشت (memo): متن)
قاعده «ر» [م ۱]
  اگر مبلغ بیشتر از ۱۰ ریال
  آنگاه رد «زیاد»
`;
const compiled = (text: string, name: string) => {
  const artefact = compileSource(text).artefact;
  if (!artefact) throw new Error(`${name} does not compile`);
  return loadArtefact(artefact);
};

const artefacts: [string, Artefact][] = [
  ["loan fixture (a case schema of its own)", loadArtefact(loan)],
  ["every input type", compiled(EVERY_TYPE, "every input type")],
  ["electronics 2", fromSource("rulesets/electronics/versions/2.zb")],
  ["Omid-style bench fixture", fromSource("bench/fixtures/omid-eligibility.zb")],
];

type Case = Record<string, unknown>;

/** Ways a valid case goes wrong (or merely looks different) on the way from a caller. */
const MUTATIONS: ((c: Case, key: string, other: unknown) => Case)[] = [
  (c, key) => Object.fromEntries(Object.entries(c).filter(([k]) => k !== key)),
  (c, key, other) => ({ ...c, [key]: other }),
  (c, key) => ({ ...c, [key]: null }),
  (c, _key, other) => ({ ...c, unknownField: other }),
  (c, key) => JSON.parse(`{"__proto__": 1, ${JSON.stringify(c).slice(1, -1) || `"${key}": 1`}}`) as Case,
  (c, key) => ({ ...c, [key.replace(/ی/g, "ي").replace(/ک/g, "ك")]: c[key] }),
  (c, key) => {
    const v = c[key];
    return {
      ...c,
      [key]: typeof v === "string" ? v.replace(/[0-9]/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)] ?? d) : v,
    };
  },
  (c, key) => {
    const v = c[key];
    if (!Array.isArray(v) || v.length === 0) return c;
    const [first, ...rest] = v as Case[];
    return { ...c, [key]: [{ ...first, extra: 1 }, ...rest] };
  },
  (c, key, other) => {
    const v = c[key];
    if (!Array.isArray(v) || v.length === 0) return c;
    const [first, ...rest] = v as Case[];
    const [field] = Object.keys(first ?? {});
    return field ? { ...c, [key]: [{ ...first, [field]: other }, ...rest] } : c;
  },
  (c, key) => ({ ...c, [key]: [c[key]] }),
  // What only the case schema checks: a text's length, a date's four-digit year.
  (c, key) => {
    const v = c[key];
    return typeof v === "string" ? { ...c, [key]: v.padEnd(MAX_TEXT_LENGTH + 1, "ن") } : c;
  },
  (c, key) => {
    const v = c[key];
    return typeof v === "string" ? { ...c, [key]: v.replace(/^1?(\d{3}[/-])/, "$1") } : c;
  },
  (c, key) => {
    const v = c[key];
    if (!Array.isArray(v) || v.length === 0) return c;
    const [first, ...rest] = v as Case[];
    const edited = Object.fromEntries(
      Object.entries(first ?? {}).map(([f, x]) => [
        f,
        typeof x === "string" ? x.padEnd(MAX_TEXT_LENGTH + 1, "ن").replace(/^1(\d{3}\/)/, "$1") : x,
      ]),
    );
    return { ...c, [key]: [edited, ...rest] };
  },
];

const odd = fc.oneof(
  fc.constantFrom(
    "",
    "abc",
    "12",
    "1.5",
    "-0",
    "1e5",
    "۱۲",
    "1,000",
    "1403/01/15",
    true,
    false,
    0,
    -1,
    1.5,
    1e300,
  ),
  fc.constantFrom([], {}, [1], { a: 1 }),
);

function outcome(read: () => unknown): unknown {
  try {
    const values = read() as Map<string, unknown>;
    return { values: Object.fromEntries([...values].sort(([a], [b]) => (a < b ? -1 : 1))) };
  } catch (e) {
    if (e instanceof CaseError) return { issues: e.issues };
    throw e;
  }
}

describe.each(artefacts)("the fast path of reading a case (%s)", (_name, artefact) => {
  const fast = buildReader(artefact);
  const full = buildReader(artefact, { fastPath: false });

  it("reads valid and broken cases exactly as the full reading does", () => {
    const mutated = fc
      .tuple(caseArbitrary(artefact), fc.nat(), fc.nat(), odd, fc.boolean())
      .map(([c, m, k, other, mutate]) => {
        const keys = Object.keys(c);
        const key = keys.length > 0 ? keys[k % keys.length]! : "x";
        return mutate ? MUTATIONS[m % MUTATIONS.length]!(c, key, other) : c;
      });
    fc.assert(
      fc.property(mutated, (c) => {
        expect(outcome(() => fast.read(c))).toEqual(outcome(() => full.read(c)));
      }),
      { numRuns: 1500, seed: 11 },
    );
  });
});
