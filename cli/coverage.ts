/**
 * `zavabet coverage <fund folder | rulesets folder...> [--json]`: each fund's clause index
 * (clauses.json, see rulesets/clauses.schema.json), whether it agrees with every version of the fund
 * (cli/clause-index.ts), counts per kind, and every problem with where it is. Exit 1 when any fund has
 * a problem; a fund without an index is one, and the other funds are still checked.
 *
 * Unlike the other commands, coverage needs a fund's folder (for clauses.json) and all its versions,
 * not one file. The naming follows cli/resolve.ts: a fund folder, a folder of fund folders, or a fund
 * name under the rulesets folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, isAbsolute, join, resolve } from "node:path";
import { toPersianDigits } from "../dsl/text";
import {
  type ClauseEntry,
  type ClauseKind,
  type FundVersion,
  KINDS,
  loadClauseIndex,
  type Problem,
  verifyIndex,
  verifyVersions,
} from "./clause-index";
import { CliError, EXIT, type ExitCode, messageOf } from "./errors";
import { out } from "./io";
import { displayPath, rulesetsDir } from "./resolve";

const fa = (n: number | string) => toPersianDigits(String(n));

export interface CoverageOptions {
  json?: boolean;
}

export type KindCounts = Record<ClauseKind, number>;

/** One fund as `--json` prints it. */
export interface FundReport {
  fund: string;
  folder: string;
  /** The clause index file; null when the fund has none. */
  index: string | null;
  sources: string[];
  versions: { version: string; file: string }[];
  /** The index's entries as written (empty when it is missing or invalid). */
  clauses: ClauseEntry[];
  counts: KindCounts;
  consistent: boolean;
  problems: Problem[];
}

export interface CoverageReport {
  consistent: boolean;
  counts: KindCounts;
  problems: number;
  funds: FundReport[];
}

export function runCoverage(args: readonly string[], options: CoverageOptions): ExitCode {
  const cwd = process.cwd();
  const funds = fundFolders(args, cwd).map((f) => coverFund(f, cwd));
  const report: CoverageReport = {
    consistent: funds.every((f) => f.consistent),
    counts: sumCounts(funds.map((f) => f.counts)),
    problems: funds.reduce((n, f) => n + f.problems.length, 0),
    funds,
  };
  if (options.json) out(JSON.stringify(report, null, 2));
  else for (const line of formatReport(report)) out(line);
  return report.consistent ? EXIT.ok : EXIT.failed;
}

function zeroCounts(): KindCounts {
  return { encoded: 0, procedural: 0, ambiguous: 0 };
}

function sumCounts(all: readonly KindCounts[]): KindCounts {
  const total = zeroCounts();
  for (const c of all) for (const k of KINDS) total[k] += c[k];
  return total;
}

export function coverFund(fund: FundFolder, cwd: string): FundReport {
  const { versions, problems: versionProblems } = fundVersions(fund, cwd);
  const indexPath = join(fund.dir, INDEX_FILE);
  const report: FundReport = {
    fund: fund.name,
    folder: fund.display,
    index: null,
    sources: [],
    versions: versions.map((v) => ({ version: v.version, file: v.display })),
    clauses: [],
    counts: zeroCounts(),
    consistent: false,
    problems: [],
  };
  if (!existsSync(indexPath)) {
    report.problems.push({
      code: "no-index",
      file: fund.display,
      message: {
        fa: `صندوق «${fund.name}» نمایه‌ی بندها (${INDEX_FILE}) ندارد`,
        en: `the fund «${fund.name}» has no clause index (${INDEX_FILE})`,
      },
    });
    report.problems.push(...versionProblems);
    return report;
  }
  const indexFile = displayPath(indexPath, cwd);
  report.index = indexFile;
  const loaded = loadClauseIndex(indexPath, indexFile);
  if (!loaded.index) {
    report.problems.push(...loaded.problems, ...versionProblems);
    return report;
  }
  const index = loaded.index;
  report.sources = index.sources;
  report.clauses = index.clauses;
  for (const entry of index.clauses) report.counts[entry.kind]++;
  if (index.fund !== fund.name) {
    report.problems.push({
      code: "fund-mismatch",
      file: indexFile,
      path: "/fund",
      message: {
        fa: `«fund» در نمایه «${index.fund}» است، اما پوشه‌ی صندوق «${fund.name}» است`,
        en: `the index says fund «${index.fund}», but the fund folder is «${fund.name}»`,
      },
    });
  }
  report.problems.push(...versionProblems, ...verifyIndex(index, versions, indexFile));
  report.problems.push(...verifyVersions(index, versions, indexFile));
  report.consistent = report.problems.length === 0;
  return report;
}

// ---- for people --------------------------------------------------------------------------------

