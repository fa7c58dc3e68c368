/**
 * Keystroke to diagnostics, in the real editor: the editor built as `npm start` builds it (vite, into a
 * temporary folder), served by the same server, opened in Debian's Chromium (playwright-core) on a
 * shipped ruleset — Omid by default, 5,118 lines, the largest one — and typed into.
 *
 *   node --import tsx bench/diagnostics.ts [--fund F] [--keystrokes N] [--out FILE] [--smoke]
 *
 * The cursor is put at the end of the parameter line nearest the middle of the file (with the find
 * widget, as a person would). Then, N times: one character is typed (a typo: «ژ» after the citation,
 * a syntax error) and the time is taken until the error is in the editor; after a pause, Backspace,
 * and the time until it is gone. Nothing in editor/src is changed: the page is instrumented from
 * outside, by a script playwright adds before the page's own code runs —
 * - a capturing `keydown` listener on window: the keystroke's time (`event.timeStamp`);
 * - `Worker` wrapped so that every request to the checker worker (a message with `version` and `text`)
 *   and every answer from it (a message with `diagnostics`) is timed as it is posted and as it arrives
 *   (the wrapper's listener is registered before the page's `onmessage`, so it runs first);
 * - a MutationObserver on the problems list (#problems), which the page fills in the same task that
 *   sets the Monaco markers (editor/src/diagnostics.ts → main.ts showProblems): the time the markers
 *   are set; and the next animation frame after it: the time they are drawn.
 * All times are the page's performance.now() (the keydown's timeStamp is on the same clock).
 *
 * Reported per direction (typo → error shown; fix → error gone), median / min / max over N:
 * keystroke → markers drawn (what a person sees), split into the editor's pause before checking
 * (keystroke → request posted; PAUSE_MS in editor/src/diagnostics.ts), the worker (request → answer:
 * copying the text in, parse + check + the symbol summary, copying the answer out), and the page
 * (answer → markers set → drawn). --smoke: the Electronics ruleset (780 lines), 2 keystrokes; writes
 * only with --out.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CDPSession, Page } from "playwright-core";
import { checkSource } from "../dsl/index";
import { openEditor, select } from "../test/editor/browser";
import { readArgs } from "./args";
import { loadAverage, type Machine, machine, packageVersions } from "./machine";
import { type RunSpread, spread } from "./spread";
import { describeTree, type Tree, tree, writeReport } from "./tree";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RESULTS = join(ROOT, "bench/results/diagnostics.json");
/** The target of issue 10: diagnostics within 50 ms on a 5,000-line file. */
export const TARGET_MS = 50;
/** The typo: a letter after the citation's closing bracket, which no rule line may have. */
const TYPO = "ژ";
const CLEAN = "بی‌ایراد";

export interface DiagnosticsBenchOptions {
  fund: string;
  keystrokes: number;
  smoke: boolean;
  out?: string;
}

const USAGE =
  "usage: node --import tsx bench/diagnostics.ts [--fund F] [--keystrokes N] [--out FILE] [--smoke]";

export function parseArgs(argv: readonly string[]): DiagnosticsBenchOptions {
  return readArgs<DiagnosticsBenchOptions>(
    argv,
    {
      defaults: { fund: "omid", keystrokes: 10, smoke: false, out: RESULTS },
      whole: { "--keystrokes": "keystrokes" },
      text: { "--fund": "fund", "--out": "out" },
      smoke: { flag: "--smoke", option: "smoke", defaults: { fund: "electronics", keystrokes: 2 } },
    },
    USAGE,
  );
}

// ───────────────────────────── the page's instruments ─────────────────────────────

interface Mark {
  t: number;
}
interface Instruments {
  keys: (Mark & { key: string })[];
  requests: (Mark & { version: number })[];
  answers: (Mark & { version: number; diagnostics: number })[];
  problems: (Mark & { items: number; frame?: number })[];
}
declare global {
  interface Window {
    __bench: Instruments;
  }
}

/**
 * Runs in the page before its own scripts (playwright addInitScript): see the header. Plain JavaScript
 * in a string, not a function: tsx (esbuild, keepNames) would put calls to its own `__name` helper in a
 * function's text, which does not exist in the page.
 */
