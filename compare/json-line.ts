/**
 * One line of a corpus → a case or why it is malformed. Apart from compare/read.ts (which needs
 * node:fs) because it runs wherever a case is evaluated: this thread, a worker, the editor.
 */
import type { Message } from "./types";

/**
 * A case as the reader found it: its line number and its JSON text as UTF-8 bytes, in an ArrayBuffer
 * that holds nothing else (but the line's CR or BOM the view leaves out). Bytes, not a string, so that the thread reading the corpus holds no text of its own
 * for the cases it has sent (they live outside the JavaScript heap and are copied to a worker as
 * they are); the worker decodes and parses them.
 */
export interface RawCase {
  line: number;
  bytes: Uint8Array;
}

export type ParsedLine =
  | { line: number; case: Record<string, unknown> }
  | { line: number; malformed: Message };

const utf8 = new TextDecoder();

/** A line's text from its bytes (an invalid UTF-8 sequence reads as U+FFFD, as a text reader shows it). */
export const caseText = (raw: RawCase): string => utf8.decode(raw.bytes);

/** The text of a JSON.parse error without the engine's position wording changing across versions. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** One JSON Lines line → a case or why it is malformed. */
export function parseJsonLine(text: string, line: number): ParsedLine {
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

/** A raw case → the case, or why its line is malformed. */
export const parseRawCase = (raw: RawCase): ParsedLine => parseJsonLine(caseText(raw), raw.line);