const KIND_WORDS: Record<ClauseKind, { fa: string; en: string }> = {
  encoded: { fa: "کدگذاری‌شده", en: "encoded" },
  procedural: { fa: "رویه‌ای", en: "procedural" },
  ambiguous: { fa: "مبهم", en: "ambiguous" },
};

function countsFa(c: KindCounts): string {
  return KINDS.map((k) => `${fa(c[k])} ${KIND_WORDS[k].fa}`).join("، ");
}

function countsEn(c: KindCounts): string {
  return KINDS.map((k) => `${c[k]} ${KIND_WORDS[k].en}`).join(", ");
}

/** «۴۲ کدگذاری‌شده، ۱۰ رویه‌ای، ۳ مبهم — 42 encoded, 10 procedural, 3 ambiguous» */
export function formatCounts(c: KindCounts): string {
  return `${countsFa(c)} — ${countsEn(c)}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function formatEntry(e: ClauseEntry): string[] {
  const versions = e.versions ? ` [نسخه‌ها — versions: ${e.versions.map(fa).join("، ")}]` : "";
  const lines = [`  ${e.clause} — ${KIND_WORDS[e.kind].fa} (${KIND_WORDS[e.kind].en})${versions}`];
  if (e.summary !== undefined) lines.push(`      خلاصه (summary): ${e.summary}`);
  if (e.reason !== undefined) lines.push(`      دلیل (reason): ${e.reason}`);
  if (e.reading !== undefined) lines.push(`      خوانش (reading): ${e.reading}`);
  if (e.encodedBy && e.encodedBy.length > 0)
    lines.push(`      اجرا با (encoded by): ${e.encodedBy.join("، ")}`);
  return lines;
}

export function formatProblem(p: Problem): string[] {
  const where =
    p.line !== undefined
      ? `${p.file}:${p.line}:${p.column ?? 1}`
      : p.path !== undefined
        ? `${p.file} ${p.path}`
        : p.file;
  return [`  ✗ ${where}  ${p.message.fa}`, `      ${p.message.en}`];
}

function formatVersions(versions: readonly FundVersion[] | FundReport["versions"]): string {
  if (versions.length === 0) return "";
  return ` (نسخه‌ها — versions: ${versions.map((v) => fa(v.version)).join("، ")})`;
}

function formatFund(f: FundReport): string[] {
  const lines = [`${f.folder}${formatVersions(f.versions)}`];
  if (f.index !== null && f.problems.every((p) => p.code !== "schema" && p.code !== "invalid-json")) {
    lines.push(`  نمایه‌ی بندها — clause index: ${f.index}`);
    for (const e of f.clauses) lines.push(...formatEntry(e));
    lines.push(`  ${formatCounts(f.counts)}`);
  }
  for (const p of f.problems) lines.push(...formatProblem(p));
  lines.push(
    f.consistent
      ? "  ✓ نمایه با قواعد سازگار است — the index agrees with the rules"
      : `  ${fa(f.problems.length)} مشکل — ${plural(f.problems.length, "problem")}`,
  );
  return lines;
}

export function formatReport(r: CoverageReport): string[] {
  const lines: string[] = [];
  for (const f of r.funds) lines.push(...formatFund(f), "");
  const funds = r.funds.length;
  lines.push(
    `${fa(funds)} صندوق: ${countsFa(r.counts)}؛ ${fa(r.problems)} مشکل — ` +
      `${plural(funds, "fund")}: ${countsEn(r.counts)}; ${plural(r.problems, "problem")}`,
  );
  return lines;
}

// ---- which funds, which versions ----------------------------------------------------------------

export const INDEX_FILE = "clauses.json";

export interface FundFolder {
  /** The folder's name: the fund id. */
  name: string;
  dir: string;
  display: string;
}

const natural = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A fund folder has versions (versions/ or versions.json) or at least a clause index. */
function isFundFolder(dir: string): boolean {
  return (
    isDir(join(dir, "versions")) ||
    existsSync(join(dir, "versions.json")) ||
    existsSync(join(dir, INDEX_FILE))
  );
}

function subFunds(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && isFundFolder(join(dir, e.name)))
    .map((e) => e.name)
    .sort(natural.compare);
}

/** The fund folders the arguments name, each once, in the order given. */
export function fundFolders(args: readonly string[], cwd: string): FundFolder[] {
  const seen = new Set<string>();
  const out: FundFolder[] = [];
  for (const arg of args) {
    for (const dir of foldersOf(arg, cwd)) {
      if (seen.has(dir)) continue;
      seen.add(dir);
      out.push({ name: basename(dir), dir, display: displayPath(dir, cwd) });
    }
  }
  return out;
}

function foldersOf(arg: string, cwd: string): string[] {
  const onDisk = resolve(cwd, arg);
  if (arg !== "" && existsSync(onDisk)) {
    if (!isDir(onDisk)) {
      throw new CliError(
        `«${arg}» پوشه نیست؛ coverage پوشه‌ی یک صندوق یا پوشه‌ی قواعد (مانند rulesets) می‌خواهد`,
        `«${arg}» is not a folder; coverage takes a fund folder or a folder of funds (such as rulesets)`,
      );
    }
    if (isFundFolder(onDisk)) return [onDisk];
    const funds = subFunds(onDisk);
    if (funds.length === 0) {
      throw new CliError(`در پوشه‌ی «${arg}» هیچ صندوقی نیست`, `The folder «${arg}» holds no fund`);
    }
    return funds.map((name) => join(onDisk, name));
  }
  const bareName = arg !== "" && !/[/\\@]/.test(arg) && extname(arg) === "";
  if (bareName) {
    const root = rulesetsDir(cwd);
    const dir = join(root, arg);
    if (isDir(dir) && isFundFolder(dir)) return [dir];
    const where = displayPath(root, cwd);
    const names = isDir(root) ? subFunds(root) : [];
    throw new CliError(`صندوق «${arg}» پیدا نشد`, `Unknown fund «${arg}»`, {
      details: [
        names.length > 0
          ? `صندوق‌های «${where}» — funds in «${where}»: ${names.join(", ")}`
          : `در «${where}» هیچ صندوقی نیست — no funds in «${where}»`,
      ],
    });
  }
  throw new CliError(`پوشه‌ی «${arg}» پیدا نشد`, `No such folder: «${arg}»`);
}

/**
 * Every version of a fund: each entry of versions.json, in order; without versions.json, every
 * versions/*.zb by natural sort. What cannot be read is a problem of the fund, not a usage error, so
 * that the other funds are still checked.
 */
export function fundVersions(
  fund: FundFolder,
  cwd: string,
): { versions: FundVersion[]; problems: Problem[] } {
  const jsonPath = join(fund.dir, "versions.json");
  const jsonDisplay = displayPath(jsonPath, cwd);
  const problem = (fa: string, en: string): Problem => ({
    code: "versions",
    file: jsonDisplay,
    message: { fa, en },
  });
  if (!existsSync(jsonPath)) {
    const dir = join(fund.dir, "versions");
    const files = isDir(dir)
      ? readdirSync(dir)
          .filter((f) => extname(f).toLowerCase() === ".zb")
          .sort(natural.compare)
      : [];
    if (files.length === 0) {
      return {
        versions: [],
        problems: [
          {
            code: "versions",
            file: fund.display,
            message: { fa: "صندوق هیچ نسخه‌ای ندارد", en: "the fund has no versions" },
          },
        ],
      };
    }
    return {
      versions: files.map((f) => {
        const path = join(dir, f);
        return { version: f.slice(0, -extname(f).length), path, display: displayPath(path, cwd) };
      }),
      problems: [],
    };
  }

  let data: unknown;
  try {
    data = JSON.parse(readFileSync(jsonPath, "utf8"));
  } catch (e) {
    return {
      versions: [],
      problems: [problem(`JSON درستی نیست: ${messageOf(e)}`, `not valid JSON: ${messageOf(e)}`)],
    };
  }
  if (!Array.isArray(data)) {
    return {
      versions: [],
      problems: [
        problem("باید فهرستی از { version, file, ... } باشد", "must be an array of { version, file, ... }"),
      ],
    };
  }
  const versions: FundVersion[] = [];
  const problems: Problem[] = [];
  data.forEach((item: unknown, i) => {
    const { version, file } = (typeof item === "object" && item !== null ? item : {}) as Record<
      string,
      unknown
    >;
    if ((typeof version !== "string" && typeof version !== "number") || typeof file !== "string") {
      problems.push({
        ...problem(
          `مدخل ${toPersianDigits(String(i))} باید { version, file } داشته باشد`,
          `entry ${i} must have { version, file }`,
        ),
        path: `/${i}`,
      });
      return;
    }
    const candidates = isAbsolute(file) ? [file] : [join(fund.dir, file), join(fund.dir, "versions", file)];
    const path = candidates.find((c) => existsSync(c));
    if (path === undefined) {
      problems.push({
        ...problem(
          `پرونده‌ی «${file}» که برای نسخه‌ی «${String(version)}» نام برده شده پیدا نشد`,
          `the file «${file}» named for version «${String(version)}» does not exist`,
        ),
        path: `/${i}/file`,
        version: String(version),
      });
      return;
    }
    versions.push({ version: String(version), path, display: displayPath(path, cwd) });
  });
  if (data.length === 0) problems.push(problem("هیچ نسخه‌ای نام نبرده است", "names no versions"));
  return { versions, problems };
}
