/**
 * Reading a corpus of cases a line at a time, never the whole file: JSON Lines (one JSON object a
 * line) or CSV (RFC 4180: a header row of input names or ASCII aliases, "quoted" cells with "" for a
 * quote and line breaks inside quotes; a list input as a JSON array in its cell). What comes out is a
 * case in the caller's form, for the engine to read, or the reason a line is malformed. A malformed
 * line is never a case: the caller decides whether to skip it or stop.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Artefact, ValueType } from "../artefact/types";
import { asciiDigits, normalizeText } from "../engine/normalize";
import type { Message } from "./types";

export type CaseFormat = "jsonl" | "csv";

export type CaseLine = { line: number; case: Record<string, unknown> } | { line: number; malformed: Message };

/** The format a file name implies: .csv is CSV, anything else JSON Lines. */
export function formatOf(path: string): CaseFormat {
  return /\.csv$/i.test(path) ? "csv" : "jsonl";
}

export function openCases(path: string): Readable {
  return path === "-" ? process.stdin : createReadStream(path);
}

/** The text of a JSON.parse error without the engine's position wording changing across versions. */
function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One JSON Lines line → a case or why it is malformed. */
export function parseJsonLine(text: string, line: number): CaseLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return {
      line,
      malformed: { fa: `سطر ${line} JSON درستی نیست`, en: `line ${line} is not valid JSON: ${errorText(e)}` },
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      line,
      malformed: {
        fa: `سطر ${line} یک شیء JSON (یک مورد) نیست`,
        en: `line ${line} is not a JSON object (a case)`,
      },
    };
  }
  return { line, case: value as Record<string, unknown> };
}

/** Non-empty lines of a stream with their numbers (from 1); a BOM at the start is dropped. */
async function* numberedLines(input: Readable): AsyncGenerator<{ text: string; line: number }> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
    yield { text, line };
  }
}

/** The cases of a JSON Lines stream. Blank lines are neither cases nor malformed. */
export async function* readJsonLines(input: Readable): AsyncGenerator<CaseLine> {
  for await (const { text, line } of numberedLines(input)) {
    if (text.trim() === "") continue;
    yield parseJsonLine(text, line);
  }
}

/** Thrown for a CSV header that cannot be read: no line is a case then. */
export class CsvHeaderError extends Error {
  readonly fa: string;
  readonly en: string;
  constructor(fa: string, en: string) {
    super(en);
    this.name = "CsvHeaderError";
    this.fa = fa;
    this.en = en;
  }
}

/**
 * Split CSV records; a record may run over several lines inside quotes. Returns the cells, or
 * `undefined` while a quote is still open.
 */
function splitCsv(text: string): string[] | undefined {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  if (quoted) return undefined;
  cells.push(cell);
  return cells;
}

interface Column {
  key: string;
  type: ValueType | undefined;
}

/** Types of inputs by every name a header may use: Persian name and alias, normalised. */
function inputTypes(artefacts: readonly Artefact[]): Map<string, ValueType> {
  const types = new Map<string, ValueType>();
  for (const artefact of artefacts) {
    for (const input of artefact.inputs) {
      for (const key of [input.name, input.alias]) {
        if (key !== undefined && !types.has(normalizeText(key))) types.set(normalizeText(key), input.type);
      }
    }
  }
  return types;
}

/** The longest CSV record (quoted line breaks included) read before it is called malformed. */
const MAX_RECORD = 1_000_000;

const YES = new Set(["true", "yes", "1", "بله", "آری", "درست"]);
const NO = new Set(["false", "no", "0", "خیر", "نه", "نادرست"]);

/** A cell → the value to send, `undefined` when empty (not sent), or why it cannot be read. */
function cellValue(cell: string, column: Column): { value: unknown } | { error: Message } | undefined {
  const text = cell.trim();
  if (text === "") return undefined;
  const kind = column.type?.kind;
  if (kind === "list") {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return {
        error: {
          fa: `خانه‌ی «${column.key}» باید فهرستی به صورت JSON باشد`,
          en: `the cell «${column.key}» must be a list as JSON: ${errorText(e)}`,
        },
      };
    }
  }
  if (kind === "bool") {
    const word = normalizeText(asciiDigits(text)).toLowerCase();
    if (YES.has(word)) return { value: true };
    if (NO.has(word)) return { value: false };
  }
  // Everything else goes as text: the engine reads Persian digits, «٫», grouping and dates itself,
  // and reports a value its input cannot hold as it would for any case.
  return { value: text };
}

/**
 * The cases of a CSV stream. `artefacts` give each column's type (a yes/no column reads
 * بله/خیر/true/false/1/0; a list column is JSON); a header naming no input of any of them is an
 * error of the whole file (CsvHeaderError), since no line could be read right.
 */
export async function* readCsv(input: Readable, artefacts: readonly Artefact[]): AsyncGenerator<CaseLine> {
  const types = inputTypes(artefacts);
  let columns: Column[] | undefined;
  let pending = "";
  let start = 0;
  for await (const { text, line } of numberedLines(input)) {
    if (pending === "") start = line;
    const record = pending === "" ? text : `${pending}\n${text}`;
    const cells = splitCsv(record);
    if (cells === undefined) {
      if (record.length <= MAX_RECORD) {
        pending = record;
        continue;
      }
      // An unclosed quote must not pull the rest of the file into memory.
      pending = "";
      yield {
        line: start,
        malformed: {
          fa: `سطر ${start} نقل‌قولی (") دارد که تا ${MAX_RECORD} نویسه بسته نشده است`,
          en: `line ${start} opens a quote (") not closed within ${MAX_RECORD} characters`,
        },
      };
      continue;
    }
    pending = "";
    if (record.trim() === "") continue;
    if (columns === undefined) {
      columns = cells.map((c) => ({ key: c.trim(), type: types.get(normalizeText(c.trim())) }));
      const unknown = columns.filter((c) => c.type === undefined).map((c) => c.key);
      if (unknown.length > 0) {
        throw new CsvHeaderError(
          `ستون‌های ${unknown.map((k) => `«${k}»`).join("، ")} در سطر سرستون ${start} ورودی هیچ‌یک از دو نسخه نیستند`,
          `the header (line ${start}) names columns that are no input of either version: ${unknown.map((k) => `«${k}»`).join(", ")}`,
        );
      }
      continue;
    }
    if (cells.length !== columns.length) {
      yield {
        line: start,
        malformed: {
          fa: `سطر ${start} ${cells.length} خانه دارد، اما سرستون ${columns.length} ستون`,
          en: `line ${start} has ${cells.length} cells, but the header has ${columns.length} columns`,
        },
      };
      continue;
    }
    const out: Record<string, unknown> = {};
    let bad: Message | undefined;
    for (let i = 0; i < cells.length && !bad; i++) {
      const column = columns[i] as Column;
      const v = cellValue(cells[i] as string, column);
      if (v === undefined) continue;
      if ("error" in v) bad = { fa: `سطر ${start}: ${v.error.fa}`, en: `line ${start}: ${v.error.en}` };
      else out[column.key] = v.value;
    }
    yield bad ? { line: start, malformed: bad } : { line: start, case: out };
  }
  if (pending !== "") {
    yield {
      line: start,
      malformed: {
        fa: `سطر ${start} نقل‌قولی (") دارد که بسته نشده است`,
        en: `line ${start} opens a quote (") that is never closed`,
      },
    };
  }
}

/** The cases of a stream in the given format. */
export function readCases(input: Readable, format: CaseFormat, artefacts: readonly Artefact[]) {
  return format === "csv" ? readCsv(input, artefacts) : readJsonLines(input);
}
