/**
 * `zavabet compare --base <ruleset@version> --candidate <ruleset@version|file> --cases <file>`: both
 * versions on every case of a corpus (JSON Lines or CSV, streamed), and a report of what the candidate
 * decides differently, by rule and clause, with examples (compare/ does the work; this file reads the
 * arguments, prints and sets the exit code). Exit 0; 1 when --fail-on's gate fails or a version has
 * errors; 2 on bad usage or input (and on a malformed line under --strict); 130 when interrupted,
 * after printing a report marked incomplete.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import {
  type CompareReport,
  Comparison,
  checkFailOn,
  parseFailOn,
  rulesetRef,
  type SideDecision,
  type Transition,
} from "../compare";
import { renderHtml } from "../compare/html";
import { autoRunner } from "../compare/pool";
import { type CaseFormat, CsvHeaderError, formatOf, openCases, readCases } from "../compare/read";
import { MalformedLineError, runCorpus } from "../compare/run";
import { type Artefact, createEngine } from "../engine";
import { persianDigits } from "../engine/format";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { countDiagnostics, formatDiagnostics, formatSummary } from "./format-diagnostics";
import { err, out } from "./io";
import { loadRuleset } from "./load";
import { type ResolvedRuleset, resolveRuleset } from "./resolve";

export interface CompareOptions {
  base: string;
  candidate: string;
  cases: string;
  format?: string;
  json?: boolean;
  strict?: boolean;
  failOn?: string;
  examples?: string;
  /** Also write the report as a self-contained HTML page to this file. */
  html?: string;
  /** Worker threads (default: one per core; 1 evaluates in the main thread). */
  threads?: string;
  /** false (--no-progress): no progress on standard error. */
  progress?: boolean;
}

/** Cases per chunk sent to a worker: big enough that messaging is cheap, small enough to spread. */
const CHUNK = 256;

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), after its incomplete report. */
export const EXIT_INTERRUPTED = 130;

const DECISION_FA: Record<SideDecision, string> = {
  accept: "پذیرش",
  reject: "رد",
  refer: "ارجاع",
  invalid: "ورودی نامعتبر",
};

/** A count as the terminal shows it: Persian digits grouped by «٬». */
const n = (x: number) => persianDigits(x.toLocaleString("en-US")).replace(/,/g, "\u066C");
const pct = (part: number, whole: number) =>
  whole === 0 ? "۰٪" : `${persianDigits(((part * 100) / whole).toFixed(1)).replace(".", "\u066B")}٪`;
const arrow = (t: Transition) => `${DECISION_FA[t.from]} → ${DECISION_FA[t.to]} (${t.from} → ${t.to})`;

function load(arg: string, option: string): { r: ResolvedRuleset; artefact: Artefact } {
  const r = resolveRuleset(arg, { allowArtefact: true });
  const { artefact, diagnostics } = loadRuleset(r);
  if (!artefact) {
    err(formatDiagnostics(r.display, diagnostics));
    err(formatSummary(countDiagnostics(diagnostics)));
    throw new CliError(
      `قواعد ${option} («${arg}») خطا دارد و مقایسه انجام نشد`,
      `The ${option} ruleset «${arg}» has errors; nothing was compared`,
      { exitCode: EXIT.failed },
    );
  }
  return { r, artefact };
}

function caseFormat(options: CompareOptions): CaseFormat {
  if (options.format === undefined) return options.cases === "-" ? "jsonl" : formatOf(options.cases);
  if (options.format === "jsonl" || options.format === "csv") return options.format;
  throw new CliError(
    `--format باید jsonl یا csv باشد، اما «${options.format}» آمده است`,
    `--format must be jsonl or csv, got «${options.format}»`,
  );
}

function examplesOption(text: string | undefined): number {
  if (text === undefined) return 3;
  const v = Number(text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)));
  if (!Number.isInteger(v) || v < 0 || v > 100) {
    throw new CliError(
      `--examples باید عدد صحیحی از ۰ تا ۱۰۰ باشد، اما «${text}» آمده است`,
      `--examples must be an integer from 0 to 100, got «${text}»`,
    );
  }
  return v;
}

