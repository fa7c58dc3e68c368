/**
 * The Omid Entrepreneurship Fund's employment-loan ruleset (rulesets/omid/versions/1.zb: 85 rules, 79
 * computed values, 58 inputs with three lists, 9 tables, the art. 52 fee formulas) written by hand in
 * TypeScript: the limit the engine is measured against on a real ruleset. Same input (caller-form
 * case JSON, Persian names or the ASCII aliases 1.zb declares; numbers as JSON numbers or plain decimal
 * strings).
 *
 * A case is computed once (`compute`): the inputs read, one pass over each list, every computed value
 * as 1.zb defines it, and the rules that fire, in 1.zb's order. Two entry points read it:
 * - `decideOmidRuleset`: the decision and the titles of the fired rules;
 * - `omidRulesetResult`: the engine's whole result — every outcome of every fired rule with the fields
 *   the engine gives (rule, citation, kind, message with its holes filled, authority, what, amount,
 *   target/value), and all 79 computed values plus the `set` targets, serialised as the engine
 *   serialises them (engine/serialize.ts: plain decimal strings, percents in percent points, yes/no as
 *   booleans, text as strings, missing as null).
 *
 * Written the way one would write this one decision by hand: the parameters, the heading-code tables
 * (one map from the 43 codes), the other tables' rows, the one value that depends on parameters only
 * (سقف_موارد_خاص) and every message part that shows a parameter are hoisted; the rest is straight-line
 * code. The arithmetic is decimal.js under the engine's configuration (./read.ts `D`), operation for
 * operation as 1.zb writes it: a division rounds to 40 significant digits, so `a × b ÷ c` is
 * `a.times(b).dividedBy(c)` and never reordered. Missing values follow the language (docs/language-
 * spec.md, "Missing values"): an optional input not given, a table with no matching row or a division
 * by zero is `undefined`; arithmetic with it is missing, a comparison with it is false, `نه (…)` of such
 * a comparison is true.
 *
 * Keep it in step with 1.zb: test/bench/omid-ruleset-handwritten.test.ts holds the full result to the
 * engine's evaluateSync on generated cases, every آزمون case and the fund's examples.
 */
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
  type Outcome,
  plain,
  records,
  required,
  type Serialized,
} from "./read";
import { decisionOf, type Message, outcomesOf, type Rule, titles } from "./rules";

// ───────────────────────────── the inputs ─────────────────────────────

/** Input name → ASCII alias (1.zb's ورودی lines). */
const ALIASES: Readonly<Record<string, string>> = {
  کد_سرفصل: "loanCode",
  مبلغ_تسهیلات: "loanAmount",
  سن_متقاضی: "applicantAge",
  جنسیت: "gender",
  تابعیت_ایرانی: "iranianCitizen",
  بدهی_معوق: "hasOverdueDebt",
  بیمه_اشتغال: "employmentInsurance",
  شغل_دیگر: "hasOtherJob",
  منطقه: "area",
  مدت_بازپرداخت: "repaymentMonths",
  دوره_تنفس: "graceMonths",
  نحوه_تقسیط: "instalmentFrequency",
  وثایق: "collaterals",
  ضامنان: "guarantors",
  وضعیت_نظام_وظیفه: "militaryService",
  تعیین_تکلیف_بدهی: "overdueDebtSettled",
  آماده_انصراف_از_کار: "willingToLeaveJob",
  نیاز_به_مجوز: "licenceRequired",
  دارای_مجوز: "hasLicence",
  ساکن_محل_طرح: "livesAtProjectSite",
  زن_سرپرست_خانوار: "femaleHeadOfHousehold",
  وضعیت_تاهل: "maritalStatus",
  همسر_شاغل: "spouseEmployed",
  درآمد_ماهانه_همسر: "spouseMonthlyIncome",
  حداقل_حقوق_قانون_کار: "monthlyMinimumWage",
  مغایر_سبد_کسب_و_کار: "conflictsWithRegionalBasket",
  دارای_مدرک_مرتبط: "hasRelevantQualification",
  ایده_تایید_شده: "ideaApproved",
  توانایی_مدیریت_تایید_شده: "managementAbilityConfirmed",
  سرپرست_خانوار: "headOfHousehold",
  مقرری_بیمه_بیکاری: "receivesUnemploymentBenefit",
  محجور_یا_ورشکسته: "interdictedOrBankrupt",
  بدحساب_صندوق: "badPayerAtFund",
  تعداد_کارکنان: "employees",
  بخش_کشاورزی: "agricultureOrLivestock",
  کارگاه_دایر: "runningWorkshop",
  خرید_خودرو: "vehiclePurchase",
  قیمت_خودرو: "vehiclePrice",
  کارکرد_خودرو_سال: "vehicleAgeYears",
  مراحل_پرداخت: "paymentStages",
  فاصله_مراحل_روز: "daysBetweenStages",
  نوع_وام_مجدد: "repeatLoanKind",
  اقساط_پرداخت_شده_وام_قبلی: "previousInstalmentsPaid",
  کل_اقساط_وام_قبلی: "previousInstalmentsTotal",
  قسط_معوق_وام_قبلی: "previousLoanOverdue",
  آورده: "contribution",
  گروه_هدف_کم_برخوردار: "lowIncomeTargetGroup",
  روز_درخواست_تغییر_فعالیت: "activityChangeRequestDay",
  روزهای_تنفس: "graceDays",
  روزهای_تاخیر: "daysLate",
  انصراف: "withdrawal",
  مانده_اصل_وام: "outstandingPrincipal",
  کارمزد_تا_انصراف: "feeToWithdrawal",
  قسط_معوق_هنگام_انصراف: "overdueAtWithdrawal",
  هزینه_وصول_دین: "collectionCosts",
  طرح_راه_اندازی_شده: "launched",
  هزینه_انجام_شده: "amountSpent",
  ضامن_لازم: "requiredGuarantors",
};
const COLLATERAL_ALIASES = { نوع: "kind", ارزش: "value", عمر_سال: "ageYears", کوپن_سود: "couponDelivered" };
const GUARANTOR_ALIASES = {
  نوع: "kind",
  سن: "age",
  مبلغ_ماهانه: "monthlyAmount",
  سابقه_سال: "years",
  ضمانت‌های_جاری: "activeGuarantees",
  اعتبار_جواز_سال: "licenceYearsLeft",
};
const STAGE_ALIASES = { مبلغ: "amount", مدت_روز: "days" };
const KEYS = keyMap(ALIASES);
const COLLATERAL_KEYS = keyMap(COLLATERAL_ALIASES);
const GUARANTOR_KEYS = keyMap(GUARANTOR_ALIASES);
const STAGE_KEYS = keyMap(STAGE_ALIASES);

const members = (...m: string[]): ReadonlySet<string> => new Set(m);
const GENDERS = members("مرد", "زن");
const INSURANCES = members("ندارد", "اجباری", "دولتی", "خصوصی");
const AREAS = members("شهری", "روستایی");
const FREQUENCIES = members("ماهانه", "فصلی", "سالانه");
const MILITARY_STATUSES = members("کارت_پایان_خدمت", "معافیت_دائم", "معافیت_موقت", "مشمول");
const MARITAL = members("مجرد", "متاهل");
const REPEAT_KINDS = members("خوش_حسابی", "توسعه_یا_ارتقا", "کارآفرین_برتر");
const WITHDRAWALS = members("اعلام_انصراف", "ترک_بی_اطلاع");

type CollateralKind =
  | "ضمانت‌نامه"
  | "سپرده"
  | "اوراق_مشارکت"
  | "طلا"
  | "ملک_مسکونی_شهری"
  | "ملک_تجاری_اداری"
  | "زمین_شهری"
  | "ملک_صنعتی_خدماتی_کارگاهی"
  | "ملک_روستایی"
  | "تاسیسات_دامداری_صنایع"
  | "زمین_زراعی_باغ"
  | "ساختمان_آتی_الاحداث"
  | "قلمستان"
  | "زمین_شهرک_صنعتی"
  | "اموال_منقول"
  | "چک"
  | "سفته";
const COLLATERAL_KINDS = members(
  "ضمانت‌نامه",
  "سپرده",
  "اوراق_مشارکت",
  "طلا",
  "ملک_مسکونی_شهری",
  "ملک_تجاری_اداری",
  "زمین_شهری",
  "ملک_صنعتی_خدماتی_کارگاهی",
  "ملک_روستایی",
  "تاسیسات_دامداری_صنایع",
  "زمین_زراعی_باغ",
  "ساختمان_آتی_الاحداث",
  "قلمستان",
  "زمین_شهرک_صنعتی",
  "اموال_منقول",
  "چک",
  "سفته",
);
type GuarantorKind =
  | "کارمند_رسمی"
  | "بازنشسته"
  | "قراردادی"
  | "مستمری_بگیر"
  | "کاسب"
  | "وام_گیرنده_صندوق"
  | "ضامن_معتبر"
  | "یارانه_ثالث"
  | "شخص_حقوقی";
const GUARANTOR_KINDS = members(
  "کارمند_رسمی",
  "بازنشسته",
  "قراردادی",
  "مستمری_بگیر",
  "کاسب",
  "وام_گیرنده_صندوق",
  "ضامن_معتبر",
  "یارانه_ثالث",
  "شخص_حقوقی",
);

interface Collateral {
  kind: CollateralKind;
  value: D;
  ageYears: D;
  coupon: boolean;
}
interface Guarantor {
  kind: GuarantorKind;
  age: D;
  monthly: D;
  years: D;
  active: D;
  licenceYears: D;
}
interface Stage {
  amount: D;
  days: D;
}

// ───────────────────────────── parameters (1.zb's پارامتر lines) ─────────────────────────────

