/**
 * The HTTP load test: a fixed number of requests against the service on loopback, in rounds, to show
 * that it holds its throughput without errors and without memory growth.
 *
 *   node --import tsx bench/http-load.ts [ruleset] [options]      (npm run bench:http -- [ruleset] ...)
 *
 * `ruleset` is a fund folder (rulesets/omid, the default) or a single .zb file
 * (bench/fixtures/omid-eligibility.zb). It is copied into a temporary rulesets folder, and the server
 * — createServer with its default limits and load shedding, the same as `zavabet serve` — runs in a
 * child process of its own (`node --expose-gc`), so the load generator does not share its event loop.
 * The child adds one route for the bench, GET /__bench/memory, which runs a full garbage collection
 * and answers process.memoryUsage(): memory is compared after collection, not sampled mid-garbage.
 *
 * Cases are generated from the ruleset (engine/generate, valid cases in every form a caller may
 * send), so each request is different. Per round: requests/s, latency, errors and non-2xx answers,
 * and the heap after a collection. A batch phase sends the same cases 100 at a time. The run fails
 * (exit 1) on any error or non-2xx answer, or when the heap after the last round is more than 10%
 * (and 5 MB) above the heap after the first.
 *
 * The yardstick, from the same run: a bare fastify (the server's framework, the same installed
 * version: Fastify() with its defaults, no plugin) whose one route, POST /constant, answers a constant
 * JSON object, started the same way (this script, `--constant-child`, in a child process of its own
 * with --expose-gc). It gets the same requests — the same case bodies, then the same batch bodies —
 * so the JSON body parsing is in both and the difference is the evaluate endpoint's own work (routing
 * by fund and version, the case's validation, the evaluation, the result's serialisation, limits and
 * load shedding). Its rounds are interleaved with the evaluate endpoint's (constant, evaluate,
 * constant, ...), so that a busy moment of the shared machine does not land on one side only. The
 * report gives evaluate ÷ constant requests/s (medians), both p99s, and the errors of both (the
 * target: ≥ 0.5 with no error). A second route of the same bare server, POST /constant-answer,
 * answers the evaluate endpoint's own answer to the first case (held as an object, serialised per
 * request): evaluate ÷ that says how much of the gap is the size of the answer (an Omid answer is
 * ~10 kB with every value and Persian message) rather than the work of deciding.
 *
 * Options: --requests N (per round, default 10000) --rounds R (default 5) --connections C (default 8)
 * --cases K (distinct cases, default 500) --batch-requests B (per batch round, default 300)
 * --batch-rounds B (default 3) --out FILE (default bench/results/http.json) --smoke (300 requests ×
 * 2 rounds, 30 batches × 1 round, writes only with --out).
 */
import { type ChildProcess, spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCases } from "../engine/generate";
import { compile, createEngine } from "../lib";
import { createServer, packageVersion } from "../server";
import { readArgs } from "./args";
import { loadAverage, machine, packageVersions } from "./machine";
import { median } from "./spread";
import { tree } from "./tree";

// ---- the child: the server under test ------------------------------------------------------------

async function child(rulesetsDir: string): Promise<void> {
  const app = createServer({ rulesetsDir });
  app.get("/__bench/memory", async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    return { gc: gc !== undefined, rssBytes: m.rss, heapUsedBytes: m.heapUsed };
  });
  app.rulesets.warm();
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`listening ${address}\n`);
  process.on("SIGTERM", () => {
    app.close().then(() => process.exit(0));
  });
}

/** What the bare endpoint answers, every time. */
const CONSTANT = { decision: "accept", constant: true };

async function constantChild(answerFile: string): Promise<void> {
  // The server's own framework, imported the same way, with nothing registered but the routes.
  const { default: Fastify } = await import("fastify");
  const answer: unknown = JSON.parse(readFileSync(answerFile, "utf8"));
  const app = Fastify();
  app.post("/constant", async () => CONSTANT);
  // The evaluate endpoint's own answer to one case, as an object: serialised on every request as
  // the evaluate endpoint's answers are, the same bytes on the wire.
  app.post("/constant-answer", async () => answer);
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  process.stdout.write(`listening ${address}\n`);
  process.on("SIGTERM", () => {
    app.close().then(() => process.exit(0));
  });
}

