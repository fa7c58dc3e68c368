/**
 * What a rule file can make the engine do. It cannot run code: the compiler writes data (JSON), and no
 * module on the way from rule text to a decision generates or evaluates code, spawns processes or
 * touches files. The bounds on its work that exist are tested here: expressions and conditions at
 * most 64 deep (refused at load), a list at most 1,000 items, aggregates nested at most twice — so one
 * aggregate is at most 10⁶ body evaluations, and that worst case finishes.
 *
 * Not bounded yet (reported to the owners of dsl/ and engine/, not worked around here): the total over
 * many such values, and table calls that fan out (a table whose rows call the next table twice, 30
 * deep, is 2³⁰ evaluations from a file of 2 KB).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ArtefactError, CaseError, compile, createEngine, loadArtefact, serializeArtefact } from "zavabet";
import { MAX_AGG_NESTING, MAX_EXPR_DEPTH, MAX_LIST_ITEMS } from "../../artefact/limits";
import { HEADER } from "./fixtures";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("a rule file cannot run code or read files", () => {
  it("nothing between rule text and a decision evaluates code, spawns, or touches the file system", () => {
    const files = ["artefact", "dsl", "engine", "lib"].flatMap(sources);
    expect(files.length).toBeGreaterThan(30);
    const forbidden = [
      /\beval\s*\(/,
      /\bnew\s+Function\b/,
      /\bFunction\s*\(/,
      /from\s+"(node:)?(vm|child_process|fs|fs\/promises|worker_threads|net|http|https)"/,
      /\brequire\s*\(/,
      /\bimport\s*\(\s*[^"'\s]/,
    ];
    const offences = files.flatMap((file) => {
      // engine/generate is test tooling (corpora), not on the evaluation path, but it is held to the same rule.
      const text = readFileSync(file, "utf8");
      return forbidden.filter((re) => re.test(text)).map((re) => `${file}: ${re}`);
    });
    expect(offences).toEqual([]);
  });

  it("JavaScript in names, messages, citations and texts stays text: compiled to data, shown, never run", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript a rule file may hold, as text
    const payload = "${globalThis.pwned = 1}";
    const src = `${HEADER}
ورودی نام (name): متن
مقدار برچسب = «${payload}» [require('fs').readFileSync('/etc/passwd')]
قاعده «\`\${process.exit(1)}\`» [ماده ۱; process.exit(1)]
  اگر نام = «'); process.exit(1); ('»
  آنگاه رد «constructor.constructor('return process')().exit(1) \`process.exit\`»
`;
    const { artefact, diagnostics } = compile(src);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // The artefact is plain JSON: the same after a JSON round trip, so it holds no functions.
    expect(JSON.parse(serializeArtefact(artefact!))).toEqual(artefact);
    const engine = createEngine(artefact!);
    const hit = engine.evaluateSync({ name: "'); process.exit(1); ('" });
    expect(hit.decision).toBe("reject");
    expect(hit.outcomes[0]?.message).toContain("constructor.constructor('return process')().exit(1)");
    expect(hit.values.برچسب).toBe(payload);
    expect(engine.evaluateSync({ name: payload }).decision).toBe("accept");
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });

  it("a rule file has no way to name a file: import-like text is a diagnostic, not a read", () => {
    for (const line of ["import «/etc/passwd»", 'require("fs")', "ورودی x: پرونده «/etc/passwd»"]) {
      const { artefact, diagnostics } = compile(`${HEADER}${line}\n`);
      expect(artefact).toBeUndefined();
      expect(diagnostics.some((d) => d.severity === "error")).toBe(true);
    }
  });
});

describe("a rule file's work is bounded", () => {
  it(`an expression deeper than ${MAX_EXPR_DEPTH} is refused when the artefact is loaded`, () => {
    const { artefact } = compile(`${HEADER}ورودی x: عدد\nمقدار م = x + ۱ [م]\n`);
    const deep = structuredClone(artefact!);
    let expr = deep.values[0]!.expr;
    for (let i = 0; i < MAX_EXPR_DEPTH; i++) expr = { k: "neg", a: expr };
    deep.values[0]!.expr = expr;
    expect(() => loadArtefact(deep)).toThrow(ArtefactError);
  });

  it(`the worst aggregate — ${MAX_AGG_NESTING} nested over ${MAX_LIST_ITEMS} items — is 10⁶ evaluations and finishes`, () => {
    const value = "مقدار م = جمع(اقلام، جمع(اقلام، مبلغ) + تعداد(اقلام، مبلغ بیشتر از ۰)) [م]";
    const { artefact, diagnostics } = compile(`${HEADER}ورودی اقلام: فهرست از (مبلغ: عدد)\n${value}\n`);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const engine = createEngine(artefact!);
    const items = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => ({ مبلغ: String(i % 7) }));
    const started = performance.now();
    const r = engine.evaluateSync({ اقلام: items });
    // About two seconds here (2 µs an evaluation); generous for a busy machine.
    expect(performance.now() - started).toBeLessThan(20_000);
    const total = items.reduce((s, x) => s + Number(x.مبلغ), 0);
    const positive = items.filter((x) => Number(x.مبلغ) > 0).length;
    expect(r.values.م).toBe(String(MAX_LIST_ITEMS * (total + positive)));
    // One more item and the case is refused before anything runs.
    expect(() => engine.evaluateSync({ اقلام: [...items, { مبلغ: "1" }] })).toThrow(CaseError);
  });

  it("aggregates nested one level more are refused by the checker (ZB3019)", () => {
    const src = `${HEADER}ورودی اقلام: فهرست از (مبلغ: ریال)\nمقدار م = جمع(اقلام، جمع(اقلام، جمع(اقلام، مبلغ))) [م]\n`;
    const { artefact, diagnostics } = compile(src);
    expect(artefact).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toContain("ZB3019");
  });
});
