/**
 * Source text → AST and syntax diagnostics. The lexer and parser read normalised text (dsl/text);
 * positions are mapped back so diagnostics point at what the person wrote.
 */
import { EOF, type IRecognitionException, type IToken, type TokenType } from "chevrotain";
import type { SourceRange } from "../../artefact/types";
import { type Diagnostic, diagnostic } from "../diagnostics";
import { createLocator, normalize } from "../text";
import type { RulesetFile } from "./ast";
import { AstBuilder } from "./build-ast";
import { parser } from "./parser";
import * as T from "./tokens";
import { allTokens, englishLabel, lexer } from "./tokens";

export interface ParseResult {
  file: RulesetFile;
  diagnostics: Diagnostic[];
}

export function parse(src: string): ParseResult {
  const { text, offsets } = normalize(src);
  const builder = new AstBuilder({ original: src, offsets, locate: createLocator(src) });
  const diagnostics: Diagnostic[] = [];

  const lexed = lexer.tokenize(text);
  for (const e of lexed.errors) {
    const range = builder.rangeOfOffsets(e.offset, e.offset + e.length - 1);
    diagnostics.push(diagnostic("ZB1001", range, src.slice(offsets[e.offset], offsets[e.offset + e.length])));
  }

  parser.input = lexed.tokens;
  const cst = parser.file();
  diagnostics.push(...syntaxErrors(parser.errors, builder, lexed.tokens));
  const file = builder.file(cst);
  diagnostics.push(...builder.diagnostics);
  return { file, diagnostics: firstPerLine(diagnostics) };
}

function label(t: TokenType, lang: "fa" | "en"): string {
  if (lang === "en") return englishLabel(t);
  return t.LABEL ?? t.name;
}

function expectedList(types: TokenType[]): { fa: string; en: string } {
  const unique = [...new Set(types)].slice(0, 6);
  return {
    fa: unique.map((t) => label(t, "fa")).join(" یا "),
    en: unique.map((t) => label(t, "en")).join(" or "),
  };
}

/** The token types a recognition error says could have come next. */
function expectedTypes(e: IRecognitionException): TokenType[] {
  const parsed = JSON.parse(e.message) as { expected: string[] };
  // A stray token after a complete declaration is reported as "expected end of file": what could
  // really come there is the start of another declaration.
  const names = parsed.expected.flatMap((name) => (name === EOF.name ? DECLARATION_STARTS : [name]));
  return names.map((name) => tokenByName.get(name)).filter((t): t is TokenType => t !== undefined);
}

const DECLARATION_STARTS = [T.Input, T.Param, T.Value, T.Table, T.RuleKw, T.Test].map((t) => t.name);

const tokenByName = new Map<string, TokenType>(allTokens.map((t) => [t.name, t]));

function syntaxErrors(errors: IRecognitionException[], builder: AstBuilder, tokens: IToken[]): Diagnostic[] {
  return errors.map((e) => {
    const atEnd = e.token.tokenType === EOF || Number.isNaN(e.token.startOffset);
    const anchor = atEnd ? (tokens[tokens.length - 1] ?? e.token) : e.token;
    const range: SourceRange = Number.isNaN(anchor.startOffset)
      ? builder.rangeOfOffsets(0, 0)
      : builder.rangeOfOffsets(anchor.startOffset, anchor.endOffset ?? anchor.startOffset);
    const found = atEnd ? { fa: "پایان پرونده", en: "end of file" } : builder.originalImage(e.token);
    return diagnostic("ZB1002", range, expectedList(expectedTypes(e)), found);
  });
}

/** Recovery can report a cascade from one typo; a person needs the first error of each line. */
function firstPerLine(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  return diagnostics.filter((d) => {
    if (d.severity !== "error") return true;
    if (seen.has(d.range.startLine)) return false;
    seen.add(d.range.startLine);
    return true;
  });
}