// ---- the parent: the load generator --------------------------------------------------------------

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number; max: number; average: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  "2xx": number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method: "POST" | "GET";
  path: string;
  headers: Record<string, string>;
  body: string;
}
type Autocannon = (
  opts: {
    url: string;
    connections: number;
    amount: number;
    requests: AutocannonRequest[];
    timeout: number;
    sampleInt: number;
  },
  done: (err: Error | null, result: AutocannonResult) => void,
) => unknown;

// autocannon has no type declarations: its API, as used here, is typed by hand above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/**
 * autocannon notices that `amount` requests are done only at its next sample tick (every `sampleInt`
 * ms, 1,000 by default), and its duration includes the wait: with the default a round's time was
 * rounded up to a whole second — 6% on a 16 s round, half the rate of a 1 s one. Sampling every 25 ms
 * bounds that to 25 ms.
 */
const SAMPLE_MS = 25;

function fire(url: string, requests: AutocannonRequest[], amount: number, connections: number) {
  return new Promise<AutocannonResult>((resolvePromise, reject) => {
    autocannon({ url, connections, amount, requests, timeout: 30, sampleInt: SAMPLE_MS }, (err, result) =>
      err ? reject(err) : resolvePromise(result),
    );
  });
}

interface Options {
  ruleset: string;
  requests: number;
  rounds: number;
  connections: number;
  cases: number;
  batchRequests: number;
  batchRounds: number;
  out?: string;
  smoke: boolean;
}

const USAGE =
  "usage: node --import tsx bench/http-load.ts [ruleset] [--requests N] [--rounds N] [--connections N] [--cases N] [--batch-requests N] [--batch-rounds N] [--out FILE] [--smoke]";

function parseArgs(argv: string[]): Options {
  return readArgs<Options>(
    argv,
    {
      defaults: {
        ruleset: "rulesets/omid",
        requests: 10_000,
        rounds: 5,
        connections: 8,
        cases: 500,
        batchRequests: 300,
        batchRounds: 3,
        out: "bench/results/http.json",
        smoke: false,
      },
      whole: {
        "--requests": "requests",
        "--rounds": "rounds",
        "--connections": "connections",
        "--cases": "cases",
        "--batch-requests": "batchRequests",
        "--batch-rounds": "batchRounds",
      },
      text: { "--out": "out" },
      smoke: {
        flag: "--smoke",
        option: "smoke",
        defaults: { requests: 300, rounds: 2, cases: 50, batchRequests: 30, batchRounds: 1 },
      },
      positional: "ruleset",
    },
    USAGE,
  );
}

/** A temporary rulesets folder holding only the ruleset under test; its fund name and source. */
function stage(ruleset: string): { dir: string; fund: string; source: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "zavabet-http-load-"));
  const path = resolve(ruleset);
  if (statSync(path).isFile()) {
    const fund = basename(path, extname(path));
    mkdirSync(join(dir, fund, "versions"), { recursive: true });
    cpSync(path, join(dir, fund, "versions", "1.zb"));
    return { dir, fund, source: readFileSync(path, "utf8"), file: ruleset };
  }
  const fund = basename(path);
  cpSync(path, join(dir, fund), { recursive: true });
  const entries = existsSync(join(path, "versions.json"))
    ? (JSON.parse(readFileSync(join(path, "versions.json"), "utf8")) as { file: string }[])
    : [];
  const latest = entries.at(-1)?.file;
  if (latest === undefined) throw new Error(`${ruleset}: no versions.json entry to load`);
  return { dir, fund, source: readFileSync(join(path, latest), "utf8"), file: join(ruleset, latest) };
}