const INSTRUMENT = `(() => {
  const bench = { keys: [], requests: [], answers: [], problems: [] };
  window.__bench = bench;
  addEventListener("keydown", (e) => bench.keys.push({ t: e.timeStamp, key: e.key }), true);
  const Original = window.Worker;
  class TimedWorker extends Original {
    constructor(url, options) {
      super(url, options);
      this.addEventListener("message", (e) => {
        const d = e.data;
        if (d && typeof d.version === "number" && Array.isArray(d.diagnostics))
          bench.answers.push({ t: performance.now(), version: d.version, diagnostics: d.diagnostics.length });
      });
    }
    postMessage(message, options) {
      if (message && typeof message.version === "number" && typeof message.text === "string")
        bench.requests.push({ t: performance.now(), version: message.version });
      return super.postMessage(message, options);
    }
  }
  window.Worker = TimedWorker;
  function watch() {
    const list = document.getElementById("problems");
    if (!list) return false;
    new MutationObserver(() => {
      const mark = { t: performance.now(), items: list.children.length };
      bench.problems.push(mark);
      requestAnimationFrame(() => { mark.frame = performance.now(); });
    }).observe(list, { childList: true });
    return true;
  }
  if (!watch()) addEventListener("DOMContentLoaded", watch);
})();`;

// ───────────────────────────── report ─────────────────────────────

export interface Direction {
  /** Keystroke → the markers drawn (the next animation frame after they were set): what a person sees. */
  keystrokeToDrawnMs: RunSpread;
  /** Keystroke → the request posted to the checker worker: the editor's pause after typing. */
  pauseMs: RunSpread;
  /** Request posted → answer received: the worker's whole turn (copy in, parse + check + symbols, copy out). */
  workerMs: RunSpread;
  /** Answer received → markers drawn: setModelMarkers, the problems list, the next frame. */
  pageMs: RunSpread;
  /** Request posted → markers drawn: everything after the pause. */
  afterPauseMs: RunSpread;
}

export interface DiagnosticsBenchReport {
  generated: string;
  command: string;
  options: DiagnosticsBenchOptions;
  machine: Machine;
  loadAverage: { before: number[]; after: number[] };
  packages: Record<string, string>;
  /** The commit measured, and any uncommitted change under dsl/, artefact/ or editor/ it included. */
  tree: Tree;
  browser: string;
  file: { source: string; lines: number; bytes: number; typedAtLine: number };
  /** checkSource on the same text in Node (this process), for comparison: median of 5 after a warm-up. */
  nodeCheckSourceMs: number;
  typo: Direction;
  fix: Direction;
  target: {
    ms: number;
    /** The median keystroke → drawn over both directions' medians (the larger). */
    keystrokeToDrawnMedianMs: number;
    afterPauseMedianMs: number;
    met: boolean;
  };
  written?: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

interface Sample {
  keystrokeToDrawn: number;
  pause: number;
  worker: number;
  page: number;
  afterPause: number;
}

function direction(samples: Sample[]): Direction {
  const of = (key: keyof Sample) =>
    spread(
      samples.map((s) => s[key]),
      round1,
    );
  return {
    keystrokeToDrawnMs: of("keystrokeToDrawn"),
    pauseMs: of("pause"),
    workerMs: of("worker"),
    pageMs: of("page"),
    afterPauseMs: of("afterPause"),
  };
}

// ───────────────────────────── typing ─────────────────────────────

const LONG = 120_000;

/** Press one key and time it until the problems list shows `wanted(items)`, drawn. */
async function timedKey(
  page: Page,
  cdp: CDPSession,
  key: string,
  wanted: "errors" | "none",
): Promise<Sample> {
  await page.evaluate(() => {
    const b = window.__bench;
    b.keys.length = 0;
    b.requests.length = 0;
    b.answers.length = 0;
    b.problems.length = 0;
  });
  if (key.length === 1) {
    // Playwright knows only the US keyboard's keys: a Persian letter is sent as the browser's own key
    // event (keydown with its text, then keyup), as a Persian keyboard would.
    await cdp.send("Input.dispatchKeyEvent", { type: "keyDown", key, text: key, unmodifiedText: key });
    await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key });
  } else await page.keyboard.press(key);
  const done = await page.waitForFunction(
    (w) => {
      const b = window.__bench;
      const p = b.problems.find((x) => (w === "errors" ? x.items > 0 : x.items === 0));
      return p?.frame !== undefined ? JSON.parse(JSON.stringify(b)) : false;
    },
    wanted,
    { timeout: LONG, polling: 20 },
  );
  const b = (await done.jsonValue()) as Instruments;
  const keyMark = b.keys.find((k) => k.key === key);
  const shown = b.problems.find((x) => (wanted === "errors" ? x.items > 0 : x.items === 0));
  // The request and answer that produced the shown markers: the last of each before them.
  const answer = b.answers.filter((a) => shown && a.t <= shown.t).at(-1);
  const request = b.requests.filter((r) => r.version === answer?.version).at(-1);
  if (!keyMark || !shown || shown.frame === undefined || !answer || !request)
    throw new Error(`the page's instruments missed a step: ${JSON.stringify(b).slice(0, 500)}`);
  return {
    keystrokeToDrawn: shown.frame - keyMark.t,
    pause: request.t - keyMark.t,
    worker: answer.t - request.t,
    page: shown.frame - answer.t,
    afterPause: shown.frame - request.t,
  };
}

