/**
 * Reading a corpus of cases a line at a time, never the whole file: JSON Lines (one JSON object a
 * line) or CSV (RFC 4180: a header row of input names or ASCII aliases, "quoted" cells with "" for a
 * quote and line breaks inside quotes; a list input as a JSON array in its cell). What comes out is a
 * case in the caller's form, for the engine to read, or the reason a line is malformed. A malformed
 * line is never a case: the caller decides whether to skip it or stop.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { Artefact, ValueType } from "../artefact/types";
import { asciiDigits, normalizeText } from "../engine/normalize";
import { caseText, errorText, type RawCase } from "./json-line";
import type { Message } from "./types";

export type CaseFormat = "jsonl" | "csv";

/**
 * A line of a corpus: a case (RawCase: its JSON text as bytes, parsed where it is evaluated), or a
 * line the reader could already tell is malformed (too long, or a CSV record that cannot be read).
 */
export type CaseLine = RawCase | { line: number; malformed: Message };

/** The format a file name implies: .csv is CSV, anything else JSON Lines. */
export function formatOf(path: string): CaseFormat {
  return /\.csv$/i.test(path) ? "csv" : "jsonl";
}

export function openCases(path: string): Readable {
  return path === "-" ? process.stdin : createReadStream(path);
}

/**
 * The longest line read, in bytes (a case is a few kilobytes): a longer one is malformed, and what
 * follows it is read on, so that a file with no line breaks never comes into memory whole.
 */
export const MAX_LINE_BYTES = 8 * 2 ** 20;

type NumberedLine = { line: number; bytes: Uint8Array } | { line: number; tooLong: true };

/** `length` bytes in an ArrayBuffer of their own, from `parts` (views into the stream's chunks). */
function joined(parts: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const CR = 0x0d;
const LF = 0x0a;
const BOM = [0xef, 0xbb, 0xbf];

/** A line's bytes without the CR of a CRLF, and without a BOM on the first line. */
function trimmed(bytes: Uint8Array, line: number): Uint8Array {
  let start = 0;
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === CR) end--;
  if (line === 1 && end >= 3 && BOM.every((b, i) => bytes[i] === b)) start = 3;
  // A view, not a copy: `bytes` is already this line's own buffer, and the view keeps it alone.
  return start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end);
}

/**
 * The lines of a stream with their numbers (from 1), LF or CRLF, as bytes: split without decoding,
 * since a JSON Lines case is decoded by the thread that evaluates it.
 */
async function* numberedLines(input: Readable): AsyncGenerator<NumberedLine> {
  let line = 0;
  let parts: Uint8Array[] = [];
  let length = 0;
  let tooLong = false;
  const end = (last: Uint8Array): NumberedLine => {
    line++;
    const result: NumberedLine = tooLong
      ? { line, tooLong: true }
      : { line, bytes: trimmed(joined([...parts, last], length + last.length), line) };
    parts = [];
    length = 0;
    tooLong = false;
    return result;
  };
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    const buffer = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    let start = 0;
    for (let lf = buffer.indexOf(LF, start); lf !== -1; lf = buffer.indexOf(LF, start)) {
      yield end(tooLong ? buffer.subarray(0, 0) : buffer.subarray(start, lf));
      start = lf + 1;
    }
    if (start < buffer.length && !tooLong) {
      if (length + buffer.length - start > MAX_LINE_BYTES) {
        tooLong = true;
        parts = [];
        length = 0;
      } else {
        // A copy, so that a line carried over does not keep the whole chunk alive.
        parts.push(buffer.slice(start));
        length += buffer.length - start;
      }
    }
  }
  if (length > 0 || tooLong) yield end(new Uint8Array(0));
}

/** Spaces, tabs and CRs only: a blank line, neither a case nor malformed. */
const blank = (bytes: Uint8Array) => bytes.every((b) => b === 0x20 || b === 0x09 || b === CR);

function tooLongLine(line: number): CaseLine {
  return {
    line,
    malformed: {
      fa: `سطر ${line} بلندتر از ${MAX_LINE_BYTES} بایت است`,
      en: `line ${line} is longer than ${MAX_LINE_BYTES} bytes`,
    },
  };
}

/**
 * The cases of a JSON Lines stream, as their bytes: whether a line is a JSON object is found where it
 * is parsed (compare/json-line.ts).
 */
export async function* readJsonLines(input: Readable): AsyncGenerator<CaseLine> {
  for await (const l of numberedLines(input)) {
    if ("tooLong" in l) yield tooLongLine(l.line);
    else if (!blank(l.bytes)) yield l;
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
  const encoder = new TextEncoder();
  for await (const l of numberedLines(input)) {
    const line = l.line;
    if (pending === "") start = line;
    if ("tooLong" in l) {
      pending = "";
      yield tooLongLine(line);
      continue;
    }
    const text = caseText(l);
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
    // As JSON text, like a JSON Lines case: one form of case crosses to where it is evaluated.
    yield bad ? { line: start, malformed: bad } : { line: start, bytes: encoder.encode(JSON.stringify(out)) };
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