function startChild(args: string[]): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), ...args],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolvePromise, reject) => {
    let out = "";
    proc.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolvePromise({ proc, url: m[1]! });
    });
    proc.on("exit", (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
}

async function memory(url: string): Promise<{ rssBytes: number; heapUsedBytes: number; gc: boolean }> {
  const res = await fetch(`${url}/__bench/memory`);
  return (await res.json()) as { rssBytes: number; heapUsedBytes: number; gc: boolean };
}

const MB = 1024 * 1024;
/** The target of issue 10: the evaluate endpoint at least half the constant endpoint's requests/s. */
const TARGET_RATIO = 0.5;

/** The round whose requests/s is the median one (for its latencies and counts). */
function medianRound<T extends { requestsPerSecond: number }>(rounds: T[]): T {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return sorted[(sorted.length - 1) >> 1]!;
}
const round1 = (n: number) => Math.round(n * 10) / 10;

function summary(r: AutocannonResult) {
  const requests = r["2xx"] + r.non2xx;
  return {
    requests,
    seconds: Math.round(r.duration * 100) / 100,
    requestsPerSecond: Math.round(requests / r.duration),
    latencyMs: { p50: r.latency.p50, p97_5: r.latency.p97_5, p99: r.latency.p99, max: r.latency.max },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count]),
    ),
  };
}