/** The parameter line nearest the middle of the file: where the typo goes. */
function typoLine(text: string): { line: number; text: string } {
  const lines = text.split("\n");
  let best: { line: number; text: string } | undefined;
  const middle = lines.length / 2;
  lines.forEach((l, i) => {
    if (!l.startsWith("پارامتر ") || !l.trimEnd().endsWith("]")) return;
    if (lines.filter((x) => x === l).length !== 1) return;
    if (!best || Math.abs(i - middle) < Math.abs(best.line - 1 - middle)) best = { line: i + 1, text: l };
  });
  if (!best) throw new Error("no parameter line with a citation to type after");
  return best;
}

// ───────────────────────────── main ─────────────────────────────

export interface BenchIO {
  log(line: string): void;
}

export async function main(
  argv: readonly string[],
  io: BenchIO = { log: (l) => console.log(l) },
): Promise<DiagnosticsBenchReport> {
  const options = parseArgs(argv);
  const log = io.log;
  const loadBefore = loadAverage();
  const versions = JSON.parse(
    readFileSync(join(ROOT, "rulesets", options.fund, "versions.json"), "utf8"),
  ) as {
    file: string;
  }[];
  const latest = versions.at(-1)?.file;
  if (!latest) throw new Error(`rulesets/${options.fund}/versions.json lists no version`);
  const source = `rulesets/${options.fund}/${latest}`;
  const text = readFileSync(join(ROOT, source), "utf8");
  const at = typoLine(text);
  const typoed = text.split("\n");
  typoed[at.line - 1] += TYPO;
  if (!checkSource(typoed.join("\n")).diagnostics.some((d) => d.severity === "error"))
    throw new Error(`«${TYPO}» after line ${at.line} is not an error: the bench would wait forever`);
  if (checkSource(text).diagnostics.length > 0)
    throw new Error(`${source} is not clean: the bench needs it clean`);

  // The same check in Node, for comparison with the worker's turn.
  for (let i = 0; i < 2; i++) checkSource(text);
  const node: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    checkSource(text);
    node.push(performance.now() - t0);
  }

  const m = machine();
  log(`zavabet keystroke-to-diagnostics bench${options.smoke ? " (smoke)" : ""}`);
  log(`machine: ${m.cpu} × ${m.cores}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`);
  log(`load average (1/5/15 min): ${loadBefore.join(" / ")}`);
  log(`file: ${source}, ${lineCount(text)} lines; typing «${TYPO}» at the end of line ${at.line}`);

  const session = await openEditor([options.fund]);
  const typo: Sample[] = [];
  const fix: Sample[] = [];
  let browser = "";
  try {
    const { page, base } = session;
    browser = page.context().browser()?.version() ?? "unknown";
    await page.addInitScript(INSTRUMENT);
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${base}/?fund=${encodeURIComponent(options.fund)}`);
    await page.waitForFunction((clean) => document.getElementById("status")?.textContent === clean, CLEAN, {
      timeout: LONG,
    });
    await select(page, at.text);
    await page.keyboard.press("End");
    // One untimed round first: the first check after loading warms the worker's code up.
    for (let k = 0; k <= options.keystrokes; k++) {
      const a = await timedKey(page, cdp, TYPO, "errors");
      await page.waitForTimeout(300);
      await page.keyboard.press("Escape"); // the completion list typing a letter may open
      const b = await timedKey(page, cdp, "Backspace", "none");
      await page.waitForFunction((clean) => document.getElementById("status")?.textContent === clean, CLEAN, {
        timeout: LONG,
      });
      await page.waitForTimeout(300);
      if (k === 0) continue;
      typo.push(a);
      fix.push(b);
      log(
        `keystroke ${k}/${options.keystrokes}: typo shown after ${a.keystrokeToDrawn.toFixed(0)} ms (worker ${a.worker.toFixed(0)} ms), ` +
          `fix cleared after ${b.keystrokeToDrawn.toFixed(0)} ms (worker ${b.worker.toFixed(0)} ms)`,
      );
    }
  } finally {
    await session.close();
  }

  const typoDirection = direction(typo);
  const fixDirection = direction(fix);
  const worst = Math.max(typoDirection.keystrokeToDrawnMs.median, fixDirection.keystrokeToDrawnMs.median);
  const worstAfterPause = Math.max(typoDirection.afterPauseMs.median, fixDirection.afterPauseMs.median);
  const report: DiagnosticsBenchReport = {
    generated: new Date().toISOString(),
    command: `node --import tsx bench/diagnostics.ts ${argv.join(" ")}`.trim(),
    options: { ...options, out: options.out === undefined ? undefined : relative(ROOT, options.out) },
    machine: m,
    loadAverage: { before: loadBefore, after: loadAverage() },
    packages: packageVersions(["monaco-editor", "chevrotain", "vite", "playwright-core"]),
    tree: tree(["dsl", "artefact", "editor", "vite.config.ts"]),
    browser: `Chromium ${browser} (/usr/bin/chromium, headless)`,
    file: { source, lines: lineCount(text), bytes: Buffer.byteLength(text), typedAtLine: at.line },
    nodeCheckSourceMs: spread(node, round1).median,
    typo: typoDirection,
    fix: fixDirection,
    target: {
      ms: TARGET_MS,
      keystrokeToDrawnMedianMs: worst,
      afterPauseMedianMs: worstAfterPause,
      met: worst <= TARGET_MS,
    },
  };

  log("");
  for (const line of table(report)) log(line);
  log("");
  log(`checkSource on the same text in Node: ${report.nodeCheckSourceMs} ms (median of 5)`);
  log(
    `target ≤ ${TARGET_MS} ms keystroke → diagnostics: ${report.target.met ? "met" : "missed"} ` +
      `(median ${worst} ms; after the editor's pause ${worstAfterPause} ms)`,
  );
  log(`load average after: ${report.loadAverage.after.join(" / ")}`);
  log(describeTree(report.tree));
  writeReport(report, options.out, log);
  return report;
}

function table(r: DiagnosticsBenchReport): string[] {
  const cell = (s: RunSpread) => `${s.median.toFixed(0)} [${s.min.toFixed(0)}–${s.max.toFixed(0)}]`;
  const rows = [
    ["ms, median [min–max]", "keystroke → drawn", "pause", "worker", "page", "after the pause"],
    ...(
      [
        ["typo → error shown", r.typo],
        ["fix → error gone", r.fix],
      ] as const
    ).map(([label, d]) => [
      label,
      cell(d.keystrokeToDrawnMs),
      cell(d.pauseMs),
      cell(d.workerMs),
      cell(d.pageMs),
      cell(d.afterPauseMs),
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  "),
  );
}

const invoked = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invoked) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

/** Lines as wc -l and an editor count them: a final newline does not start another line. */
function lineCount(text: string): number {
  const breaks = text.split("\n").length - 1;
  return text.endsWith("\n") ? breaks : breaks + 1;
}