const MICRO_MAX_STAFF = new D(10); // [ماده ۱، بند ۲]
const SMALL_MAX_STAFF = new D(50);
const MEDIUM_MAX_STAFF = new D(250);
const SELF_EMPLOYED_STAFF = new D(2); // [ماده ۱، بند ۴]
const HOME_MIN_AGE = new D(18); // [ماده ۱۴، بند الف-۷]
const HOME_MAX_AGE = new D(60);
const EMPLOYER_MIN_AGE = new D(25); // [ماده ۱۴، بند الف-۸]
const EMPLOYER_MAX_AGE = new D(65);
const LEGAL_AGE = new D(18); // [ماده ۶۹، بند ۶]
const CAP_HOME = new D(100_000_000); // [ماده ۳۹]
const CAP_SELF = new D(300_000_000); // [ماده ۴۰]
const CAP_EMPLOYER = new D(1_000_000_000); // [ماده ۴۱]
const SPECIAL_INCREASE = new D("0.5"); // ۵۰٪ [ماده ۴۱، تبصره ۳۳]
const PROVINCE_LIMIT = new D(500_000_000); // [ماده ۱۱، بند ۳]
const COMMITTEE_LIMIT = new D(1_000_000_000); // [ماده ۱۳، بند ۱]
const WC_CAP_SELF = new D(100_000_000); // [ماده ۲۳]
const WC_CAP_EMPLOYER = new D(500_000_000);
const RURAL_EMPLOYER_MAX_TERM = new D(66); // months [ماده ۴۲، تبصره ۳۴]
const WC_MIN_TERM = new D(24); // months [ماده ۴۳]
const WC_MAX_TERM = new D(36);
const VEHICLE_SHARE = new D("0.8"); // ۸۰٪ [ماده ۴۴]
const USED_VEHICLE_MAX_AGE = new D(2); // years [ماده ۴۴، تبصره ۳۶]
const ONE_STAGE_LIMIT = new D(100_000_000); // [ماده ۴۸]
const TWO_STAGE_LIMIT = new D(300_000_000);
const EXCEPTIONAL_MAX_GRACE = new D(12); // months [ماده ۴۹]
const QUARTERLY_MAX_GRACE = new D(6); // months [ماده ۴۹، تبصره ۳۸]
const SELF_STAGE_GAP = new D(45); // days [ماده ۵۸]
const DEBT_DUE_DAYS = new D(60); // days [ماده ۵۸، تبصره ۴۴]
const PROVINCE_EXTENSION_DAYS = new D(30);
const MAX_CONTRIBUTION = new D("0.2"); // ۲۰٪ [ماده ۶۰]
const MAX_CONTRIBUTION_TARGET = new D("0.1"); // ۱۰٪ [ماده ۶۱، تبصره ۴۶]
const FILE_DEADLINE = new D(1); // month [ماده ۵۶]
const LEASE_DEADLINE = new D(45); // days [ماده ۵۷]
const ACTIVITY_CHANGE_DEADLINE = new D(45); // days [ماده ۸۳]
const FEE_RATE = new D("0.04"); // ۴٪ [ماده ۵۰]
const LATE_RATE = new D("0.1"); // ۱۰٪ [ماده ۵۲]
const DAYS_PER_GRACE_MONTH = new D(30); // [ماده ۵۲]
const WITHDRAWAL_PENALTY_RATE = new D("0.06"); // ۶٪ [ماده ۸۲، تبصره ۱۰۲]
const FIRST_VISIT_AFTER = new D(3); // months [ماده ۱، بند ۱۵]
const SECOND_VISIT_AFTER = new D(6);
const SAMPLE_YEAR_2 = new D("0.5");
const SAMPLE_YEAR_3 = new D("0.25");
const RATIO_BANK_GUARANTEE = new D("1.2"); // [ماده ۶۷، بند ج-۱-۱]
const RATIO_DEPOSIT = new D("1.2"); // [ماده ۶۷، بند ج-۲-۱]
const RATIO_BONDS_COUPON = new D(1); // [ماده ۶۷، بند ج-۳-۳]
const RATIO_BONDS_NO_COUPON = new D("1.2");
const RATIO_GOLD = new D("1.5"); // [ماده ۶۷، بند ج-۴-۱]
const RATIO_URBAN_PROPERTY = new D("1.5"); // [ماده ۶۷، بند ج-۵-۱]
const FACTOR_URBAN_LAND = new D("0.5"); // [ماده ۶۷، بند ج-۵-۹]
const RATIO_URBAN_LAND = new D(1);
const MAX_BUILDING_AGE = new D(20); // years [ماده ۶۷، بند ج-۵-۴]
const FACTOR_OLD_BUILDING = new D("0.7"); // [ماده ۶۷، تبصره ۷۶]
const RATIO_RURAL_PROPERTY = new D("1.2"); // [ماده ۷۰، بند ب-۲-۱]
const RATIO_MOVABLES = new D("1.2"); // [ماده ۷۰، بند ب-۳]
const MAX_MOVABLES_AGE = new D(3); // years
const RATIO_AFTER_FACTOR = new D("1.2"); // [ماده ۷۲، تبصره ۹۷]
const RATIO_CHEQUE = new D("1.2"); // [ماده ۶۷، بند ج-۶-۲]
const RATIO_NOTE = new D("1.2"); // [ماده ۶۷، بند ج-۷-۲]
const COMMERCIAL_PAPER_COVER = new D("1.2"); // [ماده ۶۷، تبصره ۶۸]
const GUARANTEE_DAYS_AFTER_DUE = new D(10); // [ماده ۶۷، بند ج-۱-۲-۳]
const GUARANTEE_REMINDER = new D(1); // month [ماده ۶۷، بند ج-۱-۲-۸]
const ONE_EXPERT_LIMIT = new D(1_000_000_000); // [ماده ۷۳، بند ۷]
const GUARANTOR_MAX_AGE = new D(70); // [ماده ۶۹، بند ۱]
const MAX_GUARANTEES_PERSON = new D(2); // [ماده ۶۹، بند ۳]
const MAX_GUARANTEES_LICENCE = new D(1);
const MIN_LICENCE_YEARS = new D(3); // [ماده ۶۷، تبصره ۵۰]
const MIN_BORROWER_YEARS = new D(3); // [ماده ۶۷، تبصره ۵۵]
const SALARY_SHARE = new D("0.25"); // [ماده ۶۷، بند الف-۳-۵]
const SUBSIDY_FACTOR = new D("1.5"); // [ماده ۶۷، تبصره ۴۹]

// Literals the expressions write.
const ZERO = new D(0);
const ONE = new D(1);
const TWO = new D(2);
const THREE = new D(3);
const FOUR = new D(4);
const FIVE = new D(5);
const TWELVE = new D(12);
const DAYS_PER_YEAR = new D(365);
const HALF = new D("0.5");
const SEVENTY_PERCENT = new D("0.7");

/** سقف_موارد_خاص = سقف_کارفرمایی × (۱۰۰٪ + افزایش_سقف_موارد_خاص): parameters only, so computed once. */
const SPECIAL_CAP = CAP_EMPLOYER.times(ONE.plus(SPECIAL_INCREASE));
const SPECIAL_CAP_TEXT = plain(SPECIAL_CAP);

// ───────────────────────────── tables ─────────────────────────────

type Level = "خانگی" | "خوداشتغالی" | "کارفرمایی" | "تعاونی";
interface Heading {
  level: Level;
  subject: string;
  format: string;
}

/**
 * The three heading tables [ماده ۳۸] (سطح_سرفصل, موضوع_سرفصل, قالب_سرفصل: unique, over the same 43
 * codes, no code in two rows) as one map: code → its level, subject and format.
 */
const HEADINGS: ReadonlyMap<number, Heading> = (() => {
  const level: [Level, number[]][] = [
    ["خانگی", [100, 101, 102, 103, 150, 160, 170, 180]],
    ["خوداشتغالی", [110, 111, 112, 113, 140, 142, 151, 161, 171, 181]],
    ["کارفرمایی", [120, 121, 122, 123, 143, 152, 153, 162, 163, 172, 173, 182]],
    ["تعاونی", [130, 131, 132, 133, 141, 144, 154, 155, 164, 165, 174, 175, 183]],
  ];
  const subject: [string, number[]][] = [
    ["ایجاد", [100, 110, 120, 130]],
    ["تکمیل", [101, 111, 121, 131]],
    ["توسعه", [102, 112, 122, 132]],
    ["سرمایه در گردش", [103, 113, 123, 133, 153, 155, 163, 165, 173, 175]],
    ["مکان و تجهیزات", [141, 152, 154, 162, 164, 172, 174]],
    ["نامعین", [140, 142, 143, 144, 150, 151, 160, 161, 170, 171]],
    ["خرید دین", [180, 181, 182, 183]],
  ];
  const format: [string, number[]][] = [
    ["عادی", [100, 101, 102, 103, 110, 111, 112, 113, 120, 121, 122, 123, 130, 131, 132, 133]],
    ["ناوگان تاکسیرانی", [140, 141]],
    ["شبکه حمل و نقل", [142, 143, 144]],
    ["برند", [150, 151, 152, 153, 154, 155]],
    ["طرح پشتیبان", [160, 161, 162, 163, 164, 165]],
    ["خوشه", [170, 171, 172, 173, 174, 175]],
    ["خرید دین", [180, 181, 182, 183]],
  ];
  const byCode = <T>(rows: [T, number[]][]) =>
    new Map(rows.flatMap(([v, codes]) => codes.map((c) => [c, v])));
  const subjects = byCode(subject);
  const formats = byCode(format);
  const out = new Map<number, Heading>();
  for (const [lv, codes] of level)
    for (const code of codes)
      out.set(code, {
        level: lv,
        subject: subjects.get(code) as string,
        format: formats.get(code) as string,
      });
  return out;
})();

/** سقف_سطح [ماده ۳۹]. */
const CAP_BY_LEVEL: Readonly<Record<Level, D>> = {
  خانگی: CAP_HOME,
  خوداشتغالی: CAP_SELF,
  کارفرمایی: CAP_EMPLOYER,
  تعاونی: CAP_EMPLOYER,
};
/** حداکثر_دوره_بازپرداخت [ماده ۴۲] (months), the self-employed row by area. */
const TERM_HOME = new D(36);
const TERM_SELF_URBAN = new D(48);
const TERM_SELF_RURAL = new D(60);
const TERM_EMPLOYER = new D(60);
/** حداکثر_تنفس_سطح [ماده ۴۹] (months). */
const GRACE_BY_LEVEL: Readonly<Record<Level, D>> = {
  خانگی: new D(3),
  خوداشتغالی: new D(4),
  کارفرمایی: new D(6),
  تعاونی: new D(6),
};

/**
 * نسبت_پوشش [ماده ۶۷] (unique): the cover each kind of collateral must give, by kind (and, for bonds,
 * whether the coupons were delivered). Every kind has a row, so the look-up is never missing.
 */
function coverRatio(kind: CollateralKind, coupon: boolean): D {
  switch (kind) {
    case "ضمانت‌نامه":
      return RATIO_BANK_GUARANTEE;
    case "سپرده":
      return RATIO_DEPOSIT;
    case "اوراق_مشارکت":
      return coupon ? RATIO_BONDS_COUPON : RATIO_BONDS_NO_COUPON;
    case "طلا":
      return RATIO_GOLD;
    case "ملک_مسکونی_شهری":
    case "ملک_تجاری_اداری":
      return RATIO_URBAN_PROPERTY;
    case "زمین_شهری":
      return RATIO_URBAN_LAND;
    case "ملک_روستایی":
      return RATIO_RURAL_PROPERTY;
    case "تاسیسات_دامداری_صنایع":
    case "زمین_زراعی_باغ":
    case "ساختمان_آتی_الاحداث":
    case "قلمستان":
    case "زمین_شهرک_صنعتی":
      return RATIO_AFTER_FACTOR;
    case "اموال_منقول":
      return RATIO_MOVABLES;
    case "چک":
      return RATIO_CHEQUE;
    case "سفته":
      return RATIO_NOTE;
    case "ملک_صنعتی_خدماتی_کارگاهی":
      return ONE;
  }
}

/** ضریب_ارزش [ماده ۷۲] (first hit): the share of the appraised value accepted, by kind and age. */
function valueFactor(kind: CollateralKind, ageYears: D): D {
  switch (kind) {
    case "ملک_مسکونی_شهری":
    case "ملک_تجاری_اداری":
      return ageYears.lte(MAX_BUILDING_AGE) ? ONE : FACTOR_OLD_BUILDING;
    case "زمین_شهری":
      return FACTOR_URBAN_LAND;
    case "ملک_روستایی":
    case "تاسیسات_دامداری_صنایع":
    case "ساختمان_آتی_الاحداث":
    case "زمین_شهرک_صنعتی":
      return SEVENTY_PERCENT;
    case "زمین_زراعی_باغ":
    case "قلمستان":
      return HALF;
    case "اموال_منقول":
      return ageYears.lte(MAX_MOVABLES_AGE) ? HALF : ZERO;
    case "ضمانت‌نامه":
    case "سپرده":
    case "اوراق_مشارکت":
    case "طلا":
    case "چک":
    case "سفته":
      return ONE;
    case "ملک_صنعتی_خدماتی_کارگاهی":
      return ZERO;
  }
}

/** واحد_ضامن [ماده ۶۷، تبصره ۶۱] (first hit): how many guarantors one counts for. */
function guarantorUnit(kind: GuarantorKind, years: D): D {
  switch (kind) {
    case "قراردادی":
      return years.gte(FIVE) ? ONE : years.gte(THREE) ? HALF : ZERO;
    case "مستمری_بگیر":
      return HALF;
    default:
      return ONE;
  }
}

// ───────────────────────────── how messages show values ─────────────────────────────

/** A missing value in a message. */
const MISSING = "—";
const years = (d: D) => `${faNumber(d)} سال`;
const months = (d: D) => `${faNumber(d)} ماه`;
const days = (d: D) => `${faNumber(d)} روز`;
const rials = (d: D) => `${faNumber(d)} ریال`;
const numberOrNot = (d: D | undefined) => (d === undefined ? MISSING : faNumber(d));
const monthsOrNot = (d: D | undefined) => (d === undefined ? MISSING : months(d));
const rialsOrNot = (d: D | undefined) => (d === undefined ? MISSING : rials(d));
const percentOrNot = (d: D | undefined) => (d === undefined ? MISSING : faPercent(d));
const textOrNot = (s: string | undefined) => s ?? MISSING;

/** A number, money or percent as the result serialises it: plain decimal text, null when missing. */
const ser = (d: D | undefined): Serialized => (d === undefined ? null : plain(d));
const HUNDRED = new D(100);
const serPercent = (d: D): Serialized => plain(d.times(HUNDRED));

// ───────────────────────────── one case, computed once ─────────────────────────────