async function main(): Promise<number> {
  const o = parseArgs(process.argv.slice(2));
  const staged = stage(o.ruleset);
  const { artefact, diagnostics } = compile(staged.source);
  if (!artefact) {
    process.stderr.write(`${o.ruleset} does not compile: ${diagnostics[0]?.message.en}\n`);
    return 1;
  }
  const cases = generateCases(artefact, o.cases, 1);
  const engine = createEngine(artefact);
  const expected = cases.map((c) => engine.evaluateSync(c).decision);

  // The in-process figure the HTTP figures are read against: evaluateSync on the same cases, the
  // best of three one-second windows after two warm-up passes (the machine is shared: best is least
  // disturbed).
  for (let k = 0; k < 2; k++) for (const c of cases) engine.evaluateSync(c);
  const windows: number[] = [];
  for (let w = 0; w < 3; w++) {
    let evaluations = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < (o.smoke ? 100 : 1000)) {
      for (const c of cases) engine.evaluateSync(c);
      evaluations += cases.length;
    }
    windows.push(evaluations / ((performance.now() - t0) / 1000));
  }
  const inProcessPerSecond = Math.round(Math.max(...windows));
  const loadBefore = loadAverage();

  const path = `/rulesets/${encodeURIComponent(staged.fund)}/versions/latest/evaluate`;
  const headers = { "content-type": "application/json" };
  const requests = cases.map((c) => ({
    method: "POST" as const,
    path,
    headers,
    body: JSON.stringify({ case: c }),
  }));
  const batchSize = Math.min(100, cases.length);
  const batches: AutocannonRequest[] = [];
  for (let i = 0; i + batchSize <= cases.length; i += batchSize) {
    batches.push({
      method: "POST",
      path: `${path}/batch`,
      headers,
      body: JSON.stringify({ cases: cases.slice(i, i + batchSize) }),
    });
  }

  const { proc, url } = await startChild(["--child", staged.dir]);
  let constant: { proc: ChildProcess; url: string } | undefined;
  try {
    // Correctness first: the service decides as the library does, on every case.
    let answerBytes = 0;
    for (let i = 0; i < cases.length; i++) {
      const res = await fetch(`${url}${path}`, { method: "POST", headers, body: requests[i]!.body });
      const text = await res.text();
      const body = JSON.parse(text) as { result?: { decision: string } };
      if (res.status !== 200 || body.result?.decision !== expected[i]) {
        process.stderr.write(`case ${i}: HTTP ${res.status}, ${text.slice(0, 300)}\n`);
        return 1;
      }
      // The first case's answer is what the same-size constant endpoint answers.
      if (i === 0) {
        writeFileSync(join(staged.dir, "answer.json"), text);
        answerBytes = Buffer.byteLength(text);
      }
    }
    constant = await startChild(["--constant-child", join(staged.dir, "answer.json")]);
    // The same requests, sent to the bare endpoint: same bodies, its own path.
    const constantRequests = requests.map((r) => ({ ...r, path: "/constant" }));
    const constantBatches = batches.map((r) => ({ ...r, path: "/constant" }));
    const answerRequests = requests.map((r) => ({ ...r, path: "/constant-answer" }));
    const bad = (r: { errors: number; non2xx: number; timeouts: number }) =>
      r.errors + r.non2xx + r.timeouts > 0;
    const warmup = await fire(url, requests, Math.min(2000, o.requests), o.connections);
    const constantWarmup = await fire(
      constant.url,
      constantRequests,
      Math.min(2000, o.requests),
      o.connections,
    );
    const answerWarmup = await fire(constant.url, answerRequests, Math.min(2000, o.requests), o.connections);
    const start = await memory(url);
    const rounds = [];
    const constantRounds = [];
    const answerRounds = [];
    for (let r = 0; r < o.rounds; r++) {
      const bare = summary(await fire(constant.url, constantRequests, o.requests, o.connections));
      constantRounds.push(bare);
      const same = summary(await fire(constant.url, answerRequests, o.requests, o.connections));
      answerRounds.push(same);
      const result = await fire(url, requests, o.requests, o.connections);
      rounds.push({ ...summary(result), heapAfterGcMB: round1((await memory(url)).heapUsedBytes / MB) });
      process.stdout.write(
        `round ${r + 1}/${o.rounds}: ${rounds.at(-1)!.requestsPerSecond} req/s, p99 ${result.latency.p99} ms, ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}, heap ${rounds.at(-1)!.heapAfterGcMB} MB; ` +
          `constant ${bare.requestsPerSecond} req/s, p99 ${bare.latencyMs.p99} ms, errors ${bare.errors}, non-2xx ${bare.non2xx}; ` +
          `same-size constant ${same.requestsPerSecond} req/s, p99 ${same.latencyMs.p99} ms, errors ${same.errors}\n`,
      );
    }
    const batchConnections = Math.min(o.connections, 2);
    const batchRounds = [];
    const constantBatchRounds = [];
    for (let r = 0; r < o.batchRounds; r++) {
      const bare = summary(await fire(constant.url, constantBatches, o.batchRequests, batchConnections));
      constantBatchRounds.push(bare);
      const result = summary(await fire(url, batches, o.batchRequests, batchConnections));
      batchRounds.push(result);
      process.stdout.write(
        `batch round ${r + 1}/${o.batchRounds}: ${result.requestsPerSecond} req/s (× ${batchSize} cases), p99 ${result.latencyMs.p99} ms, ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}; constant ${bare.requestsPerSecond} req/s, p99 ${bare.latencyMs.p99} ms\n`,
      );
    }
    const batch = medianRound(batchRounds);
    const end = await memory(url);

    const first = rounds[0]!.heapAfterGcMB;
    const last = rounds.at(-1)!.heapAfterGcMB;
    const growthMB = round1(last - first);
    const failures = [
      ...(bad(warmup) ? ["the warm-up had errors"] : []),
      ...(bad(constantWarmup) ? ["the constant endpoint's warm-up had errors"] : []),
      ...(bad(answerWarmup) ? ["the same-size constant endpoint's warm-up had errors"] : []),
      ...answerRounds.flatMap((r, i) =>
        bad(r) ? [`the same-size constant endpoint's round ${i + 1} had errors`] : [],
      ),
      ...rounds.flatMap((r, i) => (bad(r) ? [`round ${i + 1} had errors`] : [])),
      ...constantRounds.flatMap((r, i) =>
        bad(r) ? [`the constant endpoint's round ${i + 1} had errors`] : [],
      ),
      ...batchRounds.flatMap((r, i) => (bad(r) ? [`batch round ${i + 1} had errors`] : [])),
      ...constantBatchRounds.flatMap((r, i) =>
        bad(r) ? [`the constant endpoint's batch round ${i + 1} had errors`] : [],
      ),
      ...(growthMB > Math.max(5, first * 0.1) ? [`heap grew ${growthMB} MB`] : []),
    ];
    const spreadOf = (rs: { requestsPerSecond: number }[]) => {
      const perSecond = rs.map((r) => r.requestsPerSecond).sort((a, b) => a - b);
      return {
        requestsPerSecondMedian: Math.round(median(perSecond)),
        requestsPerSecondMin: perSecond[0]!,
        requestsPerSecondMax: perSecond.at(-1)!,
      };
    };
    const throughput = spreadOf(rounds);
    const constantThroughput = spreadOf(constantRounds);
    const batchThroughput = spreadOf(batchRounds);
    const constantBatchThroughput = spreadOf(constantBatchRounds);
    const p99 = (rs: { latencyMs: { p99: number } }[]) => Math.round(median(rs.map((r) => r.latencyMs.p99)));
    const errorsOf = (rs: { errors: number; non2xx: number; timeouts: number }[]) =>
      rs.reduce((a, r) => a + r.errors + r.non2xx + r.timeouts, 0);
    const ratio = (a: number, b: number) => Math.round((a / b) * 1000) / 1000;
    const single = {
      evaluateRequestsPerSecond: throughput.requestsPerSecondMedian,
      constantRequestsPerSecond: constantThroughput.requestsPerSecondMedian,
      ratio: ratio(throughput.requestsPerSecondMedian, constantThroughput.requestsPerSecondMedian),
      evaluateP99Ms: p99(rounds),
      constantP99Ms: p99(constantRounds),
      evaluateErrors: errorsOf(rounds),
      constantErrors: errorsOf(constantRounds),
    };
    const answerThroughput = spreadOf(answerRounds);
    const sameSize = {
      answerBytes,
      evaluateRequestsPerSecond: throughput.requestsPerSecondMedian,
      constantRequestsPerSecond: answerThroughput.requestsPerSecondMedian,
      ratio: ratio(throughput.requestsPerSecondMedian, answerThroughput.requestsPerSecondMedian),
      evaluateP99Ms: p99(rounds),
      constantP99Ms: p99(answerRounds),
      evaluateErrors: errorsOf(rounds),
      constantErrors: errorsOf(answerRounds),
    };
    const batched = {
      casesPerRequest: batchSize,
      evaluateRequestsPerSecond: batchThroughput.requestsPerSecondMedian,
      constantRequestsPerSecond: constantBatchThroughput.requestsPerSecondMedian,
      ratio: ratio(batchThroughput.requestsPerSecondMedian, constantBatchThroughput.requestsPerSecondMedian),
      evaluateCasesPerSecond: batchThroughput.requestsPerSecondMedian * batchSize,
      evaluateP99Ms: p99(batchRounds),
      constantP99Ms: p99(constantBatchRounds),
      evaluateErrors: errorsOf(batchRounds),
      constantErrors: errorsOf(constantBatchRounds),
    };
    const report = {
      generated: new Date().toISOString(),
      command: `node --import tsx bench/http-load.ts ${process.argv.slice(2).join(" ")}`.trim(),
      machine: {
        ...machine(),
        loadAverage: { before: loadBefore, after: loadAverage() },
        note: "a shared machine: other workers may be using the CPU during the run (see loadAverage, 1/5/15 min, on 2 cores); the load generator (autocannon) runs on the same 2 cores as the servers",
      },
      packages: packageVersions(["fastify", "@fastify/under-pressure", "autocannon", "tsx"]),
      zavabet: packageVersion(),
      tree: tree(["dsl", "artefact", "engine", "server", "lib"]),
      ruleset: {
        source: staged.file,
        fund: staged.fund,
        rules: artefact.rules.length,
        inputs: artefact.inputs.length,
      },
      setup: {
        server:
          "createServer defaults (limits and load shedding as zavabet serve), in a child process started with --expose-gc",
        endpoint: "POST /rulesets/{fund}/versions/latest/evaluate, compiled evaluator, no trace",
        sameSizeConstantEndpoint:
          "the same bare fastify, POST /constant-answer: the evaluate endpoint's answer to the first case, held as an object and serialised on every request (the same bytes on the wire as an evaluate answer)",
        constantEndpoint: `a bare fastify (Fastify() defaults, no plugin, the same installed version) answering POST /constant with ${JSON.stringify(CONSTANT)}, in a child process started the same way; it receives the same request bodies (cases, then batches), so JSON body parsing is on both sides`,
        order:
          "per round: the constant endpoint, then the evaluate endpoint (interleaved, so a busy moment of the machine does not fall on one side only)",
        cases: `${cases.length} distinct generated cases (engine/generate, seed 1), cycled; each answer checked against the library once before timing`,
        connections: o.connections,
        requestsPerRound: o.requests,
        rounds: o.rounds,
        batchConnections,
        batchRequestsPerRound: o.batchRequests,
        batchRounds: o.batchRounds,
        memory:
          "heap after a full collection (GET /__bench/memory calls gc()) before the first round and after each",
      },
      inProcess: {
        evaluateSyncPerSecond: inProcessPerSecond,
        how: "the same cases, evaluateSync in the load generator's process, best of three one-second windows",
      },
      rounds,
      throughput,
      batch: {
        ...batch,
        ...batchThroughput,
        casesPerRequest: batchSize,
        casesPerSecond: batchThroughput.requestsPerSecondMedian * batchSize,
        rounds: batchRounds,
      },
      constant: {
        sameSizeRounds: answerRounds,
        sameSizeThroughput: answerThroughput,
        rounds: constantRounds,
        throughput: constantThroughput,
        batch: { ...constantBatchThroughput, rounds: constantBatchRounds },
      },
      versusConstant: {
        single,
        batch: batched,
        /** Against a constant endpoint answering the evaluate endpoint's own answer to a case. */
        singleSameSizeAnswer: sameSize,
        target: {
          ratio: TARGET_RATIO,
          met: single.ratio >= TARGET_RATIO && single.evaluateErrors === 0 && single.constantErrors === 0,
          note: "the target is read on single cases: a batch of 100 does 100 evaluations per request",
        },
      },
      memory: {
        heapBeforeMB: round1(start.heapUsedBytes / MB),
        heapAfterFirstRoundMB: first,
        heapAfterLastRoundMB: last,
        heapGrowthMB: growthMB,
        heapAfterBatchMB: round1(end.heapUsedBytes / MB),
        rssAfterMB: round1(end.rssBytes / MB),
        collected: end.gc,
      },
      passed: failures.length === 0,
      failures,
    };
    process.stdout.write(
      `${report.passed ? "✓" : "✗"} ${staged.fund}: median ${throughput.requestsPerSecondMedian} req/s over ${o.rounds} × ${o.requests} requests ` +
        `(in-process ${inProcessPerSecond} cases/s); batch ${report.batch.casesPerSecond} cases/s; heap ${first} → ${last} MB\n`,
    );
    process.stdout.write(
      [
        "",
        "                      evaluate req/s   constant req/s   evaluate ÷ constant   p99 ms (evaluate / constant)   errors (evaluate / constant)",
        `single case           ${String(single.evaluateRequestsPerSecond).padStart(14)}   ${String(single.constantRequestsPerSecond).padStart(14)}   ${single.ratio.toFixed(3).padStart(19)}   ${`${single.evaluateP99Ms} / ${single.constantP99Ms}`.padStart(28)}   ${`${single.evaluateErrors} / ${single.constantErrors}`.padStart(28)}`,
        `same-size constant    ${String(sameSize.evaluateRequestsPerSecond).padStart(14)}   ${String(sameSize.constantRequestsPerSecond).padStart(14)}   ${sameSize.ratio.toFixed(3).padStart(19)}   ${`${sameSize.evaluateP99Ms} / ${sameSize.constantP99Ms}`.padStart(28)}   ${`${sameSize.evaluateErrors} / ${sameSize.constantErrors}`.padStart(28)}   (the constant answers a ${answerBytes}-byte evaluate answer)`,
        `batch of ${String(batchSize).padEnd(3)}          ${String(batched.evaluateRequestsPerSecond).padStart(14)}   ${String(batched.constantRequestsPerSecond).padStart(14)}   ${batched.ratio.toFixed(3).padStart(19)}   ${`${batched.evaluateP99Ms} / ${batched.constantP99Ms}`.padStart(28)}   ${`${batched.evaluateErrors} / ${batched.constantErrors}`.padStart(28)}`,
        "",
        `target evaluate ÷ constant ≥ ${TARGET_RATIO} (single cases) with no error: ${report.versusConstant.target.met ? "met" : "missed"}; load average ${loadBefore.join(" / ")} → ${report.machine.loadAverage.after.join(" / ")}`,
        "",
      ].join("\n"),
    );
    for (const f of failures) process.stdout.write(`  ✗ ${f}\n`);
    if (o.out) {
      writeFileSync(o.out, `${JSON.stringify(report, null, 2)}\n`);
      process.stdout.write(`wrote ${o.out}\n`);
    }
    return report.passed ? 0 : 1;
  } finally {
    proc.kill("SIGTERM");
    constant?.proc.kill("SIGTERM");
    rmSync(staged.dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]!);
} else if (process.argv[2] === "--constant-child") {
  await constantChild(process.argv[3]!);
} else {
  process.exitCode = await main();
}
