/**
 * The Electronics fee-table decision (rulesets/electronics/versions/1.zb) written by hand: the limit
 * the engine is measured against. Same input (caller-form case JSON, Persian names or ASCII aliases).
 *
 * A case is computed once (`compute`): the inputs read, one pass over the collaterals, the computed
 * values as decimals, and the rules that fire, in the ruleset's order. Two entry points read it:
 * - `decideElectronics`: the decision, the titles of the fired rules and the fee (کارمزد) — no
 *   outcomes, messages or values;
 * - `electronicsResult`: the engine's whole result — every outcome of every fired rule with the fields
 *   the engine gives (messages built with template strings and ./persian.ts), and every computed value
 *   serialised as the engine serialises it (plain decimal strings, percents in percent points, missing
 *   as null, yes/no as booleans, text as strings), plus the `set` target.
 *
 * Written the way one would write this one decision by hand: the constants (parameters, table rates,
 * the parameters as the messages show them) hoisted. The arithmetic is decimal.js under the engine's
 * configuration, operation for operation as 1.zb writes it (a division rounds to 40 significant
 * digits, so the order of operations is part of the answer).
 *
 * Keep it in step with 1.zb: bench/evaluate.ts aborts if either entry point ever disagrees with the
 * engine's evaluateSync on a case.
 */
import {
  COLLATERAL_ALIASES,
  COLLATERAL_KINDS,
  type CollateralKind,
  ELECTRONICS_ALIASES,
  GUARANTEE_TYPES,
} from "../inputs";
import { faNumber, faPercent } from "./persian";
import {
  bool,
  D,
  type Decided,
  type Decision,
  decimal,
  type FullResult,
  fields,
  keyMap,
  member,
  plain,
  records,
  required,
  type Serialized,
} from "./read";
import { decisionOf, outcomesOf, type Rule, refers, rejects, requires, titles } from "./rules";

const TYPES: ReadonlySet<string> = new Set(GUARANTEE_TYPES);
const KINDS: ReadonlySet<string> = new Set(COLLATERAL_KINDS);
const KEYS = keyMap(ELECTRONICS_ALIASES);
const ITEM_KEYS = keyMap(COLLATERAL_ALIASES);

// Parameters [ماده ۳], and how the messages show them.
const MIN_TERM = new D(12);
const NOTES_COVER = new D("1.2");
const BONDS_COVER = new D("1.2");
const PROPERTY_MIN_SHARE = new D("0.8");
const PROPERTY_MAX_SHARE = new D(1);
const MIN_TERM_SHOWN = `${faNumber(MIN_TERM)} ماه`;
const NOTES_COVER_SHOWN = faPercent(NOTES_COVER);
const BONDS_COVER_SHOWN = faPercent(BONDS_COVER);
const PROPERTY_MIN_SHOWN = faPercent(PROPERTY_MIN_SHARE);
const PROPERTY_MAX_SHOWN = faPercent(PROPERTY_MAX_SHARE);

const ZERO = new D(0);
const TWELVE = new D(12);
const HUNDRED_PERCENT = new D(1);
/** Percent points per unit: a percent value is serialised in points. */
const HUNDRED = new D(100);

// The fee-row table [ماده ۴] and the fee-rate table [ماده ۴], as fractions.
const ROW_TENDER = "شرکت در مناقصه و مزایده";
const ROW_OTHER = "سایر امور";
const RATE_TENDER: Record<CollateralKind, D> = {
  وجه_نقد: new D(0),
  اوراق_بهادار: new D("0.003"),
  سفته: new D("0.007"),
  ترهین_ملک: new D("0.01"),
  وکالت_بلاعزال_ملک: new D("0.0125"),
};
const RATE_OTHER: Record<CollateralKind, D> = {
  وجه_نقد: new D(0),
  اوراق_بهادار: new D("0.005"),
  سفته: new D("0.012"),
  ترهین_ملک: new D("0.012"),
  وکالت_بلاعزال_ملک: new D("0.015"),
};

/** One case, computed once: what the rules and the result read. */
interface Electronics {
  amount: D;
  months: D;
  tender: boolean;
  count: number;
  total: D;
  cash: D;
  bonds: D;
  notes: D;
  property: D;
  hasCash: boolean;
  hasBonds: boolean;
  hasNotes: boolean;
  hasProperty: boolean;
  hasPoa: boolean;
  kinds: number;
  bondsRequired: D;
  notesRequired: D;
  remainder: D;
  /** The weighted rate: missing (undefined) without collaterals, a division by zero; so is the fee. */
  rate: D | undefined;
  fee: D | undefined;
  /** The rules that fire, in the ruleset's order. */
  fired: ElectronicsRule[];
  decision: Decision;
}