/** Every computed value of 1.zb (in its order), the inputs the messages show, and the rules that fire. */
interface Omid {
  // inputs the messages show
  code: D;
  amount: D;
  repay: D;
  grace: D;
  frequency: string;
  employees: D | undefined;
  spouseIncome: D | undefined;
  minimumWage: D | undefined;
  stageGap: D | undefined;
  contribution: D | undefined;
  daysLate: D | undefined;
  // computed values
  level: Level | undefined;
  subject: string | undefined;
  format: string | undefined;
  home: boolean;
  selfEmployed: boolean;
  homeOrSelf: boolean;
  employer: boolean;
  brand: boolean;
  size: string;
  spouseRuleExempt: boolean;
  normalCap: D | undefined;
  workshopCapital: boolean;
  workshopCap: D;
  vehicleCap: D | undefined;
  allowedCap: D | undefined;
  authority: string;
  capitalOnly: boolean;
  maxTerm: D | undefined;
  maxGrace: D | undefined;
  instalmentMonths: D;
  monthsPerInstalment: D;
  instalmentsPerYear: D;
  instalments: D;
  maxStages: D;
  stageCount: D;
  paidShare: D | undefined;
  twoThirdsPaid: boolean;
  overTwoThirdsPaid: boolean;
  contributionShare: D;
  contributionCap: D;
  stageFees: D;
  graceDays: D;
  graceFee: D;
  collectibleFee: D;
  yearInstalments: readonly [D, D, D, D, D, D];
  yearBalances: readonly [D, D | undefined, D | undefined, D | undefined, D | undefined, D | undefined];
  yearFees: readonly [D, D | undefined, D | undefined, D | undefined, D | undefined, D | undefined];
  instalmentFee: D | undefined;
  instalment: D | undefined;
  lateFine: D | undefined;
  penalised: boolean;
  penalty: D | undefined;
  settlement: D | undefined;
  launchStatus: string;
  assetCover: D;
  uncovered: D;
  monthlyInstalment: D | undefined;
  ineligibleGuarantors: D;
  unlicensedUnits: D;
  licenceGuarantors: D;
  guarantorUnits: D;
  requiredUnits: D;
  salaryQuarters: D;
  hasEmployedGuarantor: boolean;
  salaryShortfall: D | undefined;
  personalCoverEnough: boolean;
  coverEnough: boolean;
  hasGuarantor: boolean;
  hasProperty: boolean;
  paperNeeded: D;
  cheques: D;
  notes: D;
  appraisal: string;
  /** The rules that fire, in 1.zb's order. */
  fired: OmidRule[];
  decision: Decision;
}

type OmidRule = Rule<Omid>;

// ───────────────────────────── the rules: title, citation, outcomes ─────────────────────────────

/** One outcome of a rule, as 1.zb writes it. */
type Spec =
  | { kind: "reject" | "warn"; message: Message<Omid> }
  | { kind: "refer"; authority: string; message: Message<Omid> }
  | { kind: "require"; what: string; message?: Message<Omid>; amount?: (c: Omid) => D | undefined }
  | { kind: "set"; target: string; value: (c: Omid) => Serialized };

const reject = (message: Message<Omid>): Spec => ({ kind: "reject", message });
const warn = (message: Message<Omid>): Spec => ({ kind: "warn", message });
const refer = (authority: string, message: Message<Omid>): Spec => ({ kind: "refer", authority, message });
const require = (what: string, message?: Message<Omid>, amount?: (c: Omid) => D | undefined): Spec => ({
  kind: "require",
  what,
  message,
  amount,
});
const set = (target: string, value: (c: Omid) => Serialized): Spec => ({ kind: "set", target, value });

const text = (m: Message<Omid>, c: Omid): string => (typeof m === "string" ? m : m(c));

/**
 * A rule: its outcomes in 1.zb's order, shaped as the engine's (engine/engine.ts resultBuilder): an
 * outcome has a message only if 1.zb gives one, an amount only when it is not missing; a `set` writes
 * its target into the values.
 */
function rule(title: string, citation: string, ...specs: Spec[]): OmidRule {
  const effect = specs.some((s) => s.kind === "reject")
    ? "reject"
    : specs.some((s) => s.kind === "refer")
      ? "refer"
      : undefined;
  return {
    rule: title,
    citation,
    effect,
    outcomes(c, out, values) {
      for (const s of specs) {
        switch (s.kind) {
          case "reject":
          case "warn":
            out.push({ rule: title, citation, kind: s.kind, message: text(s.message, c) });
            break;
          case "refer":
            out.push({
              rule: title,
              citation,
              kind: "refer",
              message: text(s.message, c),
              authority: s.authority,
            });
            break;
          case "require": {
            const o: Outcome = { rule: title, citation, kind: "require" };
            if (s.message !== undefined) o.message = text(s.message, c);
            o.what = s.what;
            const amount = s.amount?.(c);
            if (amount !== undefined) o.amount = plain(amount);
            out.push(o);
            break;
          }
          case "set": {
            const value = s.value(c);
            values[s.target] = value;
            out.push({ rule: title, citation, kind: "set", target: s.target, value });
            break;
          }
        }
      }
    },
  };
}

const BOARD = "کمیته تصویب طرح‌ها";

