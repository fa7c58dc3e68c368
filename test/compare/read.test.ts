/**
 * compare/read: the corpus readers. CSV rows must come out as the engine would read the same case
 * from JSON: names or aliases in the header, Persian digits, yes/no words, a list as a JSON cell.
 */
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type ParsedLine, parseRawCase } from "../../compare/json-line";
import {
  type CaseLine,
  CsvHeaderError,
  formatOf,
  MAX_LINE_BYTES,
  readCsv,
  readJsonLines,
} from "../../compare/read";
import { artefactOf, engineOf, exampleCase, SI1, SI2, streamOf } from "./helpers";

/** The lines as they are evaluated: a case's bytes parsed where a worker would parse them. */
async function all(lines: AsyncIterable<CaseLine>): Promise<ParsedLine[]> {
  const out: ParsedLine[] = [];
  for await (const l of lines) out.push("bytes" in l ? parseRawCase(l) : l);
  return out;
}

const artefacts = [artefactOf(SI1), artefactOf(SI2)];
const csv = (text: string) => all(readCsv(streamOf(text), artefacts));

describe("CSV cases", () => {
  const example = exampleCase("rulesets/small-industries/examples/credit-accepted.json");

  it("a row with aliases, Persian names, Persian digits, yes/no words and JSON list cells reads as the JSON case does", async () => {
    const header =
      "guaranteeKind,مبلغ_ضمانت‌نامه,termMonths,applicantType,staffCount,licenceAuthority,creditRating,loanPrincipal,loanProfit,feeDiscount,approvedType1Share,chequeCount,chequesTotal,endorsedNotesTotal,type1Collaterals,guarantors,requiredGuarantors,shareholders,financialStatementYears,renewal";
    const row = [
      "اعتباری",
      "۲۰٬۰۰۰٬۰۰۰٬۰۰۰",
      "۲۴",
      "حقوقی",
      "35",
      "وزارت_صمت",
      "C",
      "24000000000",
      "6000000000",
      "۲۰",
      "40",
      "3",
      `"30,000,000,000"`,
      "21500000000",
      `"${JSON.stringify(example.type1Collaterals).replace(/"/g, '""')}"`,
      `"${JSON.stringify(example.guarantors).replace(/"/g, '""')}"`,
      "1",
      `"${JSON.stringify(example.shareholders).replace(/"/g, '""')}"`,
      "3",
      "خیر",
    ].join(",");
    const lines = await csv(`\uFEFF${header}\r\n${row}\r\n`);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    if (!line || !("case" in line)) throw new Error("expected a case");
    expect(line.line).toBe(2);
    expect(line.case.renewal).toBe(false);
    expect(line.case.type1Collaterals).toEqual(example.type1Collaterals);
    for (const engine of [engineOf(SI1), engineOf(SI2)]) {
      const fromCsv = engine.evaluateSync(line.case);
      expect(fromCsv).toEqual(engine.evaluateSync({ ...example, renewal: false }));
      expect(fromCsv.decision).toBe("accept");
    }
  });

  it("an empty cell is an input not sent; a quoted cell keeps its commas, quotes and line breaks", async () => {
    const lines = await csv(
      'creditRating,guaranteeKind,termMonths\nA,"اعتباری",\n"B, ""x""\nو y",اعتباری,12\n',
    );
    expect(lines).toEqual([
      { line: 2, case: { creditRating: "A", guaranteeKind: "اعتباری" } },
      { line: 3, case: { creditRating: 'B, "x"\nو y', guaranteeKind: "اعتباری", termMonths: "12" } },
    ]);
  });

  it("a row with the wrong number of cells, or a list cell that is not JSON, is malformed at its line", async () => {
    const lines = await csv("creditRating,type1Collaterals\nA\n\nB,[{\nC,[]\n");
    expect(lines.map((l) => ("malformed" in l ? `✗${l.line}` : `✓${l.line}`))).toEqual(["✗2", "✗4", "✓5"]);
    const [first, second] = lines;
    expect(first && "malformed" in first && first.malformed.en).toBe(
      "line 2 has 1 cells, but the header has 2 columns",
    );
    expect(second && "malformed" in second && second.malformed.en).toMatch(
      /^line 4: the cell «type1Collaterals» must be a list as JSON/,
    );
  });

  it("a quote never closed is malformed at the line it opened, not the rest of the file swallowed silently", async () => {
    const lines = await csv('creditRating\nA\n"B\nC\n');
    expect(lines[0]).toEqual({ line: 2, case: { creditRating: "A" } });
    expect(lines[1]).toMatchObject({
      line: 3,
      malformed: { en: 'line 3 opens a quote (") that is never closed' },
    });
  });

  it("a header column that is no input of either version fails the whole file", async () => {
    await expect(csv("creditRating,rating2\nA,B\n")).rejects.toThrow(CsvHeaderError);
    await expect(csv("creditRating,rating2\nA,B\n")).rejects.toThrow(/«rating2»/);
  });
});

describe("JSON Lines cases", () => {
  it("numbers lines from 1, skips blank lines, reads CRLF and a BOM", async () => {
    const lines = await all(readJsonLines(streamOf('\uFEFF{"a":1}\r\n\r\n  \n{"b":2}\n{"c"')));
    expect(lines).toEqual([
      { line: 1, case: { a: 1 } },
      { line: 4, case: { b: 2 } },
      expect.objectContaining({
        line: 5,
        malformed: expect.objectContaining({ fa: "سطر 5 JSON درستی نیست" }),
      }),
    ]);
  });

  it("reads a line whose bytes (a Persian letter's two among them) arrive split over many chunks", async () => {
    const text = '{"نام":"علی","شهر":"تهران"}\r\n\n{"سن":"۳۰"}';
    const bytes = Buffer.from(text, "utf8");
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 3) chunks.push(bytes.subarray(i, i + 3));
    const lines = await all(readJsonLines(Readable.from(chunks)));
    expect(lines).toEqual([
      { line: 1, case: { نام: "علی", شهر: "تهران" } },
      { line: 3, case: { سن: "۳۰" } },
    ]);
  });

  it("a line longer than the limit is malformed at its number, and the lines after it are read", async () => {
    const long = `{"a":"${"x".repeat(MAX_LINE_BYTES)}"}`;
    const chunks = [
      Buffer.from('{"a":1}\n'),
      ...Array.from({ length: 9 }, () => Buffer.from(long.slice(0, 2 ** 20))),
    ];
    chunks.push(Buffer.from('"}\n{"b":2}\n'));
    const lines = await all(readJsonLines(Readable.from(chunks)));
    expect(lines).toEqual([
      { line: 1, case: { a: 1 } },
      {
        line: 2,
        malformed: {
          fa: `سطر 2 بلندتر از ${MAX_LINE_BYTES} بایت است`,
          en: `line 2 is longer than ${MAX_LINE_BYTES} bytes`,
        },
      },
      { line: 3, case: { b: 2 } },
    ]);
  });

  it("the format follows the file name", () => {
    expect(formatOf("cases.CSV")).toBe("csv");
    expect(formatOf("cases.jsonl")).toBe("jsonl");
    expect(formatOf("cases.ndjson")).toBe("jsonl");
  });
});
