/**
 * The Omid-style eligibility decision (bench/fixtures/omid-eligibility.zb) written by hand, returning
 * the engine's whole result: the decision; every outcome of every fired rule, in the file's rule order,
 * with the fields the engine gives (rule, citation, kind, message with its holes filled, authority,
 * what); and every computed value serialised as the engine serialises it (yes/no as booleans, money as a
 * plain decimal string). bench/evaluate.ts checks that it is deep-equal to `evaluateSync` on every case
 * it times.
 *
 * Written the way one would write this one decision by hand: the parameters, the value that depends on
 * parameters only (سقف_موارد_خاص) and the parameters as the messages show them are hoisted; messages are
 * template strings with a small Persian-number formatter (./persian.ts). Numbers are parsed to decimals
 * (decimal.js, the engine's configuration) and compared exactly, as the engine must.
 *
 * Keep it in step with the fixture: the verification aborts the bench on any difference.
 */
import { faNumber } from "./persian";
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
  required,
} from "./read";

type Plan = "خانگی" | "خوداشتغالی" | "کارفرمایی" | "کارآفرینی";

const set = (...members: string[]): ReadonlySet<string> => new Set(members);
const PLANS = set("خانگی", "خوداشتغالی", "کارفرمایی", "کارآفرینی");
const GENDERS = set("مرد", "زن");
const MILITARY = set("کارت_پایان_خدمت", "معافیت_دائم", "معافیت_موقت", "مشمول");
const INSURANCE = set("ندارد", "اجباری", "دولتی", "خصوصی");
const LICENCE = set("لازم_نیست", "دارد", "ندارد");
const REGIONS = set("شهری", "روستایی");
const PURPOSES = set("ایجاد", "تکمیل", "توسعه", "سرمایه_در_گردش");
const INSTALMENTS = set("ماهانه", "فصلی", "سالانه");

const KEYS = keyMap([
  ["نوع_طرح", "planType"],
  ["برند", "brand"],
  ["تابعیت_ایرانی", "iranianCitizen"],
  ["جنسیت", "gender"],
  ["سن", "age"],
  ["نظام_وظیفه", "militaryService"],
  ["بدهی_معوق", "overdueDebt"],
  ["بیمه_اشتغال", "employmentInsurance"],
  ["شغل_دیگر", "otherJob"],
  ["مجوز", "licence"],
  ["سکونت_در_محل_طرح", "residesAtSite"],
  ["مبلغ_درخواستی", "amount"],
  ["منطقه", "region"],
  ["نوع_تسهیلات", "purpose"],
  ["مدت_بازپرداخت", "repaymentMonths"],
  ["دوره_تنفس", "graceMonths"],
  ["نحوه_تقسیط", "instalments"],
]);

// Parameters (the fixture's پارامتر lines).
const ZERO = new D(0);
const LEGAL_AGE = new D(18);
const HOME_MIN_AGE = new D(18);
const HOME_MAX_AGE = new D(60);
const EMPLOYER_MIN_AGE = new D(25);
const EMPLOYER_MAX_AGE = new D(65);
const CAP_HOME = new D("100000000");
const CAP_SELF = new D("300000000");
const CAP_EMPLOYER = new D("1000000000");
const SPECIAL_FACTOR = new D("1.5");
const PROVINCE_LIMIT = new D("500000000");
const WC_CAP_SELF = new D("100000000");
const WC_CAP_EMPLOYER = new D("500000000");
const REPAY_HOME = new D(36);
const REPAY_SELF_URBAN = new D(48);
const REPAY_SELF_RURAL = new D(60);
const REPAY_EMPLOYER = new D(60);
const REPAY_EMPLOYER_RURAL = new D(66);
const WC_REPAY_MIN = new D(24);
const WC_REPAY_MAX = new D(36);
const GRACE_HOME = new D(3);
const GRACE_SELF = new D(4);
const GRACE_EMPLOYER = new D(6);
const GRACE_EMPLOYER_MAX = new D(12);
const GRACE_QUARTERLY = new D(6);

/** سقف_موارد_خاص = سقف_کارفرمایی × ضریب_سقف_موارد_خاص: parameters only, so computed once. */
const SPECIAL_CAP = CAP_EMPLOYER.times(SPECIAL_FACTOR);
const SPECIAL_CAP_TEXT = plain(SPECIAL_CAP);

// The parameters as the messages show them, with their unit words.
const years = (d: D) => `${faNumber(d)} سال`;
const months = (d: D) => `${faNumber(d)} ماه`;
const rials = (d: D) => `${faNumber(d)} ریال`;