const HEADING_CODE: OmidRule = rule(
  "کد سرفصل",
  "ماده ۳۸؛ ماده ۳۸، تبصره ۳۲",
  reject((c) => `کد سرفصل ${numberOrNot(c.code)} در فهرست ۴۳ سرفصل ماده‌ی ۳۸ نیست`),
);
const AMOUNT_POSITIVE: OmidRule = rule(
  "مبلغ تسهیلات",
  "ماده ۵۹",
  reject("مبلغ تسهیلات باید بیشتر از صفر باشد"),
);
const SIZE_CLASS: OmidRule = rule(
  "رده اندازه کسب و کار",
  "ماده ۱، بند ۲",
  set("رده_اندازه", (c) => c.size),
);
const STAFF_OVER_SELF_EMPLOYED: OmidRule = rule(
  "کارکنان بیش از خوداشتغالی",
  "ماده ۱، بند ۴؛ ماده ۱، بند ۵",
  warn(
    (c) =>
      `طرح خوداشتغالی برای مالک و یک شاگرد است؛ با ${numberOrNot(c.employees)} نفر، طرح از نوع کارفرمایی است`,
  ),
);
const CITIZENSHIP: OmidRule = rule(
  "تابعیت",
  "ماده ۱۴، بند الف-۱",
  reject("تسهیلات تنها به اتباع جمهوری اسلامی ایران داده می‌شود"),
);
const MILITARY: OmidRule = rule(
  "نظام وظیفه",
  "ماده ۱۴، بند الف-۲؛ ماده ۱۸",
  reject("آقایان باید کارت پایان خدمت نظام وظیفه یا معافیت دائم داشته باشند"),
);
const OVERDUE_DEBT: OmidRule = rule(
  "بدهی معوق",
  "ماده ۱۴، بند الف-۳؛ ماده ۱۴، تبصره ۶",
  reject("متقاضی بدهی معوق به صندوق یا شبکه‌ی بانکی دارد"),
);
const DEBT_SETTLED: OmidRule = rule(
  "بدهی معوق تعیین تکلیف شده",
  "ماده ۱۴، تبصره ۶",
  require("مستندات تعیین تکلیف بدهی معوق و عمل به تعهدات قبلی"),
);
const INSURED: OmidRule = rule(
  "بیمه اشتغال",
  "ماده ۱۴، بند الف-۴",
  reject(
    "متقاضی بیمه‌ی اشتغال دارد و شاغل به شمار می‌آید، و آمادگی انصراف از کار حقوق‌بگیری را اعلام نکرده است",
  ),
);
const LEAVING_JOB: OmidRule = rule(
  "انصراف از کار حقوق بگیری",
  "ماده ۱۴، بند الف-۴؛ ماده ۱۴، تبصره ۷",
  require("حذف بیمه‌ی اجباری یا اشتغال، خروج از کارگاه پس از پرداخت تسهیلات و ایجاد بیمه‌ی خویش‌فرمایی"),
);
const DUAL_JOB: OmidRule = rule(
  "دوشغله شدن",
  "ماده ۱۴، بند الف-۵؛ ماده ۱۴، تبصره ۸",
  reject("پرداخت تسهیلات نباید موجب دوشغله شدن شود (کسب و کارهای کارفرمایی و کارآفرینی مستثنا هستند)"),
);
const LICENCE: OmidRule = rule(
  "مجوز طرح",
  "ماده ۱۴، بند الف-۶؛ ماده ۱۴، تبصره ۹",
  reject(
    "راه‌اندازی این طرح الزاماً منوط به مجوز است و مجوز تأییدشده (با تأیید حامی کسب و کار استان) ارائه نشده است",
  ),
);
const AGE_HOME: OmidRule = rule(
  "سن خانگی و خوداشتغالی",
  "ماده ۱۴، بند الف-۷",
  reject(
    `سن متقاضی تسهیلات خانگی و خوداشتغالی باید دست‌کم ${years(HOME_MIN_AGE)} و حداکثر ${years(HOME_MAX_AGE)} تمام باشد`,
  ),
);
const AGE_EMPLOYER: OmidRule = rule(
  "سن کارفرمایی و کارآفرینی",
  "ماده ۱۴، بند الف-۸",
  reject(
    `سن متقاضی در مشاغل کارفرمایی و کارآفرینی باید دست‌کم ${years(EMPLOYER_MIN_AGE)} و حداکثر ${years(EMPLOYER_MAX_AGE)} تمام باشد`,
  ),
);
const CAPACITY: OmidRule = rule(
  "اهلیت متقاضی",
  "ماده ۶۹، بند ۶",
  reject(
    `پذیرش محجورین، ورشکستگان، افراد کمتر از ${years(LEGAL_AGE)} (بی حکم رشد) و بدحسابان پیشین صندوق به‌عنوان تسهیلات‌گیرنده ممنوع است`,
  ),
);
const UNEMPLOYMENT_BENEFIT: OmidRule = rule(
  "گواهی قطع مقرری بیمه بیکاری",
  "ماده ۲۷",
  require("گواهی قطع مقرری بیمه‌ی بیکاری"),
);
const REGIONAL_BASKET: OmidRule = rule(
  "سبد کسب و کار منطقه",
  "ماده ۱۴، بند ب-۱",
  reject("کسب و کار با سبد کسب و کارهای منطقه تناقض دارد"),
);
const RESIDENCE: OmidRule = rule(
  "سکونت در محل اجرای طرح",
  "ماده ۱۴، بند ب-۲؛ ماده ۱۴، تبصره ۱۰",
  reject("در طرح‌های خانگی و خوداشتغالی سکونت در محل اجرای طرح الزامی است"),
);
const QUALIFICATION: OmidRule = rule(
  "مدرک تحصیلی یا مهارتی",
  "ماده ۱۴، بند ب-۳",
  reject("مدرک تحصیلی یا مهارتی یا گواهی سابقه‌ی تجربی مرتبط با کسب و کار لازم است"),
);
const IDEA_AND_MANAGEMENT: OmidRule = rule(
  "ایده و توانایی مدیریت",
  "ماده ۱۴، بند ب-۵؛ ماده ۱۴، بند ب-۶",
  reject("ایده‌ی شروع فعالیت و توانایی مدیریت کسب و کار باید به تأیید کارشناسان صندوق برسد"),
);
const FEMALE_HEAD_PRIORITY: OmidRule = rule(
  "اولویت زنان سرپرست خانوار",
  "ماده ۱۴، بند ب-۴",
  set("اولویت_زنان_سرپرست_خانوار", () => true),
  require("استعلام احراز سرپرستی و نبود درآمد کافی، با تأیید و مسئولیت رئیس صندوق شهرستان"),
);
const SPOUSE_INCOME_BAN: OmidRule = rule(
  "منع تسهیلات به زنان دارای همسر با درآمد کافی",
  "ماده ۱۴، تبصره ۱۱؛ ماده ۱۴، تبصره ۱۲",
  reject(
    (c) =>
      `همسر متقاضی شاغل است و درآمدش (${rialsOrNot(c.spouseIncome)}) از حداقل حقوق قانون کار (${rialsOrNot(c.minimumWage)}) بیشتر است`,
  ),
);
const SPOUSE_INCOME_ENQUIRY: OmidRule = rule(
  "استعلام درآمد همسر",
  "ماده ۱۴، تبصره ۱۱؛ ماده ۱۴، تبصره ۱۲",
  require("درآمد ماهانه‌ی همسر شاغل و حداقل حقوق قانون کار، برای سنجش تبصره‌های ۱۱ و ۱۲"),
);
const SUBSIDY_ACCOUNT: OmidRule = rule(
  "انتقال حساب یارانه و مدارک سرپرستی",
  "ماده ۱۴، بند ب-۷؛ ماده ۵۵؛ ماده ۲۸",
  require("انتقال حساب یارانه‌ی متقاضی و افراد خانوار به صندوق"),
  require("مدارک سرپرستی (و ایثارگری، برای خانواده‌های ایثارگران)"),
);
const FARM_INSURANCE: OmidRule = rule(
  "بیمه دام و محصولات کشاورزی",
  "ماده ۴۶",
  require("بیمه‌ی دام و محصولات کشاورزی در طول دوره‌ی بازپرداخت"),
);
const LIFE_INSURANCE: OmidRule = rule(
  "بیمه عمر وام گیرنده",
  "ماده ۶۴؛ ماده ۶۴، تبصره ۴۸",
  require("بیمه‌ی عمر وام‌گیرنده معادل مانده‌ی بدهی", "هزینه‌ی آن از اصل تسهیلات کسر می‌شود"),
);
const LOAN_CAP: OmidRule = rule(
  "سقف تسهیلات",
  "ماده ۳۹؛ ماده ۴۰؛ ماده ۴۱",
  reject(
    (c) =>
      `مبلغ تسهیلات (${rialsOrNot(c.amount)}) از سقف تسهیلات سطح ${textOrNot(c.level)} (${rialsOrNot(c.normalCap)}) بیشتر است`,
  ),
);
const CEO_ABOVE_CAP: OmidRule = rule(
  "بیش از سقف با موافقت مدیرعامل",
  "ماده ۴۱، تبصره ۳۳؛ ماده ۹۱",
  refer(
    "مدیرعامل",
    `تسهیلات بالای ${rials(CAP_EMPLOYER)} تا ${rials(SPECIAL_CAP)} با پیشنهاد کمیته‌ی تصویب طرح‌ها و موافقت مدیرعامل`,
  ),
);
const WORKSHOP_CAP: OmidRule = rule(
  "سقف سرمایه در گردش کارگاه دایر",
  "ماده ۲۳",
  reject(
    (c) =>
      `سقف تسهیلات سرمایه در گردش یا حفظ اشتغال کارگاه دایر در سطح ${textOrNot(c.level)} ${rialsOrNot(c.workshopCap)} است`,
  ),
);
const WORKSHOP_DEPUTY: OmidRule = rule(
  "موافقت معاونت برای کارگاه دایر",
  "ماده ۲۳",
  refer(
    "معاونت تجهیز و تخصیص منابع مالی",
    "تسهیلات کارگاه دایر با تأیید مدیر صندوق استان و موافقت معاونت تجهیز و تخصیص منابع مالی",
  ),
);
const APPROVAL_AUTHORITY: OmidRule = rule(
  "مرجع تصویب",
  "ماده ۱۱، بند ۳؛ ماده ۱۱، تبصره ۴؛ ماده ۵۹",
  set("مرجع_تصویب", (c) => c.authority),
);
const PLANS_COMMITTEE: OmidRule = rule(
  "تصویب در کمیته تصویب طرح‌ها",
  "ماده ۱۳، بند ۱",
  refer(BOARD, `تسهیلات بیش از ${rials(PROVINCE_LIMIT)} تا ${rials(COMMITTEE_LIMIT)}`),
);
const REPAYMENT_TERM: OmidRule = rule(
  "دوره بازپرداخت",
  "ماده ۴۲",
  reject(
    (c) => `دوره‌ی بازپرداخت (با تنفس) برای سطح ${textOrNot(c.level)} حداکثر ${monthsOrNot(c.maxTerm)} است`,
  ),
);
const RURAL_TERM_66: OmidRule = rule(
  "دوره بازپرداخت تا ۶۶ ماه",
  "ماده ۴۲، تبصره ۳۴",
  refer(BOARD, `افزایش دوره‌ی بازپرداخت طرح کارفرمایی روستایی تا ${months(RURAL_EMPLOYER_MAX_TERM)}`),
);
const CAPITAL_TERM: OmidRule = rule(
  "دوره بازپرداخت سرمایه در گردش",
  "ماده ۴۳",
  reject(`دوره‌ی بازپرداخت تسهیلات سرمایه در گردش بین ${months(WC_MIN_TERM)} و ${months(WC_MAX_TERM)} است`),
);
const CAPITAL_INSTALMENTS: OmidRule = rule(
  "تقسیط سرمایه در گردش",
  "ماده ۴۳",
  reject("تسهیلات سرمایه در گردش به‌صورت ماهیانه یا فصلی (سه‌ماهه) تقسیط می‌شود"),
);
const GRACE: OmidRule = rule(
  "دوره تنفس",
  "ماده ۴۹",
  reject((c) => `دوره‌ی تنفس سطح ${textOrNot(c.level)} حداکثر ${monthsOrNot(c.maxGrace)} است`),
);
const GRACE_EXCEPTIONAL: OmidRule = rule(
  "دوره تنفس استثنایی",
  "ماده ۴۹",
  refer(
    BOARD,
    `افزایش استثنایی دوره‌ی تنفس کارفرمایی تا ${months(EXCEPTIONAL_MAX_GRACE)}، با پیشنهاد مدیر صندوق استان`,
  ),
);
const GRACE_QUARTERLY: OmidRule = rule(
  "تنفس تقسیط فصلی",
  "ماده ۴۹، تبصره ۳۸",
  reject(`دوره‌ی تنفس برای تقسیط فصلی حداکثر ${months(QUARTERLY_MAX_GRACE)} است`),
);
const GRACE_ANNUAL: OmidRule = rule(
  "تنفس تقسیط سالانه",
  "ماده ۴۹، تبصره ۳۸",
  reject("تسهیلات با تقسیط سالانه دوره‌ی تنفس ندارد"),
);
const INSTALMENT_TERM: OmidRule = rule(
  "مدت تقسیط",
  "ماده ۴۹، تبصره ۳۷",
  reject(
    (c) =>
      `پس از کسر دوره‌ی تنفس (${numberOrNot(c.grace)} ماه) از دوره‌ی بازپرداخت (${numberOrNot(c.repay)} ماه) دست‌کم یک قسط ${textOrNot(c.frequency)} باید بماند`,
  ),
);
const INSTALMENT_DIVISIBLE: OmidRule = rule(
  "مدت تقسیط بخش پذیر",
  "ماده ۴۷",
  warn(
    (c) =>
      `مدت تقسیط (${numberOrNot(c.instalmentMonths)} ماه) بر طول قسط ${textOrNot(c.frequency)} بخش‌پذیر نیست؛ ${numberOrNot(c.instalments)} قسط برابر حساب شد`,
  ),
);
const STAGES: OmidRule = rule(
  "مراحل پرداخت",
  "ماده ۴۸",
  reject((c) => `تسهیلات ${rialsOrNot(c.amount)} حداکثر در ${numberOrNot(c.maxStages)} مرحله پرداخت می‌شود`),
);
const STAGES_SUM: OmidRule = rule(
  "جمع مراحل پرداخت",
  "ماده ۴۸",
  reject("جمع مبلغ مراحل پرداخت با مبلغ تسهیلات برابر نیست"),
);
const VEHICLE_ONE_STAGE: OmidRule = rule(
  "وام خودرو یک مرحله‌ای",
  "ماده ۴۵",
  reject("تسهیلات خرید خودرو و تجهیزات یک‌مرحله‌ای است"),
);
const STAGE_PROGRESS: OmidRule = rule(
  "پیشرفت طرح در پرداخت مرحله‌ای",
  "ماده ۲۹",
  require("تأیید پیشرفت اجرای طرح طبق برنامه‌ی کاری مصوب پیش از پرداخت مراحل دوم و سوم"),
);
const STAGE_GAP_WARNING: OmidRule = rule(
  "فاصله مراحل خوداشتغالی",
  "ماده ۵۸",
  warn(
    (c) =>
      `فاصله‌ی مراحل (${numberOrNot(c.stageGap)} روز) از ${days(SELF_STAGE_GAP)} بیشتر است؛ بیش از ${days(DEBT_DUE_DAYS)} دین حال می‌شود`,
  ),
);
const STAGE_GAP_EXTENSION: OmidRule = rule(
  "تمدید فاصله مراحل",
  "ماده ۵۸، تبصره ۴۴",
  refer(
    "مدیر صندوق استان",
    `فاصله‌ی مراحل از ${days(DEBT_DUE_DAYS)} گذشته است؛ تنها با یک بار تمدید ${days(PROVINCE_EXTENSION_DAYS)} مدیر استان دین حال نمی‌شود`,
  ),
);
const DEBT_DUE: OmidRule = rule(
  "حال شدن دین",
  "ماده ۵۸، تبصره ۴۴",
  reject(
    `فاصله‌ی مراحل از ${days(DEBT_DUE_DAYS)} و یک بار تمدید ${days(PROVINCE_EXTENSION_DAYS)} گذشته است؛ دین حال شده است`,
  ),
);
const VEHICLE_CAP: OmidRule = rule(
  "سقف وام خودرو",
  "ماده ۴۴",
  reject(
    (c) => `وام خرید خودرو از ${faPercent(VEHICLE_SHARE)} قیمت خودرو (${rialsOrNot(c.vehicleCap)}) بیشتر است`,
  ),
);
const VEHICLE_PRICE: OmidRule = rule(
  "قیمت خودرو",
  "ماده ۴۴؛ ماده ۴۵",
  require("قیمت خودرو (پیش‌فاکتور خودروساز یا فروشنده)"),
  require("واریز وجه به حساب خودروساز یا فروشنده‌ی تجهیزات"),
);
const USED_VEHICLE: OmidRule = rule(
  "خودروی کارکرده",
  "ماده ۴۴، تبصره ۳۶",
  refer(
    "کمیته اعتباری صندوق استان",
    `خرید خودروی کارکرده تا ${years(USED_VEHICLE_MAX_AGE)} به تشخیص کمیته‌ی اعتباری استان`,
  ),
);
const USED_VEHICLE_TOO_OLD: OmidRule = rule(
  "خودروی کارکرده بیش از ۲ سال",
  "ماده ۴۴، تبصره ۳۶",
  reject(`خرید خودروی کارکرده تنها تا ${years(USED_VEHICLE_MAX_AGE)} کارکرد ممکن است`),
);
const REPEAT_GOOD_PAYER: OmidRule = rule(
  "تسهیلات مجدد خوش حسابی",
  "ماده ۲۱؛ ماده ۱۳، بند ۲",
  refer(BOARD, "تسهیلات مجدد با پیشنهاد مدیر استان، در صورت وجود اعتبار و نیاز به توسعه‌ی طرح"),
);
const REPEAT_GOOD_PAYER_CONDITION: OmidRule = rule(
  "شرط تسهیلات مجدد",
  "ماده ۲۱",
  reject("تسهیلات مجدد پس از پرداخت متوالی دست‌کم دو سوم اقساط وام قبلی، بی قسط معوق، ممکن است"),
);
const REPEAT_UPGRADE: OmidRule = rule(
  "تسهیلات توسعه یا ارتقا",
  "ماده ۲۲",
  refer(BOARD, "توسعه یا ارتقای سطح فعالیت با پیشنهاد و تأیید مدیر صندوق استان"),
);
const REPEAT_UPGRADE_CONDITION: OmidRule = rule(
  "شرط تسهیلات توسعه یا ارتقا",
  "ماده ۲۲",
  reject(
    "تسهیلات توسعه یا ارتقا برای طرحی است که بیش از دو سوم اقساط خود را پرداخته و به تعهدات عمل کرده است",
  ),
);
const REPEAT_TOP_ENTREPRENEUR: OmidRule = rule(
  "تسهیلات مجدد کارآفرین برتر",
  "ماده ۲۴",
  refer("مدیرعامل یا معاونین", "تسهیلات مجدد کارآفرین برتر استانی با پیشنهاد مدیر استان"),
);
const CONTRIBUTION_CAP: OmidRule = rule(
  "سقف آورده",
  "ماده ۶۰؛ ماده ۶۱، تبصره ۴۶",
  reject(
    (c) =>
      `آورده‌ی خواسته‌شده (${rialsOrNot(c.contribution)}) از ${percentOrNot(c.contributionShare)} تسهیلات مصوب (${rialsOrNot(c.contributionCap)}) بیشتر است`,
  ),
);
const FILE_DEADLINES: OmidRule = rule(
  "مهلت‌های پرونده",
  "ماده ۵۶؛ ماده ۵۷",
  require("تکمیل پرونده", `ظرف ${months(FILE_DEADLINE)} پس از اعلام مشخصات تسهیلات`),
  require("اجاره‌نامه‌ی مکان کسب و کار (در صورت اجاره)", `حداکثر ${days(LEASE_DEADLINE)} پس از پرداخت هر مرحله، با تأیید رئیس شهرستان`),
);
const ACTIVITY_CHANGE: OmidRule = rule(
  "تغییر فعالیت کسب و کار",
  "ماده ۸۳",
  refer("مدیر صندوق استان", "تغییر فعالیت در مرحله‌ی راه‌اندازی با تأیید حامی کسب و کار و موافقت مدیر استان"),
  require("درخواست کتبی، طرح کسب و کار تازه و پرداخت کارمزد دوران راه‌اندازی"),
);
const ACTIVITY_CHANGE_LATE: OmidRule = rule(
  "مهلت تغییر فعالیت",
  "ماده ۸۳",
  reject(`تغییر فعالیت تنها تا ${days(ACTIVITY_CHANGE_DEADLINE)} پس از دریافت تسهیلات ممکن است`),
);
const FEES: OmidRule = rule(
  "کارمزد و اقساط",
  "ماده ۵۲، تبصره ۳۹؛ ماده ۵۱",
  require("پرداخت کارمزد دوره‌ی تنفس و فواصل پرداخت‌های مرحله‌ای هنگام پرداخت وام", (c) =>
    `اصل وام و کارمزد دوره‌ی بازپرداخت (${rialsOrNot(c.instalmentFee)}) در ${numberOrNot(c.instalments)} قسط ${rialsOrNot(c.instalment)} گرفته می‌شود`, (
    c,
  ) => c.collectibleFee),
);
const LATE_FINE: OmidRule = rule(
  "جریمه دیرکرد",
  "ماده ۵۲",
  require("جریمه‌ی دیرکرد قسط", (c) =>
    `${numberOrNot(c.daysLate)} روز تأخیر در قسط ${rialsOrNot(c.instalment)}`, (c) => c.lateFine),
);
const WITHDRAWAL_SETTLEMENT: OmidRule = rule(
  "تسویه انصراف",
  "ماده ۸۲؛ ماده ۸۲، تبصره ۱۰۰؛ ماده ۸۲، تبصره ۱۰۱",
  require("تسویه‌ی مانده‌ی اصل وام، کارمزد تا زمان انصراف و جرائم متعلقه", (c) =>
    `وجه التزام ${faPercent(WITHDRAWAL_PENALTY_RATE)}: ${rialsOrNot(c.penalty)}؛ مراتب به مسئول مالی استان اعلام شود`, (
    c,
  ) => c.settlement),
);
const MONITORING: OmidRule = rule(
  "برنامه نظارت پس از پرداخت",
  "ماده ۱، بند ۱۵؛ ماده ۳۳",
  require("نظارت اولیه و تکمیلی", `سال اول دو بار: ${months(FIRST_VISIT_AFTER)} پس از نظارت اولیه و ${months(SECOND_VISIT_AFTER)} پس از آن؛ سال دوم با نمونه‌گیری ${faPercent(SAMPLE_YEAR_2)} و سال سوم ${faPercent(SAMPLE_YEAR_3)} طرح‌های فعال`),
);
const LAUNCH_STATUS: OmidRule = rule(
  "وضعیت راه اندازی طرح",
  "ماده ۱، بند ۱۶؛ ماده ۱، تبصره ۱",
  set("وضعیت_طرح", (c) => c.launchStatus),
);
const COVER_SHORTFALL: OmidRule = rule(
  "کسری تضمین",
  "ماده ۶۷؛ ماده ۷۵",
  require("ضامن معتبر یا وثیقه‌ی تکمیلی", (c) =>
    `وثایق ${rialsOrNot(c.assetCover)} از اصل را می‌پوشانند؛ مانده ${rialsOrNot(c.uncovered)} به ضامن نیاز دارد: ${numberOrNot(c.guarantorUnits)} واحد ضامن پذیرفتنی از ${numberOrNot(c.requiredUnits)} واحد لازم`, (
    c,
  ) => c.uncovered),
);
const SALARY_SHORTFALL: OmidRule = rule(
  "کسری حقوق ضامنان",
  "ماده ۶۷، بند الف-۳-۵؛ ماده ۶۷، تبصره ۵۸",
  require("ضمانت بیشتر تا برابری یک‌چهارم حقوق پایه‌ی ضامنان با یک قسط", (c) =>
    `یک‌چهارم حقوق پایه‌ی ضامنان (${rialsOrNot(c.salaryQuarters)}) از یک قسط (${rialsOrNot(c.instalment)}) کمتر است`, (
    c,
  ) => c.salaryShortfall),
);
const INELIGIBLE_GUARANTORS: OmidRule = rule(
  "ضامن نپذیرفتنی",
  "ماده ۶۹؛ ماده ۶۹، تبصره ۹۰",
  warn(
    (c) =>
      `${numberOrNot(c.ineligibleGuarantors)} ضامن شرایط را ندارد و شمرده نشد (کمتر از ${years(LEGAL_AGE)}، سن بیش از ${years(GUARANTOR_MAX_AGE)} تا پایان اقساط، ضمانت‌های جاری، اعتبار جواز یا سابقه، یا یارانه‌ی کمتر از ${faPercent(SUBSIDY_FACTOR)} قسط ماهانه)؛ موارد خاص با مجوز کمیته‌ی عالی اعتباری یا مدیرعامل`,
  ),
);
const SECOND_LICENCE_GUARANTOR: OmidRule = rule(
  "ضامن جواز کسب دوم",
  "ماده ۶۷، تبصره ۶۲",
  warn(
    (c) =>
      `در هر فقره تسهیلات تنها یک ضامن جواز کسب پذیرفته می‌شود؛ ${numberOrNot(c.licenceGuarantors)} ضامن جواز کسب یک واحد شمرده شد`,
  ),
);
const LICENCE_GUARANTOR: OmidRule = rule(
  "ضامن جواز کسب",
  "ماده ۶۷، بند الف-۲؛ ماده ۶۷، تبصره ۵۱؛ ماده ۶۷، تبصره ۵۳؛ ماده ۶۹، بند ۲",
  require("تعهد محضری دارنده‌ی جواز، بازدید از دایر بودن کسب، و سکونت و فعالیت در استان محل تسهیلات", "اگر تنها ضامن صاحب جواز است، ملک کسب به نام او و گردش حساب مناسب لازم است"),
);
const EMPLOYED_GUARANTOR: OmidRule = rule(
  "ضامن گواهی اشتغال",
  "ماده ۶۷، بند الف-۳؛ ماده ۶۷، تبصره ۵۷",
  require("گواهی اشتغال، آخرین فیش حقوقی و حکم کارگزینی، پرینت حساب، و تعهد یا وکالت محضری برداشت از حساب"),
);
const TRUSTED_GUARANTOR: OmidRule = rule(
  "ضامن معتبر با تعهد محضری",
  "ماده ۶۷، بند الف-۱؛ ماده ۷۰، بند ب-۱",
  require("اعتبارسنجی ضامن (گردش حساب سه ماهه و مستندات تمکن) با تأیید رئیس شهرستان، و تعهد محضری"),
);
const LEGAL_PERSON_GUARANTOR: OmidRule = rule(
  "ضامن شخص حقوقی",
  "ماده ۶۷، بند ب",
  require("تأیید کارشناس حقوقی و امور قراردادهای استان و اعتبارسنجی حامی کسب و کار برای ضمانت شخص حقوقی"),
);
const CHEQUE: OmidRule = rule(
  "چک ضمانت",
  "ماده ۶۷، تبصره ۶۸؛ ماده ۶۷، بند ج-۶-۲؛ ماده ۶۹، بند ۵؛ ماده ۶۷، تبصره ۵۴",
  require("چک ضمانت", (c) =>
    `چک باید ${faPercent(RATIO_CHEQUE)} اصل تسهیلات (${rialsOrNot(c.paperNeeded)}) باشد؛ ارائه‌شده ${rialsOrNot(c.cheques)}`, (
    c,
  ) => c.paperNeeded.minus(c.cheques)),
);
const PROMISSORY_NOTE: OmidRule = rule(
  "سفته ضمانت",
  "ماده ۶۷، تبصره ۶۸؛ ماده ۶۷، بند ج-۷-۲؛ ماده ۶۹، بند ۵؛ ماده ۶۹، تبصره ۹۲",
  require("سفته", (c) =>
    `سفته باید ${faPercent(RATIO_NOTE)} اصل تسهیلات (${rialsOrNot(c.paperNeeded)}) باشد؛ ارائه‌شده ${rialsOrNot(c.notes)}. با تشخیص مدیر استان چک می‌تواند جایگزین سفته شود`, (
    c,
  ) => c.paperNeeded.minus(c.notes)),
);
const BANK_GUARANTEE: OmidRule = rule(
  "ضمانت نامه",
  "ماده ۶۷، بند ج-۱-۲",
  require("ضمانت‌نامه در سربرگ صادرکننده با تأییدیه‌ی کتبی شعبه", `مدت ضمانت‌نامه تا ${days(GUARANTEE_DAYS_AFTER_DUE)} پس از سررسید تسهیلات، با امکان تمدید یک‌جانبه؛ یادآوری سررسید ${months(GUARANTEE_REMINDER)} پیش از آن`),
);
const BONDS: OmidRule = rule(
  "اوراق مشارکت",
  "ماده ۶۷، بند ج-۳-۵",
  require("تأییدیه‌ی کتبی مدیر حقوقی و امور قراردادها، استعلام اصالت و قرارداد صلح اوراق"),
);
const OLD_BUILDING: OmidRule = rule(
  "ملک بیش از ۲۰ سال",
  "ماده ۶۷، بند ج-۵-۴؛ ماده ۶۷، تبصره ۷۴؛ ماده ۶۷، تبصره ۷۶",
  refer(
    "مدیریت صندوق استان",
    `پذیرش ملک بیش از ${years(MAX_BUILDING_AGE)} ساخت منوط به استحکام بنا و قابلیت انتفاع به تأیید کارشناس رسمی و قبول مدیریت استان است؛ ${faPercent(FACTOR_OLD_BUILDING)} ارزش کارشناسی شمرده شد`,
  ),
  require("گواهی استحکام بنای زمان پایان کار با تأیید شهرداری"),
);
const COMMERCIAL_PROPERTY: OmidRule = rule(
  "ملک تجاری یا اداری",
  "ماده ۶۷، بند ج-۵-۱۲",
  refer("مدیریت حقوقی و امور قراردادها", "ترهین املاک تجاری و اداری سهل‌البیع با موافقت مدیریت حقوقی"),
);
const INDUSTRIAL_PROPERTY: OmidRule = rule(
  "ملک صنعتی، خدماتی یا کارگاهی",
  "ماده ۶۷، تبصره ۷۸",
  warn("پذیرش املاک با کاربری صنعتی، خدماتی و کارگاهی ممنوع است؛ این ملک شمرده نشد"),
);
const MOVABLES: OmidRule = rule(
  "اموال منقول",
  "ماده ۷۰، بند ب-۳؛ ماده ۷۲، ردیف ۸",
  require("سند مالکیت رسمی، بیمه‌ی سالانه تا استهلاک دین، نظر کارشناس رسمی و تأیید مدیر استان و کارشناس حقوقی"),
);
const OLD_MOVABLES: OmidRule = rule(
  "اموال منقول بیش از ۳ سال",
  "ماده ۷۰، بند ب-۳",
  warn(`اموال منقولی که بیش از ${years(MAX_MOVABLES_AGE)} از تولیدشان گذشته پذیرفته نمی‌شوند و شمرده نشدند`),
);
const APPRAISAL: OmidRule = rule(
  "کارشناسی ملک",
  "ماده ۷۳، بند ۷؛ ماده ۷۳، تبصره ۹۸",
  require("کارشناسی رسمی دادگستری ملک یا اموال", (c) => c.appraisal),
);

