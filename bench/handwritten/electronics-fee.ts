/**
 * The Electronics fee-table decision (rulesets/electronics/versions/1.zb) written by hand: the limit
 * the engine is measured against. Same input (caller-form case JSON, Persian names or ASCII aliases),
 * same answer: the decision, the titles of the fired rules in the ruleset's order, and the fee
 * (کارمزد) with the ruleset's rounding — computed with decimal.js under the engine's configuration,
 * operation for operation as the ruleset writes it (a division rounds to 40 significant digits, so
 * the order of operations is part of the answer).
 *
 * It returns no messages, outcome objects or values: only what the bench compares. Keep it in step
 * with 1.zb; bench/evaluate.ts aborts if it ever disagrees with the engine on a case.
 */
import { bool, D, type Decided, decimal, fields, keyMap, member, plain, records, required } from "./read";

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

// Parameters [ماده ۳].
const MIN_TERM = new D(12);
const NOTES_COVER = new D("1.2");
const BONDS_COVER = new D("1.2");
const PROPERTY_MIN_SHARE = new D("0.8");
const PROPERTY_MAX_SHARE = new D(1);
const ZERO = new D(0);
const TWELVE = new D(12);
const HUNDRED_PERCENT = new D(1);

// The fee-rate table [ماده ۴], as fractions: the tender row and the «سایر امور» row.
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

const R = {
  amount: "مبلغ ضمانت‌نامه",
  minTerm: "حداقل مدت ضمانت‌نامه",
  itemValue: "ارزش هر وثیقه",
  uninsured: "ضمانت‌نامه بدون بیمه",
  uninsuredCollateral: "وثیقه ضمانت‌نامه بدون بیمه",
  noCollateralFee: "کارمزد ضمانت‌نامه بدون وثیقه",
  mixed: "وثایق ترکیبی",
  cashCover: "پوشش وجه نقد",
  bondsCover: "پوشش اوراق بهادار",
  notesCover: "پوشش سفته",
  propertyCover: "پوشش وثیقه ملکی",
  propertyCommittee: "نسبت ارزش وثیقه ملکی با نظر کمیته فنی",
  propertyAppraisal: "ارزیابی وثیقه ملکی",
  propertyInsurance: "بیمه تمام خطر وثیقه ملکی",
  outsideCity: "ملک خارج از محدوده شهری",
  powerOfAttorney: "وکالت بلاعزال",
  notesInsurance: "بیمه ضمانت‌نامه در قبال سفته",
  insuranceCost: "هزینه بیمه‌نامه",
  bondsApproval: "تأیید اوراق توسط کارشناسان مالی",
  fee: "کارمزد ضمانت‌نامه",
  documents: "مدارک درخواست",
} as const;

export function decideElectronicsFee(input: unknown): Decided {
  // ── the case ──
  const f = fields(input, KEYS);
  const type = member<string>(required(f, "نوع_ضمانت"), GUARANTEE_TYPES, "نوع_ضمانت");
  const amount = decimal(required(f, "مبلغ_ضمانت"), "مبلغ_ضمانت");
  const months = decimal(required(f, "مدت_ماه"), "مدت_ماه");
  const insured = bool(required(f, "بیمه_شده"), "بیمه_شده");
  const outsideRaw = f.get("ملک_خارج_از_محدوده_شهری");
  const outsideCity = outsideRaw === undefined ? undefined : bool(outsideRaw, "ملک_خارج_از_محدوده_شهری");
  const rates = type === "شرکت_در_مناقصه" ? RATE_TENDER : RATE_OTHER;

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

  // ── the rules, in the ruleset's order ──
  const fired: string[] = [];
  let reject = false;
  let refer = false;
  if (amount.lte(ZERO)) {
    fired.push(R.amount);
    reject = true;
  }
  if (months.lt(MIN_TERM)) {
    fired.push(R.minTerm);
    reject = true;
  }
  if (nonPositive) {
    fired.push(R.itemValue);
    reject = true;
  }
  if (!insured) {
    fired.push(R.uninsured);
    refer = true;
  }
  if (!insured && count === 0) fired.push(R.uninsuredCollateral);
  if (count === 0) {
    fired.push(R.noCollateralFee);
    refer = true;
  }
  if (kinds >= 2) {
    fired.push(R.mixed);
    refer = true;
  }
  if (hasCash && !hasBonds && !hasNotes && !hasProperty && cash.lt(amount)) {
    fired.push(R.cashCover);
    reject = true;
  }
  if (hasBonds && !hasNotes && !hasProperty && bonds.lt(bondsRequired)) {
    fired.push(R.bondsCover);
    reject = true;
  }
  if (hasNotes && !hasProperty && notes.lt(notesRequired)) {
    fired.push(R.notesCover);
    reject = true;
  }
  if (hasProperty) {
    const atMost = property.times(PROPERTY_MAX_SHARE);
    if (remainder.gt(atMost)) {
      fired.push(R.propertyCover);
      reject = true;
    }
    if (remainder.gt(property.times(PROPERTY_MIN_SHARE)) && remainder.lte(atMost)) {
      fired.push(R.propertyCommittee);
      refer = true;
    }
    fired.push(R.propertyAppraisal, R.propertyInsurance);
    if (outsideCity === true) {
      fired.push(R.outsideCity);
      refer = true;
    }
  }
  if (hasPoa) {
    fired.push(R.powerOfAttorney);
    refer = true;
  }
  if (hasNotes && !insured) {
    fired.push(R.notesInsurance);
    reject = true;
  }
  if (insured) fired.push(R.insuranceCost);
  if (hasBonds) fired.push(R.bondsApproval);
  if (fee !== undefined) fired.push(R.fee);
  fired.push(R.documents);

  return {
    decision: reject ? "reject" : refer ? "refer" : "accept",
    fired,
    fee: fee === undefined ? null : plain(fee),
  };
}