// ── the rules: title, citation and (where it has no holes for the case's values) message ──

interface Rule {
  rule: string;
  citation: string;
  message: string;
}

const rule = (title: string, citation: string, message: string): Rule => ({
  rule: title,
  citation,
  message,
});

const CITIZENSHIP = rule(
  "تابعیت",
  "ماده ۱۴، الف، بند ۱",
  "تسهیلات تنها به اتباع جمهوری اسلامی ایران داده می‌شود",
);
const MILITARY_MISSING = rule(
  "نظام وظیفه داده نشده",
  "ماده ۱۴، الف، بند ۲",
  "وضعیت نظام وظیفه‌ی متقاضی مرد داده نشده است",
);
const MILITARY_RULE = rule(
  "نظام وظیفه آقایان",
  "ماده ۱۴، الف، بند ۲",
  "کارت پایان خدمت یا معافیت دائم برای آقایان لازم است",
);
/** Its message shows the debt: built per case. */
const DEBT = rule("بدهی معوق", "ماده ۱۴، الف، بند ۳", "");
const DEBT_INVALID = rule("بدهی معوق نادرست", "ماده ۱۴، الف، بند ۳", "مانده‌ی بدهی معوق نمی‌تواند منفی باشد");
const INSURANCE_RULE = rule(
  "بیمه اشتغال",
  "ماده ۱۴، الف، بند ۴",
  "متقاضی بیمه‌ی اشتغال دارد و شاغل به شمار می‌آید",
);
const MANDATORY_INSURANCE = {
  rule: "بیمه اجباری",
  citation: "ماده ۱۴، الف، بند ۴، تبصره ۷",
  what: "حذف بیمه‌ی اجباری، خروج از کارگاه پس از پرداخت تسهیلات و ایجاد بیمه‌ی خویش‌فرمایی",
};
const DUAL_JOB = rule(
  "دوشغله شدن",
  "ماده ۱۴، الف، بند ۵؛ ماده ۱۴، الف، تبصره ۸",
  "پرداخت تسهیلات نباید موجب دوشغله شدن شود",
);
const LICENCE_RULE = rule(
  "مجوز",
  "ماده ۱۴، الف، بند ۶؛ ماده ۱۴، الف، تبصره ۹",
  "راه‌اندازی این طرح منوط به مجوز است و متقاضی مجوز ندارد",
);
const LEGAL_AGE_RULE = rule(
  "سن کمتر از ۱۸ سال",
  "ماده ۶۹، بند ۶",
  `افراد کمتر از ${years(LEGAL_AGE)} تسهیلات‌گیرنده نمی‌شوند`,
);
const HOME_MIN_AGE_RULE = rule(
  "حداقل سن خانگی و خوداشتغالی",
  "ماده ۱۴، الف، بند ۷",
  `حداقل سن برای تسهیلات خانگی و خوداشتغالی ${years(HOME_MIN_AGE)} است`,
);
const HOME_MAX_AGE_RULE = rule(
  "حداکثر سن خانگی و خوداشتغالی",
  "ماده ۱۴، الف، بند ۷",
  `حداکثر سن برای تسهیلات خانگی و خوداشتغالی ${years(HOME_MAX_AGE)} تمام است`,
);
const EMPLOYER_MIN_AGE_RULE = rule(
  "حداقل سن کارفرمایی و کارآفرینی",
  "ماده ۱۴، الف، بند ۸",
  `حداقل سن در مشاغل کارفرمایی و کارآفرینی ${years(EMPLOYER_MIN_AGE)} است`,
);
const EMPLOYER_MAX_AGE_RULE = rule(
  "حداکثر سن کارفرمایی و کارآفرینی",
  "ماده ۱۴، الف، بند ۸",
  `حداکثر سن در مشاغل کارفرمایی و کارآفرینی ${years(EMPLOYER_MAX_AGE)} تمام است`,
);
const RESIDENCE = rule(
  "سکونت در محل اجرای طرح",
  "ماده ۱۴، ب، بند ۲؛ ماده ۱۴، ب، تبصره ۱۰",
  "در طرح‌های خانگی و خوداشتغالی سکونت در محل اجرای طرح الزامی است",
);
const AMOUNT = rule("مبلغ درخواستی", "ماده ۵۹", "مبلغ تسهیلات درخواستی باید بیشتر از صفر باشد");
const CAP_HOME_RULE = rule(
  "سقف تسهیلات مشاغل خانگی",
  "ماده ۳۹",
  `حداکثر تسهیلات مشاغل خانگی ${rials(CAP_HOME)} است`,
);
const CAP_SELF_RULE = rule(
  "سقف تسهیلات خوداشتغالی",
  "ماده ۴۰",
  `حداکثر تسهیلات خویش‌فرمایی و خوداشتغالی ${rials(CAP_SELF)} است`,
);
const CAP_EMPLOYER_RULE = rule(
  "سقف تسهیلات کارفرمایی",
  "ماده ۴۱؛ ماده ۴۱، تبصره ۳۳",
  `تسهیلات کارفرمایی حتی در موارد خاص از ${rials(SPECIAL_CAP)} بیشتر نمی‌شود`,
);
const CAP_ENTREPRENEUR_RULE = rule(
  "سقف تسهیلات کارآفرینی",
  "ماده ۴۱؛ ماده ۴۱، تبصره ۳۳",
  `تسهیلات کارآفرینی حتی در موارد خاص از ${rials(SPECIAL_CAP)} بیشتر نمی‌شود`,
);
const OVER_ONE_BILLION = rule(
  "تسهیلات بیش از یک میلیارد ریال",
  "ماده ۴۱، تبصره ۳۳",
  `تسهیلات بیش از ${rials(CAP_EMPLOYER)} به پیشنهاد کمیته‌ی تصویب طرح‌ها و موافقت مدیرعامل است`,
);
const PLANS_COMMITTEE = rule(
  "تصویب در کمیته تصویب طرح‌ها",
  "ماده ۱۳، بند ۱؛ ماده ۱۱، بند ۳",
  `تسهیلات بیش از ${rials(PROVINCE_LIMIT)} تا ${rials(CAP_EMPLOYER)} را کمیته‌ی تصویب طرح‌ها تصویب می‌کند`,
);
const ABSOLUTE_CAP = rule(
  "سقف مطلق تسهیلات صندوق",
  "ماده ۴۱، تبصره ۳۳",
  `هیچ تسهیلاتی بیش از ${rials(SPECIAL_CAP)} پرداخت نمی‌شود`,
);
const WC_CAP_SELF_RULE = rule(
  "سقف سرمایه در گردش خوداشتغالی",
  "ماده ۲۳",
  `سرمایه در گردش خویش‌فرمایی حداکثر ${rials(WC_CAP_SELF)} است`,
);
const WC_CAP_EMPLOYER_RULE = rule(
  "سقف سرمایه در گردش کارفرمایی",
  "ماده ۲۳",
  `سرمایه در گردش کارفرمایی و کارآفرینی حداکثر ${rials(WC_CAP_EMPLOYER)} است`,
);
const WC_WORKSHOP = rule(
  "سرمایه در گردش کارگاه راه‌اندازی‌شده",
  "ماده ۲۳",
  "سرمایه در گردش کارگاه راه‌اندازی‌شده به تأیید مدیر صندوق استان و موافقت معاونت تجهیز و تخصیص منابع مالی است",
);
const REPAYMENT = rule("مدت بازپرداخت", "ماده ۴۷", "دوره‌ی بازپرداخت باید بیشتر از صفر باشد");
const REPAY_HOME_RULE = rule(
  "بازپرداخت مشاغل خانگی",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت مشاغل خانگی حداکثر ${months(REPAY_HOME)} است`,
);
const REPAY_SELF_URBAN_RULE = rule(
  "بازپرداخت خوداشتغالی شهری",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت خوداشتغالی در مناطق شهری حداکثر ${months(REPAY_SELF_URBAN)} است`,
);
const REPAY_SELF_RURAL_RULE = rule(
  "بازپرداخت خوداشتغالی روستایی",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت خوداشتغالی در مناطق روستایی حداکثر ${months(REPAY_SELF_RURAL)} است`,
);
const REPAY_EMPLOYER_URBAN_RULE = rule(
  "بازپرداخت کارفرمایی شهری",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت کارفرمایی و کارآفرینی حداکثر ${months(REPAY_EMPLOYER)} است`,
);
const REPAY_EMPLOYER_RURAL_RULE = rule(
  "بازپرداخت کارفرمایی روستایی",
  "ماده ۴۲، تبصره ۳۴",
  `دوره‌ی بازپرداخت کارفرمایی در مناطق روستایی حتی با تصویب کمیته حداکثر ${months(REPAY_EMPLOYER_RURAL)} است`,
);
const REPAY_RURAL_EXTENSION = rule(
  "افزایش بازپرداخت روستایی",
  "ماده ۴۲، تبصره ۳۴",
  `افزایش دوره‌ی بازپرداخت تا ${months(REPAY_EMPLOYER_RURAL)} با تصویب کمیته است`,
);
const REPAY_ABSOLUTE = rule(
  "سقف مطلق دوره بازپرداخت",
  "ماده ۴۲؛ ماده ۴۲، تبصره ۳۴",
  `هیچ دوره‌ی بازپرداختی بیش از ${months(REPAY_EMPLOYER_RURAL)} نیست`,
);
const WC_REPAY_MIN_RULE = rule(
  "حداقل بازپرداخت سرمایه در گردش",
  "ماده ۴۳",
  `دوره‌ی بازپرداخت سرمایه در گردش دست‌کم ${months(WC_REPAY_MIN)} است`,
);
const WC_REPAY_MAX_RULE = rule(
  "حداکثر بازپرداخت سرمایه در گردش",
  "ماده ۴۳",
  `دوره‌ی بازپرداخت سرمایه در گردش حداکثر ${months(WC_REPAY_MAX)} است`,
);
const WC_ANNUAL = rule(
  "تقسیط سرمایه در گردش",
  "ماده ۴۳",
  "سرمایه در گردش به‌صورت ماهیانه یا فصلی تقسیط می‌شود، نه سالانه",
);
const GRACE_INVALID = rule("دوره تنفس نادرست", "ماده ۴۹", "دوره‌ی تنفس نمی‌تواند منفی باشد");
const GRACE_ABSOLUTE = rule(
  "سقف مطلق دوره تنفس",
  "ماده ۴۹",
  `دوره‌ی تنفس در هیچ حالی از ${months(GRACE_EMPLOYER_MAX)} بیشتر نیست`,
);
const GRACE_HOME_RULE = rule(
  "تنفس مشاغل خانگی",
  "ماده ۴۹",
  `دوره‌ی تنفس مشاغل خانگی حداکثر ${months(GRACE_HOME)} است`,
);
const GRACE_SELF_RULE = rule(
  "تنفس خوداشتغالی",
  "ماده ۴۹",
  `دوره‌ی تنفس خویش‌فرمایی حداکثر ${months(GRACE_SELF)} است`,
);
const GRACE_EMPLOYER_RULE = rule(
  "تنفس کارفرمایی",
  "ماده ۴۹",
  `دوره‌ی تنفس کارفرمایی و کارآفرینی حتی در شرایط استثنایی حداکثر ${months(GRACE_EMPLOYER_MAX)} است`,
);
const GRACE_EXTENSION = rule(
  "افزایش دوره تنفس",
  "ماده ۴۹",
  `افزایش دوره‌ی تنفس تا ${months(GRACE_EMPLOYER_MAX)} به پیشنهاد مدیر صندوق استان و تأیید کمیته است`,
);
/** Its message shows the grace and the repayment periods: built per case. */
const GRACE_VS_REPAYMENT = rule("تنفس و دوره بازپرداخت", "ماده ۴۹، تبصره ۳۷", "");
const GRACE_QUARTERLY_RULE = rule(
  "تنفس تقسیط فصلی",
  "ماده ۴۹، تبصره ۳۸",
  `دوره‌ی تنفس برای تقسیط فصلی حداکثر ${months(GRACE_QUARTERLY)} است`,
);
const GRACE_ANNUAL = rule(
  "تنفس تقسیط سالانه",
  "ماده ۴۹، تبصره ۳۸",
  "تسهیلات با تقسیط سالانه دوره‌ی تنفس ندارند",
);
const LIFE_INSURANCE = {
  rule: "بیمه عمر",
  citation: "ماده ۶۴",
  what: "بیمه‌ی عمر وام‌گیرنده معادل مانده‌ی بدهکار",
  message: "هزینه‌ی آن از اصل مبلغ تسهیلات کسر می‌شود",
};