// ───────────────────────────── reading the case ─────────────────────────────

type Fields = Map<string, unknown>;

const num = (f: Fields, name: string): D => decimal(required(f, name), name);
const optNum = (f: Fields, name: string): D | undefined => {
  const v = f.get(name);
  return v === undefined ? undefined : decimal(v, name);
};
const yes = (f: Fields, name: string): boolean => bool(required(f, name), name);
const optYes = (f: Fields, name: string): boolean | undefined => {
  const v = f.get(name);
  return v === undefined ? undefined : bool(v, name);
};
const oneOf = (f: Fields, name: string, set: ReadonlySet<string>): string =>
  member(required(f, name), set, name);
const optOneOf = (f: Fields, name: string, set: ReadonlySet<string>): string | undefined => {
  const v = f.get(name);
  return v === undefined ? undefined : member(v, set, name);
};

function collaterals(v: unknown): Collateral[] {
  return records(v, "وثایق").map((item) => {
    const g = fields(item, COLLATERAL_KEYS);
    return {
      kind: member<CollateralKind>(required(g, "نوع"), COLLATERAL_KINDS, "نوع"),
      value: num(g, "ارزش"),
      ageYears: num(g, "عمر_سال"),
      coupon: yes(g, "کوپن_سود"),
    };
  });
}

