/**
 * AST → source text: the canonical layout the editor's "format document" writes.
 *
 * The contract is that printing loses nothing the AST holds: for any tree the parser produced,
 * `parse(print(file)).file` is the same tree apart from `range`, and printing is idempotent.
 * Hence a few rules that look like choices but are not:
 * - numbers are written with Persian digits, «٬» between thousands and «٫» as the decimal point;
 *   a unit is written back as the author wrote it (`unitText`: ریال or تومان, ٪ % or درصد, ماه...),
 *   since the AST keeps that word for display. Money is written in its currency with the largest of
 *   میلیارد / میلیون that divides the amount evenly (۵۰ میلیارد ریال, ۷٬۵۰۰ میلیون ریال, ۱۲۰٬۰۰۰ ریال);
 *   other numbers are written in full, never with a scale word.
 * - parentheses: `paren` nodes are kept as written, and parentheses are added only where the
 *   grammar would otherwise read the text differently (a tree built by code, not by the parser).
 * - comparisons use the words (بیشتر از, کمتر یا مساوی...), which read the same in an RTL line,
 *   and `=` / `≠`; `بین a و b`; `×` and `÷`.
 *
 * What the AST does not hold cannot be printed: comments, the order of declarations (they come out
 * grouped: inputs, parameters, values, tables, rules, tests), and how test inputs were grouped on
 * «با» lines (one input per line). A partial tree from a broken file prints without throwing, but
 * the missing parts are simply absent from the text.
 */
import { formatDecimalFa, toPersianDigits, UNIT_WORDS } from "../text";
import { exactTimes } from "../text/exact";
import type * as A from "./ast";

export function print(file: A.RulesetFile): string {
  const sections: string[] = [];
  if (file.header) sections.push(printHeader(file.header));
  if (file.inputs.length > 0) sections.push(file.inputs.map(printInput).join("\n"));
  if (file.parameters.length > 0) sections.push(file.parameters.map(printParameter).join("\n"));
  if (file.values.length > 0) sections.push(file.values.map(printValue).join("\n"));
  for (const table of file.tables) sections.push(printTable(table));
  for (const rule of file.rules) sections.push(printRule(rule));
  for (const test of file.tests) sections.push(printTest(test));
  const text = sections.filter((s) => s !== "").join("\n\n");
  return text === "" ? "" : `${text}\n`;
}

// ---- small pieces ---------------------------------------------------------------------------

const INDENT = "  ";

/** Words joined by single spaces, skipping the parts a partial tree lacks. */
function words(...parts: (string | undefined)[]): string {
  return parts.filter((p): p is string => p !== undefined && p !== "").join(" ");
}

function str(s: A.StringLit | undefined): string | undefined {
  if (!s) return undefined;
  // «» cannot hold a », and "" cannot hold a ": pick the quotes the text allows.
  return s.value.includes("»") && !s.value.includes('"') ? `"${s.value}"` : `«${s.value}»`;
}

function cite(c: A.Citation | undefined): string | undefined {
  return c ? `[${c.text}]` : undefined;
}

function name(n: A.Name | undefined): string | undefined {
  return n ? nameText(n.text) : undefined;
}

/**
 * A name as stored (normalised: ASCII digits) written back with Persian digits when it is a Persian
 * name («ماده3» → «ماده۳»); an ASCII name such as an alias (`loan2`) keeps its digits.
 */
function nameText(text: string): string {
  return /[\u0080-\uffff]/.test(text) ? toPersianDigits(text) : text;
}

// ---- header and declarations ----------------------------------------------------------------

function printHeader(h: A.Header): string {
  const lines = [words("قواعد", name(h.id), str(h.fund))];
  if (h.version || h.effective) {
    lines.push(words("نسخه", str(h.version), h.effective ? `از ${printDate(h.effective)}` : undefined));
  }
  if (h.source || h.sourceNumber || h.sourceVersion) {
    lines.push(
      words(
        "مرجع",
        str(h.source),
        h.sourceNumber ? `شماره ${str(h.sourceNumber)}` : undefined,
        h.sourceVersion ? `نسخه ${str(h.sourceVersion)}` : undefined,
      ),
    );
  }
  return lines.join("\n");
}

const SIMPLE_TYPES = {
  number: "عدد",
  money: "ریال",
  percent: "درصد",
  bool: "بله/خیر",
  text: "متن",
  date: "تاریخ",
} as const;

function printType(t: A.TypeExpr | undefined): string | undefined {
  if (!t) return undefined;
  switch (t.kind) {
    case "enum":
      return `یکی از (${t.members.map((m) => nameText(m.text)).join("، ")})`;
    case "list":
      return `فهرست از (${t.fields.map(printField).join("، ")})`;
    default:
      return SIMPLE_TYPES[t.kind];
  }
}