type ElectronicsRule = Rule<Electronics>;

// ── the rules: title, citation, effect, outcomes ──

const AMOUNT: ElectronicsRule = rejects(
  "مبلغ ضمانت‌نامه",
  "ماده ۱، ارکان ضمانت‌نامه، ۴- وجه‌الضمان",
  "مبلغ ضمانت‌نامه (وجه‌الضمان) باید بیشتر از صفر باشد",
);
const MIN_TERM_RULE: ElectronicsRule = rejects(
  "حداقل مدت ضمانت‌نامه",
  "ماده ۳، تبصره ۲؛ ماده ۳، بند ۲، خامساً",
  (c) =>
    `حداقل مدت صدور ضمانت‌نامه ${MIN_TERM_SHOWN} (یک سال) است؛ مدت درخواستی ${faNumber(c.months)} ماه است`,
);
const ITEM_VALUE: ElectronicsRule = rejects(
  "ارزش هر وثیقه",
  "ماده ۳",
  "ارزش هر وثیقه باید بیشتر از صفر باشد",
);
const UNINSURED: ElectronicsRule = refers(
  "ضمانت‌نامه بدون بیمه",
  "ماده ۳، تبصره ۱",
  ["کمیته فنی", "ضمانت‌نامه‌ی بدون بیمه نخست باید به تأیید کمیته‌ی فنی برسد"],
  [
    "هیئت مدیره",
    "صدور ضمانت‌نامه‌ی بدون بیمه پس از تأیید کمیته‌ی فنی به تصویب هیئت مدیره نیاز دارد؛ هیئت مدیره میزان سپرده‌ی نقدی و نوع وثیقه را تعیین می‌کند",
  ],
);
const UNINSURED_COLLATERAL: ElectronicsRule = requires("وثیقه ضمانت‌نامه بدون بیمه", "ماده ۳، تبصره ۱", [
  "سپرده‌ی نقدی و وثیقه به تعیین هیئت مدیره",
  "برای ضمانت‌نامه‌ی بدون بیمه وثیقه‌ای سپرده نشده است؛ میزان سپرده‌ی نقدی و نوع وثیقه را هیئت مدیره تعیین می‌کند",
]);
const NO_COLLATERAL_FEE: ElectronicsRule = refers("کارمزد ضمانت‌نامه بدون وثیقه", "ماده ۴؛ ماده ۳، تبصره ۱", [
  "کمیته فنی",
  "وثیقه‌ای سپرده نشده و نرخ کارمزد آن در جدول ماده‌ی ۴ نیامده است؛ کارمزد را کمیته‌ی فنی تعیین کند",
]);
const MIXED: ElectronicsRule = refers("وثایق ترکیبی", "ماده ۳، تبصره ۳", [
  "هیئت مدیره",
  "درصد هر یک از وثایق ترکیبی نسبت به مبلغ ضمانت‌نامه به پیشنهاد کمیته‌ی فنی و تصویب هیئت مدیره تعیین می‌شود",
]);
const CASH_COVER: ElectronicsRule = rejects(
  "پوشش وجه نقد",
  "ماده ۳، بند ۱",
  (c) => `وجه نقد سپرده (${faNumber(c.cash)} ریال) کمتر از مبلغ ضمانت‌نامه (${faNumber(c.amount)} ریال) است`,
);
const BONDS_COVER_RULE: ElectronicsRule = rejects(
  "پوشش اوراق بهادار",
  "ماده ۳، بند ۴",
  (c) =>
    `مبلغ اسمی اوراق (${faNumber(c.bonds)} ریال) کمتر از ${BONDS_COVER_SHOWN} باقیمانده‌ی مبلغ ضمانت‌نامه (${faNumber(c.bondsRequired)} ریال) است`,
);
const NOTES_COVER_RULE: ElectronicsRule = rejects(
  "پوشش سفته",
  "ماده ۳، بند ۳، اولاً",
  (c) =>
    `مبلغ سفته (${faNumber(c.notes)} ریال) کمتر از ${NOTES_COVER_SHOWN} باقیمانده‌ی مبلغ پس از کسر وثایق دیگر (${faNumber(c.notesRequired)} ریال) است`,
);
const PROPERTY_COVER: ElectronicsRule = rejects(
  "پوشش وثیقه ملکی",
  "ماده ۳، بند ۲، رابعاً",
  (c) =>
    `باقیمانده‌ی مبلغ ضمانت‌نامه (${faNumber(c.remainder)} ریال) از ${PROPERTY_MAX_SHOWN} ارزش ملک (${faNumber(c.property)} ریال) بیشتر است`,
);
const PROPERTY_COMMITTEE: ElectronicsRule = refers(
  "نسبت ارزش وثیقه ملکی با نظر کمیته فنی",
  "ماده ۳، بند ۲، رابعاً",
  [
    "کمیته فنی",
    (c) =>
      `باقیمانده‌ی مبلغ (${faNumber(c.remainder)} ریال) بیش از ${PROPERTY_MIN_SHOWN} ارزش ملک است؛ کفایت ملک به نسبتی بستگی دارد که کمیته‌ی فنی در بازه‌ی ${PROPERTY_MIN_SHOWN} تا ${PROPERTY_MAX_SHOWN} تعیین می‌کند`,
  ],
);
const PROPERTY_APPRAISAL: ElectronicsRule = requires(
  "ارزیابی وثیقه ملکی",
  "ماده ۳، بند ۲، اولاً؛ ماده ۳، بند ۲، ثانیاً",
  [
    "ارزیابی ملک توسط کارشناس ذی‌صلاح",
    "هزینه‌ی ارزیابی طبق جدول مصوب هیئت مدیره از متقاضی گرفته و یک نسخه از گزارش کارشناس بایگانی می‌شود",
  ],
  ["سهل‌البیع و بلامعارض بودن وثیقه"],
);
const PROPERTY_INSURANCE: ElectronicsRule = {
  rule: "بیمه تمام خطر وثیقه ملکی",
  citation: "ماده ۳، بند ۲، خامساً",
  outcomes(_c, out) {
    out.push({
      rule: this.rule,
      citation: this.citation,
      kind: "warn",
      message:
        "در صورت درخواست صندوق، ملک باید از طرف متقاضی و به نفع صندوق بیمه‌ی تمام خطر شود و پس از پایان مدت بیمه تمدید گردد (با بیمه‌ی مسئولیت نیازی به آن نیست)",
    });
  },
};
const OUTSIDE_CITY: ElectronicsRule = refers("ملک خارج از محدوده شهری", "ماده ۳، بند ۲، ثالثاً", [
  "کمیته فنی",
  "ملک خارج از محدوده‌ی شهری (باغ، کارگاه و مانند آن) نخست باید در کمیته‌ی فنی مطرح شود",
]);
const POWER_OF_ATTORNEY: ElectronicsRule = refers("وکالت بلاعزال", "ماده ۳، بند ۲، سادساً", [
  "هیئت مدیره",
  "اخذ وکالت بلاعزال ملک به تأیید هیئت مدیره نیاز دارد",
]);
const NOTES_INSURANCE: ElectronicsRule = rejects(
  "بیمه ضمانت‌نامه در قبال سفته",
  "ماده ۳، بند ۳، ثانیاً",
  "ضمانت‌نامه در قبال سفته باید بیمه شود: شرایط صدور بیمه‌نامه باید پیش از صدور ضمانت‌نامه فراهم باشد",
);
const INSURANCE_COST: ElectronicsRule = requires("هزینه بیمه‌نامه", "ماده ۳، بند ۳، تبصره ۱", [
  "پرداخت هزینه‌ی صدور بیمه‌نامه توسط مضمون‌عنه",
  "هزینه پیش از صدور توسط صندوق گرفته می‌شود",
]);
const BONDS_APPROVAL: ElectronicsRule = requires(
  "تأیید اوراق توسط کارشناسان مالی",
  "ماده ۳، بند ۴، تبصره ۱",
  ["تأیید وضعیت سهام یا اوراق مشارکت توسط کارشناسان مالی"],
);
/** The computed value the fee is, and the target the fee rule sets to it. */
const FEE_VALUE = "کارمزد";
const FEE_TARGET = "کارمزد_دریافتی";
const FEE: ElectronicsRule = {
  rule: "کارمزد ضمانت‌نامه",
  citation: "ماده ۴؛ ماده ۴، تذکر؛ نمونه شماره ۱",
  outcomes(_c, out, values) {
    // It fires only when the fee is present: its serialised value is a string.
    const fee = values[FEE_VALUE] as string;
    values[FEE_TARGET] = fee;
    out.push(
      { rule: this.rule, citation: this.citation, kind: "set", target: FEE_TARGET, value: fee },
      {
        rule: this.rule,
        citation: this.citation,
        kind: "require",
        what: "واریز نقدی کارمزد پیش از صدور و تحویل ضمانت‌نامه",
        amount: fee,
      },
    );
  },
};
const DOCUMENTS: ElectronicsRule = requires(
  "مدارک درخواست",
  "ماده ۲، بند ب؛ ماده ۲، بند ج",
  ["اسناد کتبی قرارداد یا توافقی که ضمانت‌نامه برای آن خواسته می‌شود"],
  ["فرم درخواست صدور ضمانت‌نامه (نمونه شماره ۱)، تکمیل و امضاشده توسط متقاضی"],
);

