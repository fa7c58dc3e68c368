/**
 * The Electronics fee-table decision (rulesets/electronics/versions/1.zb) written by hand, returning
 * the engine's whole result: the decision; every outcome of every fired rule, in the ruleset's rule
 * order, with the fields the engine gives (rule, citation, kind, message with its holes filled,
 * authority, what, amount, target, value); and every computed value of the ruleset serialised as the
 * engine serialises it (plain decimal strings, percents in percent points, missing as null, yes/no as
 * booleans, text as strings), plus the `set` target. bench/evaluate.ts checks that it is deep-equal to
 * `evaluateSync` on every case it times.
 *
 * Written the way one would write this one decision by hand: one pass over the collaterals, the
 * constants (parameters, table rates, the parameters as the messages show them) hoisted, messages built
 * with template strings and a small Persian-number formatter (./persian.ts). The arithmetic is decimal.js
 * under the engine's configuration, operation for operation as 1.zb writes it (a division rounds to 40
 * significant digits, so the order of operations is part of the answer).
 *
 * Keep it in step with 1.zb: the verification aborts the bench on any difference.
 */
import { faNumber, faPercent } from "./persian";
import {
  bool,
  D,
  decimal,
  type FullOutcome,
  type FullResult,
  fields,
  keyMap,
  member,
  plain,
  records,
  required,
  type Serialized,
} from "./read";

type Kind = "وجه_نقد" | "اوراق_بهادار" | "سفته" | "ترهین_ملک" | "وکالت_بلاعزال_ملک";

const GUARANTEE_TYPES: ReadonlySet<string> = new Set([
  "حسن_انجام_کار",
  "پرداخت_وجه_طبق_قرارداد",
  "شرکت_در_مناقصه",
  "شرکت_در_نمایشگاه",
  "اجاره_تجهیزات_تخصصی",
  "اجاره_یا_رهن_مکان_طرح",
  "صادرات",
]);
const KINDS: ReadonlySet<string> = new Set([
  "وجه_نقد",
  "اوراق_بهادار",
  "سفته",
  "ترهین_ملک",
  "وکالت_بلاعزال_ملک",
]);

const KEYS = keyMap([
  ["نوع_ضمانت", "guaranteeType"],
  ["مبلغ_ضمانت", "amount"],
  ["مدت_ماه", "termMonths"],
  ["بیمه_شده", "insured"],
  ["وثایق", "collaterals"],
  ["ملک_خارج_از_محدوده_شهری", "propertyOutsideCityLimits"],
]);
const ITEM_KEYS = keyMap([
  ["نوع", "kind"],
  ["مبلغ", "value"],
]);

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
const RATE_TENDER: Record<Kind, D> = {
  وجه_نقد: new D(0),
  اوراق_بهادار: new D("0.003"),
  سفته: new D("0.007"),
  ترهین_ملک: new D("0.01"),
  وکالت_بلاعزال_ملک: new D("0.0125"),
};
const RATE_OTHER: Record<Kind, D> = {
  وجه_نقد: new D(0),
  اوراق_بهادار: new D("0.005"),
  سفته: new D("0.012"),
  ترهین_ملک: new D("0.012"),
  وکالت_بلاعزال_ملک: new D("0.015"),
};

// ── the rules: title and citation ──

interface Rule {
  rule: string;
  citation: string;
}

