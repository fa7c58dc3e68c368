/**
 * The Omid-style eligibility decision (bench/fixtures/omid-eligibility.zb) written by hand: the limit
 * the engine is measured against. Same input (caller-form case JSON, Persian names or ASCII aliases).
 *
 * A case is computed once (`compute`): the inputs read, the computed values, and the rules that fire,
 * in the rule file's order. Two entry points read it:
 * - `decideOmid`: the decision and the titles of the fired rules — no outcomes, messages or values;
 * - `omidResult`: the engine's whole result — every outcome of every fired rule with the fields the
 *   engine gives (rule, citation, kind, message with its holes filled, authority, what), and every
 *   computed value serialised as the engine serialises it (yes/no as booleans, money as a plain
 *   decimal string).
 *
 * Written the way one would write this one decision by hand: the parameters, the value that depends on
 * parameters only (سقف_موارد_خاص) and the parameters as the messages show them are hoisted; messages are
 * template strings with a small Persian-number formatter (./persian.ts). Numbers are parsed to decimals
 * (decimal.js, the engine's configuration) and compared exactly, as the engine must.
 *
 * Keep it in step with the fixture: bench/evaluate.ts aborts if either entry point ever disagrees with
 * the engine's evaluateSync on a case.
 */
import {
  EMPLOYMENT_INSURANCES,
  GENDERS,
  INSTALMENTS,
  LICENCES,
  MILITARY_STATUSES,
  OMID_ALIASES,
  PLANS,
  type Plan,
  PURPOSES,
  REGIONS,
} from "../inputs";
import { faNumber } from "./persian";
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
  required,
} from "./read";
import { decisionOf, outcomesOf, type Rule, refers, rejects, requires, titles } from "./rules";

const set = (members: readonly string[]): ReadonlySet<string> => new Set(members);
const PLAN_SET = set(PLANS);
const GENDER_SET = set(GENDERS);
const MILITARY_SET = set(MILITARY_STATUSES);
const INSURANCE_SET = set(EMPLOYMENT_INSURANCES);
const LICENCE_SET = set(LICENCES);
const REGION_SET = set(REGIONS);
const PURPOSE_SET = set(PURPOSES);
const INSTALMENT_SET = set(INSTALMENTS);
const KEYS = keyMap(OMID_ALIASES);

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

/** One case, computed once: what the rules and the result read. */
interface Omid {
  debt: D;
  repay: D;
  grace: D;
  homeOrSelf: boolean;
  employer: boolean;
  /** «برند = بله»: false when the brand is not given. */
  noAgeLimit: boolean;
  workingCapital: boolean;
  /** The rules that fire, in the file's order. */
  fired: OmidRule[];
  decision: Decision;
}

type OmidRule = Rule<Omid>;

const BOARD = "کمیته تصویب طرح‌ها";

// ── the rules: title, citation, effect and message ──