function guarantors(v: unknown): Guarantor[] {
  return records(v, "ضامنان").map((item) => {
    const g = fields(item, GUARANTOR_KEYS);
    return {
      kind: member<GuarantorKind>(required(g, "نوع"), GUARANTOR_KINDS, "نوع"),
      age: num(g, "سن"),
      monthly: num(g, "مبلغ_ماهانه"),
      years: num(g, "سابقه_سال"),
      active: num(g, "ضمانت‌های_جاری"),
      licenceYears: num(g, "اعتبار_جواز_سال"),
    };
  });
}

function stages(v: unknown): Stage[] {
  return records(v, "مراحل_پرداخت").map((item) => {
    const g = fields(item, STAGE_KEYS);
    return { amount: num(g, "مبلغ"), days: num(g, "مدت_روز") };
  });
}

// ───────────────────────────── small decimal helpers (1.zb's کمینه, بیشینه, گرد…) ─────────────────────────────

const min = (a: D, b: D): D => (b.lt(a) ? b : a);
const max = (a: D, b: D): D => (b.gt(a) ? b : a);
/** گرد(x): half-up to a whole rial. */
const round = (d: D): D => d.toDecimalPlaces(0, D.ROUND_HALF_UP);
/** گرد_بالا(x): away from zero. */
const roundUp = (d: D): D => d.toDecimalPlaces(0, D.ROUND_UP);
/** گرد_پایین(x): toward zero. */
const roundDown = (d: D): D => d.toDecimalPlaces(0, D.ROUND_DOWN);

const WORKING_CAPITAL = "سرمایه در گردش";
const LICENSED: ReadonlySet<string> = members("کاسب", "وام_گیرنده_صندوق");
const EMPLOYED: ReadonlySet<string> = members("کارمند_رسمی", "بازنشسته", "قراردادی", "مستمری_بگیر");
/** Kinds left out of the asset cover (چک and سفته are guarantee papers; industrial property is barred). */
const NOT_ASSETS: ReadonlySet<string> = members("چک", "سفته", "ملک_صنعتی_خدماتی_کارگاهی");
/** Kinds that are not property (دارای_وثیقه_ملکی). */
const NOT_PROPERTY: ReadonlySet<string> = members("ضمانت‌نامه", "سپرده", "اوراق_مشارکت", "طلا", "چک", "سفته");

const AUTHORITY_PROVINCE = "کمیته اعتباری صندوق استان (یا صندوق شهرستان با تفویض مدیر استان)";
const AUTHORITY_COMMITTEE = "کمیته تصویب طرح‌ها";
const AUTHORITY_CEO = "مدیرعامل، با پیشنهاد کمیته تصویب طرح‌ها";
const APPRAISAL_ONE_EXPERT = "یک کارشناس رسمی دادگستری معتمد صندوق بس است";
const APPRAISAL_WITH_FUND = "نماینده‌ی صندوق باید همراه کارشناس رسمی ملک را ببیند و گزارش را تأیید کند";