/** `name (alias): type`, the shape of an input and of a list's field. */
function declared(n: A.Name | undefined, alias: A.Name | undefined, type: A.TypeExpr | undefined): string {
  const head = words(name(n), alias ? `(${nameText(alias.text)})` : undefined);
  return `${head}: ${printType(type) ?? ""}`.trimEnd();
}

function printField(f: A.FieldDecl): string {
  return declared(f.name, f.alias, f.type);
}

function printInput(i: A.InputDecl): string {
  return words("ورودی", declared(i.name, i.alias, i.type), i.optional ? "اختیاری" : undefined);
}

function printParameter(p: A.ParameterDecl): string {
  return words("پارامتر", name(p.name), "=", expr(p.value), cite(p.citation));
}

function printValue(v: A.ValueDecl): string {
  return words("مقدار", name(v.name), "=", expr(v.expr), cite(v.citation));
}

// ---- tables ---------------------------------------------------------------------------------

const HIT_POLICIES = { first: "اولین", unique: "یکتا", collect: "همه" } as const;

/**
 * How wide a text looks in a monospaced editor: code points, less the ones that take no room
 * (ZWNJ and other joiners and direction marks, combining marks such as short vowels).
 */
function displayWidth(s: string): number {
  return Array.from(s.replace(/[\u200b-\u200f\u061c\u0640\ufeff\p{M}]/gu, "")).length;
}

