/**
 * A fund's clause index (rulesets/<fund>/clauses.json) and whether it agrees with the fund's rules.
 *
 * Reading: the index is validated against rulesets/clauses.schema.json with ajv; schema errors become
 * problems in Persian and English, each with the JSON path of what is wrong and, inside an entry, the
 * clause it belongs to.
 *
 * Agreement (verifyIndex, verifyVersions):
 * - every `encodedBy` name is declared (input, parameter, table, computed value, or a name a rule
 *   sets with تعیین) or is a rule title, in every version its entry applies to;
 * - every citation in a version (rules, parameters, tables and their rows, computed values) is covered
 *   by an entry applying to that version: one equal to it or to a prefix of it at a comma boundary;
 * - entries name only versions the fund has, and no clause is listed twice for one version.
 *
 * Names compare as the language compares them (dsl/text nameKey). Citations are free text, so they
 * compare a little more loosely: nameKey (Arabic ي/ك, digits, invisible marks, diacritics), then
 * without whitespace and ZWNJ, so «ماده ۳،بند ۲» and «ماده 3، بند 2» are one citation.
 */
import { readFileSync } from "node:fs";
import type { ErrorObject, ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { check, parse } from "../dsl";
import type { Analysis } from "../dsl/check";
import type { Citation, RulesetFile } from "../dsl/syntax/ast";
import { closestNames, nameKey, toPersianDigits } from "../dsl/text";
import { messageOf } from "./errors";

/** One version of a fund: its version string and .zb file. */
export interface FundVersion {
  version: string;
  path: string;
  /** The path as shown to the user. */
  display: string;
}

// ---- problems ----------------------------------------------------------------------------------

/** What `zavabet coverage` finds wrong, with where it is: a place in clauses.json or in a .zb file. */
export type ProblemCode =
  /** The fund folder has no clauses.json. */
  | "no-index"
  | "invalid-json"
  /** clauses.json does not match rulesets/clauses.schema.json. */
  | "schema"
  /** The index's `fund` is not the folder's name. */
  | "fund-mismatch"
  /** versions.json cannot be read, names a missing file, or the fund has no version at all. */
  | "versions"
  /** An entry's `versions` names a version versions.json does not have. */
  | "unknown-version"
  /** The same clause listed twice for one version. */
  | "duplicate-clause"
  /** A version does not parse or check: its names cannot be trusted. */
  | "ruleset-errors"
  /** An `encodedBy` name that a version the entry applies to does not declare. */
  | "unknown-name"
  /** A citation in a version that no entry of the index covers. */
  | "uncovered-citation";

export interface Problem {
  code: ProblemCode;
  /** The file, as shown to the user (relative to the working folder when inside it). */
  file: string;
  /** In a .zb file: where, from 1. */
  line?: number;
  column?: number;
  /** An uncovered citation: every line of the version that uses it (`line` is the first). */
  lines?: number[];
  /** In clauses.json: the JSON pointer of the value (e.g. /clauses/3/encodedBy/1). */
  path?: string;
  clause?: string;
  version?: string;
  /** An unknown name: every version that lacks it (`version` is the first). */
  versions?: string[];
  name?: string;
  citation?: string;
  message: { fa: string; en: string };
}

// ---- the index --------------------------------------------------------------------------------

export type ClauseKind = "encoded" | "procedural" | "ambiguous";

export interface ClauseEntry {
  clause: string;
  kind: ClauseKind;
  summary?: string;
  encodedBy?: string[];
  reason?: string;
  reading?: string;
  versions?: string[];
}

export interface ClauseIndex {
  fund: string;
  sources: string[];
  clauses: ClauseEntry[];
}

export const KINDS: readonly ClauseKind[] = ["encoded", "procedural", "ambiguous"];

/** The schema ships with the rulesets, next to the funds it describes, whatever folder is checked. */
const SCHEMA_URL = new URL("../rulesets/clauses.schema.json", import.meta.url);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const schema: unknown = JSON.parse(readFileSync(SCHEMA_URL, "utf8"));
    compiled = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
      schema as Record<string, unknown>,
    );
  }
  return compiled;
}

export type LoadedIndex = { index: ClauseIndex; problems: [] } | { index?: undefined; problems: Problem[] };