/** Reads the case, computes every value once, and finds the rules that fire, in 1.zb's order. */
function compute(input: unknown): Omid {
  // ── the case ──
  const f = fields(input, KEYS);
  const code = num(f, "کد_سرفصل");
  const amount = num(f, "مبلغ_تسهیلات");
  const age = num(f, "سن_متقاضی");
  const gender = oneOf(f, "جنسیت", GENDERS);
  const citizen = yes(f, "تابعیت_ایرانی");
  const overdueDebt = yes(f, "بدهی_معوق");
  const insurance = oneOf(f, "بیمه_اشتغال", INSURANCES);
  const otherJob = yes(f, "شغل_دیگر");
  const area = oneOf(f, "منطقه", AREAS);
  const repay = num(f, "مدت_بازپرداخت");
  const grace = num(f, "دوره_تنفس");
  const frequency = oneOf(f, "نحوه_تقسیط", FREQUENCIES);
  const assets = collaterals(required(f, "وثایق"));
  const people = guarantors(required(f, "ضامنان"));
  const military = optOneOf(f, "وضعیت_نظام_وظیفه", MILITARY_STATUSES);
  const debtSettled = optYes(f, "تعیین_تکلیف_بدهی");
  const willingToLeave = optYes(f, "آماده_انصراف_از_کار");
  const licenceRequired = optYes(f, "نیاز_به_مجوز");
  const hasLicence = optYes(f, "دارای_مجوز");
  const livesOnSite = optYes(f, "ساکن_محل_طرح");
  const femaleHead = optYes(f, "زن_سرپرست_خانوار");
  const marital = optOneOf(f, "وضعیت_تاهل", MARITAL);
  const spouseEmployed = optYes(f, "همسر_شاغل");
  const spouseIncome = optNum(f, "درآمد_ماهانه_همسر");
  const minimumWage = optNum(f, "حداقل_حقوق_قانون_کار");
  const basketConflict = optYes(f, "مغایر_سبد_کسب_و_کار");
  const qualification = optYes(f, "دارای_مدرک_مرتبط");
  const ideaApproved = optYes(f, "ایده_تایید_شده");
  const managementConfirmed = optYes(f, "توانایی_مدیریت_تایید_شده");
  const headOfHousehold = optYes(f, "سرپرست_خانوار");
  const unemploymentBenefit = optYes(f, "مقرری_بیمه_بیکاری");
  const interdicted = optYes(f, "محجور_یا_ورشکسته");
  const badPayer = optYes(f, "بدحساب_صندوق");
  const employees = optNum(f, "تعداد_کارکنان");
  const agriculture = optYes(f, "بخش_کشاورزی");
  const runningWorkshop = optYes(f, "کارگاه_دایر");
  const vehicle = optYes(f, "خرید_خودرو");
  const vehiclePrice = optNum(f, "قیمت_خودرو");
  const vehicleAge = optNum(f, "کارکرد_خودرو_سال");
  const stageList = f.has("مراحل_پرداخت") ? stages(f.get("مراحل_پرداخت")) : undefined;
  const stageGap = optNum(f, "فاصله_مراحل_روز");
  const repeatKind = optOneOf(f, "نوع_وام_مجدد", REPEAT_KINDS);
  const paidBefore = optNum(f, "اقساط_پرداخت_شده_وام_قبلی");
  const totalBefore = optNum(f, "کل_اقساط_وام_قبلی");
  const overdueBefore = optYes(f, "قسط_معوق_وام_قبلی");
  const contribution = optNum(f, "آورده");
  const lowIncomeGroup = optYes(f, "گروه_هدف_کم_برخوردار");
  const changeDay = optNum(f, "روز_درخواست_تغییر_فعالیت");
  const graceDaysGiven = optNum(f, "روزهای_تنفس");
  const daysLate = optNum(f, "روزهای_تاخیر");
  const withdrawal = optOneOf(f, "انصراف", WITHDRAWALS);
  const outstanding = optNum(f, "مانده_اصل_وام");
  const feeToWithdrawal = optNum(f, "کارمزد_تا_انصراف");
  const overdueAtWithdrawal = optYes(f, "قسط_معوق_هنگام_انصراف");
  const collectionCosts = optNum(f, "هزینه_وصول_دین");
  const launched = optYes(f, "طرح_راه_اندازی_شده");
  const spent = optNum(f, "هزینه_انجام_شده");
  const requiredGuarantors = optNum(f, "ضامن_لازم");

  // ── headings [ماده ۳۸] and size [ماده ۱] ──
  // A code that is not one of the 43 (or not a whole number) matches no row: all three are missing.
  const heading = code.isInteger() ? HEADINGS.get(code.toNumber()) : undefined;
  const level = heading?.level;
  const subject = heading?.subject;
  const format = heading?.format;
  const home = level === "خانگی";
  const selfEmployed = level === "خوداشتغالی";
  const homeOrSelf = home || selfEmployed;
  const employer = level === "کارفرمایی" || level === "تعاونی";
  const brand = format === "برند";
  const size =
    employees === undefined
      ? "نامعلوم"
      : employees.lte(MICRO_MAX_STAFF)
        ? "خرد"
        : employees.lte(SMALL_MAX_STAFF)
          ? "کوچک"
          : employees.lte(MEDIUM_MAX_STAFF)
            ? "متوسط"
            : "بزرگ";
  const spouseRuleExempt = employer || format === "طرح پشتیبان" || format === "خوشه";

  // ── caps [ماده ۳۹ تا ۴۱، ۲۳، ۴۴] ──
  const normalCap = level === undefined ? undefined : CAP_BY_LEVEL[level];
  const workshopCapital = runningWorkshop === true && subject === WORKING_CAPITAL;
  const workshopCap = selfEmployed ? WC_CAP_SELF : employer ? WC_CAP_EMPLOYER : CAP_HOME;
  const vehicleCap = vehiclePrice?.times(VEHICLE_SHARE);
  const allowedCap =
    normalCap === undefined
      ? undefined
      : min(
          min(normalCap, workshopCapital ? workshopCap : normalCap),
          vehicle === true && vehicleCap !== undefined ? vehicleCap : normalCap,
        );
  const authority = amount.lte(PROVINCE_LIMIT)
    ? AUTHORITY_PROVINCE
    : amount.lte(COMMITTEE_LIMIT)
      ? AUTHORITY_COMMITTEE
      : AUTHORITY_CEO;

  // ── repayment, grace, instalments [ماده ۴۲، ۴۷، ۴۹] ──
  const capitalOnly = subject === WORKING_CAPITAL;
  const maxTerm =
    level === undefined
      ? undefined
      : home
        ? TERM_HOME
        : selfEmployed
          ? area === "شهری"
            ? TERM_SELF_URBAN
            : TERM_SELF_RURAL
          : TERM_EMPLOYER;
  const maxGrace = level === undefined ? undefined : GRACE_BY_LEVEL[level];
  const instalmentMonths = repay.minus(grace);
  const monthsPerInstalment = frequency === "ماهانه" ? ONE : frequency === "فصلی" ? THREE : TWELVE;
  const instalmentsPerYear = TWELVE.dividedBy(monthsPerInstalment);
  const instalments = roundDown(instalmentMonths.dividedBy(monthsPerInstalment));

  // ── stages [ماده ۴۸] ──
  const maxStages = amount.lte(ONE_STAGE_LIMIT) ? ONE : amount.lte(TWO_STAGE_LIMIT) ? TWO : THREE;
  const stageCount = stageList === undefined ? ONE : new D(stageList.length);

  // ── repeat loans [ماده ۲۱، ۲۲] ──
  const paidShare =
    paidBefore === undefined || totalBefore === undefined || totalBefore.isZero()
      ? undefined
      : paidBefore.dividedBy(totalBefore);
  const twoThirdsPaid =
    paidBefore !== undefined &&
    totalBefore !== undefined &&
    paidBefore.times(THREE).gte(totalBefore.times(TWO));
  const overTwoThirdsPaid =
    paidBefore !== undefined &&
    totalBefore !== undefined &&
    paidBefore.times(THREE).gt(totalBefore.times(TWO));

  // ── contribution [ماده ۶۰، ۶۱] ──
  const contributionShare = lowIncomeGroup === true ? MAX_CONTRIBUTION_TARGET : MAX_CONTRIBUTION;
  const contributionCap = amount.times(contributionShare);

  // ── fees [ماده ۵۲]: stages, grace, and the instalment years ──
  let stageFees = ZERO;
  if (stageList !== undefined)
    for (const s of stageList)
      stageFees = stageFees.plus(round(s.days.times(FEE_RATE).times(s.amount).dividedBy(DAYS_PER_YEAR)));
  const graceDays = graceDaysGiven !== undefined ? graceDaysGiven : grace.times(DAYS_PER_GRACE_MONTH);
  const graceFee = round(graceDays.times(FEE_RATE).times(amount).dividedBy(DAYS_PER_YEAR));
  const collectibleFee = stageFees.plus(graceFee);

  const perYear = instalmentsPerYear;
  const n = instalments;
  const yearInstalments = [
    min(perYear, max(ZERO, n)),
    min(perYear, max(ZERO, n.minus(perYear))),
    min(perYear, max(ZERO, n.minus(perYear.times(TWO)))),
    min(perYear, max(ZERO, n.minus(perYear.times(THREE)))),
    min(perYear, max(ZERO, n.minus(perYear.times(FOUR)))),
    min(perYear, max(ZERO, n.minus(perYear.times(FIVE)))),
  ] as const;
  // The balance at the start of years 2–6 divides by the number of instalments: missing when it is 0.
  const balance = (paidYears: D | undefined): D | undefined => {
    if (n.isZero()) return undefined;
    const repaid = paidYears === undefined ? amount.times(perYear) : amount.times(perYear).times(paidYears);
    return max(ZERO, amount.minus(repaid.dividedBy(n)));
  };
  const yearBalances = [
    amount,
    balance(undefined),
    balance(TWO),
    balance(THREE),
    balance(FOUR),
    balance(FIVE),
  ] as const;
  const yearFee = (k: number): D | undefined => {
    const b = yearBalances[k];
    return b === undefined
      ? undefined
      : round(yearInstalments[k]!.times(FEE_RATE).times(b).dividedBy(perYear));
  };
  const yearFees = [yearFee(0) as D, yearFee(1), yearFee(2), yearFee(3), yearFee(4), yearFee(5)] as const;
  let instalmentFee: D | undefined = yearFees[0];
  for (let k = 1; k < 6 && instalmentFee !== undefined; k++) {
    const fee = yearFees[k];
    instalmentFee = fee === undefined ? undefined : instalmentFee.plus(fee);
  }
  const instalment =
    instalmentFee === undefined || n.isZero() ? undefined : round(amount.plus(instalmentFee).dividedBy(n));
  const lateFine =
    daysLate === undefined || instalment === undefined
      ? undefined
      : round(daysLate.times(LATE_RATE).times(instalment).dividedBy(DAYS_PER_YEAR));

  // ── withdrawal [ماده ۸۲] ──
  const penalised =
    withdrawal === "ترک_بی_اطلاع" || (withdrawal === "اعلام_انصراف" && overdueAtWithdrawal === true);
  const penalty = penalised
    ? outstanding === undefined
      ? undefined
      : round(outstanding.times(WITHDRAWAL_PENALTY_RATE))
    : ZERO;
  const settlement =
    outstanding === undefined || penalty === undefined
      ? undefined
      : outstanding
          .plus(feeToWithdrawal !== undefined ? feeToWithdrawal : ZERO)
          .plus(penalty)
          .plus(penalised && collectionCosts !== undefined ? collectionCosts : ZERO);

  // ── launch status [ماده ۱، بند ۱۶] ──
  const launchStatus =
    launched === false
      ? "در حال راه‌اندازی"
      : spent?.lt(amount)
        ? "نیمه‌فعال"
        : spent?.gte(amount)
          ? "فعال"
          : "نامعلوم";

  // ── collaterals, one pass [ماده ۶۷، ۷۰ تا ۷۲] ──
  let assetCover = ZERO;
  let cheques = ZERO;
  let notes = ZERO;
  let hasProperty = false;
  let anyBankGuarantee = false;
  let anyBonds = false;
  let anyOldBuilding = false;
  let anyCommercial = false;
  let anyIndustrial = false;
  let anyMovables = false;
  let anyOldMovables = false;
  for (const a of assets) {
    const kind = a.kind;
    if (!NOT_ASSETS.has(kind))
      assetCover = assetCover.plus(
        a.value.times(valueFactor(kind, a.ageYears)).dividedBy(coverRatio(kind, a.coupon)),
      );
    if (kind === "چک") cheques = cheques.plus(a.value);
    else if (kind === "سفته") notes = notes.plus(a.value);
    if (!NOT_PROPERTY.has(kind)) hasProperty = true;
    if (kind === "ضمانت‌نامه") anyBankGuarantee = true;
    else if (kind === "اوراق_مشارکت") anyBonds = true;
    else if (kind === "ملک_مسکونی_شهری" || kind === "ملک_تجاری_اداری") {
      if (a.ageYears.gt(MAX_BUILDING_AGE)) anyOldBuilding = true;
      if (kind === "ملک_تجاری_اداری") anyCommercial = true;
    } else if (kind === "ملک_صنعتی_خدماتی_کارگاهی") anyIndustrial = true;
    else if (kind === "اموال_منقول") {
      anyMovables = true;
      if (a.ageYears.gt(MAX_MOVABLES_AGE)) anyOldMovables = true;
    }
  }
  const uncovered = roundUp(max(ZERO, amount.minus(assetCover)));

  // ── guarantors, one pass [ماده ۶۷، ۶۹] ──
  const monthlyInstalment = instalment?.dividedBy(monthsPerInstalment);
  const subsidyNeeded = monthlyInstalment?.times(SUBSIDY_FACTOR);
  const repayYears = repay.dividedBy(TWELVE);
  let ineligible = 0;
  let unlicensedUnits = ZERO;
  let licensedCount = 0;
  let salaryQuarters = ZERO;
  let hasEmployedGuarantor = false;
  let anyLicensed = false;
  let anyTrusted = false;
  let anyLegalPerson = false;
  for (const g of people) {
    const kind = g.kind;
    const licensed = LICENSED.has(kind);
    const ageOk = g.age.gte(LEGAL_AGE) && g.age.plus(repayYears).lte(GUARANTOR_MAX_AGE);
    const subsidyOk = kind !== "یارانه_ثالث" || (subsidyNeeded !== undefined && g.monthly.gte(subsidyNeeded));
    const licenceOk = g.licenceYears.gte(MIN_LICENCE_YEARS);
    const borrowerOk = kind !== "وام_گیرنده_صندوق" || g.years.gte(MIN_BORROWER_YEARS);
    const eligible =
      ageOk &&
      g.active.lt(licensed ? MAX_GUARANTEES_LICENCE : MAX_GUARANTEES_PERSON) &&
      (!licensed || licenceOk) &&
      borrowerOk &&
      subsidyOk;
    if (!eligible) ineligible++;
    if (!licensed && ageOk && g.active.lt(MAX_GUARANTEES_PERSON) && subsidyOk)
      unlicensedUnits = unlicensedUnits.plus(guarantorUnit(kind, g.years));
    if (licensed && ageOk && g.active.lt(MAX_GUARANTEES_LICENCE) && licenceOk && borrowerOk) licensedCount++;
    if (EMPLOYED.has(kind)) {
      hasEmployedGuarantor = true;
      if (guarantorUnit(kind, g.years).gt(ZERO) && ageOk && g.active.lt(MAX_GUARANTEES_PERSON))
        salaryQuarters = salaryQuarters.plus(g.monthly.times(SALARY_SHARE));
    }
    if (licensed) anyLicensed = true;
    else if (kind === "ضامن_معتبر") anyTrusted = true;
    else if (kind === "شخص_حقوقی") anyLegalPerson = true;
  }
  const licenceGuarantors = new D(licensedCount);
  const guarantorUnits = unlicensedUnits.plus(min(ONE, licenceGuarantors));
  const requiredUnits = requiredGuarantors !== undefined ? requiredGuarantors : ONE;
  const salaryShortfall = hasEmployedGuarantor
    ? instalment === undefined
      ? undefined
      : roundUp(max(ZERO, instalment.minus(salaryQuarters)))
    : ZERO;
  const personalCoverEnough = guarantorUnits.gte(requiredUnits) && salaryShortfall?.isZero() === true;
  const coverEnough = uncovered.isZero() || personalCoverEnough;
  const hasGuarantor = people.length > 0;
  const paperNeeded = amount.times(COMMERCIAL_PAPER_COVER);
  const appraisal = amount.lte(ONE_EXPERT_LIMIT) ? APPRAISAL_ONE_EXPERT : APPRAISAL_WITH_FUND;

  // ── the rules, in 1.zb's order ──
  const fired: OmidRule[] = [];
  const subjectNotCreation = subject !== undefined && subject !== "ایجاد";
  const woman = gender === "زن";
  const rural = area === "روستایی";
  if (level === undefined) fired.push(HEADING_CODE);
  if (amount.lte(ZERO)) fired.push(AMOUNT_POSITIVE);
  if (employees !== undefined) fired.push(SIZE_CLASS);
  if (selfEmployed && employees?.gt(SELF_EMPLOYED_STAFF)) fired.push(STAFF_OVER_SELF_EMPLOYED);
  if (!citizen) fired.push(CITIZENSHIP);
  if (gender === "مرد" && military !== "کارت_پایان_خدمت" && military !== "معافیت_دائم") fired.push(MILITARY);
  if (overdueDebt && !(debtSettled === true && subjectNotCreation)) fired.push(OVERDUE_DEBT);
  if (overdueDebt && debtSettled === true && subjectNotCreation) fired.push(DEBT_SETTLED);
  if (insurance !== "ندارد" && willingToLeave !== true) fired.push(INSURED);
  if (insurance !== "ندارد" && willingToLeave === true) fired.push(LEAVING_JOB);
  if (otherJob && !employer) fired.push(DUAL_JOB);
  if (licenceRequired === true && hasLicence !== true) fired.push(LICENCE);
  if (homeOrSelf && !brand && (age.lt(HOME_MIN_AGE) || age.gt(HOME_MAX_AGE))) fired.push(AGE_HOME);
  if (employer && !brand && (age.lt(EMPLOYER_MIN_AGE) || age.gt(EMPLOYER_MAX_AGE))) fired.push(AGE_EMPLOYER);
  if (age.lt(LEGAL_AGE) || interdicted === true || badPayer === true) fired.push(CAPACITY);
  if (unemploymentBenefit === true) fired.push(UNEMPLOYMENT_BENEFIT);
  if (basketConflict === true) fired.push(REGIONAL_BASKET);
  if (homeOrSelf && livesOnSite !== true) fired.push(RESIDENCE);
  if (qualification === false) fired.push(QUALIFICATION);
  if (ideaApproved === false || managementConfirmed === false) fired.push(IDEA_AND_MANAGEMENT);
  if (woman && femaleHead === true) fired.push(FEMALE_HEAD_PRIORITY);
  const spouseRule = woman && marital !== "مجرد" && spouseEmployed === true && !spouseRuleExempt;
  if (spouseRule && spouseIncome !== undefined && minimumWage !== undefined && spouseIncome.gt(minimumWage))
    fired.push(SPOUSE_INCOME_BAN);
  if (spouseRule && (spouseIncome === undefined || minimumWage === undefined))
    fired.push(SPOUSE_INCOME_ENQUIRY);
  if (headOfHousehold === true) fired.push(SUBSIDY_ACCOUNT);
  if (agriculture === true) fired.push(FARM_INSURANCE);
  fired.push(LIFE_INSURANCE);

  if (normalCap !== undefined && amount.gt(normalCap) && !(employer && amount.lte(SPECIAL_CAP)))
    fired.push(LOAN_CAP);
  if (employer && amount.gt(CAP_EMPLOYER) && amount.lte(SPECIAL_CAP)) fired.push(CEO_ABOVE_CAP);
  if (workshopCapital && amount.gt(workshopCap)) fired.push(WORKSHOP_CAP);
  if (workshopCapital) fired.push(WORKSHOP_DEPUTY);
  fired.push(APPROVAL_AUTHORITY);
  if (amount.gt(PROVINCE_LIMIT) && amount.lte(COMMITTEE_LIMIT)) fired.push(PLANS_COMMITTEE);

  const overTerm = maxTerm !== undefined && repay.gt(maxTerm);
  if (!capitalOnly && overTerm && !(employer && rural && repay.lte(RURAL_EMPLOYER_MAX_TERM)))
    fired.push(REPAYMENT_TERM);
  if (!capitalOnly && employer && rural && overTerm && repay.lte(RURAL_EMPLOYER_MAX_TERM))
    fired.push(RURAL_TERM_66);
  if (capitalOnly && (repay.lt(WC_MIN_TERM) || repay.gt(WC_MAX_TERM))) fired.push(CAPITAL_TERM);
  if (capitalOnly && frequency === "سالانه") fired.push(CAPITAL_INSTALMENTS);
  const overGrace = maxGrace !== undefined && grace.gt(maxGrace);
  if (overGrace && !(employer && grace.lte(EXCEPTIONAL_MAX_GRACE))) fired.push(GRACE);
  if (employer && overGrace && grace.lte(EXCEPTIONAL_MAX_GRACE)) fired.push(GRACE_EXCEPTIONAL);
  if (frequency === "فصلی" && grace.gt(QUARTERLY_MAX_GRACE)) fired.push(GRACE_QUARTERLY);
  if (frequency === "سالانه" && grace.gt(ZERO)) fired.push(GRACE_ANNUAL);
  if (grace.lt(ZERO) || instalments.lt(ONE)) fired.push(INSTALMENT_TERM);
  if (instalments.times(monthsPerInstalment).lt(instalmentMonths)) fired.push(INSTALMENT_DIVISIBLE);

  if (stageCount.gt(maxStages)) fired.push(STAGES);
  if (stageList !== undefined) {
    let sum = ZERO;
    for (const s of stageList) sum = sum.plus(s.amount);
    if (!sum.eq(amount)) fired.push(STAGES_SUM);
  }
  if (vehicle === true && stageCount.gt(ONE)) fired.push(VEHICLE_ONE_STAGE);
  if (stageCount.gt(ONE)) fired.push(STAGE_PROGRESS);
  const gap = stageGap;
  const dueWithExtension = DEBT_DUE_DAYS.plus(PROVINCE_EXTENSION_DAYS);
  if (selfEmployed && gap?.gt(SELF_STAGE_GAP) && gap.lte(DEBT_DUE_DAYS)) fired.push(STAGE_GAP_WARNING);
  if (selfEmployed && gap?.gt(DEBT_DUE_DAYS) && gap.lte(dueWithExtension)) fired.push(STAGE_GAP_EXTENSION);
  if (selfEmployed && gap?.gt(dueWithExtension)) fired.push(DEBT_DUE);

  if (vehicle === true && vehicleCap !== undefined && amount.gt(vehicleCap)) fired.push(VEHICLE_CAP);
  if (vehicle === true) fired.push(VEHICLE_PRICE);
  if (
    vehicle === true &&
    vehicleAge !== undefined &&
    vehicleAge.gt(ZERO) &&
    vehicleAge.lte(USED_VEHICLE_MAX_AGE)
  )
    fired.push(USED_VEHICLE);
  if (vehicle === true && vehicleAge !== undefined && vehicleAge.gt(USED_VEHICLE_MAX_AGE))
    fired.push(USED_VEHICLE_TOO_OLD);

  const noOverdueBefore = overdueBefore !== true;
  if (repeatKind === "خوش_حسابی" && twoThirdsPaid && noOverdueBefore) fired.push(REPEAT_GOOD_PAYER);
  if (repeatKind === "خوش_حسابی" && !(twoThirdsPaid && noOverdueBefore))
    fired.push(REPEAT_GOOD_PAYER_CONDITION);
  if (repeatKind === "توسعه_یا_ارتقا" && overTwoThirdsPaid && noOverdueBefore) fired.push(REPEAT_UPGRADE);
  if (repeatKind === "توسعه_یا_ارتقا" && !(overTwoThirdsPaid && noOverdueBefore))
    fired.push(REPEAT_UPGRADE_CONDITION);
  if (repeatKind === "کارآفرین_برتر") fired.push(REPEAT_TOP_ENTREPRENEUR);

  if (contribution?.gt(contributionCap)) fired.push(CONTRIBUTION_CAP);
  fired.push(FILE_DEADLINES);
  if (changeDay?.lte(ACTIVITY_CHANGE_DEADLINE)) fired.push(ACTIVITY_CHANGE);
  if (changeDay?.gt(ACTIVITY_CHANGE_DEADLINE)) fired.push(ACTIVITY_CHANGE_LATE);

  if (collectibleFee.gt(ZERO)) fired.push(FEES);
  if (daysLate?.gt(ZERO)) fired.push(LATE_FINE);
  if (withdrawal !== undefined) fired.push(WITHDRAWAL_SETTLEMENT);
  fired.push(MONITORING);
  if (launched !== undefined) fired.push(LAUNCH_STATUS);

  if (!coverEnough) fired.push(COVER_SHORTFALL);
  if (uncovered.gt(ZERO) && salaryShortfall?.gt(ZERO)) fired.push(SALARY_SHORTFALL);
  if (ineligible > 0) fired.push(INELIGIBLE_GUARANTORS);
  if (licensedCount > 1) fired.push(SECOND_LICENCE_GUARANTOR);
  if (anyLicensed) fired.push(LICENCE_GUARANTOR);
  if (hasEmployedGuarantor) fired.push(EMPLOYED_GUARANTOR);
  if (anyTrusted) fired.push(TRUSTED_GUARANTOR);
  if (anyLegalPerson) fired.push(LEGAL_PERSON_GUARANTOR);
  if ((hasGuarantor || hasProperty) && cheques.lt(paperNeeded)) fired.push(CHEQUE);
  if (hasGuarantor && notes.lt(paperNeeded)) fired.push(PROMISSORY_NOTE);
  if (anyBankGuarantee) fired.push(BANK_GUARANTEE);
  if (anyBonds) fired.push(BONDS);
  if (anyOldBuilding) fired.push(OLD_BUILDING);
  if (anyCommercial) fired.push(COMMERCIAL_PROPERTY);
  if (anyIndustrial) fired.push(INDUSTRIAL_PROPERTY);
  if (anyMovables) fired.push(MOVABLES);
  if (anyOldMovables) fired.push(OLD_MOVABLES);
  if (hasProperty) fired.push(APPRAISAL);

  return {
    code,
    amount,
    repay,
    grace,
    frequency,
    employees,
    spouseIncome,
    minimumWage,
    stageGap,
    contribution,
    daysLate,
    level,
    subject,
    format,
    home,
    selfEmployed,
    homeOrSelf,
    employer,
    brand,
    size,
    spouseRuleExempt,
    normalCap,
    workshopCapital,
    workshopCap,
    vehicleCap,
    allowedCap,
    authority,
    capitalOnly,
    maxTerm,
    maxGrace,
    instalmentMonths,
    monthsPerInstalment,
    instalmentsPerYear,
    instalments,
    maxStages,
    stageCount,
    paidShare,
    twoThirdsPaid,
    overTwoThirdsPaid,
    contributionShare,
    contributionCap,
    stageFees,
    graceDays,
    graceFee,
    collectibleFee,
    yearInstalments,
    yearBalances,
    yearFees,
    instalmentFee,
    instalment,
    lateFine,
    penalised,
    penalty,
    settlement,
    launchStatus,
    assetCover,
    uncovered,
    monthlyInstalment,
    ineligibleGuarantors: new D(ineligible),
    unlicensedUnits,
    licenceGuarantors,
    guarantorUnits,
    requiredUnits,
    salaryQuarters,
    hasEmployedGuarantor,
    salaryShortfall,
    personalCoverEnough,
    coverEnough,
    hasGuarantor,
    hasProperty,
    paperNeeded,
    cheques,
    notes,
    appraisal,
    fired,
    decision: decisionOf(fired),
  };
}

