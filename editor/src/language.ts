/**
 * The rule language for Monaco: a Monarch tokenizer that follows dsl/syntax/tokens.ts (keywords, of
 * one or more words joined by a space or ZWNJ; names, which keep their ZWNJ and so stay one token;
 * numbers with their units; «…» strings; [...] citations; # comments), a theme that colours them,
 * and the brackets and comment marker of the language.
 */
import { languages } from "monaco-editor/editor";

export const LANGUAGE_ID = "zavabet";

// The lexer's letter classes (dsl/syntax/tokens.ts), plus Persian and Arabic-Indic digits, which the
// lexer sees as ASCII after normalisation (dsl/text) but the editor shows as typed.
const LETTER =
  "A-Za-z_\\u0621-\\u063A\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF";
const DIGIT = "0-9\\u06F0-\\u06F9\\u0660-\\u0669";
const NAME_CONTINUE = `${LETTER}${DIGIT}\\u064B-\\u065F\\u0670\\u06D6-\\u06ED`;
const GAP = "[ \\u200C]*";
const NOT_NAME_AFTER = `(?![${NAME_CONTINUE}]|\\u200C[${NAME_CONTINUE}])`;
/** A name: letters, digits and ZWNJ between letters — one token, never split at the ZWNJ. */
const NAME = new RegExp(`[${LETTER}](?:[${NAME_CONTINUE}]|\\u200C(?=[${NAME_CONTINUE}]))*`);

/** Keywords of more than one word; each must be tried before the name rule would take its first word. */
const PHRASES: string[][] = [
  ["بله", "/", "خیر"],
  ["یکی", "از"],
  ["فهرست", "از"],
  ["بیشتر", "یا", "مساوی"],
  ["کمتر", "یا", "مساوی"],
  ["بیشتر", "از"],
  ["کمتر", "از"],
  ["خارج", "از"],
  ["به", "دلیل"],
  ["به", "مبلغ"],
  ["نه", "در"],
];

export const KEYWORDS = [
  "قواعد",
  "نسخه",
  "از",
  "مرجع",
  "شماره",
  "ورودی",
  "اختیاری",
  "پارامتر",
  "مقدار",
  "جدول",
  "قاعده",
  "آزمون",
  "اگر",
  "آنگاه",
  "وگرنه",
  "و",
  "یا",
  "نه",
  "بین",
  "تا",
  "در",
  "برابر",
  "نابرابر",
  "ناموجود",
  "موجود",
  "رد",
  "ارجاع",
  "الزام",
  "هشدار",
  "تعیین",
  "با",
  "انتظار",
  "پذیرش",
  "بدون",
  "هر",
  "اولین",
  "یکتا",
  "همه",
  "عدد",
  "متن",
  "تاریخ",
  "بله",
  "خیر",
  "فهرست",
];

/** Words that follow a number: its unit or scale (also the money and percent types). */
export const UNITS = ["ریال", "تومان", "درصد", "هزار", "میلیون", "میلیارد", "ماه", "سال", "روز", "نفر"];

const phrase = (words: string[]) =>
  new RegExp(words.map((w) => w.replace(/[/]/g, "\\/")).join(GAP) + NOT_NAME_AFTER);

const monarch: languages.IMonarchLanguage = {
  defaultToken: "",
  keywords: KEYWORDS,
  units: UNITS,
  tokenizer: {
    root: [
      [/#.*$/, "comment"],
      [/«[^»]*»/, "string"],
      [/"[^"]*"/, "string"],
      [/\[[^\]]*\]/, "citation"],
      [new RegExp(`[${DIGIT}]{4}[/-][${DIGIT}]{1,2}[/-][${DIGIT}]{1,2}(?![${DIGIT}])`), "number.date"],
      [
        new RegExp(`[${DIGIT}]+(?:[,\\u066C][${DIGIT}]{3}(?![${DIGIT}]))*(?:[./\\u066B][${DIGIT}]+)?`),
        "number",
      ],
      // «ارجاع به» (refer to) but not «ارجاع به‌دلیل», as in the lexer.
      [new RegExp(`ارجاع${GAP}به(?!${GAP}دلیل)${NOT_NAME_AFTER}`), "keyword"],
      ...PHRASES.map((words): languages.IMonarchLanguageRule => [phrase(words), "keyword"]),
      [NAME, { cases: { "@keywords": "keyword", "@units": "number.unit", "@default": "identifier" } }],
      [/[٪%]/, "number.unit"],
      [/[×*÷+\-=<>≠≥≤|:(){}،,]/, "operator"],
    ],
  },
};

export const THEME = "zavabet";

export const THEME_DATA = {
  base: "vs" as const,
  inherit: true,
  rules: [
    { token: "keyword", foreground: "0000c0", fontStyle: "bold" },
    { token: "identifier", foreground: "1f1f1f" },
    { token: "number", foreground: "098658" },
    { token: "number.unit", foreground: "098658", fontStyle: "italic" },
    { token: "number.date", foreground: "098658" },
    { token: "string", foreground: "a31515" },
    { token: "citation", foreground: "7a3e9d" },
    { token: "comment", foreground: "6a737d" },
    { token: "operator", foreground: "795e26" },
  ],
  colors: {},
};

export function registerLanguage(): void {
  languages.register({ id: LANGUAGE_ID, extensions: [".zb"], aliases: ["zavabet", "ضوابط"] });
  languages.setMonarchTokensProvider(LANGUAGE_ID, monarch);
  languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: "#" },
    brackets: [
      ["(", ")"],
      ["{", "}"],
      ["[", "]"],
    ],
    autoClosingPairs: [
      { open: "«", close: "»" },
      { open: "[", close: "]" },
      { open: "(", close: ")" },
      { open: "{", close: "}" },
    ],
    // A name is one word for double-click and word navigation, ZWNJ included.
    wordPattern: NAME,
  });
}