const CITIZENSHIP: OmidRule = rejects(
  "تابعیت",
  "ماده ۱۴، الف، بند ۱",
  "تسهیلات تنها به اتباع جمهوری اسلامی ایران داده می‌شود",
);
const MILITARY_MISSING: OmidRule = rejects(
  "نظام وظیفه داده نشده",
  "ماده ۱۴، الف، بند ۲",
  "وضعیت نظام وظیفه‌ی متقاضی مرد داده نشده است",
);
const MILITARY_RULE: OmidRule = rejects(
  "نظام وظیفه آقایان",
  "ماده ۱۴، الف، بند ۲",
  "کارت پایان خدمت یا معافیت دائم برای آقایان لازم است",
);
const DEBT: OmidRule = rejects(
  "بدهی معوق",
  "ماده ۱۴، الف، بند ۳",
  (c) => `متقاضی ${rials(c.debt)} بدهی معوق به صندوق یا شبکه‌ی بانکی دارد`,
);
const DEBT_INVALID: OmidRule = rejects(
  "بدهی معوق نادرست",
  "ماده ۱۴، الف، بند ۳",
  "مانده‌ی بدهی معوق نمی‌تواند منفی باشد",
);
const INSURANCE_RULE: OmidRule = rejects(
  "بیمه اشتغال",
  "ماده ۱۴، الف، بند ۴",
  "متقاضی بیمه‌ی اشتغال دارد و شاغل به شمار می‌آید",
);
const MANDATORY_INSURANCE: OmidRule = requires("بیمه اجباری", "ماده ۱۴، الف، بند ۴، تبصره ۷", [
  "حذف بیمه‌ی اجباری، خروج از کارگاه پس از پرداخت تسهیلات و ایجاد بیمه‌ی خویش‌فرمایی",
]);
const DUAL_JOB: OmidRule = rejects(
  "دوشغله شدن",
  "ماده ۱۴، الف، بند ۵؛ ماده ۱۴، الف، تبصره ۸",
  "پرداخت تسهیلات نباید موجب دوشغله شدن شود",
);
const LICENCE_RULE: OmidRule = rejects(
  "مجوز",
  "ماده ۱۴، الف، بند ۶؛ ماده ۱۴، الف، تبصره ۹",
  "راه‌اندازی این طرح منوط به مجوز است و متقاضی مجوز ندارد",
);
const LEGAL_AGE_RULE: OmidRule = rejects(
  "سن کمتر از ۱۸ سال",
  "ماده ۶۹، بند ۶",
  `افراد کمتر از ${years(LEGAL_AGE)} تسهیلات‌گیرنده نمی‌شوند`,
);
const HOME_MIN_AGE_RULE: OmidRule = rejects(
  "حداقل سن خانگی و خوداشتغالی",
  "ماده ۱۴، الف، بند ۷",
  `حداقل سن برای تسهیلات خانگی و خوداشتغالی ${years(HOME_MIN_AGE)} است`,
);
const HOME_MAX_AGE_RULE: OmidRule = rejects(
  "حداکثر سن خانگی و خوداشتغالی",
  "ماده ۱۴، الف، بند ۷",
  `حداکثر سن برای تسهیلات خانگی و خوداشتغالی ${years(HOME_MAX_AGE)} تمام است`,
);
const EMPLOYER_MIN_AGE_RULE: OmidRule = rejects(
  "حداقل سن کارفرمایی و کارآفرینی",
  "ماده ۱۴، الف، بند ۸",
  `حداقل سن در مشاغل کارفرمایی و کارآفرینی ${years(EMPLOYER_MIN_AGE)} است`,
);
const EMPLOYER_MAX_AGE_RULE: OmidRule = rejects(
  "حداکثر سن کارفرمایی و کارآفرینی",
  "ماده ۱۴، الف، بند ۸",
  `حداکثر سن در مشاغل کارفرمایی و کارآفرینی ${years(EMPLOYER_MAX_AGE)} تمام است`,
);
const RESIDENCE: OmidRule = rejects(
  "سکونت در محل اجرای طرح",
  "ماده ۱۴، ب، بند ۲؛ ماده ۱۴، ب، تبصره ۱۰",
  "در طرح‌های خانگی و خوداشتغالی سکونت در محل اجرای طرح الزامی است",
);
const AMOUNT: OmidRule = rejects("مبلغ درخواستی", "ماده ۵۹", "مبلغ تسهیلات درخواستی باید بیشتر از صفر باشد");
const CAP_HOME_RULE: OmidRule = rejects(
  "سقف تسهیلات مشاغل خانگی",
  "ماده ۳۹",
  `حداکثر تسهیلات مشاغل خانگی ${rials(CAP_HOME)} است`,
);
const CAP_SELF_RULE: OmidRule = rejects(
  "سقف تسهیلات خوداشتغالی",
  "ماده ۴۰",
  `حداکثر تسهیلات خویش‌فرمایی و خوداشتغالی ${rials(CAP_SELF)} است`,
);
const CAP_EMPLOYER_RULE: OmidRule = rejects(
  "سقف تسهیلات کارفرمایی",
  "ماده ۴۱؛ ماده ۴۱، تبصره ۳۳",
  `تسهیلات کارفرمایی حتی در موارد خاص از ${rials(SPECIAL_CAP)} بیشتر نمی‌شود`,
);
const CAP_ENTREPRENEUR_RULE: OmidRule = rejects(
  "سقف تسهیلات کارآفرینی",
  "ماده ۴۱؛ ماده ۴۱، تبصره ۳۳",
  `تسهیلات کارآفرینی حتی در موارد خاص از ${rials(SPECIAL_CAP)} بیشتر نمی‌شود`,
);
const OVER_ONE_BILLION: OmidRule = refers("تسهیلات بیش از یک میلیارد ریال", "ماده ۴۱، تبصره ۳۳", [
  "مدیرعامل",
  `تسهیلات بیش از ${rials(CAP_EMPLOYER)} به پیشنهاد کمیته‌ی تصویب طرح‌ها و موافقت مدیرعامل است`,
]);
const PLANS_COMMITTEE: OmidRule = refers("تصویب در کمیته تصویب طرح‌ها", "ماده ۱۳، بند ۱؛ ماده ۱۱، بند ۳", [
  BOARD,
  `تسهیلات بیش از ${rials(PROVINCE_LIMIT)} تا ${rials(CAP_EMPLOYER)} را کمیته‌ی تصویب طرح‌ها تصویب می‌کند`,
]);
const ABSOLUTE_CAP: OmidRule = rejects(
  "سقف مطلق تسهیلات صندوق",
  "ماده ۴۱، تبصره ۳۳",
  `هیچ تسهیلاتی بیش از ${rials(SPECIAL_CAP)} پرداخت نمی‌شود`,
);
const WC_CAP_SELF_RULE: OmidRule = rejects(
  "سقف سرمایه در گردش خوداشتغالی",
  "ماده ۲۳",
  `سرمایه در گردش خویش‌فرمایی حداکثر ${rials(WC_CAP_SELF)} است`,
);
const WC_CAP_EMPLOYER_RULE: OmidRule = rejects(
  "سقف سرمایه در گردش کارفرمایی",
  "ماده ۲۳",
  `سرمایه در گردش کارفرمایی و کارآفرینی حداکثر ${rials(WC_CAP_EMPLOYER)} است`,
);
const WC_WORKSHOP: OmidRule = refers("سرمایه در گردش کارگاه راه‌اندازی‌شده", "ماده ۲۳", [
  "مدیر صندوق استان",
  "سرمایه در گردش کارگاه راه‌اندازی‌شده به تأیید مدیر صندوق استان و موافقت معاونت تجهیز و تخصیص منابع مالی است",
]);
const REPAYMENT: OmidRule = rejects("مدت بازپرداخت", "ماده ۴۷", "دوره‌ی بازپرداخت باید بیشتر از صفر باشد");
const REPAY_HOME_RULE: OmidRule = rejects(
  "بازپرداخت مشاغل خانگی",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت مشاغل خانگی حداکثر ${months(REPAY_HOME)} است`,
);
const REPAY_SELF_URBAN_RULE: OmidRule = rejects(
  "بازپرداخت خوداشتغالی شهری",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت خوداشتغالی در مناطق شهری حداکثر ${months(REPAY_SELF_URBAN)} است`,
);
const REPAY_SELF_RURAL_RULE: OmidRule = rejects(
  "بازپرداخت خوداشتغالی روستایی",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت خوداشتغالی در مناطق روستایی حداکثر ${months(REPAY_SELF_RURAL)} است`,
);
const REPAY_EMPLOYER_URBAN_RULE: OmidRule = rejects(
  "بازپرداخت کارفرمایی شهری",
  "ماده ۴۲",
  `دوره‌ی بازپرداخت کارفرمایی و کارآفرینی حداکثر ${months(REPAY_EMPLOYER)} است`,
);
const REPAY_EMPLOYER_RURAL_RULE: OmidRule = rejects(
  "بازپرداخت کارفرمایی روستایی",
  "ماده ۴۲، تبصره ۳۴",
  `دوره‌ی بازپرداخت کارفرمایی در مناطق روستایی حتی با تصویب کمیته حداکثر ${months(REPAY_EMPLOYER_RURAL)} است`,
);
const REPAY_RURAL_EXTENSION: OmidRule = refers("افزایش بازپرداخت روستایی", "ماده ۴۲، تبصره ۳۴", [
  BOARD,
  `افزایش دوره‌ی بازپرداخت تا ${months(REPAY_EMPLOYER_RURAL)} با تصویب کمیته است`,
]);
const REPAY_ABSOLUTE: OmidRule = rejects(
  "سقف مطلق دوره بازپرداخت",
  "ماده ۴۲؛ ماده ۴۲، تبصره ۳۴",
  `هیچ دوره‌ی بازپرداختی بیش از ${months(REPAY_EMPLOYER_RURAL)} نیست`,
);
const WC_REPAY_MIN_RULE: OmidRule = rejects(
  "حداقل بازپرداخت سرمایه در گردش",
  "ماده ۴۳",
  `دوره‌ی بازپرداخت سرمایه در گردش دست‌کم ${months(WC_REPAY_MIN)} است`,
);
const WC_REPAY_MAX_RULE: OmidRule = rejects(
  "حداکثر بازپرداخت سرمایه در گردش",
  "ماده ۴۳",
  `دوره‌ی بازپرداخت سرمایه در گردش حداکثر ${months(WC_REPAY_MAX)} است`,
);
const WC_ANNUAL: OmidRule = rejects(
  "تقسیط سرمایه در گردش",
  "ماده ۴۳",
  "سرمایه در گردش به‌صورت ماهیانه یا فصلی تقسیط می‌شود، نه سالانه",
);
const GRACE_INVALID: OmidRule = rejects("دوره تنفس نادرست", "ماده ۴۹", "دوره‌ی تنفس نمی‌تواند منفی باشد");
const GRACE_ABSOLUTE: OmidRule = rejects(
  "سقف مطلق دوره تنفس",
  "ماده ۴۹",
  `دوره‌ی تنفس در هیچ حالی از ${months(GRACE_EMPLOYER_MAX)} بیشتر نیست`,
);
const GRACE_HOME_RULE: OmidRule = rejects(
  "تنفس مشاغل خانگی",
  "ماده ۴۹",
  `دوره‌ی تنفس مشاغل خانگی حداکثر ${months(GRACE_HOME)} است`,
);
const GRACE_SELF_RULE: OmidRule = rejects(
  "تنفس خوداشتغالی",
  "ماده ۴۹",
  `دوره‌ی تنفس خویش‌فرمایی حداکثر ${months(GRACE_SELF)} است`,
);
const GRACE_EMPLOYER_RULE: OmidRule = rejects(
  "تنفس کارفرمایی",
  "ماده ۴۹",
  `دوره‌ی تنفس کارفرمایی و کارآفرینی حتی در شرایط استثنایی حداکثر ${months(GRACE_EMPLOYER_MAX)} است`,
);
const GRACE_EXTENSION: OmidRule = refers("افزایش دوره تنفس", "ماده ۴۹", [
  BOARD,
  `افزایش دوره‌ی تنفس تا ${months(GRACE_EMPLOYER_MAX)} به پیشنهاد مدیر صندوق استان و تأیید کمیته است`,
]);
const GRACE_VS_REPAYMENT: OmidRule = rejects(
  "تنفس و دوره بازپرداخت",
  "ماده ۴۹، تبصره ۳۷",
  (c) =>
    `دوره‌ی تنفس (${faNumber(c.grace)}) از دوره‌ی بازپرداخت (${faNumber(c.repay)}) کسر می‌شود و باید کمتر از آن باشد`,
);
const GRACE_QUARTERLY_RULE: OmidRule = rejects(
  "تنفس تقسیط فصلی",
  "ماده ۴۹، تبصره ۳۸",
  `دوره‌ی تنفس برای تقسیط فصلی حداکثر ${months(GRACE_QUARTERLY)} است`,
);
const GRACE_ANNUAL: OmidRule = rejects(
  "تنفس تقسیط سالانه",
  "ماده ۴۹، تبصره ۳۸",
  "تسهیلات با تقسیط سالانه دوره‌ی تنفس ندارند",
);
const LIFE_INSURANCE: OmidRule = requires("بیمه عمر", "ماده ۶۴", [
  "بیمه‌ی عمر وام‌گیرنده معادل مانده‌ی بدهکار",
  "هزینه‌ی آن از اصل مبلغ تسهیلات کسر می‌شود",
]);

/** Reads the case, computes every value once, and finds the rules that fire, in the file's order. */
function compute(input: unknown): Omid {
  // ── the case ──
  const f = fields(input, KEYS);
  const plan = member<Plan>(required(f, "نوع_طرح"), PLAN_SET, "نوع_طرح");
  const brandRaw = f.get("برند");
  const brand = brandRaw === undefined ? undefined : bool(brandRaw, "برند");
  const citizen = bool(required(f, "تابعیت_ایرانی"), "تابعیت_ایرانی");
  const gender = member<string>(required(f, "جنسیت"), GENDER_SET, "جنسیت");
  const age = decimal(required(f, "سن"), "سن");
  const militaryRaw = f.get("نظام_وظیفه");
  const military =
    militaryRaw === undefined ? undefined : member<string>(militaryRaw, MILITARY_SET, "نظام_وظیفه");
  const debt = decimal(required(f, "بدهی_معوق"), "بدهی_معوق");
  const insurance = member<string>(required(f, "بیمه_اشتغال"), INSURANCE_SET, "بیمه_اشتغال");
  const otherJob = bool(required(f, "شغل_دیگر"), "شغل_دیگر");
  const licence = member<string>(required(f, "مجوز"), LICENCE_SET, "مجوز");
  const resides = bool(required(f, "سکونت_در_محل_طرح"), "سکونت_در_محل_طرح");
  const amount = decimal(required(f, "مبلغ_درخواستی"), "مبلغ_درخواستی");
  const region = member<string>(required(f, "منطقه"), REGION_SET, "منطقه");
  const purpose = member<string>(required(f, "نوع_تسهیلات"), PURPOSE_SET, "نوع_تسهیلات");
  const repay = decimal(required(f, "مدت_بازپرداخت"), "مدت_بازپرداخت");
  const grace = decimal(required(f, "دوره_تنفس"), "دوره_تنفس");
  const instalments = member<string>(required(f, "نحوه_تقسیط"), INSTALMENT_SET, "نحوه_تقسیط");

  // ── the computed values ──
  const homeOrSelf = plan === "خانگی" || plan === "خوداشتغالی";
  const employer = plan === "کارفرمایی" || plan === "کارآفرینی";
  const noAgeLimit = brand === true;
  const workingCapital = purpose === "سرمایه_در_گردش";
  const man = gender === "مرد";
  const rural = region === "روستایی";

  // ── the rules, in the file's order ──
  const fired: OmidRule[] = [];
  if (!citizen) fired.push(CITIZENSHIP);
  if (man && military === undefined) fired.push(MILITARY_MISSING);
  if (man && (military === "معافیت_موقت" || military === "مشمول")) fired.push(MILITARY_RULE);
  if (debt.gt(ZERO)) fired.push(DEBT);
  if (debt.lt(ZERO)) fired.push(DEBT_INVALID);
  if (insurance === "دولتی" || insurance === "خصوصی") fired.push(INSURANCE_RULE);
  if (insurance === "اجباری") fired.push(MANDATORY_INSURANCE);
  if (otherJob && homeOrSelf) fired.push(DUAL_JOB);
  if (licence === "ندارد") fired.push(LICENCE_RULE);

  if (age.lt(LEGAL_AGE)) fired.push(LEGAL_AGE_RULE);
  if (homeOrSelf && !noAgeLimit && age.lt(HOME_MIN_AGE)) fired.push(HOME_MIN_AGE_RULE);
  if (homeOrSelf && !noAgeLimit && age.gt(HOME_MAX_AGE)) fired.push(HOME_MAX_AGE_RULE);
  if (employer && !noAgeLimit && age.lt(EMPLOYER_MIN_AGE)) fired.push(EMPLOYER_MIN_AGE_RULE);
  if (employer && !noAgeLimit && age.gt(EMPLOYER_MAX_AGE)) fired.push(EMPLOYER_MAX_AGE_RULE);

  if (homeOrSelf && !resides) fired.push(RESIDENCE);

  if (amount.lte(ZERO)) fired.push(AMOUNT);
  if (plan === "خانگی" && amount.gt(CAP_HOME)) fired.push(CAP_HOME_RULE);
  if (plan === "خوداشتغالی" && amount.gt(CAP_SELF)) fired.push(CAP_SELF_RULE);
  if (plan === "کارفرمایی" && amount.gt(SPECIAL_CAP)) fired.push(CAP_EMPLOYER_RULE);
  if (plan === "کارآفرینی" && amount.gt(SPECIAL_CAP)) fired.push(CAP_ENTREPRENEUR_RULE);
  if (employer && amount.gt(CAP_EMPLOYER) && amount.lte(SPECIAL_CAP)) fired.push(OVER_ONE_BILLION);
  if (amount.gt(PROVINCE_LIMIT) && amount.lte(CAP_EMPLOYER)) fired.push(PLANS_COMMITTEE);
  if (amount.gt(SPECIAL_CAP)) fired.push(ABSOLUTE_CAP);
  if (workingCapital && plan === "خوداشتغالی" && amount.gt(WC_CAP_SELF)) fired.push(WC_CAP_SELF_RULE);
  if (workingCapital && employer && amount.gt(WC_CAP_EMPLOYER)) fired.push(WC_CAP_EMPLOYER_RULE);
  if (workingCapital && plan !== "خانگی") fired.push(WC_WORKSHOP);

  if (repay.lte(ZERO)) fired.push(REPAYMENT);
  if (plan === "خانگی" && repay.gt(REPAY_HOME)) fired.push(REPAY_HOME_RULE);
  if (plan === "خوداشتغالی" && !rural && repay.gt(REPAY_SELF_URBAN)) fired.push(REPAY_SELF_URBAN_RULE);
  if (plan === "خوداشتغالی" && rural && repay.gt(REPAY_SELF_RURAL)) fired.push(REPAY_SELF_RURAL_RULE);
  if (employer && !rural && repay.gt(REPAY_EMPLOYER)) fired.push(REPAY_EMPLOYER_URBAN_RULE);
  if (employer && rural && repay.gt(REPAY_EMPLOYER_RURAL)) fired.push(REPAY_EMPLOYER_RURAL_RULE);
  if (employer && rural && repay.gt(REPAY_EMPLOYER) && repay.lte(REPAY_EMPLOYER_RURAL))
    fired.push(REPAY_RURAL_EXTENSION);
  if (repay.gt(REPAY_EMPLOYER_RURAL)) fired.push(REPAY_ABSOLUTE);
  if (workingCapital && repay.lt(WC_REPAY_MIN)) fired.push(WC_REPAY_MIN_RULE);
  if (workingCapital && repay.gt(WC_REPAY_MAX)) fired.push(WC_REPAY_MAX_RULE);
  if (workingCapital && instalments === "سالانه") fired.push(WC_ANNUAL);

  if (grace.lt(ZERO)) fired.push(GRACE_INVALID);
  if (grace.gt(GRACE_EMPLOYER_MAX)) fired.push(GRACE_ABSOLUTE);
  if (plan === "خانگی" && grace.gt(GRACE_HOME)) fired.push(GRACE_HOME_RULE);
  if (plan === "خوداشتغالی" && grace.gt(GRACE_SELF)) fired.push(GRACE_SELF_RULE);
  if (employer && grace.gt(GRACE_EMPLOYER_MAX)) fired.push(GRACE_EMPLOYER_RULE);
  if (employer && grace.gt(GRACE_EMPLOYER) && grace.lte(GRACE_EMPLOYER_MAX)) fired.push(GRACE_EXTENSION);
  if (grace.gte(repay)) fired.push(GRACE_VS_REPAYMENT);
  if (instalments === "فصلی" && grace.gt(GRACE_QUARTERLY)) fired.push(GRACE_QUARTERLY_RULE);
  if (instalments === "سالانه" && grace.gt(ZERO)) fired.push(GRACE_ANNUAL);

  fired.push(LIFE_INSURANCE);

  return {
    debt,
    repay,
    grace,
    homeOrSelf,
    employer,
    noAgeLimit,
    workingCapital,
    fired,
    decision: decisionOf(fired),
  };
}

/** The decision and the fired rules' titles, in the file's order. */
export function decideOmid(input: unknown): Decided {
  const c = compute(input);
  return { decision: c.decision, fired: titles(c.fired) };
}

/** The engine's whole result (without trace): the decision, every fired outcome, every value. */
export function omidResult(input: unknown): FullResult {
  const c = compute(input);
  const values = {
    خانگی_یا_خوداشتغالی: c.homeOrSelf,
    کارفرمایی_یا_کارآفرینی: c.employer,
    بدون_محدودیت_سنی: c.noAgeLimit,
    سقف_موارد_خاص: SPECIAL_CAP_TEXT,
    فقط_سرمایه_در_گردش: c.workingCapital,
  };
  return { decision: c.decision, outcomes: outcomesOf(c.fired, c, values), values };
}