/** Written beside the target and renamed onto it, so a reader never sees half a page. */
function writeHtml(path: string, report: CompareReport): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, renderHtml(report));
    renameSync(temporary, path);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw new CliError(
      `نوشتن گزارش HTML در «${path}» ممکن نشد`,
      `Cannot write the HTML report «${path}»: ${messageOf(e)}`,
    );
  }
  err(`✓ گزارش HTML → ${path} — HTML report → ${path}`);
}

function threadsOption(text: string | undefined): number {
  if (text === undefined) return availableParallelism();
  const v = Number(text.replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0)));
  if (!Number.isInteger(v) || v < 1 || v > 256) {
    throw new CliError(
      `--threads باید عدد صحیحی از ۱ تا ۲۵۶ باشد، اما «${text}» آمده است`,
      `--threads must be an integer from 1 to 256, got «${text}»`,
    );
  }
  return v;
}

export async function runCompare(options: CompareOptions): Promise<ExitCode | typeof EXIT_INTERRUPTED> {
  const failOn = options.failOn === undefined ? undefined : parseFailOn(options.failOn);
  if (options.failOn !== undefined && failOn === undefined) {
    throw new CliError(
      `--fail-on باید decision، any یا درصدی مانند 5% باشد، اما «${options.failOn}» آمده است`,
      `--fail-on must be decision, any or a percentage such as 5%, got «${options.failOn}»`,
    );
  }
  const format = caseFormat(options);
  const examples = examplesOption(options.examples);
  const threads = threadsOption(options.threads);
  if (options.cases !== "-" && !(existsSync(options.cases) && statSync(options.cases).isFile())) {
    throw new CliError(
      `پرونده‌ی موردها «${options.cases}» پیدا نشد`,
      `No such cases file: «${options.cases}»`,
    );
  }
  const base = load(options.base, "base");
  const candidate = load(options.candidate, "candidate");
  const baseEngine = createEngine(base.artefact);
  const candidateEngine = createEngine(candidate.artefact);
  const comparison = new Comparison({
    base: rulesetRef(baseEngine, options.base, base.r.display),
    candidate: rulesetRef(candidateEngine, options.candidate, candidate.r.display),
    baseEngine,
    candidateEngine,
    cases: { source: options.cases, format },
    examples,
  });

  const input = openCases(options.cases);
  // Ctrl-C stops the reading, even while waiting for more input: the report is then printed whole,
  // marked incomplete, never cut off half-written.
  let interrupted = false;
  let interrupt = () => {};
  const stopped = new Promise<"stop">((resolve) => {
    interrupt = () => resolve("stop");
  });
  const onSigint = () => {
    interrupted = true;
    interrupt();
  };
  process.on("SIGINT", onSigint);
  const total = options.cases === "-" ? undefined : statSync(options.cases).size;
  const bytesRead = () =>
    "bytesRead" in input && typeof input.bytesRead === "number" ? input.bytesRead : undefined;
  const progress = options.progress === false ? undefined : new Progress(bytesRead, total);
  const lines = readCases(input, format, [base.artefact, candidate.artefact]);
  const runner = autoRunner({ base: baseEngine, candidate: candidateEngine }, threads, CHUNK);
  try {
    await runCorpus(lines, comparison, runner, {
      strict: options.strict === true,
      chunk: CHUNK,
      stop: stopped,
      ...(progress ? { onCase: () => progress.tick() } : {}),
    });
    progress?.end(interrupted);
  } catch (e) {
    if (e instanceof CsvHeaderError) throw new CliError(e.fa, e.en);
    if (e instanceof MalformedLineError) {
      throw new CliError(
        `${e.malformed.fa} (--strict: مقایسه متوقف شد)`,
        `${e.malformed.en} (--strict: the run stopped)`,
      );
    }
    throw e;
  } finally {
    process.off("SIGINT", onSigint);
    input.destroy();
    await runner.close();
  }
  const report: CompareReport = comparison.report(!interrupted);
  if (failOn && options.failOn !== undefined) report.failOn = checkFailOn(report, failOn, options.failOn);
  if (options.html !== undefined) writeHtml(options.html, report);
  out(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
  if (interrupted) return EXIT_INTERRUPTED;
  return report.failOn?.failed ? EXIT.failed : EXIT.ok;
}

/**
 * Progress on standard error: on a terminal one line redrawn a few times a second (cases, rate, the
 * share of the file read and the time left); otherwise a plain line when the run starts, every 10
 * seconds and at the end, so logs stay readable. Never on standard output, which is the report's.
 */
class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = Date.now();
  private last = 0;
  private cases = 0;

  constructor(
    private readonly bytesRead: () => number | undefined,
    private readonly total: number | undefined,
  ) {
    if (!this.tty) err(`مقایسه آغاز شد — comparing${total === undefined ? "" : ` (${total} bytes)`}`);
  }

  tick(): void {
    this.cases++;
    // Looking at the clock every case would cost more than the case; every 256th is often enough.
    if ((this.cases & 255) !== 0) return;
    const now = Date.now();
    if (now - this.last < (this.tty ? 200 : 10_000)) return;
    this.last = now;
    this.show(now);
  }

  end(interrupted: boolean): void {
    const line = this.line(Date.now());
    if (this.tty) process.stderr.write(`\r\x1b[K`);
    err(`${interrupted ? "قطع شد — interrupted" : "پایان — done"}: ${line}`);
  }

  private line(now: number): string {
    const seconds = Math.max((now - this.started) / 1000, 0.001);
    const rate = Math.round(this.cases / seconds);
    let text = `${this.cases} cases, ${rate} cases/s, ${seconds.toFixed(1)} s`;
    const read = this.bytesRead();
    if (this.total !== undefined && this.total > 0 && read !== undefined) {
      const share = Math.min(read / this.total, 1);
      const left = share > 0 ? (seconds * (1 - share)) / share : 0;
      text += `, ${(share * 100).toFixed(1)}%, ETA ${Math.ceil(left)} s`;
    }
    return text;
  }

  private show(now: number): void {
    const text = this.line(now);
    if (this.tty) {
      const width = 30;
      const read = this.bytesRead();
      const share = this.total && read !== undefined ? Math.min(read / this.total, 1) : 0;
      const filled = Math.round(share * width);
      process.stderr.write(`\r\x1b[K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}`);
    } else err(text);
  }
}

