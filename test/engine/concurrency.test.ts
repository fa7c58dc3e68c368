import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { createEngine, type EvaluatorName, loadArtefact } from "../../engine/index";
import { registerOperators } from "../../engine/operators";
import { baseCase, LOAN_TYPES, loan } from "./fixtures/loan";

/** 200 different cases: amounts around the ceiling, every loan type, some board members. */
const cases = Array.from({ length: 200 }, (_, i) => ({
  ...baseCase,
  amount: String(5_000_000_000 + i * 50_000_000),
  months: 6 + (i % 30),
  loanType: LOAN_TYPES[i % LOAN_TYPES.length],
  boardMember: i % 7 === 0,
  membership: i % 5 === 0 ? undefined : i % 12,
}));

describe.each<EvaluatorName>(["compiled", "reference"])(
  "overlapping evaluations, %s evaluator",
  (evaluator) => {
    it("200 overlapping evaluate() calls on one engine lose no outcome", async () => {
      const engine = createEngine(loadArtefact(loan), { evaluator });
      const sequential = [];
      for (const c of cases) sequential.push(await engine.evaluate(c, { trace: true }));

      const overlapping = await Promise.all(
        cases.map(async (c, i) => {
          for (let t = 0; t < i % 25; t++) await Promise.resolve();
          return engine.evaluate(c, { trace: true });
        }),
      );
      expect(overlapping).toEqual(sequential);
      // every case fires at least the always-on rule, and the rejecting ones are all there
      expect(overlapping.every((r) => r.outcomes.some((o) => o.rule === "تعیین کارمزد"))).toBe(true);
      expect(overlapping.filter((r) => r.decision === "reject").length).toBe(
        sequential.filter((r) => r.decision === "reject").length,
      );
    });
  },
);

describe("the reference evaluator's pool of json-rules-engine Engines", () => {
  it("overlapping runs each get an Engine of their own, and every one is given back", async () => {
    const engine = createEngine(loadArtefact(loan), { evaluator: "reference" });
    await Promise.all(cases.map((c) => engine.evaluate(c)));
    const stats = engine.pool?.stats();
    expect(stats?.busy).toBe(0);
    expect(stats?.created).toBeGreaterThan(1);
    expect(stats?.created).toBeLessThanOrEqual(cases.length);
  });

  it("reuses its engines: sequential runs never build another", async () => {
    const engine = createEngine(loadArtefact(loan), { evaluator: "reference" });
    for (const c of cases.slice(0, 20)) await engine.evaluate(c);
    expect(engine.pool?.stats()).toEqual({ created: 1, idle: 1, busy: 0 });
  });

  it("(the trap) one json-rules-engine Engine shared by overlapping runs does lose rules", async () => {
    // Two priorities: the second set is skipped once another run has FINISHED.
    const shared = new Engine(
      [
        { name: "high", priority: 10, conditions: { all: [] }, event: { type: "warn" } },
        { name: "low", priority: 1, conditions: { all: [] }, event: { type: "warn" } },
      ],
      { allowUndefinedFacts: true },
    );
    registerOperators(shared);
    // Staggered starts: a run that finishes while another is between its priority sets stops it.
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
    };
    const runs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        await ticks(i);
        return shared.run({});
      }),
    );
    const fired = runs.map((r) => r.results.length);
    expect(fired.some((n) => n < 2)).toBe(true);
  });
});
