/**
 * The two decisions' inputs as their rule files declare them: each input's Persian name with its ASCII
 * alias, and the members of the list inputs. Shared by the corpus generator (bench/cases.ts) and the
 * hand-written decisions (bench/handwritten/), which read a case by the same names and members.
 */

// ───────────────────────────── Electronics fee table (rulesets/electronics/versions/1.zb) ─────────────

export const ELECTRONICS_ALIASES: Readonly<Record<string, string>> = {
  نوع_ضمانت: "guaranteeType",
  مبلغ_ضمانت: "amount",
  مدت_ماه: "termMonths",
  بیمه_شده: "insured",
  وثایق: "collaterals",
  ملک_خارج_از_محدوده_شهری: "propertyOutsideCityLimits",
};

/** A collateral's (وثایق) fields. */
export const COLLATERAL_ALIASES: Readonly<Record<string, string>> = { نوع: "kind", مبلغ: "value" };

export const GUARANTEE_TYPES = [
  "حسن_انجام_کار",
  "پرداخت_وجه_طبق_قرارداد",
  "شرکت_در_مناقصه",
  "شرکت_در_نمایشگاه",
  "اجاره_تجهیزات_تخصصی",
  "اجاره_یا_رهن_مکان_طرح",
  "صادرات",
] as const;

/** In the order the ruleset deducts them: cash, bonds, promissory notes, property (two kinds). */
export const COLLATERAL_KINDS = [
  "وجه_نقد",
  "اوراق_بهادار",
  "سفته",
  "ترهین_ملک",
  "وکالت_بلاعزال_ملک",
] as const;
export type CollateralKind = (typeof COLLATERAL_KINDS)[number];

// ───────────────────────────── Omid-style eligibility (bench/fixtures/omid-eligibility.zb) ───────────

export const OMID_ALIASES: Readonly<Record<string, string>> = {
  نوع_طرح: "planType",
  برند: "brand",
  تابعیت_ایرانی: "iranianCitizen",
  جنسیت: "gender",
  سن: "age",
  نظام_وظیفه: "militaryService",
  بدهی_معوق: "overdueDebt",
  بیمه_اشتغال: "employmentInsurance",
  شغل_دیگر: "otherJob",
  مجوز: "licence",
  سکونت_در_محل_طرح: "residesAtSite",
  مبلغ_درخواستی: "amount",
  منطقه: "region",
  نوع_تسهیلات: "purpose",
  مدت_بازپرداخت: "repaymentMonths",
  دوره_تنفس: "graceMonths",
  نحوه_تقسیط: "instalments",
};

export const PLANS = ["خانگی", "خوداشتغالی", "کارفرمایی", "کارآفرینی"] as const;
export type Plan = (typeof PLANS)[number];
export const GENDERS = ["مرد", "زن"] as const;
export const MILITARY_STATUSES = ["کارت_پایان_خدمت", "معافیت_دائم", "معافیت_موقت", "مشمول"] as const;
export const EMPLOYMENT_INSURANCES = ["ندارد", "اجباری", "دولتی", "خصوصی"] as const;
export const LICENCES = ["لازم_نیست", "دارد", "ندارد"] as const;
export const REGIONS = ["شهری", "روستایی"] as const;
export const PURPOSES = ["ایجاد", "تکمیل", "توسعه", "سرمایه_در_گردش"] as const;
export const INSTALMENTS = ["ماهانه", "فصلی", "سالانه"] as const;