const AMOUNT: Rule = { rule: "مبلغ ضمانت‌نامه", citation: "ماده ۱، ارکان ضمانت‌نامه، ۴- وجه‌الضمان" };
const MIN_TERM_RULE: Rule = {
  rule: "حداقل مدت ضمانت‌نامه",
  citation: "ماده ۳، تبصره ۲؛ ماده ۳، بند ۲، خامساً",
};
const ITEM_VALUE: Rule = { rule: "ارزش هر وثیقه", citation: "ماده ۳" };
const UNINSURED: Rule = { rule: "ضمانت‌نامه بدون بیمه", citation: "ماده ۳، تبصره ۱" };
const UNINSURED_COLLATERAL: Rule = { rule: "وثیقه ضمانت‌نامه بدون بیمه", citation: "ماده ۳، تبصره ۱" };
const NO_COLLATERAL_FEE: Rule = { rule: "کارمزد ضمانت‌نامه بدون وثیقه", citation: "ماده ۴؛ ماده ۳، تبصره ۱" };
const MIXED: Rule = { rule: "وثایق ترکیبی", citation: "ماده ۳، تبصره ۳" };
const CASH_COVER: Rule = { rule: "پوشش وجه نقد", citation: "ماده ۳، بند ۱" };
const BONDS_COVER_RULE: Rule = { rule: "پوشش اوراق بهادار", citation: "ماده ۳، بند ۴" };
const NOTES_COVER_RULE: Rule = { rule: "پوشش سفته", citation: "ماده ۳، بند ۳، اولاً" };
const PROPERTY_COVER: Rule = { rule: "پوشش وثیقه ملکی", citation: "ماده ۳، بند ۲، رابعاً" };
const PROPERTY_COMMITTEE: Rule = {
  rule: "نسبت ارزش وثیقه ملکی با نظر کمیته فنی",
  citation: "ماده ۳، بند ۲، رابعاً",
};
const PROPERTY_APPRAISAL: Rule = {
  rule: "ارزیابی وثیقه ملکی",
  citation: "ماده ۳، بند ۲، اولاً؛ ماده ۳، بند ۲، ثانیاً",
};
const PROPERTY_INSURANCE: Rule = { rule: "بیمه تمام خطر وثیقه ملکی", citation: "ماده ۳، بند ۲، خامساً" };
const OUTSIDE_CITY: Rule = { rule: "ملک خارج از محدوده شهری", citation: "ماده ۳، بند ۲، ثالثاً" };
const POWER_OF_ATTORNEY: Rule = { rule: "وکالت بلاعزال", citation: "ماده ۳، بند ۲، سادساً" };
const NOTES_INSURANCE: Rule = { rule: "بیمه ضمانت‌نامه در قبال سفته", citation: "ماده ۳، بند ۳، ثانیاً" };
const INSURANCE_COST: Rule = { rule: "هزینه بیمه‌نامه", citation: "ماده ۳، بند ۳، تبصره ۱" };
const BONDS_APPROVAL: Rule = { rule: "تأیید اوراق توسط کارشناسان مالی", citation: "ماده ۳، بند ۴، تبصره ۱" };
const FEE: Rule = { rule: "کارمزد ضمانت‌نامه", citation: "ماده ۴؛ ماده ۴، تذکر؛ نمونه شماره ۱" };
const DOCUMENTS: Rule = { rule: "مدارک درخواست", citation: "ماده ۲، بند ب؛ ماده ۲، بند ج" };

const FEE_TARGET = "کارمزد_دریافتی";

// ── outcomes, shaped as the engine's ──

function rejection(r: Rule, message: string): FullOutcome {
  return { rule: r.rule, citation: r.citation, kind: "reject", message };
}
function referral(r: Rule, authority: string, message: string): FullOutcome {
  return { rule: r.rule, citation: r.citation, kind: "refer", message, authority };
}
function requirement(r: Rule, what: string, message?: string): FullOutcome {
  return message === undefined
    ? { rule: r.rule, citation: r.citation, kind: "require", what }
    : { rule: r.rule, citation: r.citation, kind: "require", message, what };
}

