/**
 * Random and mutated rule files through the whole pipeline a caller uses — compile (lexer, parser,
 * checker, compiler), then loadArtefact and evaluation: never a throw, never a hang, every problem a
 * well-formed diagnostic, and whatever compiles loads and runs.
 *
 * (test/dsl/syntax/fuzz.test.ts does the same for the parser alone, on a synthetic file; here the
 * seeds are the shipped rulesets and the checker and compiler run too.)
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import {
  CATALOGUE,
  CaseError,
  compile,
  createEngine,
  loadArtefact,
  runTests,
  serializeArtefact,
} from "zavabet";
import { generateCases } from "../../engine/generate";
import { SOURCES } from "./fixtures";

// Hundreds of compiles or megabyte cases per test: on a busy CI machine this takes more than the default 30 s.
vi.setConfig({ testTimeout: 180_000 });

/** Pieces that exercise the lexer, the normaliser and the grammar. */
const noise = fc.constantFrom(
  "«",
  "»",
  "[",
  "]",
  "(",
  ")",
  "{",
  "}",
  "|",
  "||",
  "،",
  "٬",
  "٫",
  "/",
  "-",
  "٪",
  "=",
  "×",
  "÷",
  "#",
  "\n",
  "\r\n",
  "\t",
  "\u200c",
  "\u200f",
  "\ufeff",
  "ي",
  "ك",
  "۱",
  "٢",
  "9".repeat(60),
  "😀",
  "\ud800",
  "اگر",
  "آنگاه",
  "وگرنه",
  "و",
  "یا",
  "نه",
  "جمع(",
  "هر",
  "قاعده «",
  "جدول ت [م] (یکتا)\n  | الف || ب |\n",
  "آزمون «ت»\n  با ",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript a rule file may hold, as text
  "${process.exit(1)}",
  "require('fs')",
);

function wellFormed(src: string): void {
  const started = performance.now();
  const { artefact, diagnostics } = compile(src);
  expect(performance.now() - started, "compile time (ms)").toBeLessThan(5000);
  const lines = src.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    expect(Object.keys(CATALOGUE)).toContain(d.code);
    expect(["error", "warning"]).toContain(d.severity);
    expect(d.message.fa.trim()).not.toBe("");
    expect(d.message.en.trim()).not.toBe("");
    expect(`${d.message.fa} ${d.message.en}`).not.toMatch(/\{\d\}/);
    expect(d.range.startLine).toBeGreaterThanOrEqual(1);
    expect(d.range.startLine).toBeLessThanOrEqual(d.range.endLine);
    expect(d.range.endLine).toBeLessThanOrEqual(lines + 1);
  }
  const errors = diagnostics.filter((d) => d.severity === "error");
  expect(artefact === undefined, "an artefact exactly when there is no error").toBe(errors.length > 0);
  if (!artefact) return;
  // What compiles is plain data that the engine accepts and runs.
  const json = serializeArtefact(artefact);
  expect(JSON.parse(json)).toEqual(artefact);
  const engine = createEngine(loadArtefact(JSON.parse(json)));
  for (const c of generateCases(artefact, 5, 1)) {
    try {
      engine.evaluateSync(c);
    } catch (e) {
      if (!(e instanceof CaseError)) throw e;
    }
  }
}

/** One edit of a file: delete, duplicate or swap lines, cut a span, insert noise, truncate. */
function mutation(src: string): fc.Arbitrary<string> {
  const lines = src.split("\n");
  const n = lines.length;
  return fc.oneof(
    fc.nat(n - 1).map((i) => lines.filter((_, k) => k !== i).join("\n")),
    fc.nat(n - 1).map((i) => lines.flatMap((l, k) => (k === i ? [l, l] : [l])).join("\n")),
    fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).map(([i, j]) => {
      const out = [...lines];
      [out[i], out[j]] = [out[j]!, out[i]!];
      return out.join("\n");
    }),
    fc
      .tuple(fc.nat(src.length), fc.integer({ min: 1, max: 40 }))
      .map(([at, len]) => src.slice(0, at) + src.slice(at + len)),
    fc.tuple(fc.nat(src.length), noise).map(([at, what]) => src.slice(0, at) + what + src.slice(at)),
    fc.nat(src.length).map((at) => src.slice(0, at)),
  );
}

describe.each(Object.keys(SOURCES))("rule files mutated from %s", (name) => {
  const seed = SOURCES[name]!;

  it("the seed itself compiles, loads, and passes its own tests", async () => {
    wellFormed(seed);
    const { artefact } = compile(seed);
    const report = await runTests(createEngine(artefact!), artefact!);
    expect(report.failed).toBe(0);
  });

  it("one edit: never a throw or a hang; diagnostics well-formed; what compiles runs", () => {
    fc.assert(fc.property(mutation(seed), wellFormed), { numRuns: 25 });
  });

  it("several edits at once", () => {
    const several = fc
      .array(fc.tuple(fc.nat(seed.length), noise, fc.nat(12)), { minLength: 2, maxLength: 10 })
      .map((edits) =>
        edits.reduce((src, [at, what, len]) => src.slice(0, at) + what + src.slice(at + len), seed),
      );
    fc.assert(fc.property(several, wellFormed), { numRuns: 12 });
  });
});

describe("random rule files", () => {
  it("random text, and random sequences of the language's own pieces", () => {
    const pieces = fc.array(fc.oneof(noise, fc.string({ maxLength: 4 })), { maxLength: 80 });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "binary", maxLength: 200 }),
          pieces.map((p) => p.join(" ")),
          pieces.map((p) => p.join("")),
        ),
        wellFormed,
      ),
      { numRuns: 300 },
    );
  });

  it("pathological sizes: long chains, deep prefixes, many rules, huge numbers and comments, unclosed brackets", () => {
    const header = "قواعد ت «ص»\nنسخه «۱» از ۱۴۰۳/۰۱/۰۱\nمرجع «م»\nورودی x: عدد\n";
    const cases = [
      `${header}مقدار م = ${"(".repeat(100)}x${")".repeat(100)} [م]\n`,
      // Within the artefact's expression depth (64): deeper ones are reported to the compiler's owners.
      `${header}مقدار م = ${Array.from({ length: 60 }, () => "x").join(" + ")} [م]\n`,
      `${header}مقدار م = ${"-".repeat(60)}x [م]\n`,
      `${header}مقدار م = ${"نه ".repeat(60)}(x بیشتر از ۱) [م]\n`,
      `${header}مقدار م = ${"اگر x بیشتر از ۱ آنگاه ۱ وگرنه ".repeat(20)}۲ [م]\n`,
      `${header}قاعده «ق» [م]\n  اگر ${Array.from({ length: 500 }, (_, i) => `x بیشتر از ${i}`).join(" و ")}\n  آنگاه رد «ر»\n`,
      `${header}مقدار م = ${"9".repeat(90)} [م]\n`,
      `${header}${Array.from({ length: 1000 }, (_, i) => `قاعده «ق${i}» [م]\n  اگر x بیشتر از ${i}\n  آنگاه رد «ر»\n`).join("")}`,
      `${header}${"#".repeat(200_000)}\n`,
      "(".repeat(100_000),
      "«".repeat(2000),
      "[".repeat(2000),
    ];
    for (const src of cases) wellFormed(src);
  });
});