/** Read and validate `path` (shown as `file`); an unreadable or invalid index gives only problems. */
export function loadClauseIndex(path: string, file: string): LoadedIndex {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    return {
      problems: [
        {
          code: "invalid-json",
          file,
          message: {
            fa: `نمایه‌ی بندها JSON درستی نیست: ${messageOf(e)}`,
            en: `the clause index is not valid JSON: ${messageOf(e)}`,
          },
        },
      ],
    };
  }
  const validate = validator();
  if (validate(data)) return { index: data as unknown as ClauseIndex, problems: [] };
  const problems = (validate.errors ?? [])
    .filter((e) => e.keyword !== "if")
    .map((e) => schemaProblem(e, data, file));
  return { problems: dedupe(problems) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}|${p.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const TYPE_WORDS: Record<string, { fa: string; en: string }> = {
  string: { fa: "متن (رشته)", en: "a string" },
  array: { fa: "فهرست (آرایه)", en: "an array" },
  object: { fa: "شیء ({ ... })", en: "an object" },
  number: { fa: "عدد", en: "a number" },
  boolean: { fa: "بله/خیر", en: "a boolean" },
};

const KIND_FA: Record<string, string> = {
  encoded: "کدگذاری‌شده",
  procedural: "رویه‌ای",
  ambiguous: "مبهم",
};

/** The value at a JSON pointer inside `data` (ajv's instancePath), or undefined. */
function at(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function schemaProblem(e: ErrorObject, data: unknown, file: string): Problem {
  const path = e.instancePath || "/";
  const entryPath = /^\/clauses\/\d+/.exec(e.instancePath)?.[0];
  const clauseText = entryPath === undefined ? undefined : at(data, `${entryPath}/clause`);
  const clause = typeof clauseText === "string" && clauseText.trim() !== "" ? clauseText : undefined;
  const message = schemaMessage(e, data);
  const where =
    clause === undefined ? { fa: "", en: "" } : { fa: ` (بند «${clause}»)`, en: ` (clause «${clause}»)` };
  return {
    code: "schema",
    file,
    path,
    ...(clause === undefined ? {} : { clause }),
    message: { fa: `${message.fa}${where.fa}`, en: `${message.en}${where.en}` },
  };
}

function schemaMessage(e: ErrorObject, data: unknown): { fa: string; en: string } {
  const params = e.params as Record<string, unknown>;
  const field = e.instancePath.split("/").at(-1) ?? "";
  switch (e.keyword) {
    case "required": {
      const name = String(params.missingProperty);
      const kind = at(data, `${e.instancePath}/kind`);
      const why = requiredWhy(name, typeof kind === "string" ? kind : undefined);
      return {
        fa: `فیلد لازم «${name}» نیامده است${why.fa}`,
        en: `the required field «${name}» is missing${why.en}`,
      };
    }
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      return {
        fa: `فیلد «${name}» شناخته نیست (نادرست نوشته شده است؟)`,
        en: `unknown field «${name}» (misspelt?)`,
      };
    }
    case "false schema": {
      const parent = e.instancePath.slice(0, e.instancePath.lastIndexOf("/"));
      const kind = String(at(data, `${parent}/kind`));
      return {
        fa: `بند ${KIND_FA[kind] ?? kind} فیلد «${field}» نمی‌گیرد`,
        en: `a clause of kind «${kind}» takes no «${field}»`,
      };
    }
    case "type": {
      const words = TYPE_WORDS[String(params.type)] ?? { fa: String(params.type), en: String(params.type) };
      return { fa: `باید ${words.fa} باشد`, en: `must be ${words.en}` };
    }
    case "minLength":
      return { fa: "نباید خالی باشد", en: "must not be empty" };
    case "minItems":
      return {
        fa: `دست‌کم ${toPersianDigits(String(params.limit))} عضو لازم است`,
        en: `must have at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`,
      };
    case "uniqueItems":
      return {
        fa: `عضو تکراری دارد (عضوهای ${toPersianDigits(String(params.j))} و ${toPersianDigits(String(params.i))})`,
        en: `has duplicate items (items ${String(params.j)} and ${String(params.i)})`,
      };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ");
      return { fa: `باید یکی از ${allowed} باشد`, en: `must be one of ${allowed}` };
    }
    case "pattern":
      return field === "clause"
        ? {
            fa: "یک بند است: نباید خالی باشد و نباید ؛ یا [ ] داشته باشد (هر بند یک مدخل جدا)",
            en: "is one clause: it must not be blank nor contain ؛ or [ ] (one entry per clause)",
          }
        : { fa: "نباید خالی باشد", en: "must not be blank" };
    default:
      return { fa: `با طرح‌واره نمی‌خواند: ${e.message ?? e.keyword}`, en: e.message ?? e.keyword };
  }
}