const BOARD = "کمیته تصویب طرح‌ها";

// ── outcomes, shaped as the engine's ──

function rejection(r: Rule, message = r.message): FullOutcome {
  return { rule: r.rule, citation: r.citation, kind: "reject", message };
}
function referral(r: Rule, authority: string): FullOutcome {
  return { rule: r.rule, citation: r.citation, kind: "refer", message: r.message, authority };
}

export function evaluateOmidFull(input: unknown): FullResult {
  // ── the case ──
  const f = fields(input, KEYS);
  const plan = member<Plan>(required(f, "نوع_طرح"), PLANS, "نوع_طرح");
  const brandRaw = f.get("برند");
  const brand = brandRaw === undefined ? undefined : bool(brandRaw, "برند");
  const citizen = bool(required(f, "تابعیت_ایرانی"), "تابعیت_ایرانی");
  const gender = member<string>(required(f, "جنسیت"), GENDERS, "جنسیت");
  const age = decimal(required(f, "سن"), "سن");
  const militaryRaw = f.get("نظام_وظیفه");
  const military =
    militaryRaw === undefined ? undefined : member<string>(militaryRaw, MILITARY, "نظام_وظیفه");
  const debt = decimal(required(f, "بدهی_معوق"), "بدهی_معوق");
  const insurance = member<string>(required(f, "بیمه_اشتغال"), INSURANCE, "بیمه_اشتغال");
  const otherJob = bool(required(f, "شغل_دیگر"), "شغل_دیگر");
  const licence = member<string>(required(f, "مجوز"), LICENCE, "مجوز");
  const resides = bool(required(f, "سکونت_در_محل_طرح"), "سکونت_در_محل_طرح");
  const amount = decimal(required(f, "مبلغ_درخواستی"), "مبلغ_درخواستی");
  const region = member<string>(required(f, "منطقه"), REGIONS, "منطقه");
  const purpose = member<string>(required(f, "نوع_تسهیلات"), PURPOSES, "نوع_تسهیلات");
  const repay = decimal(required(f, "مدت_بازپرداخت"), "مدت_بازپرداخت");
  const grace = decimal(required(f, "دوره_تنفس"), "دوره_تنفس");
  const instalments = member<string>(required(f, "نحوه_تقسیط"), INSTALMENTS, "نحوه_تقسیط");

  // ── the computed values ──
  const homeOrSelf = plan === "خانگی" || plan === "خوداشتغالی";
  const employer = plan === "کارفرمایی" || plan === "کارآفرینی";
  // «برند = بله»: false when the brand is not given.
  const noAgeLimit = brand === true;
  const workingCapital = purpose === "سرمایه_در_گردش";
  const man = gender === "مرد";
  const rural = region === "روستایی";

  // ── the rules, in the file's order ──
  const outcomes: FullOutcome[] = [];
  let reject = false;
  let refer = false;
  const no = (r: Rule, message = r.message) => {
    outcomes.push(rejection(r, message));
    reject = true;
  };
  const ask = (r: Rule, authority: string) => {
    outcomes.push(referral(r, authority));
    refer = true;
  };

  if (!citizen) no(CITIZENSHIP);
  if (man && military === undefined) no(MILITARY_MISSING);
  if (man && (military === "معافیت_موقت" || military === "مشمول")) no(MILITARY_RULE);
  if (debt.gt(ZERO)) no(DEBT, `متقاضی ${rials(debt)} بدهی معوق به صندوق یا شبکه‌ی بانکی دارد`);
  if (debt.lt(ZERO)) no(DEBT_INVALID);
  if (insurance === "دولتی" || insurance === "خصوصی") no(INSURANCE_RULE);
  if (insurance === "اجباری")
    outcomes.push({
      rule: MANDATORY_INSURANCE.rule,
      citation: MANDATORY_INSURANCE.citation,
      kind: "require",
      what: MANDATORY_INSURANCE.what,
    });
  if (otherJob && homeOrSelf) no(DUAL_JOB);
  if (licence === "ندارد") no(LICENCE_RULE);

  if (age.lt(LEGAL_AGE)) no(LEGAL_AGE_RULE);
  if (homeOrSelf && !noAgeLimit && age.lt(HOME_MIN_AGE)) no(HOME_MIN_AGE_RULE);
  if (homeOrSelf && !noAgeLimit && age.gt(HOME_MAX_AGE)) no(HOME_MAX_AGE_RULE);
  if (employer && !noAgeLimit && age.lt(EMPLOYER_MIN_AGE)) no(EMPLOYER_MIN_AGE_RULE);
  if (employer && !noAgeLimit && age.gt(EMPLOYER_MAX_AGE)) no(EMPLOYER_MAX_AGE_RULE);

  if (homeOrSelf && !resides) no(RESIDENCE);

  if (amount.lte(ZERO)) no(AMOUNT);
  if (plan === "خانگی" && amount.gt(CAP_HOME)) no(CAP_HOME_RULE);
  if (plan === "خوداشتغالی" && amount.gt(CAP_SELF)) no(CAP_SELF_RULE);
  if (plan === "کارفرمایی" && amount.gt(SPECIAL_CAP)) no(CAP_EMPLOYER_RULE);
  if (plan === "کارآفرینی" && amount.gt(SPECIAL_CAP)) no(CAP_ENTREPRENEUR_RULE);
  if (employer && amount.gt(CAP_EMPLOYER) && amount.lte(SPECIAL_CAP)) ask(OVER_ONE_BILLION, "مدیرعامل");
  if (amount.gt(PROVINCE_LIMIT) && amount.lte(CAP_EMPLOYER)) ask(PLANS_COMMITTEE, BOARD);
  if (amount.gt(SPECIAL_CAP)) no(ABSOLUTE_CAP);
  if (workingCapital && plan === "خوداشتغالی" && amount.gt(WC_CAP_SELF)) no(WC_CAP_SELF_RULE);
  if (workingCapital && employer && amount.gt(WC_CAP_EMPLOYER)) no(WC_CAP_EMPLOYER_RULE);
  if (workingCapital && plan !== "خانگی") ask(WC_WORKSHOP, "مدیر صندوق استان");

  if (repay.lte(ZERO)) no(REPAYMENT);
  if (plan === "خانگی" && repay.gt(REPAY_HOME)) no(REPAY_HOME_RULE);
  if (plan === "خوداشتغالی" && !rural && repay.gt(REPAY_SELF_URBAN)) no(REPAY_SELF_URBAN_RULE);
  if (plan === "خوداشتغالی" && rural && repay.gt(REPAY_SELF_RURAL)) no(REPAY_SELF_RURAL_RULE);
  if (employer && !rural && repay.gt(REPAY_EMPLOYER)) no(REPAY_EMPLOYER_URBAN_RULE);
  if (employer && rural && repay.gt(REPAY_EMPLOYER_RURAL)) no(REPAY_EMPLOYER_RURAL_RULE);
  if (employer && rural && repay.gt(REPAY_EMPLOYER) && repay.lte(REPAY_EMPLOYER_RURAL))
    ask(REPAY_RURAL_EXTENSION, BOARD);
  if (repay.gt(REPAY_EMPLOYER_RURAL)) no(REPAY_ABSOLUTE);
  if (workingCapital && repay.lt(WC_REPAY_MIN)) no(WC_REPAY_MIN_RULE);
  if (workingCapital && repay.gt(WC_REPAY_MAX)) no(WC_REPAY_MAX_RULE);
  if (workingCapital && instalments === "سالانه") no(WC_ANNUAL);

  if (grace.lt(ZERO)) no(GRACE_INVALID);
  if (grace.gt(GRACE_EMPLOYER_MAX)) no(GRACE_ABSOLUTE);
  if (plan === "خانگی" && grace.gt(GRACE_HOME)) no(GRACE_HOME_RULE);
  if (plan === "خوداشتغالی" && grace.gt(GRACE_SELF)) no(GRACE_SELF_RULE);
  if (employer && grace.gt(GRACE_EMPLOYER_MAX)) no(GRACE_EMPLOYER_RULE);
  if (employer && grace.gt(GRACE_EMPLOYER) && grace.lte(GRACE_EMPLOYER_MAX)) ask(GRACE_EXTENSION, BOARD);
  if (grace.gte(repay))
    no(
      GRACE_VS_REPAYMENT,
      `دوره‌ی تنفس (${faNumber(grace)}) از دوره‌ی بازپرداخت (${faNumber(repay)}) کسر می‌شود و باید کمتر از آن باشد`,
    );
  if (instalments === "فصلی" && grace.gt(GRACE_QUARTERLY)) no(GRACE_QUARTERLY_RULE);
  if (instalments === "سالانه" && grace.gt(ZERO)) no(GRACE_ANNUAL);

  outcomes.push({
    rule: LIFE_INSURANCE.rule,
    citation: LIFE_INSURANCE.citation,
    kind: "require",
    message: LIFE_INSURANCE.message,
    what: LIFE_INSURANCE.what,
  });

  return {
    decision: reject ? "reject" : refer ? "refer" : "accept",
    outcomes,
    values: {
      خانگی_یا_خوداشتغالی: homeOrSelf,
      کارفرمایی_یا_کارآفرینی: employer,
      بدون_محدودیت_سنی: noAgeLimit,
      سقف_موارد_خاص: SPECIAL_CAP_TEXT,
      فقط_سرمایه_در_گردش: workingCapital,
    },
  };
}
