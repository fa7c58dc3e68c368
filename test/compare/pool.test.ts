/**
 * compare/pool and compare/run: a corpus evaluated on worker threads (each with its own engines) gives
 * exactly the report of the same corpus evaluated in this thread — chunks merged in corpus order,
 * malformed lines in their places — and a stopped run reports what was merged, in order.
 */
import { afterAll, describe, expect, it } from "vitest";
import { Comparison, rulesetRef } from "../../compare";
import { autoRunner, type DiffRunner, localRunner, workerRunner } from "../../compare/pool";
import { readJsonLines } from "../../compare/read";
import { MalformedLineError, runCorpus } from "../../compare/run";
import { generateCases } from "../../engine/generate";
import { artefactOf, capCorpus, engineOf, jsonLines, SI1, SI2, streamOf, validateReport } from "./helpers";

const baseEngine = engineOf(SI1);
const candidateEngine = engineOf(SI2);

function comparison() {
  return new Comparison({
    base: rulesetRef(baseEngine, "small-industries@1", SI1),
    candidate: rulesetRef(candidateEngine, "small-industries@2", SI2),
    baseEngine,
    candidateEngine,
    cases: { source: "corpus.jsonl", format: "jsonl" },
  });
}

/** 1,200 generated cases with the cap corpus and malformed lines spread through them. */
function corpusText(): string {
  const generated = generateCases(artefactOf(SI2), 1200, 11);
  const lines = jsonLines([...generated.slice(0, 600), ...capCorpus(), ...generated.slice(600)]).split("\n");
  for (const at of [5, 300, 777, 1100]) lines.splice(at, 0, at % 2 === 0 ? "[1]" : '{"amount": ');
  return lines.join("\n");
}

const runners: DiffRunner[] = [];
afterAll(async () => {
  await Promise.all(runners.map((r) => r.close()));
});

async function reportWith(runner: DiffRunner, text: string, options: { chunk?: number } = {}) {
  const c = comparison();
  const complete = await runCorpus(readJsonLines(streamOf(text)), c, runner, { chunk: options.chunk ?? 100 });
  return c.report(complete);
}

describe("worker threads", { timeout: 120_000 }, () => {
  const text = corpusText();

  it("two workers give exactly the report of one thread, examples and malformed lines in corpus order", async () => {
    const local = await reportWith(localRunner(baseEngine, candidateEngine), text);
    const pool = workerRunner(baseEngine.artefact, candidateEngine.artefact, 2);
    runners.push(pool);
    const threaded = await reportWith(pool, text);
    expect(threaded).toEqual(local);
    expect(local.summary.cases).toBe(1210);
    expect(local.summary.malformed).toBe(4);
    expect(local.summary.decisionChanged).toBeGreaterThanOrEqual(6);
    expect(validateReport(threaded)).toEqual([]);
  });

  it("autoRunner evaluates a corpus smaller than one chunk in this thread, with the same diffs", async () => {
    const cases = capCorpus().map((c, i) => ({
      line: i + 1,
      bytes: new TextEncoder().encode(JSON.stringify(c)),
    }));
    const auto = autoRunner({ base: baseEngine, candidate: candidateEngine }, 4, 256);
    runners.push(auto);
    expect(await auto.run(cases)).toEqual(await localRunner(baseEngine, candidateEngine).run(cases));
    expect(autoRunner({ base: baseEngine, candidate: candidateEngine }, 1, 256).threads).toBe(1);
  });
});

describe("runCorpus", () => {
  it("--strict: the first malformed line stops the run with its line number", async () => {
    const text = `${jsonLines(capCorpus().slice(0, 2))}not json\n${jsonLines(capCorpus().slice(2))}`;
    const run = runCorpus(
      readJsonLines(streamOf(text)),
      comparison(),
      localRunner(baseEngine, candidateEngine),
      {
        strict: true,
      },
    );
    await expect(run).rejects.toThrow(MalformedLineError);
    await expect(
      runCorpus(readJsonLines(streamOf(text)), comparison(), localRunner(baseEngine, candidateEngine), {
        strict: true,
      }),
    ).rejects.toMatchObject({ line: 3 });
  });

  it("waits on the stop signal once per run, not once per line (which kept every line in memory)", async () => {
    let subscriptions = 0;
    const never = new Promise<void>(() => {});
    // A thenable that counts who waits on it; a run never stopped.
    const stop = {
      then: (...args: Parameters<Promise<void>["then"]>) => {
        subscriptions++;
        return never.then(...args);
      },
    } as unknown as Promise<void>;
    const c = comparison();
    const text = jsonLines(generateCases(artefactOf(SI2), 300, 4));
    const complete = await runCorpus(
      readJsonLines(streamOf(text)),
      c,
      localRunner(baseEngine, candidateEngine),
      {
        stop,
      },
    );
    expect(complete).toBe(true);
    expect(c.report().summary.cases).toBe(300);
    expect(subscriptions).toBe(1);
  });

  it("a stop reports what was merged, marked incomplete, and never a case twice or out of order", async () => {
    const c = comparison();
    const complete = await runCorpus(
      readJsonLines(streamOf(jsonLines(capCorpus()))),
      c,
      localRunner(baseEngine, candidateEngine),
      { stop: Promise.resolve() },
    );
    expect(complete).toBe(false);
    const r = c.report(complete);
    expect(r.complete).toBe(false);
    expect(r.summary.cases).toBeLessThan(capCorpus().length);
    expect(validateReport(r)).toEqual([]);
  });
});