function requiredWhy(name: string, kind: string | undefined): { fa: string; en: string } {
  if (name === "encodedBy" && kind === "encoded")
    return {
      fa: "؛ بند کدگذاری‌شده باید بگوید چه چیزی آن را اجرا می‌کند",
      en: "; an encoded clause must name what enforces it",
    };
  if (name === "reason" && kind === "procedural")
    return { fa: "؛ بند رویه‌ای باید دلیلش را بگوید", en: "; a procedural clause must say why" };
  if (name === "reading" && kind === "ambiguous")
    return {
      fa: "؛ بند مبهم باید خوانش برگزیده را بگوید",
      en: "; an ambiguous clause must give the reading chosen",
    };
  return { fa: "", en: "" };
}

// ---- agreement with the rules --------------------------------------------------------------------

const fa = (s: string) => toPersianDigits(s);

/** Several clauses cited in one bracket are separated by ؛ (the compiler joins a rule's with "؛ "). */
const CLAUSE_SEPARATOR = /[؛;]/;
const PART_SEPARATOR = /[،,]/;

/** A citation as the parts it is compared by: «ماده ۳، بند ۲» → ["ماده3", "بند2"]. */
export function citationParts(text: string): string[] {
  return nameKey(text)
    .split(PART_SEPARATOR)
    .map((part) => part.replace(/[\s\u200c]+/g, ""))
    .filter((part) => part !== "");
}

/** Whether `entry` (an index clause) covers `cited`: equal parts, or the first parts of it. */
export function covers(entry: readonly string[], cited: readonly string[]): boolean {
  return entry.length > 0 && entry.length <= cited.length && entry.every((part, i) => part === cited[i]);
}

/** A rule title or encodedBy name as compared: nameKey with whitespace runs as one space. */
function titleKey(text: string): string {
  return nameKey(text).replace(/\s+/g, " ").trim();
}

function appliesTo(entry: ClauseEntry, version: string): boolean {
  return entry.versions === undefined || entry.versions.includes(version);
}

/** Checks about the index alone: versions it names, clauses listed twice. */
export function verifyIndex(index: ClauseIndex, versions: readonly FundVersion[], file: string): Problem[] {
  const problems: Problem[] = [];
  const known = new Set(versions.map((v) => v.version));
  index.clauses.forEach((entry, i) => {
    entry.versions?.forEach((v, j) => {
      if (known.has(v) || versions.length === 0) return;
      problems.push({
        code: "unknown-version",
        file,
        path: `/clauses/${i}/versions/${j}`,
        clause: entry.clause,
        version: v,
        message: {
          fa: `بند «${entry.clause}» نسخه‌ی «${fa(v)}» را نام برده که در versions.json نیست (نسخه‌ها: ${fa([...known].join("، "))})`,
          en: `clause «${entry.clause}» names version «${v}», which versions.json does not have (versions: ${[...known].join(", ")})`,
        },
      });
    });
  });
  // Listed twice for one version: which entry is the truth for that version?
  const firstFor = new Map<string, number>();
  index.clauses.forEach((entry, i) => {
    const key = citationParts(entry.clause).join("،");
    const applies =
      versions.length === 0 ? ["*"] : versions.map((v) => v.version).filter((v) => appliesTo(entry, v));
    for (const v of applies) {
      const earlier = firstFor.get(`${key}@${v}`);
      if (earlier === undefined) {
        firstFor.set(`${key}@${v}`, i);
        continue;
      }
      problems.push({
        code: "duplicate-clause",
        file,
        path: `/clauses/${i}`,
        clause: entry.clause,
        ...(v === "*" ? {} : { version: v }),
        message: {
          fa: `بند «${entry.clause}» دو بار آمده است (مدخل‌های ${fa(String(earlier))} و ${fa(String(i))})${v === "*" ? "" : ` برای نسخه‌ی «${fa(v)}»`}؛ اگر هر نسخه آن را جور دیگری اجرا می‌کند، versions را بنویسید`,
          en: `clause «${entry.clause}» is listed twice (entries ${earlier} and ${i})${v === "*" ? "" : ` for version «${v}»`}; if the versions encode it differently, give each entry its versions`,
        },
      });
      break;
    }
  });
  return problems;
}

