/**
 * `zavabet cases generate`: a reproducible JSON Lines corpus, built on engine/generate, whose cases the
 * engine accepts and which reaches every boundary of the ruleset's inputs.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileSource } from "../../dsl";
import { createEngine } from "../../engine";
import { boundaries, generateCases } from "../../engine/generate";
import { asciiDigits } from "../../engine/normalize";
import { ROOT, SLOW, zavabet } from "./run";

const tmp = mkdtempSync(join(tmpdir(), "zavabet-cases-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function artefactOf(path: string) {
  const { artefact } = compileSource(readFileSync(join(ROOT, path), "utf8"));
  if (!artefact) throw new Error(`${path} does not compile`);
  return artefact;
}

const lines = (text: string) => text.split("\n").slice(0, -1);

/** A number or date as the engine reads it: ASCII digits, no grouping, "." for «٫», "/" for "-". */
function plainForm(v: unknown): string {
  const text = asciiDigits(String(v))
    .replace(/[,\u066C]/g, "")
    .replace(/\u066B/g, ".");
  const date = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  return date ? `${date[1]}/${date[2]?.padStart(2, "0")}/${date[3]?.padStart(2, "0")}` : text;
}

describe("zavabet cases generate", SLOW, () => {
  const SMALL = "rulesets/small-industries/versions/2.zb";

  it("writes JSON Lines: the same seed gives the same bytes, to stdout or to --out; another seed other cases", async () => {
    const a = await zavabet(["cases", "generate", "small-industries@2", "--count", "1500", "--seed", "42"]);
    expect(a.code).toBe(0);
    const out = join(tmp, "b.jsonl");
    const b = await zavabet(["cases", "generate", SMALL, "-n", "1500", "-s", "42", "--out", out]);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain("1500 cases");
    expect(readFileSync(out, "utf8")).toBe(a.stdout);
    const c = await zavabet(["cases", "generate", SMALL, "--count", "1500", "--seed", "43"]);
    expect(c.stdout).not.toBe(a.stdout);

    const cases = lines(a.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(cases).toHaveLength(1500);
    // It is engine/generate's corpus, chunk boundary (1000) included, not a look-alike.
    expect(cases).toEqual(generateCases(artefactOf(SMALL), 1500, 42));
    // A shorter run is a prefix of a longer one.
    const short = await zavabet(["cases", "generate", SMALL, "--count", "3", "--seed", "42"]);
    expect(a.stdout.startsWith(short.stdout)).toBe(true);
    expect(lines(short.stdout)).toHaveLength(3);
  });

  it("every case is one the engine accepts, and the corpus reaches every boundary of every input", async () => {
    const r = await zavabet(["cases", "generate", SMALL, "--count", "2000", "--seed", "5"]);
    expect(r.code).toBe(0);
    const artefact = artefactOf(SMALL);
    const engine = createEngine(artefact);
    const seen = new Map<string, Set<string>>();
    const aliasOf = new Map(artefact.inputs.map((i) => [i.alias ?? i.name, i.name]));
    const decisions = new Set<string>();
    for (const line of lines(r.stdout)) {
      const c = JSON.parse(line) as Record<string, unknown>;
      decisions.add(engine.evaluateSync(c).decision);
      for (const [key, value] of Object.entries(c)) {
        const name = aliasOf.get(key) ?? key;
        if (!seen.has(name)) seen.set(name, new Set());
        seen.get(name)?.add(plainForm(value));
      }
    }
    // Random cases mostly break some rule; the point is that they are decided, not refused as input.
    expect(decisions.has("reject")).toBe(true);
    let checked = 0;
    for (const [input, edges] of boundaries(artefact)) {
      if (input.includes(".")) continue; // list fields: covered by engine/generate's own tests
      for (const b of edges) {
        if (b.from.includes("type range")) continue;
        expect(seen.get(input)?.has(b.value), `${input} ${b.side} ${b.edge}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("refuses a count or seed that is not an integer in range, in Persian and English (exit 2)", async () => {
    for (const args of [
      ["--count", "0"],
      ["--count", "ده"],
      ["--count", "5", "--seed", "1.5"],
    ]) {
      const r = await zavabet(["cases", "generate", SMALL, ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^خطا: .*\nerror: --(count|seed) must be an integer/);
    }
    const missing = await zavabet(["cases", "generate", SMALL]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--count");
  });

  it("accepts Persian digits in --count and --seed", async () => {
    const persian = await zavabet(["cases", "generate", SMALL, "--count", "۴", "--seed", "۴۲"]);
    const ascii = await zavabet(["cases", "generate", SMALL, "--count", "4", "--seed", "42"]);
    expect(persian.code).toBe(0);
    expect(persian.stdout).toBe(ascii.stdout);
  });
});
