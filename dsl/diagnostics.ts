/**
 * The one way the rule language reports a problem: lexer, parser, checker, CLI, HTTP API and editor
 * all speak `Diagnostic`. Every code lives in CATALOGUE with its Persian and English text; a message
 * template's {0}, {1}, ... are filled from `args`.
 */
import type { SourceRange } from "../artefact/types";

export type Severity = "error" | "warning";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: { fa: string; en: string };
  range: SourceRange;
}

interface Entry {
  severity: Severity;
  fa: string;
  en: string;
}

export const CATALOGUE = {
  // 1xxx: reading the text
  ZB1001: {
    severity: "error",
    fa: "نویسه‌ی «{0}» در این زبان معنایی ندارد",
    en: "Unexpected character «{0}»",
  },
  ZB1002: {
    severity: "error",
    fa: "اینجا {0} انتظار می‌رفت، اما «{1}» آمده است",
    en: "Expected {0} but found «{1}»",
  },
  ZB1003: {
    severity: "error",
    fa: "تاریخ «{0}» تاریخ شمسی درستی نیست",
    en: "«{0}» is not a valid Jalali date",
  },
  ZB1004: { severity: "error", fa: "عدد «{0}» درست نوشته نشده است", en: "The number «{0}» is malformed" },
  ZB1005: {
    severity: "error",
    fa: "سرآیند قواعد کامل نیست؛ نیامده: {0}",
    en: "The ruleset header is incomplete; missing: {0}",
  },
  ZB1006: {
    severity: "error",
    fa: "این بخش را نمی‌توان به قواعد اجرایی برگرداند: {0}",
    en: "This part cannot be compiled: {0}",
  },
  ZB1007: {
    severity: "error",
    fa: "این عبارت بیش از اندازه تودرتو یا بلند است و خوانده نمی‌شود؛ آن را به چند «مقدار» بشکنید",
    en: "This expression is nested too deeply (or chained too long) to be read; split it into several values",
  },
  // 2xxx: names and scope
  ZB2001: { severity: "error", fa: "نام «{0}» تعریف نشده است{1}", en: "Unknown name «{0}»{1}" },
  ZB2002: {
    severity: "error",
    fa: "«{0}» پیش‌تر در سطر {1} تعریف شده است",
    en: "«{0}» is already declared on line {1}",
  },
  ZB2003: {
    severity: "warning",
    fa: "«{0}» و «{1}» فقط در نیم‌فاصله با هم فرق دارند؛ اگر یک نام‌اند، یکسان بنویسید",
    en: "«{0}» and «{1}» differ only by a zero-width non-joiner (نیم‌فاصله); if they are one name, spell them alike",
  },
  ZB2004: {
    severity: "error",
    fa: "«{0}» جدول نیست و نمی‌توان آن را با پرانتز فراخواند",
    en: "«{0}» is not a table or a function and cannot be called",
  },
  ZB2005: {
    severity: "error",
    fa: "«{0}» یک جدول است؛ آن را با آرگومان‌هایش بخوانید: «{0}(...)»",
    en: "«{0}» is a table; look it up with its arguments: «{0}(...)»",
  },
  ZB2006: {
    severity: "error",
    fa: "«{0}» خروجی قاعده‌هاست (با «تعیین») و نمی‌توان آن را در محاسبه یا شرط خواند",
    en: "«{0}» is an output set by rules (تعیین) and cannot be read in a computation or condition",
  },
  ZB2007: { severity: "error", fa: "«{0}» به خودش وابسته است: {1}", en: "«{0}» depends on itself: {1}" },
  ZB2008: {
    severity: "error",
    fa: "«{0}» واژه‌ای رزروشده است و نمی‌تواند نام باشد",
    en: "«{0}» is reserved and cannot be a name",
  },
  // 3xxx: types
  ZB3001: { severity: "error", fa: "{0} {1} و {2} ممکن نیست", en: "Cannot {0} {1} and {2}" },
  ZB3002: { severity: "error", fa: "نمی‌توان {0} را با {1} مقایسه کرد", en: "Cannot compare {0} with {1}" },
  ZB3003: {
    severity: "error",
    fa: "نمی‌توان مبلغ ریالی را با عدد بی‌واحد مقایسه کرد؛ واحد را بنویسید (مثلاً «ریال»)",
    en: "Cannot compare money with a plain number; write the unit (e.g. «ریال»)",
  },
  ZB3004: {
    severity: "error",
    fa: "اینجا شرطی از نوع بله/خیر لازم است، اما این {0} است",
    en: "A yes/no condition is needed here, but this is {0}",
  },
  ZB3005: {
    severity: "error",
    fa: "دو شاخه‌ی «اگر» هم‌نوع نیستند: {0} و {1}",
    en: "The branches of «اگر» have different types: {0} and {1}",
  },
  ZB3006: {
    severity: "error",
    fa: "«{0}» {1} آرگومان می‌گیرد، نه {2}",
    en: "«{0}» takes {1} arguments, not {2}",
  },
  ZB3007: {
    severity: "error",
    fa: "نخستین آرگومان «{0}» باید یک فهرست باشد، اما {1} است",
    en: "The first argument of «{0}» must be a list, but is {1}",
  },
  ZB3008: {
    severity: "error",
    fa: "اینجا عدد، مبلغ یا درصد لازم است، اما این {0} است",
    en: "A number, money or percent is needed here, but this is {0}",
  },
  ZB3009: {
    severity: "error",
    fa: "تعداد رقم‌های گرد کردن باید عددی صحیح و بی‌واحد باشد",
    en: "The places to round to must be a whole number without a unit",
  },
  ZB3010: {
    severity: "error",
    fa: "آرگومان {0} جدول «{1}» (ستون «{2}») باید {3} باشد، اما {4} است",
    en: "Argument {0} of table «{1}» (column «{2}») should be {3}, but is {4}",
  },
  ZB3011: {
    severity: "error",
    fa: "خانه‌های ستون «{0}» هم‌نوع نیستند: {1} و {2}",
    en: "The cells of column «{0}» mix {1} and {2}",
  },
  ZB3012: {
    severity: "error",
    fa: "مقدار پارامتر باید ثابت باشد (عدد، مبلغ، درصد، تاریخ، بله/خیر یا متن)؛ برای محاسبه از «مقدار» استفاده کنید",
    en: "A parameter's value must be a literal (number, money, percent, date, yes/no or text); use «مقدار» for a computation",
  },
  ZB3013: {
    severity: "error",
    fa: "«{0}» اینجا {1} تعیین می‌شود، اما در سطر {2} {3}",
    en: "«{0}» is set to {1} here but to {3} on line {2}",
  },
  ZB3014: {
    severity: "error",
    fa: "فهرست را نمی‌توان اینجا مستقیم به‌کار برد؛ از «جمع»، «تعداد»، «کمینه»، «بیشینه»، «همه» یا «حداقل_یکی» استفاده کنید",
    en: "A list cannot be used here as it is; use «جمع», «تعداد», «کمینه», «بیشینه», «همه» or «حداقل_یکی»",
  },
  ZB3015: {
    severity: "error",
    fa: "این {0} است و ترتیب ندارد؛ «بیشتر»، «کمتر» و بازه برایش معنا ندارد",
    en: "This is {0}, which has no order: greater/less and ranges do not apply",
  },
  ZB3016: {
    severity: "error",
    fa: "مبلغ الزام باید به ریال باشد، اما این {0} است",
    en: "A requirement's amount must be money, but this is {0}",
  },
  ZB3017: {
    severity: "error",
    fa: "«{0}» از گزینه‌های مجاز نیست (گزینه‌ها: {1}){2}",
    en: "«{0}» is not one of the choices ({1}){2}",
  },
  ZB3018: {
    severity: "error",
    fa: "آرگومان‌های «{0}» هم‌نوع نیستند: {1} و {2}",
    en: "The arguments of «{0}» have different types: {1} and {2}",
  },
  ZB3019: {
    severity: "error",
    fa: "«{0}» درون {1} جمع‌بندی دیگر آمده است؛ بیش از {1} جمع‌بندی تودرتو روی فهرست‌ها مجاز نیست، چون هر لایه کار را چند برابر می‌کند",
    en: "«{0}» is nested inside {1} other aggregates; at most {1} aggregates over lists may nest, as each level multiplies the work",
  },
  ZB3020: {
    severity: "error",
    fa: "این عبارت بیش از {0} لایه تودرتو است؛ آن را به چند «مقدار» بشکنید",
    en: "This expression is nested more than {0} levels deep; split it into several values",
  },
  // 4xxx: tables
  ZB4001: {
    severity: "error",
    fa: "ردیف‌های {0} و {1} جدول «{2}» (سطرهای {3} و {4}) هم‌زمان برقرار می‌شوند، اما سیاست جدول «یکتا» است",
    en: "Rows {0} and {1} of table «{2}» (lines {3} and {4}) can both match, but the table is «یکتا» (unique)",
  },
  ZB4002: {
    severity: "warning",
    fa: "ستون «{0}» جدول «{1}» این مقدارها را پوشش نمی‌دهد و ردیف «هر»ی هم برایشان نیست: {2}",
    en: "Column «{0}» of table «{1}» leaves these values uncovered, and no «هر» row covers them: {2}",
  },
  ZB4003: {
    severity: "warning",
    fa: "ستون «{0}» جدول «{1}» برای {2} ردیفی ندارد",
    en: "Column «{0}» of table «{1}» has no row for {2}",
  },
  ZB4004: {
    severity: "error",
    fa: "این ردیف {0} خانه دارد، اما جدول «{1}» {2} ستون دارد",
    en: "This row has {0} cells but table «{1}» has {2} columns",
  },
  ZB4005: {
    severity: "warning",
    fa: "ردیف {0} هرگز به‌کار نمی‌آید: ردیف {1} پیش از آن همه‌ی حالت‌های آن را می‌پوشاند (سیاست «اولین»)",
    en: "Row {0} can never be used: row {1} above it matches everything it would (hit policy «اولین»)",
  },
  ZB4006: {
    severity: "error",
    fa: "جدول «{0}» {1} آرگومان می‌گیرد (یکی برای هر ستون)، نه {2}",
    en: "Table «{0}» takes {1} arguments (one per column), not {2}",
  },
  ZB4007: {
    severity: "warning",
    fa: "این بازه تهی است: هیچ مقداری در آن نمی‌گنجد",
    en: "This range is empty: no value falls in it",
  },
  // 5xxx: rules, citations, unused declarations
  ZB5001: {
    severity: "error",
    fa: "قاعده‌ی «{0}» به هیچ بندی از مرجع استناد نکرده است؛ بند را در [ ] بنویسید",
    en: "Rule «{0}» cites no clause; write the clause in [ ]",
  },
  ZB5002: {
    severity: "warning",
    fa: "پارامتر «{0}» مستند به بندی نیست؛ بند را در [ ] بنویسید",
    en: "Parameter «{0}» cites no clause; write the clause in [ ]",
  },
  ZB5003: {
    severity: "warning",
    fa: "پارامتر «{0}» هیچ‌جا به‌کار نرفته است",
    en: "Parameter «{0}» is never used",
  },
  ZB5004: { severity: "warning", fa: "جدول «{0}» هیچ‌جا به‌کار نرفته است", en: "Table «{0}» is never used" },
  ZB5005: {
    severity: "warning",
    fa: "شرط قاعده‌ی «{0}» هرگز برقرار نمی‌شود{1}، پس این قاعده هیچ‌گاه اجرا نمی‌شود",
    en: "The condition of rule «{0}» can never hold{1}, so the rule never fires",
  },
  ZB5006: {
    severity: "error",
    fa: "«{0}» در پیام نه ورودی است، نه پارامتر و نه مقدار{1}",
    en: "«{0}» in the message is not an input, parameter or value{1}",
  },
  ZB5007: {
    severity: "error",
    fa: "«{0}» را نمی‌توان در پیام نشان داد؛ فقط ورودی، پارامتر یا مقدار",
    en: "«{0}» cannot be shown in a message; only an input, parameter or value can",
  },
  ZB5008: {
    severity: "error",
    fa: "قاعده‌ی دیگری در سطر {1} همین عنوان «{0}» را دارد",
    en: "Another rule on line {1} already has the title «{0}»",
  },
  ZB5009: {
    severity: "error",
    fa: "«{0}» اینجا پر نمی‌شود: نام مرجع ارجاع و نام چیزی که الزام می‌شود متن ثابت است؛ مقدار را در پیام بیاورید",
    en: "«{0}» is not filled in here: the authority referred to and the thing required are fixed text; put the value in the message",
  },
  // 6xxx: tests
  ZB6001: {
    severity: "error",
    fa: "آزمون «{0}» را می‌دهد، اما چنین ورودی‌ای تعریف نشده است{1}",
    en: "The test gives «{0}», which is not an input{1}",
  },
  ZB6002: {
    severity: "error",
    fa: "قاعده‌ای با عنوان «{0}» وجود ندارد{1}",
    en: "There is no rule titled «{0}»{1}",
  },
  ZB6003: {
    severity: "error",
    fa: "مقداری به نام «{0}» وجود ندارد که آزمون انتظارش را داشته باشد{1}",
    en: "There is no value «{0}» for the test to expect{1}",
  },
  ZB6004: {
    severity: "error",
    fa: "«{0}» {1} است، اما آزمون برای آن {2} آورده است",
    en: "«{0}» is {1}, but the test has {2}",
  },
  ZB6005: { severity: "error", fa: "«{0}» از فیلدهای «{1}» نیست{2}", en: "«{0}» is not a field of «{1}»{2}" },
  ZB6006: {
    severity: "warning",
    fa: "آزمون «{0}» ورودی الزامی «{1}» را نمی‌دهد",
    en: "Test «{0}» does not give the required input «{1}»",
  },
  ZB6007: { severity: "error", fa: "«{0}» در این آزمون دو بار آمده است", en: "The test gives «{0}» twice" },
} as const satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

/** A message argument: the same in both languages, or worded for each. */
export type MessageArg = string | number | { fa: string; en: string };

export function diagnostic(code: DiagnosticCode, range: SourceRange, ...args: MessageArg[]): Diagnostic {
  const entry: Entry = CATALOGUE[code];
  const fill = (template: string, lang: "fa" | "en") =>
    template.replace(/\{(\d+)\}/g, (_, i: string) => {
      const arg = args[Number(i)];
      return arg === undefined ? "" : typeof arg === "object" ? arg[lang] : String(arg);
    });
  return {
    code,
    severity: entry.severity,
    message: { fa: fill(entry.fa, "fa"), en: fill(entry.en, "en") },
    range,
  };
}