interface VersionFacts {
  names: Map<string, string>;
  titles: Map<string, string>;
  citations: Citation[];
}

/**
 * What a version declares and cites. Names are the checker's symbols (inputs, parameters, tables,
 * computed values, and names a rule sets with تعیین), keyed as the checker keys them.
 */
function factsOf(file: RulesetFile, analysis: Analysis): VersionFacts {
  const names = new Map<string, string>();
  for (const [key, symbol] of analysis.symbols) names.set(key, symbol.name);
  const titles = new Map<string, string>();
  for (const rule of file.rules) if (rule.title) titles.set(titleKey(rule.title.value), rule.title.value);
  const citations: Citation[] = [];
  const add = (c: Citation | undefined) => {
    if (c) citations.push(c);
  };
  for (const rule of file.rules) rule.citations.forEach(add);
  for (const p of file.parameters) add(p.citation);
  for (const v of file.values) add(v.citation);
  for (const t of file.tables) {
    add(t.citation);
    for (const row of t.rows) add(row.citation);
  }
  citations.sort(
    (a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn,
  );
  return { names, titles, citations };
}

/** Every version against the index: what each declares and cites, read once. */
export function verifyVersions(
  index: ClauseIndex,
  versions: readonly FundVersion[],
  indexFile: string,
): Problem[] {
  const problems: Problem[] = [];
  const read: { version: FundVersion; facts: VersionFacts }[] = [];
  for (const version of versions) {
    const r = readVersion(version);
    problems.push(...r.problems);
    if (r.facts) read.push({ version, facts: r.facts });
  }
  problems.push(...verifyNames(index, read, indexFile));
  for (const { version, facts } of read) problems.push(...verifyCitations(index, version, facts));
  return problems;
}

/** One version against the index (what verifyVersions does for each; kept for callers of one version). */
export function verifyVersion(index: ClauseIndex, version: FundVersion, indexFile: string): Problem[] {
  return verifyVersions(index, [version], indexFile);
}

function readVersion(version: FundVersion): { facts?: VersionFacts; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(version.path, "utf8");
  } catch (e) {
    return {
      problems: [
        {
          code: "versions",
          file: version.display,
          version: version.version,
          message: { fa: `خواندن ممکن نشد: ${messageOf(e)}`, en: `cannot be read: ${messageOf(e)}` },
        },
      ],
    };
  }
  const parsed = parse(text);
  const checked = check(parsed.file, parsed.diagnostics);
  const facts = factsOf(parsed.file, checked.analysis);
  // A version that does not check may be read only in part: say so, at its first error, and still
  // verify what could be read.
  const errors = [...parsed.diagnostics, ...checked.diagnostics]
    .filter((d) => d.severity === "error")
    .sort((a, b) => a.range.startLine - b.range.startLine || a.range.startColumn - b.range.startColumn);
  const first = errors[0];
  if (first === undefined) return { facts, problems: [] };
  const v = version.version;
  const n = errors.length;
  return {
    facts,
    problems: [
      {
        code: "ruleset-errors",
        file: version.display,
        line: first.range.startLine,
        column: first.range.startColumn,
        version: v,
        message: {
          fa: `نسخه‌ی «${fa(v)}» ${fa(String(n))} خطا دارد (نخستین: ${first.code} ${first.message.fa})؛ نام‌ها و استنادهایش شاید کامل خوانده نشده باشند (zavabet check)`,
          en: `version «${v}» has ${n} error${n === 1 ? "" : "s"} (first: ${first.code} ${first.message.en}); its names and citations may be read incompletely (zavabet check)`,
        },
      },
    ],
  };
}