/** Reads the case, computes every value once, and finds the rules that fire, in the ruleset's order. */
function compute(input: unknown): Electronics {
  // ── the case ──
  const f = fields(input, KEYS);
  const type = member<string>(required(f, "نوع_ضمانت"), TYPES, "نوع_ضمانت");
  const amount = decimal(required(f, "مبلغ_ضمانت"), "مبلغ_ضمانت");
  const months = decimal(required(f, "مدت_ماه"), "مدت_ماه");
  const insured = bool(required(f, "بیمه_شده"), "بیمه_شده");
  const outsideRaw = f.get("ملک_خارج_از_محدوده_شهری");
  const outsideCity = outsideRaw === undefined ? undefined : bool(outsideRaw, "ملک_خارج_از_محدوده_شهری");
  const tender = type === "شرکت_در_مناقصه";
  const rates = tender ? RATE_TENDER : RATE_OTHER;

  // ── the collaterals, one pass ──
  let count = 0;
  let total = ZERO;
  let cash = ZERO;
  let bonds = ZERO;
  let notes = ZERO;
  let property = ZERO;
  let weighted = ZERO;
  let hasCash = false;
  let hasBonds = false;
  let hasNotes = false;
  let hasProperty = false;
  let hasPoa = false;
  let nonPositive = false;
  for (const item of records(required(f, "وثایق"), "وثایق")) {
    const itemFields = fields(item, ITEM_KEYS);
    const kind = member<CollateralKind>(required(itemFields, "نوع"), KINDS, "وثایق.نوع");
    const value = decimal(required(itemFields, "مبلغ"), "وثایق.مبلغ");
    count++;
    total = total.plus(value);
    weighted = weighted.plus(value.times(rates[kind]));
    if (value.lte(ZERO)) nonPositive = true;
    switch (kind) {
      case "وجه_نقد":
        hasCash = true;
        cash = cash.plus(value);
        break;
      case "اوراق_بهادار":
        hasBonds = true;
        bonds = bonds.plus(value);
        break;
      case "سفته":
        hasNotes = true;
        notes = notes.plus(value);
        break;
      case "وکالت_بلاعزال_ملک":
        hasPoa = true;
        hasProperty = true;
        property = property.plus(value);
        break;
      case "ترهین_ملک":
        hasProperty = true;
        property = property.plus(value);
        break;
    }
  }
  const kinds = (hasCash ? 1 : 0) + (hasBonds ? 1 : 0) + (hasNotes ? 1 : 0) + (hasProperty ? 1 : 0);

  // ── the computed values, as 1.zb writes them ──
  const afterCash = amount.minus(cash);
  const bondsRequired = BONDS_COVER.times(afterCash).toDecimalPlaces(0, D.ROUND_UP);
  // The divisions come last, as 1.zb writes them (a quotient rounded to 40 digits, added to another,
  // can land 10⁻³¹ above a whole rial that rounding up then makes one more).
  const coveredByBonds = afterCash.times(BONDS_COVER).minus(bonds);
  const notesRequired = NOTES_COVER.times(coveredByBonds)
    .dividedBy(BONDS_COVER)
    .toDecimalPlaces(0, D.ROUND_UP);
  const remainder = coveredByBonds
    .times(NOTES_COVER)
    .minus(notes.times(BONDS_COVER))
    .dividedBy(BONDS_COVER)
    .dividedBy(NOTES_COVER)
    .toDecimalPlaces(0, D.ROUND_UP);
  const rate = total.isZero() ? undefined : weighted.dividedBy(total).times(HUNDRED_PERCENT);
  const fee =
    rate === undefined
      ? undefined
      : months.times(rate).times(amount).dividedBy(TWELVE).toDecimalPlaces(0, D.ROUND_HALF_UP);

  // ── the rules, in the ruleset's order ──
  const fired: ElectronicsRule[] = [];
  if (amount.lte(ZERO)) fired.push(AMOUNT);
  if (months.lt(MIN_TERM)) fired.push(MIN_TERM_RULE);
  if (nonPositive) fired.push(ITEM_VALUE);
  if (!insured) fired.push(UNINSURED);
  if (!insured && count === 0) fired.push(UNINSURED_COLLATERAL);
  if (count === 0) fired.push(NO_COLLATERAL_FEE);
  if (kinds >= 2) fired.push(MIXED);
  if (hasCash && !hasBonds && !hasNotes && !hasProperty && cash.lt(amount)) fired.push(CASH_COVER);
  if (hasBonds && !hasNotes && !hasProperty && bonds.lt(bondsRequired)) fired.push(BONDS_COVER_RULE);
  if (hasNotes && !hasProperty && notes.lt(notesRequired)) fired.push(NOTES_COVER_RULE);
  if (hasProperty) {
    const atMost = property.times(PROPERTY_MAX_SHARE);
    if (remainder.gt(atMost)) fired.push(PROPERTY_COVER);
    if (remainder.gt(property.times(PROPERTY_MIN_SHARE)) && remainder.lte(atMost))
      fired.push(PROPERTY_COMMITTEE);
    fired.push(PROPERTY_APPRAISAL, PROPERTY_INSURANCE);
    if (outsideCity === true) fired.push(OUTSIDE_CITY);
  }
  if (hasPoa) fired.push(POWER_OF_ATTORNEY);
  if (hasNotes && !insured) fired.push(NOTES_INSURANCE);
  if (insured) fired.push(INSURANCE_COST);
  if (hasBonds) fired.push(BONDS_APPROVAL);
  if (fee !== undefined) fired.push(FEE);
  fired.push(DOCUMENTS);

  return {
    amount,
    months,
    tender,
    count,
    total,
    cash,
    bonds,
    notes,
    property,
    hasCash,
    hasBonds,
    hasNotes,
    hasProperty,
    hasPoa,
    kinds,
    bondsRequired,
    notesRequired,
    remainder,
    rate,
    fee,
    fired,
    decision: decisionOf(fired),
  };
}