/** One case of an example as a short line: its line number and its inputs. */
function caseLine(line: number, input: Record<string, unknown>): string {
  const text = JSON.stringify(input);
  return `سطر ${n(line)} (line ${line}): ${text.length > 160 ? `${text.slice(0, 157)}...` : text}`;
}

/** The readable summary: Persian, with the English labels in parentheses. */
export function formatReport(report: CompareReport): string {
  const s = report.summary;
  const lines: string[] = [];
  const ref = (r: CompareReport["base"]) => `${r.ruleset} (${r.file}، نسخه — version ${r.version})`;
  lines.push(`مقایسه (compare): ${ref(report.base)} → ${ref(report.candidate)}`);
  if (!report.complete) {
    lines.push("⚠ ناتمام: اجرا قطع شد؛ شمارش‌ها تنها موردهای خوانده‌شده تا آن لحظه است");
    lines.push("  (incomplete: the run was interrupted; the counts are of the cases read until then)");
  }
  lines.push(
    `موردها (cases): ${n(s.cases)} از ${report.cases.source}؛ ${n(s.compared)} مقایسه‌شده (compared)` +
      (s.invalidInBoth > 0 ? `، ${n(s.invalidInBoth)} برای هر دو نسخه نامعتبر (invalid in both)` : ""),
  );
  if (s.malformed > 0) {
    lines.push(`سطرهای نادرست کنار گذاشته شد (malformed lines skipped): ${n(s.malformed)}`);
  }
  lines.push(`بدون تغییر (unchanged): ${n(s.unchanged)}`);
  lines.push(
    `تغییر تصمیم (decision changed): ${n(s.decisionChanged)} (${pct(s.decisionChanged, s.compared)})`,
  );
  for (const t of report.decisions) if (t.from !== t.to) lines.push(`  ${arrow(t)}: ${n(t.cases)}`);
  lines.push(
    `تغییر پیامد (outcomes changed): ${n(s.outcomesChanged)} (${pct(s.outcomesChanged, s.compared)})`,
  );
  lines.push(`تغییر مقدار (values changed): ${n(s.valuesChanged)} (${pct(s.valuesChanged, s.compared)})`);

  if (report.rules.length > 0) {
    lines.push("", "بر حسب قاعده (by rule):");
    for (const g of report.rules) {
      const clause = g.baseCitation
        ? `[${g.citation}] (پایه — base: [${g.baseCitation}])`
        : `[${g.citation}]`;
      lines.push(
        `  «${g.rule}» ${clause} — ${n(g.cases)} مورد (cases)، ${n(g.decisionChanged)} تغییر تصمیم (decision changed)`,
      );
      lines.push(
        `      فقط در پایه (base only): ${n(g.baseOnly)} · فقط در نامزد (candidate only): ${n(g.candidateOnly)} · پیامد دیگر (changed): ${n(g.changed)}`,
      );
      for (const t of g.transitions) lines.push(`      ${arrow(t)}: ${n(t.cases)}`);
      for (const e of g.examples) {
        lines.push(`      • ${caseLine(e.line, e.case)}`);
        lines.push(
          `        ${DECISION_FA[e.base.decision]} → ${DECISION_FA[e.candidate.decision]} (${e.base.decision} → ${e.candidate.decision})`,
        );
      }
    }
  }
  if (report.values.length > 0) {
    lines.push("", "بر حسب مقدار (by value):");
    for (const g of report.values) {
      const clause = g.citation === null ? "" : ` [${g.citation}]`;
      lines.push(
        `  ${g.value}${clause} — ${n(g.cases)} مورد (cases)، ${n(g.decisionChanged)} تغییر تصمیم (decision changed)`,
      );
      for (const e of g.examples) {
        lines.push(`      • ${caseLine(e.line, e.case)}`);
        lines.push(`        ${JSON.stringify(e.base)} → ${JSON.stringify(e.candidate)}`);
      }
    }
  }
  if (report.invalid.length > 0) {
    lines.push("", "ورودی نامعتبر (refused as input):");
    const who = { base: "پایه (base)", candidate: "نامزد (candidate)", both: "هر دو (both)" };
    for (const g of report.invalid) {
      lines.push(`  رد ورودی در ${who[g.refusedBy]}: ${n(g.cases)} مورد (cases)`);
      for (const e of g.examples) {
        lines.push(`      • ${caseLine(e.line, e.case)}`);
        for (const i of e.issues.slice(0, 3)) lines.push(`        ${i.field}: ${i.fa} — ${i.en}`);
      }
    }
  }
  if (report.malformed.length > 0) {
    lines.push("", "سطرهای نادرست (malformed lines):");
    for (const m of report.malformed) lines.push(`  ${m.message.fa}`, `    ${m.message.en}`);
    if (s.malformed > report.malformed.length) {
      lines.push(
        `  … و ${n(s.malformed - report.malformed.length)} سطر دیگر (and ${s.malformed - report.malformed.length} more)`,
      );
    }
  }
  if (report.failOn) {
    const f = report.failOn;
    lines.push(
      "",
      `${f.failed ? "✗" : "✓"} --fail-on ${f.spec}: ${f.message.fa} — ${f.message.en}` +
        (f.failed ? " (شکست — failed)" : " (گذشت — passed)"),
    );
  }
  return lines.join("\n");
}