/** One problem per `encodedBy` name that some version the entry applies to lacks, naming those versions. */
function verifyNames(
  index: ClauseIndex,
  read: readonly { version: FundVersion; facts: VersionFacts }[],
  indexFile: string,
): Problem[] {
  const problems: Problem[] = [];
  index.clauses.forEach((entry, i) => {
    entry.encodedBy?.forEach((name, j) => {
      const lacking = read.filter(
        ({ version, facts }) =>
          appliesTo(entry, version.version) &&
          !facts.names.has(nameKey(name.trim())) &&
          !facts.titles.has(titleKey(name)),
      );
      const [firstLacking] = lacking;
      if (firstLacking === undefined) return;
      const { facts } = firstLacking;
      const near = closestNames(name, [...facts.names.values(), ...facts.titles.values()], 3);
      const hint =
        near.length === 0
          ? { fa: "", en: "" }
          : { fa: `؛ شاید: ${near.join("، ")}`, en: `; did you mean: ${near.join(", ")}` };
      const versions = lacking.map((r) => r.version.version);
      const where =
        lacking.length === 1
          ? {
              fa: `نسخه‌ی «${fa(firstLacking.version.version)}» (${firstLacking.version.display})`,
              en: `version «${firstLacking.version.version}» (${firstLacking.version.display})`,
            }
          : {
              fa: `نسخه‌های ${versions.map((v) => `«${fa(v)}»`).join("، ")}`,
              en: `versions ${versions.map((v) => `«${v}»`).join(", ")}`,
            };
      problems.push({
        code: "unknown-name",
        file: indexFile,
        path: `/clauses/${i}/encodedBy/${j}`,
        clause: entry.clause,
        version: firstLacking.version.version,
        versions,
        name,
        message: {
          fa: `«${name}» (برای بند «${entry.clause}») در ${where.fa} نه نامی تعریف‌شده است و نه عنوان قاعده‌ای${hint.fa}`,
          en: `«${name}» (for clause «${entry.clause}») is neither a declared name nor a rule title in ${where.en}${hint.en}`,
        },
      });
    });
  });
  return problems;
}

/** Every citation of one version covered by an entry applying to it. */
function verifyCitations(index: ClauseIndex, version: FundVersion, facts: VersionFacts): Problem[] {
  const v = version.version;
  const problems: Problem[] = [];
  const applying = index.clauses.filter((e) => appliesTo(e, v)).map((e) => citationParts(e.clause));
  const others = index.clauses.filter((e) => !appliesTo(e, v));
  // One problem per uncovered citation and version, at its first use, with every line it is used on.
  const uncovered = new Map<string, { shown: string; parts: string[]; first: Citation; lines: number[] }>();
  for (const citation of facts.citations) {
    for (const one of citation.text.split(CLAUSE_SEPARATOR)) {
      const parts = citationParts(one);
      if (parts.length === 0 || applying.some((entry) => covers(entry, parts))) continue;
      const key = parts.join("،");
      const seen = uncovered.get(key);
      if (seen === undefined) uncovered.set(key, { shown: one.trim(), parts, first: citation, lines: [] });
      const lines = (seen ?? uncovered.get(key)!).lines;
      if (!lines.includes(citation.range.startLine)) lines.push(citation.range.startLine);
    }
  }
  for (const { shown, parts, first, lines } of uncovered.values()) {
    const elsewhere = others.find((e) => covers(citationParts(e.clause), parts));
    const hint =
      elsewhere === undefined
        ? { fa: "", en: "" }
        : {
            fa: `؛ بند «${elsewhere.clause}» در نمایه تنها برای نسخه‌های ${fa((elsewhere.versions ?? []).join("، "))} است`,
            en: `; the index has «${elsewhere.clause}» for versions ${(elsewhere.versions ?? []).join(", ")} only`,
          };
    const linesFa = `${lines.length === 1 ? "سطر" : "سطرهای"} ${fa(lines.join("، "))}`;
    const linesEn = `${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`;
    problems.push({
      code: "uncovered-citation",
      file: version.display,
      line: first.range.startLine,
      column: first.range.startColumn,
      lines,
      version: v,
      citation: shown,
      message: {
        fa: `استناد «${shown}» (نسخه‌ی «${fa(v)}»، ${linesFa}) در نمایه‌ی بندها نیست${hint.fa}`,
        en: `the citation «${shown}» (version «${v}», ${linesEn}) is not covered by the clause index${hint.en}`,
      },
    });
  }
  return problems;
}