/** The decision, the fired rules' titles in the ruleset's order, and the fee (null when missing). */
export function decideElectronics(input: unknown): Decided {
  const c = compute(input);
  return { decision: c.decision, fired: titles(c.fired), fee: c.fee === undefined ? null : plain(c.fee) };
}

/** The engine's whole result (without trace): the decision, every fired outcome, every value. */
export function electronicsResult(input: unknown): FullResult {
  const c = compute(input);
  const values: Record<string, Serialized> = {
    ردیف_کارمزد: c.tender ? ROW_TENDER : ROW_OTHER,
    تعداد_وثایق: String(c.count),
    مجموع_ارزش_وثایق: plain(c.total),
    ارزش_وجه_نقد: plain(c.cash),
    ارزش_اوراق: plain(c.bonds),
    ارزش_سفته: plain(c.notes),
    ارزش_ملک: plain(c.property),
    دارای_وجه_نقد: c.hasCash,
    دارای_اوراق: c.hasBonds,
    دارای_سفته: c.hasNotes,
    دارای_ملک: c.hasProperty,
    دارای_وکالت_بلاعزال: c.hasPoa,
    تعداد_گونه‌های_وثیقه: String(c.kinds),
    اوراق_لازم: plain(c.bondsRequired),
    سفته_لازم: plain(c.notesRequired),
    باقیمانده_برای_ملک: plain(c.remainder),
    نرخ_کارمزد_موزون: c.rate === undefined ? null : plain(c.rate.times(HUNDRED)),
    [FEE_VALUE]: c.fee === undefined ? null : plain(c.fee),
  };
  return { decision: c.decision, outcomes: outcomesOf(c.fired, c, values), values };
}
