/**
 * Every token of the language, once. The order of `allTokens` is the lexer's priority: Chevrotain
 * takes the first pattern that matches, not the longest, so multi-word keywords come before their
 * first word and every keyword refuses to match the start of a longer name (the lookahead below). A
 * name is tried before the keywords but steps aside wherever one matches (nameUnlessKeyword).
 * The lexer runs on normalised text (dsl/text): ASCII digits, Persian ی ک, no tatweel.
 * Letter classes are explicit ranges (no `u` flag, no \p{…}) so Chevrotain keeps its optimisations.
 */
import { createToken, Lexer, type TokenType } from "chevrotain";

const LETTER =
  "A-Za-z_\\u0621-\\u063A\\u0641-\\u064A\\u066E\\u066F\\u0671-\\u06D3\\u06D5\\u06EE\\u06EF\\u06FA-\\u06FC\\u06FF";
const NAME_CONTINUE = `${LETTER}0-9\\u064B-\\u065F\\u0670\\u06D6-\\u06ED`;
/** Between the words of a keyword: a space, a ZWNJ (نیم‌فاصله) or nothing. */
const GAP = "[ \\u200C]*";
const NOT_NAME_AFTER = `(?![${NAME_CONTINUE}]|\\u200C[${NAME_CONTINUE}])`;

/** Each keyword's first word and its whole pattern (anchored where it is tried), by first letter. */
const keywordsByFirstLetter = new Map<string, { first: string; pattern: RegExp }[]>();

const NAME = new RegExp(`[${LETTER}](?:[${NAME_CONTINUE}]|\\u200C(?=[${NAME_CONTINUE}]))*`, "y");

/**
 * A name — unless a keyword matches here, which then wins, as it always did (keywords refuse to match
 * the start of a longer name). Chevrotain groups every Persian letter under one first-character
 * bucket, so when the name came after the keywords every word of a file was tried against each
 * keyword's pattern in turn, most of the lexer's time; first in line, a word that is a name is one
 * match and a look-up of its first letter.
 */
function nameUnlessKeyword(text: string, offset: number): RegExpExecArray | null {
  for (const k of keywordsByFirstLetter.get(text[offset] ?? "") ?? []) {
    if (!text.startsWith(k.first, offset)) continue;
    k.pattern.lastIndex = offset;
    if (k.pattern.test(text)) return null;
  }
  NAME.lastIndex = offset;
  return NAME.exec(text);
}

/** Every character a name may start with, for the lexer's first-character table. */
function letters(): string[] {
  const out: string[] = [];
  for (const [, from, to] of LETTER.matchAll(/(\\u[0-9A-F]{4}|[^-\\])(?:-(\\u[0-9A-F]{4}|[^-\\]))?/g)) {
    const code = (c: string) => (c.startsWith("\\u") ? Number.parseInt(c.slice(2), 16) : c.charCodeAt(0));
    for (let c = code(from ?? ""); c <= code(to ?? from ?? ""); c++) out.push(String.fromCharCode(c));
  }
  return out;
}

export const Identifier = createToken({
  name: "Identifier",
  pattern: { exec: nameUnlessKeyword },
  start_chars_hint: letters(),
  line_breaks: false,
  label: "یک نام",
});

const englishLabels = new Map<TokenType, string>();

/** A keyword of one or more words; `words` joined by GAP. */
function keyword(name: string, words: string[], english: string, extraLookahead = ""): TokenType {
  const first = words[0] ?? "";
  const pattern = new RegExp(words.join(GAP) + extraLookahead + NOT_NAME_AFTER, "y");
  const token = createToken({
    name,
    // The pattern runs only where the first word is: a word that is a keyword is tried against every
    // keyword before it in the list (one bucket for all Persian letters), mostly a startsWith each.
    pattern: {
      exec: (text: string, offset: number) => {
        if (!text.startsWith(first, offset)) return null;
        pattern.lastIndex = offset;
        return pattern.exec(text);
      },
    },
    start_chars_hint: [first[0] ?? ""],
    line_breaks: false,
    label: `«${words.join(" ")}»`,
    longer_alt: Identifier,
  });
  englishLabels.set(token, `«${words.join(" ")}» (${english})`);
  const list = keywordsByFirstLetter.get(first[0] ?? "") ?? [];
  list.push({ first, pattern });
  keywordsByFirstLetter.set(first[0] ?? "", list);
  return token;
}

function punct(name: string, pattern: RegExp, label: string): TokenType {
  const token = createToken({ name, pattern, label: `«${label}»` });
  englishLabels.set(token, `"${label}"`);
  return token;
}

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u00A0\u2009\u202F\u200C]+/,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: "Comment", pattern: /#[^\n]*/, group: "comments" });

/**
 * A text or citation: an opening mark, then its closing mark later on the same line. Matched by hand
 * rather than by /«[^»\n]*»/ because a line of unclosed marks would make that regex scan the rest of
 * the line once per mark (quadratic; 100,000 «s took 37 s). The search for the next closing mark is
 * remembered: every opening mark before it, on the same line, closes there.
 */