function pad(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

function printTable(t: A.TableDecl): string {
  const policy = t.hitPolicy ? `(${HIT_POLICIES[t.hitPolicy]})` : undefined;
  const head = words("جدول", name(t.name), cite(t.citation), policy);
  const grid: { cells: string[]; output: string; citation?: string }[] = [
    { cells: t.columns.map((c) => nameText(c.text)), output: name(t.outputColumn) ?? "" },
    ...t.rows.map((r) => ({
      cells: r.cells.map(printCell),
      output: additive(r.output),
      citation: cite(r.citation),
    })),
  ];
  const columns = Math.max(0, ...grid.map((r) => r.cells.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.max(...grid.map((r) => displayWidth(r.cells[i] ?? ""))),
  );
  const outputWidth = Math.max(...grid.map((r) => displayWidth(r.output)));
  const lines = grid.map((r) => {
    const cells = r.cells.map((c, i) => `| ${pad(c, widths[i] ?? 0)} `).join("");
    const row = `${cells}|| ${pad(r.output, outputWidth)} |`;
    return INDENT + words(row, r.citation);
  });
  return [head, ...lines].join("\n");
}

function printCell(c: A.Cell): string {
  switch (c.kind) {
    case "any":
      return "هر";
    case "values":
      return c.values.map((v) => additive(v)).join("، ");
    case "range": {
      if (c.low === undefined) return words(c.highInclusive ? "کمتر یا مساوی" : "کمتر از", additive(c.high));
      const [low, high] = boundsText(c.low, c.high, true);
      if (c.high === undefined) return words(c.lowInclusive ? "بیشتر یا مساوی" : "بیشتر از", low);
      // `بیشتر یا مساوی a تا b` reads the same as `a تا b`; the grammar has no `بیشتر از a تا کمتر از b`,
      // so that tree (never the parser's) is written in the one form that says it.
      return words(
        c.lowInclusive ? undefined : "بیشتر از",
        low,
        "تا",
        c.highInclusive ? undefined : "کمتر از",
        high,
      );
    }
  }
}

/**
 * The two ends of a range (a cell's `a تا b`, `x بین a و b`). The parser lends the upper bound's
 * unit to a bare lower bound («۷/۵ تا ۱۰ میلیارد ریال»), so a lower bound that really has no unit
 * next to one that has is written in parentheses to keep it unitless. `beforeTo`: the lower bound is
 * followed by «تا», which no expression continues with (unlike «و»).
 */
function boundsText(
  low: A.Expr | undefined,
  high: A.Expr | undefined,
  beforeTo: boolean,
  last = true,
): [string, string] {
  if (!low) return ["", additive(high, last)];
  const lends = low.kind === "number" && low.unit === undefined && high?.kind === "number" && high.unit;
  return [lends ? `(${expr(low)})` : additive(low, beforeTo), additive(high, last)];
}

// ---- rules ----------------------------------------------------------------------------------

/** A condition longer than this is broken before each top-level «و» / «یا». */
const CONDITION_WIDTH = 90;

function printRule(r: A.RuleDecl): string {
  const lines = [words("قاعده", str(r.title), ...r.citations.map(cite))];
  if (r.condition) lines.push(INDENT + printCondition(r.condition));
  const then = `${INDENT}آنگاه `;
  const outcomes = r.outcomes.map(printOutcome);
  if (outcomes.length === 0) lines.push(then.trimEnd());
  outcomes.forEach((o, i) => {
    lines.push((i === 0 ? then : " ".repeat(then.length)) + o);
  });
  return lines.join("\n");
}

function printCondition(cond: A.Expr): string {
  const line = `اگر ${expr(cond)}`;
  if (displayWidth(line) <= CONDITION_WIDTH || (cond.kind !== "and" && cond.kind !== "or")) return line;
  const joiner = cond.kind === "and" ? "و" : "یا";
  const level = cond.kind === "and" ? LEVEL.not : LEVEL.and;
  const items = cond.items.map((item, i) => sub(item, level, i === cond.items.length - 1));
  return [
    `اگر ${items[0] ?? ""}`,
    ...items.slice(1).map((item) => `${INDENT}${INDENT}${joiner} ${item}`),
  ].join("\n");
}

function printOutcome(o: A.Outcome): string {
  switch (o.kind) {
    case "reject":
      return words("رد", str(o.message));
    case "warn":
      return words("هشدار", str(o.message));
    case "refer":
      return words("ارجاع به", str(o.authority), str(o.message));
    case "require":
      return words(
        "الزام",
        str(o.what),
        o.amount ? `به مبلغ ${additive(o.amount)}` : undefined,
        str(o.message),
      );
    case "set":
      return words("تعیین", name(o.target), "=", expr(o.value));
  }
}

// ---- tests ----------------------------------------------------------------------------------

function printTest(t: A.TestDecl): string {
  const lines = [words("آزمون", str(t.title))];
  for (const g of t.givens) lines.push(`${INDENT}${words("با", name(g.name), "=", testValue(g.value))}`);
  for (const e of t.expectations) lines.push(`${INDENT}${printExpectation(e)}`);
  return lines.join("\n");
}

function testValue(v: A.TestValue | undefined): string | undefined {
  if (v?.kind !== "list") return additive(v);
  const records = v.items.map(
    (r) => `{${r.fields.map((f) => words(name(f.name), "=", additive(f.value))).join("، ")}}`,
  );
  return `فهرست(${records.join("، ")})`;
}

const DECISIONS = { accept: "پذیرش", reject: "رد", refer: "ارجاع" } as const;

function printExpectation(e: A.Expectation): string {
  switch (e.kind) {
    case "decision":
      return words("انتظار", DECISIONS[e.decision], e.because ? `به‌دلیل ${str(e.because)}` : undefined);
    case "notFired":
      return words("انتظار بدون", str(e.rule));
    case "value":
      return words("انتظار", name(e.name), "=", additive(e.value));
  }
}

// ---- expressions ----------------------------------------------------------------------------

/** How tightly each construct binds, loosest first; the grammar's levels. */
const LEVEL = {
  any: 0,
  or: 1,
  and: 2,
  not: 3,
  comparison: 4,
  additive: 5,
  multiplicative: 6,
  unary: 7,
  primary: 8,
} as const;

function levelOf(e: A.Expr): number {
  switch (e.kind) {
    case "or":
      // A chain of one item is printed as that item.
      return e.items.length === 1 && e.items[0] ? levelOf(e.items[0]) : LEVEL.or;
    case "and":
      return e.items.length === 1 && e.items[0] ? levelOf(e.items[0]) : LEVEL.and;
    case "not":
      return LEVEL.not;
    case "cmp":
    case "between":
    case "in":
    case "missing":
      return LEVEL.comparison;
    case "arith":
      return e.op === "+" || e.op === "-" ? LEVEL.additive : LEVEL.multiplicative;
    case "neg":
      return LEVEL.unary;
    case "number":
      return e.value.startsWith("-") ? LEVEL.unary : LEVEL.primary;
    default:
      return LEVEL.primary;
  }
}

/** A whole expression, where the grammar allows any (a value, a condition, an argument). */
function expr(e: A.Expr | undefined): string | undefined {
  return e ? sub(e, LEVEL.any, true) : undefined;
}

/** Where the grammar allows only `+ - × ÷` and tighter (table cells, test values, amounts). */
function additive(e: A.Expr | undefined, last = true): string {
  return e ? sub(e, LEVEL.additive, last) : "";
}

/**
 * `e` where the grammar expects at least `min`. `last` says nothing of its own level follows it:
 * an if-expression's «وگرنه» branch takes everything after it, so `(اگر ... وگرنه b) + ۱` needs its
 * parentheses while `۱ + اگر ... وگرنه b` does not.
 */
function sub(e: A.Expr, min: number, last: boolean): string {
  const bare = e.kind === "if" && !last;
  return levelOf(e) < min || bare ? `(${printExpr(e, true)})` : printExpr(e, last);
}

function opt(e: A.Expr | undefined, min: number, last: boolean): string {
  return e ? sub(e, min, last) : "";
}

const CMP_WORDS: Record<A.CmpOp, string> = {
  eq: "=",
  ne: "≠",
  gt: "بیشتر از",
  gte: "بیشتر یا مساوی",
  lt: "کمتر از",
  lte: "کمتر یا مساوی",
};

const ARITH_SIGNS: Record<A.ArithOp, string> = { "+": "+", "-": "-", "*": "×", "/": "÷" };

function printExpr(e: A.Expr, last: boolean): string {
  switch (e.kind) {
    case "string":
      return str(e) ?? "";
    case "date":
      return printDate(e);
    case "number":
      return printNumber(e);
    case "bool":
      return e.value ? "بله" : "خیر";
    case "name":
      return nameText(e.name);
    case "paren":
      return `(${expr(e.inner) ?? ""})`;
    case "neg":
      return `-${opt(e.operand, LEVEL.unary, last)}`;
    case "arith": {
      const level = levelOf(e);
      // Left-associative: the left operand may be of the same level, the right one must bind tighter.
      return words(opt(e.left, level, false), ARITH_SIGNS[e.op], opt(e.right, level + 1, last));
    }
    case "and":
    case "or": {
      const joiner = e.kind === "and" ? " و " : " یا ";
      const itemLevel = e.kind === "and" ? LEVEL.not : LEVEL.and;
      return e.items.map((item, i) => sub(item, itemLevel, last && i === e.items.length - 1)).join(joiner);
    }
    case "not":
      return words("نه", opt(e.operand, LEVEL.not, last));
    case "cmp":
      return words(opt(e.left, LEVEL.additive, false), CMP_WORDS[e.op], opt(e.right, LEVEL.additive, last));
    case "between": {
      const subject = opt(e.subject, LEVEL.additive, false);
      // `بین a و b` is the spec's form, but after a bare if-expression «و» would join its «وگرنه»
      // branch, so that one is written `بین a تا b`; «تا» ends an expression.
      const joiner = e.negated || e.low?.kind !== "if" ? "و" : "تا";
      const [low, high] = boundsText(e.low, e.high, e.negated || joiner === "تا", last);
      return e.negated
        ? words(subject, "خارج از", low, "تا", high)
        : words(subject, "بین", low, joiner, high);
    }
    case "in":
      return words(
        opt(e.subject, LEVEL.additive, false),
        e.negated ? "نه در" : "در",
        `(${e.set.map((m) => additive(m)).join("، ")})`,
      );
    case "missing":
      return words(opt(e.subject, LEVEL.additive, false), e.negated ? "موجود" : "ناموجود");
    case "if":
      return words("اگر", expr(e.cond), "آنگاه", expr(e.then), "وگرنه", e.else ? sub(e.else, 0, last) : "");
    case "call":
      return `${nameText(e.callee.text)}(${e.args.map((a) => expr(a) ?? "").join("، ")})`;
  }
}

// ---- literals -------------------------------------------------------------------------------

function printDate(d: A.DateLit): string {
  return toPersianDigits(d.text);
}

/** The scale words a money amount may be written with, largest first. */
const MONEY_SCALES: [zeros: number, word: string][] = [
  [9, "میلیارد"],
  [6, "میلیون"],
];

function printNumber(n: A.NumberLit): string {
  if (n.unit === undefined) return formatDecimalFa(n.value);
  const unitWord = n.unitText ?? UNIT_WORDS[n.unit];
  if (n.unit === "percent") {
    const digits = formatDecimalFa(n.value);
    return unitWord === "درصد" ? `${digits} درصد` : `${digits}${unitWord}`;
  }
  if (n.unit !== "rial") return `${formatDecimalFa(n.value)} ${unitWord}`;
  // Money: `value` is in rials; written back in the currency the author used.
  const amount = unitWord === "تومان" ? exactTimes(n.value, "0.1") : n.value;
  return `${scaled(amount)} ${unitWord}`;
}

function scaled(amount: string): string {
  const match = /^(-?)([0-9]+)$/.exec(amount);
  if (match) {
    const sign = match[1] ?? "";
    const digits = match[2] ?? "";
    for (const [zeros, word] of MONEY_SCALES) {
      const tail = "0".repeat(zeros);
      if (digits.length > zeros && digits.endsWith(tail)) {
        return `${formatDecimalFa(sign + digits.slice(0, -zeros))} ${word}`;
      }
    }
  }
  return formatDecimalFa(amount);
}
