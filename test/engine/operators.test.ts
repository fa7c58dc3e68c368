import { describe, expect, it } from "vitest";
import type { Artefact, JreValue } from "../../artefact/types";
import { dec } from "../../engine/decimal";
import { createEngine, loadArtefact } from "../../engine/index";
import { OPERATORS } from "../../engine/operators";
import { at, rule, when } from "./fixtures/build";

describe("operators on run-time values", () => {
  const { zbEq, zbNe, zbGt, zbGte, zbLt, zbLte, zbIn, zbNotIn, zbMissing, zbPresent } = OPERATORS;

  it("zbEq / zbNe: decimals against decimal strings, numbers and decimals; strings; booleans", () => {
    expect(zbEq(dec("1.50"), "1.5")).toBe(true);
    expect(zbEq(dec("2"), 2)).toBe(true);
    expect(zbEq(dec("2"), dec("2.0"))).toBe(true);
    expect(zbEq("مسکن", "مسکن")).toBe(true);
    expect(zbEq(true, true)).toBe(true);
    expect(zbEq(true, "true")).toBe(false);
    expect(zbNe(dec("1"), "2")).toBe(true);
    expect(zbNe("a", "b")).toBe(true);
    expect(zbNe(dec("1"), "1.0")).toBe(false);
    // kinds that cannot be compared: neither equal nor unequal
    expect(zbNe(dec("1"), true)).toBe(false);
    expect(zbNe(dec("1"), "abc")).toBe(false);
  });

  it("zbGt / zbGte / zbLt / zbLte compare as decimals, exactly", () => {
    expect(zbGt(dec("0.30000000000000000001"), "0.3")).toBe(true);
    expect(zbGte(dec("5"), "5")).toBe(true);
    expect(zbGte(dec("4.999"), "5")).toBe(false);
    expect(zbLt(dec("-1"), "0")).toBe(true);
    expect(zbLte(dec("7"), dec("7"))).toBe(true);
    expect(zbGt("b", "a")).toBe(false);
  });

  it("dates: a day-number fact against a day number or a Jalali date string", () => {
    const day = dec("19802"); // 1403/01/01
    expect(zbEq(day, "1403/01/01")).toBe(true);
    expect(zbLt(day, "1403-01-02")).toBe(true);
    expect(zbGte(day, 19802)).toBe(true);
  });

  it("zbIn / zbNotIn", () => {
    expect(zbIn("خودرو", ["مسکن", "خودرو"])).toBe(true);
    expect(zbIn("کالا", ["مسکن", "خودرو"])).toBe(false);
    expect(zbIn(dec("3"), ["1", "3"])).toBe(true);
    expect(zbNotIn("کالا", ["مسکن", "خودرو"])).toBe(true);
    expect(zbNotIn("مسکن", ["مسکن", "خودرو"])).toBe(false);
  });

  it("a missing fact makes every operator false except zbMissing", () => {
    for (const [name, op] of Object.entries(OPERATORS)) {
      expect(op(undefined, ["1"]), name).toBe(name === "zbMissing");
      expect(op(undefined, "1"), name).toBe(name === "zbMissing");
    }
    expect(zbPresent(dec("0"), true)).toBe(true);
    expect(zbPresent(false, true)).toBe(true);
    expect(zbMissing(false, true)).toBe(false);
  });
});

/** One rule per operator, each on the fact "x" (a number input) or "t" (a one-of). */
function artefactWith(conditions: [string, string, JreValue][]): Artefact {
  return {
    format: "zavabet/1",
    ruleset: {
      id: "ops",
      fund: "f",
      version: "1",
      effective: { jalali: "1403/01/01", day: 19802 },
      source: { title: "t" },
    },
    inputs: [
      { name: "x", type: { kind: "number" }, required: false, source: at() },
      { name: "y", type: { kind: "number" }, required: false, source: at() },
      { name: "t", type: { kind: "enum", members: ["a", "b", "c"] }, required: false, source: at() },
    ],
    inputSchema: { type: "object" },
    parameters: [],
    values: [],
    expressions: {},
    tables: [],
    rules: conditions.map(([fact, op, value], i) =>
      rule(`r${i}:${op}`, "c", [when(fact, op, value)], [{ kind: "warn" }]),
    ),
    ruleMeta: [],
    tests: [],
  };
}

describe("operators inside json-rules-engine", () => {
  const engine = createEngine(
    loadArtefact(
      artefactWith([
        ["x", "zbEq", "5"],
        ["x", "zbNe", "5"],
        ["x", "zbGt", "5"],
        ["x", "zbGte", "5"],
        ["x", "zbLt", "5"],
        ["x", "zbLte", "5"],
        ["x", "zbLt", { fact: "y" }],
        ["t", "zbIn", ["a", "b"]],
        ["t", "zbNotIn", ["a", "b"]],
        ["x", "zbMissing", true],
        ["x", "zbPresent", true],
      ]),
    ),
  );
  const fired = async (input: Record<string, unknown>) =>
    (await engine.evaluate(input)).outcomes.map((o) => o.rule.split(":")[1]).join(" ");

  it("fires exactly the rules whose operator holds", async () => {
    expect(await fired({ x: 5, y: "6", t: "a" })).toBe("zbEq zbGte zbLte zbLt zbIn zbPresent");
    expect(await fired({ x: "7.5", y: 1, t: "c" })).toBe("zbNe zbGt zbGte zbNotIn zbPresent");
    expect(await fired({ x: 4 })).toBe("zbNe zbLt zbLte zbPresent");
    expect(await fired({})).toBe("zbMissing");
  });
});