function enclosed(pairs: Record<string, string>): {
  exec(text: string, offset: number): RegExpExecArray | null;
} {
  let text = "";
  let open = "";
  let from = -1;
  /** Where the search from `from` stopped: the closing mark, or (when `closed` is false) the line end. */
  let stop = -1;
  let closed = false;
  return {
    exec(t, offset) {
      const o = t[offset] ?? "";
      const close = pairs[o];
      if (close === undefined) return null;
      if (t !== text || o !== open || offset < from || offset >= stop) {
        text = t;
        open = o;
        from = offset;
        let i = offset + 1;
        while (i < t.length && t[i] !== close && t[i] !== "\n") i++;
        stop = i;
        closed = i < t.length && t[i] === close;
      }
      if (!closed) return null;
      const match = [t.slice(offset, stop + 1)] as unknown as RegExpExecArray;
      return match;
    },
  };
}

export const StringLit = createToken({
  name: "StringLit",
  pattern: enclosed({ "«": "»", '"': '"' }),
  start_chars_hint: ["«", '"'],
  line_breaks: false,
  label: "یک متن در «»",
});
export const Citation = createToken({
  name: "Citation",
  pattern: enclosed({ "[": "]" }),
  start_chars_hint: ["["],
  line_breaks: false,
  label: "یک استناد در [ ]",
});
export const DateLit = createToken({
  name: "DateLit",
  pattern: /[0-9]{4}[/-][0-9]{1,2}[/-][0-9]{1,2}(?![0-9])/,
  label: "یک تاریخ",
});
export const NumberLit = createToken({
  name: "NumberLit",
  pattern: /[0-9]+(?:[,\u066C][0-9]{3}(?![0-9]))*(?:[./\u066B][0-9]+)?/,
  label: "یک عدد",
});

// Multi-word keywords first: each would otherwise lose to its first word.
export const BoolType = keyword("BoolType", ["بله", "/", "خیر"], "yes/no");
export const OneOf = keyword("OneOf", ["یکی", "از"], "one of");
export const ListOf = keyword("ListOf", ["فهرست", "از"], "list of");
export const GreaterOrEqualWord = keyword("GreaterOrEqualWord", ["بیشتر", "یا", "مساوی"], ">=");
export const LessOrEqualWord = keyword("LessOrEqualWord", ["کمتر", "یا", "مساوی"], "<=");
export const GreaterThanWord = keyword("GreaterThanWord", ["بیشتر", "از"], ">");
export const LessThanWord = keyword("LessThanWord", ["کمتر", "از"], "<");
export const OutsideOf = keyword("OutsideOf", ["خارج", "از"], "outside");
export const Because = keyword("Because", ["به", "دلیل"], "because of");
export const AtAmount = keyword("AtAmount", ["به", "مبلغ"], "for the amount");
// «ارجاع به‌دلیل» in a test is the decision «ارجاع» followed by «به‌دلیل», not «ارجاع به».
export const ReferTo = keyword("ReferTo", ["ارجاع", "به"], "refer to", `(?!${GAP}دلیل)`);
export const NotIn = keyword("NotIn", ["نه", "در"], "not in");

export const Rules = keyword("Rules", ["قواعد"], "ruleset");
export const Version = keyword("Version", ["نسخه"], "version");
export const From = keyword("From", ["از"], "from");
export const Reference = keyword("Reference", ["مرجع"], "source");
export const NumberWord = keyword("NumberWord", ["شماره"], "number");
export const Input = keyword("Input", ["ورودی"], "input");
export const Optional = keyword("Optional", ["اختیاری"], "optional");
export const Param = keyword("Param", ["پارامتر"], "parameter");
export const Value = keyword("Value", ["مقدار"], "value");
export const Table = keyword("Table", ["جدول"], "table");
export const RuleKw = keyword("RuleKw", ["قاعده"], "rule");
export const Test = keyword("Test", ["آزمون"], "test");
export const If = keyword("If", ["اگر"], "if");
export const Then = keyword("Then", ["آنگاه"], "then");
export const Else = keyword("Else", ["وگرنه"], "else");
export const And = keyword("And", ["و"], "and");
export const Or = keyword("Or", ["یا"], "or");
export const Not = keyword("Not", ["نه"], "not");
export const Between = keyword("Between", ["بین"], "between");
export const To = keyword("To", ["تا"], "to");
export const In = keyword("In", ["در"], "in");
export const EqualWord = keyword("EqualWord", ["برابر"], "=");
export const NotEqualWord = keyword("NotEqualWord", ["نابرابر"], "!=");
export const Missing = keyword("Missing", ["ناموجود"], "missing");
export const Present = keyword("Present", ["موجود"], "present");
export const Reject = keyword("Reject", ["رد"], "reject");
export const Refer = keyword("Refer", ["ارجاع"], "refer");
export const Require = keyword("Require", ["الزام"], "require");
export const Warn = keyword("Warn", ["هشدار"], "warn");
export const SetKw = keyword("SetKw", ["تعیین"], "set");
export const With = keyword("With", ["با"], "with");
export const Expect = keyword("Expect", ["انتظار"], "expect");
export const Accept = keyword("Accept", ["پذیرش"], "accept");
export const Without = keyword("Without", ["بدون"], "without");
export const AnyCell = keyword("AnyCell", ["هر"], "any");
export const First = keyword("First", ["اولین"], "first");
export const Unique = keyword("Unique", ["یکتا"], "unique");
export const All = keyword("All", ["همه"], "all");
export const NumberType = keyword("NumberType", ["عدد"], "number");
export const Rial = keyword("Rial", ["ریال"], "rial");
export const Toman = keyword("Toman", ["تومان"], "toman");
export const PercentWord = keyword("PercentWord", ["درصد"], "percent");
export const TextType = keyword("TextType", ["متن"], "text");
export const DateType = keyword("DateType", ["تاریخ"], "date");
export const Yes = keyword("Yes", ["بله"], "yes");
export const No = keyword("No", ["خیر"], "no");
export const Thousand = keyword("Thousand", ["هزار"], "thousand");
export const Million = keyword("Million", ["میلیون"], "million");
export const Billion = keyword("Billion", ["میلیارد"], "billion");
export const Month = keyword("Month", ["ماه"], "month");
export const Year = keyword("Year", ["سال"], "year");
export const Day = keyword("Day", ["روز"], "day");
export const Person = keyword("Person", ["نفر"], "person");
export const ListKw = keyword("ListKw", ["فهرست"], "list");

