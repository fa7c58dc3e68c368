import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { check } from "../../../dsl/check";
import { parse } from "../../../dsl/syntax/parse";

/** The parser recovers from errors and hands over partial trees; the checker must take them all. */
it("checks every truncated or holed version of a file without throwing", () => {
  const src = readFileSync(new URL("./fixtures/clean.zb", import.meta.url), "utf8");
  const failures: string[] = [];
  for (let i = 0; i < src.length; i += 97) {
    for (const broken of [src.slice(0, i), src.slice(0, i) + src.slice(i + 9)]) {
      try {
        const parsed = parse(broken);
        check(parsed.file);
        check(parsed.file, parsed.diagnostics);
      } catch (e) {
        failures.push(`at ${i}: ${String(e)}`);
      }
    }
  }
  expect(failures).toEqual([]);
});