/** Every computed value of 1.zb, in its order, serialised as the engine serialises it. */
function valuesOf(c: Omid): Record<string, Serialized> {
  const [i1, i2, i3, i4, i5, i6] = c.yearInstalments;
  const [b1, b2, b3, b4, b5, b6] = c.yearBalances;
  const [f1, f2, f3, f4, f5, f6] = c.yearFees;
  return {
    سطح: c.level ?? null,
    موضوع: c.subject ?? null,
    قالب: c.format ?? null,
    خانگی: c.home,
    خوداشتغالی: c.selfEmployed,
    خانگی_یا_خوداشتغالی: c.homeOrSelf,
    کارفرمایی: c.employer,
    برند: c.brand,
    اندازه_کسب_و_کار: c.size,
    مستثنا_از_منع_درآمد_همسر: c.spouseRuleExempt,
    سقف_عادی: ser(c.normalCap),
    سقف_موارد_خاص: SPECIAL_CAP_TEXT,
    سرمایه_در_گردش_کارگاه_دایر: c.workshopCapital,
    سقف_کارگاه_دایر: plain(c.workshopCap),
    سقف_خودرو: ser(c.vehicleCap),
    سقف_مجاز: ser(c.allowedCap),
    مرجع_تصویب_مبلغ: c.authority,
    فقط_سرمایه_در_گردش: c.capitalOnly,
    حداکثر_دوره: ser(c.maxTerm),
    حداکثر_تنفس: ser(c.maxGrace),
    مدت_تقسیط: plain(c.instalmentMonths),
    ماه_هر_قسط: plain(c.monthsPerInstalment),
    اقساط_در_سال: plain(c.instalmentsPerYear),
    تعداد_اقساط: plain(c.instalments),
    حداکثر_مراحل: plain(c.maxStages),
    تعداد_مراحل: plain(c.stageCount),
    نسبت_اقساط_پرداخت_شده: ser(c.paidShare),
    دو_سوم_پرداخت_شده: c.twoThirdsPaid,
    بیش_از_دو_سوم_پرداخت_شده: c.overTwoThirdsPaid,
    سقف_آورده_نسبت: serPercent(c.contributionShare),
    سقف_آورده: plain(c.contributionCap),
    کارمزد_مراحل: plain(c.stageFees),
    روزهای_تنفس_محاسبه: plain(c.graceDays),
    کارمزد_دوره_تنفس: plain(c.graceFee),
    جمع_کارمزد_قابل_وصول: plain(c.collectibleFee),
    اقساط_سال_1: plain(i1),
    اقساط_سال_2: plain(i2),
    اقساط_سال_3: plain(i3),
    اقساط_سال_4: plain(i4),
    اقساط_سال_5: plain(i5),
    اقساط_سال_6: plain(i6),
    مانده_ابتدای_سال_1: plain(b1),
    مانده_ابتدای_سال_2: ser(b2),
    مانده_ابتدای_سال_3: ser(b3),
    مانده_ابتدای_سال_4: ser(b4),
    مانده_ابتدای_سال_5: ser(b5),
    مانده_ابتدای_سال_6: ser(b6),
    کارمزد_سال_1: plain(f1),
    کارمزد_سال_2: ser(f2),
    کارمزد_سال_3: ser(f3),
    کارمزد_سال_4: ser(f4),
    کارمزد_سال_5: ser(f5),
    کارمزد_سال_6: ser(f6),
    کارمزد_دوره_تقسیط: ser(c.instalmentFee),
    مبلغ_هر_قسط: ser(c.instalment),
    جریمه_دیرکرد_هر_قسط: ser(c.lateFine),
    جریمه_دار: c.penalised,
    وجه_التزام: ser(c.penalty),
    مبلغ_تسویه_انصراف: ser(c.settlement),
    وضعیت_راه_اندازی: c.launchStatus,
    پوشش_دارایی: plain(c.assetCover),
    مانده_پس_از_دارایی: plain(c.uncovered),
    قسط_ماهانه: ser(c.monthlyInstalment),
    تعداد_ضامنان_نپذیرفتنی: plain(c.ineligibleGuarantors),
    واحد_ضامنان_بی_جواز: plain(c.unlicensedUnits),
    ضامنان_جواز_کسب: plain(c.licenceGuarantors),
    واحد_ضامنان: plain(c.guarantorUnits),
    ضامن_لازم_واحد: plain(c.requiredUnits),
    جمع_یک_چهارم_حقوق: plain(c.salaryQuarters),
    دارای_ضامن_گواهی_اشتغال: c.hasEmployedGuarantor,
    کسری_حقوق: ser(c.salaryShortfall),
    ضمانت_شخصی_کافی: c.personalCoverEnough,
    تضمین_کافی: c.coverEnough,
    دارای_ضامن: c.hasGuarantor,
    دارای_وثیقه_ملکی: c.hasProperty,
    اسناد_تجاری_لازم: plain(c.paperNeeded),
    جمع_چک: plain(c.cheques),
    جمع_سفته: plain(c.notes),
    شرط_کارشناسی: c.appraisal,
  };
}

/** The decision and the fired rules' titles, in 1.zb's order. */
export function decideOmidRuleset(input: unknown): Decided {
  const c = compute(input);
  return { decision: c.decision, fired: titles(c.fired) };
}

/** The engine's whole result (without trace): the decision, every fired outcome, every value. */
export function omidRulesetResult(input: unknown): FullResult {
  const c = compute(input);
  const values = valuesOf(c);
  return { decision: c.decision, outcomes: outcomesOf(c.fired, c, values), values };
}