export const DoublePipe = punct("DoublePipe", /\|\|/, "||");
export const Pipe = punct("Pipe", /\|/, "|");
export const LParen = punct("LParen", /\(/, "(");
export const RParen = punct("RParen", /\)/, ")");
export const LBrace = punct("LBrace", /\{/, "{");
export const RBrace = punct("RBrace", /\}/, "}");
export const Comma = punct("Comma", /[\u060C,]/, "،");
export const Colon = punct("Colon", /:/, ":");
export const NotEquals = punct("NotEquals", /\u2260|!=|<>/, "≠");
export const GreaterEq = punct("GreaterEq", />=|\u2265/, ">=");
export const LessEq = punct("LessEq", /<=|\u2264/, "<=");
export const Greater = punct("Greater", />/, ">");
export const Less = punct("Less", /</, "<");
export const Equals = punct("Equals", /=/, "=");
export const Plus = punct("Plus", /\+/, "+");
export const Minus = punct("Minus", /-/, "-");
export const Times = punct("Times", /[\u00D7*]/, "×");
export const Divide = punct("Divide", /\u00F7/, "÷");
export const PercentSign = punct("PercentSign", /[\u066A%]/, "٪");

export const allTokens: TokenType[] = [
  WhiteSpace,
  Comment,
  StringLit,
  Citation,
  DateLit,
  NumberLit,
  Identifier,
  BoolType,
  OneOf,
  ListOf,
  GreaterOrEqualWord,
  LessOrEqualWord,
  GreaterThanWord,
  LessThanWord,
  OutsideOf,
  Because,
  AtAmount,
  ReferTo,
  NotIn,
  Rules,
  Version,
  From,
  Reference,
  NumberWord,
  Input,
  Optional,
  Param,
  Value,
  Table,
  RuleKw,
  Test,
  If,
  Then,
  Else,
  And,
  Or,
  Not,
  Between,
  To,
  In,
  EqualWord,
  NotEqualWord,
  Missing,
  Present,
  Reject,
  Refer,
  Require,
  Warn,
  SetKw,
  With,
  Expect,
  Accept,
  Without,
  AnyCell,
  First,
  Unique,
  All,
  NumberType,
  Rial,
  Toman,
  PercentWord,
  TextType,
  DateType,
  Yes,
  No,
  Thousand,
  Million,
  Billion,
  Month,
  Year,
  Day,
  Person,
  ListKw,
  DoublePipe,
  Pipe,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Colon,
  NotEquals,
  GreaterEq,
  LessEq,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
  Times,
  Divide,
  PercentSign,
];

const literalLabels: Record<string, string> = {
  Identifier: "a name",
  StringLit: "a text in «»",
  Citation: "a citation in [ ]",
  DateLit: "a date",
  NumberLit: "a number",
};

/** The English name of a token for a diagnostic's English twin (its `label` is the Persian one). */
export function englishLabel(token: TokenType): string {
  return englishLabels.get(token) ?? literalLabels[token.name] ?? token.name;
}

/** Every keyword's written form, for completion and highlighting in the editor. */
export const keywordTokens: TokenType[] = allTokens.filter(
  (t) => englishLabels.has(t) && t.LONGER_ALT !== undefined,
);

export const lexer = new Lexer(allTokens, { positionTracking: "full", ensureOptimizations: false });