export function evaluateElectronicsFull(input: unknown): FullResult {
  // ── the case ──
  const f = fields(input, KEYS);
  const type = member<string>(required(f, "نوع_ضمانت"), GUARANTEE_TYPES, "نوع_ضمانت");
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
    const kind = member<Kind>(required(itemFields, "نوع"), KINDS, "وثایق.نوع");
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
  const afterBonds = afterCash.minus(bonds.dividedBy(BONDS_COVER));
  const notesRequired = NOTES_COVER.times(afterBonds).toDecimalPlaces(0, D.ROUND_UP);
  const remainder = afterBonds.minus(notes.dividedBy(NOTES_COVER)).toDecimalPlaces(0, D.ROUND_UP);
  // The weighted rate is missing without collaterals (a division by zero); so is the fee.
  const rate = total.isZero() ? undefined : weighted.dividedBy(total).times(HUNDRED_PERCENT);
  const fee =
    rate === undefined
      ? undefined
      : months.times(rate).times(amount).dividedBy(TWELVE).toDecimalPlaces(0, D.ROUND_HALF_UP);
  const feeText = fee === undefined ? null : plain(fee);

  const values: Record<string, Serialized> = {
    ردیف_کارمزد: tender ? ROW_TENDER : ROW_OTHER,
    تعداد_وثایق: String(count),
    مجموع_ارزش_وثایق: plain(total),
    ارزش_وجه_نقد: plain(cash),
    ارزش_اوراق: plain(bonds),
    ارزش_سفته: plain(notes),
    ارزش_ملک: plain(property),
    دارای_وجه_نقد: hasCash,
    دارای_اوراق: hasBonds,
    دارای_سفته: hasNotes,
    دارای_ملک: hasProperty,
    دارای_وکالت_بلاعزال: hasPoa,
    تعداد_گونه‌های_وثیقه: String(kinds),
    اوراق_لازم: plain(bondsRequired),
    سفته_لازم: plain(notesRequired),
    باقیمانده_برای_ملک: plain(remainder),
    نرخ_کارمزد_موزون: rate === undefined ? null : plain(rate.times(HUNDRED)),
    کارمزد: feeText,
  };

  // ── the rules, in the ruleset's order ──
  const outcomes: FullOutcome[] = [];
  let reject = false;
  let refer = false;
  if (amount.lte(ZERO)) {
    outcomes.push(rejection(AMOUNT, "مبلغ ضمانت‌نامه (وجه‌الضمان) باید بیشتر از صفر باشد"));
    reject = true;
  }
  if (months.lt(MIN_TERM)) {
    outcomes.push(
      rejection(
        MIN_TERM_RULE,
        `حداقل مدت صدور ضمانت‌نامه ${MIN_TERM_SHOWN} (یک سال) است؛ مدت درخواستی ${faNumber(months)} ماه است`,
      ),
    );
    reject = true;
  }
  if (nonPositive) {
    outcomes.push(rejection(ITEM_VALUE, "ارزش هر وثیقه باید بیشتر از صفر باشد"));
    reject = true;
  }
  if (!insured) {
    outcomes.push(
      referral(UNINSURED, "کمیته فنی", "ضمانت‌نامه‌ی بدون بیمه نخست باید به تأیید کمیته‌ی فنی برسد"),
      referral(
        UNINSURED,
        "هیئت مدیره",
        "صدور ضمانت‌نامه‌ی بدون بیمه پس از تأیید کمیته‌ی فنی به تصویب هیئت مدیره نیاز دارد؛ هیئت مدیره میزان سپرده‌ی نقدی و نوع وثیقه را تعیین می‌کند",
      ),
    );
    refer = true;
  }
  if (!insured && count === 0)
    outcomes.push(
      requirement(
        UNINSURED_COLLATERAL,
        "سپرده‌ی نقدی و وثیقه به تعیین هیئت مدیره",
        "برای ضمانت‌نامه‌ی بدون بیمه وثیقه‌ای سپرده نشده است؛ میزان سپرده‌ی نقدی و نوع وثیقه را هیئت مدیره تعیین می‌کند",
      ),
    );
  if (count === 0) {
    outcomes.push(
      referral(
        NO_COLLATERAL_FEE,
        "کمیته فنی",
        "وثیقه‌ای سپرده نشده و نرخ کارمزد آن در جدول ماده‌ی ۴ نیامده است؛ کارمزد را کمیته‌ی فنی تعیین کند",
      ),
    );
    refer = true;
  }
  if (kinds >= 2) {
    outcomes.push(
      referral(
        MIXED,
        "هیئت مدیره",
        "درصد هر یک از وثایق ترکیبی نسبت به مبلغ ضمانت‌نامه به پیشنهاد کمیته‌ی فنی و تصویب هیئت مدیره تعیین می‌شود",
      ),
    );
    refer = true;
  }
  if (hasCash && !hasBonds && !hasNotes && !hasProperty && cash.lt(amount)) {
    outcomes.push(
      rejection(
        CASH_COVER,
        `وجه نقد سپرده (${faNumber(cash)} ریال) کمتر از مبلغ ضمانت‌نامه (${faNumber(amount)} ریال) است`,
      ),
    );
    reject = true;
  }
  if (hasBonds && !hasNotes && !hasProperty && bonds.lt(bondsRequired)) {
    outcomes.push(
      rejection(
        BONDS_COVER_RULE,
        `مبلغ اسمی اوراق (${faNumber(bonds)} ریال) کمتر از ${BONDS_COVER_SHOWN} باقیمانده‌ی مبلغ ضمانت‌نامه (${faNumber(bondsRequired)} ریال) است`,
      ),
    );
    reject = true;
  }
  if (hasNotes && !hasProperty && notes.lt(notesRequired)) {
    outcomes.push(
      rejection(
        NOTES_COVER_RULE,
        `مبلغ سفته (${faNumber(notes)} ریال) کمتر از ${NOTES_COVER_SHOWN} باقیمانده‌ی مبلغ پس از کسر وثایق دیگر (${faNumber(notesRequired)} ریال) است`,
      ),
    );
    reject = true;
  }
  if (hasProperty) {
    const atMost = property.times(PROPERTY_MAX_SHARE);
    if (remainder.gt(atMost)) {
      outcomes.push(
        rejection(
          PROPERTY_COVER,
          `باقیمانده‌ی مبلغ ضمانت‌نامه (${faNumber(remainder)} ریال) از ${PROPERTY_MAX_SHOWN} ارزش ملک (${faNumber(property)} ریال) بیشتر است`,
        ),
      );
      reject = true;
    }
    if (remainder.gt(property.times(PROPERTY_MIN_SHARE)) && remainder.lte(atMost)) {
      outcomes.push(
        referral(
          PROPERTY_COMMITTEE,
          "کمیته فنی",
          `باقیمانده‌ی مبلغ (${faNumber(remainder)} ریال) بیش از ${PROPERTY_MIN_SHOWN} ارزش ملک است؛ کفایت ملک به نسبتی بستگی دارد که کمیته‌ی فنی در بازه‌ی ${PROPERTY_MIN_SHOWN} تا ${PROPERTY_MAX_SHOWN} تعیین می‌کند`,
        ),
      );
      refer = true;
    }
    outcomes.push(
      requirement(
        PROPERTY_APPRAISAL,
        "ارزیابی ملک توسط کارشناس ذی‌صلاح",
        "هزینه‌ی ارزیابی طبق جدول مصوب هیئت مدیره از متقاضی گرفته و یک نسخه از گزارش کارشناس بایگانی می‌شود",
      ),
      requirement(PROPERTY_APPRAISAL, "سهل‌البیع و بلامعارض بودن وثیقه"),
      {
        rule: PROPERTY_INSURANCE.rule,
        citation: PROPERTY_INSURANCE.citation,
        kind: "warn",
        message:
          "در صورت درخواست صندوق، ملک باید از طرف متقاضی و به نفع صندوق بیمه‌ی تمام خطر شود و پس از پایان مدت بیمه تمدید گردد (با بیمه‌ی مسئولیت نیازی به آن نیست)",
      },
    );
    if (outsideCity === true) {
      outcomes.push(
        referral(
          OUTSIDE_CITY,
          "کمیته فنی",
          "ملک خارج از محدوده‌ی شهری (باغ، کارگاه و مانند آن) نخست باید در کمیته‌ی فنی مطرح شود",
        ),
      );
      refer = true;
    }
  }
  if (hasPoa) {
    outcomes.push(
      referral(POWER_OF_ATTORNEY, "هیئت مدیره", "اخذ وکالت بلاعزال ملک به تأیید هیئت مدیره نیاز دارد"),
    );
    refer = true;
  }
  if (hasNotes && !insured) {
    outcomes.push(
      rejection(
        NOTES_INSURANCE,
        "ضمانت‌نامه در قبال سفته باید بیمه شود: شرایط صدور بیمه‌نامه باید پیش از صدور ضمانت‌نامه فراهم باشد",
      ),
    );
    reject = true;
  }
  if (insured)
    outcomes.push(
      requirement(
        INSURANCE_COST,
        "پرداخت هزینه‌ی صدور بیمه‌نامه توسط مضمون‌عنه",
        "هزینه پیش از صدور توسط صندوق گرفته می‌شود",
      ),
    );
  if (hasBonds)
    outcomes.push(requirement(BONDS_APPROVAL, "تأیید وضعیت سهام یا اوراق مشارکت توسط کارشناسان مالی"));
  if (feeText !== null) {
    values[FEE_TARGET] = feeText;
    outcomes.push(
      { rule: FEE.rule, citation: FEE.citation, kind: "set", target: FEE_TARGET, value: feeText },
      {
        rule: FEE.rule,
        citation: FEE.citation,
        kind: "require",
        what: "واریز نقدی کارمزد پیش از صدور و تحویل ضمانت‌نامه",
        amount: feeText,
      },
    );
  }
  outcomes.push(
    requirement(DOCUMENTS, "اسناد کتبی قرارداد یا توافقی که ضمانت‌نامه برای آن خواسته می‌شود"),
    requirement(DOCUMENTS, "فرم درخواست صدور ضمانت‌نامه (نمونه شماره ۱)، تکمیل و امضاشده توسط متقاضی"),
  );

  return { decision: reject ? "reject" : refer ? "refer" : "accept", outcomes, values };
}
