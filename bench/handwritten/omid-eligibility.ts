/**
 * The Omid-style eligibility decision (bench/fixtures/omid-eligibility.zb) written by hand: the limit
 * the engine is measured against. Same input (caller-form case JSON, Persian names or ASCII aliases),
 * same answer: the decision and the titles of the fired rules in the rule file's order. Numbers are
 * parsed to decimals (decimal.js, the engine's configuration) and compared exactly, as the engine must.
 *
 * Keep it in step with the fixture; bench/evaluate.ts aborts if it ever disagrees with the engine.
 */
import { bool, D, type Decided, decimal, fields, keyMap, member, required } from "./read";

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

const R = {
  citizenship: "تابعیت",
  militaryMissing: "نظام وظیفه داده نشده",
  military: "نظام وظیفه آقایان",
  debt: "بدهی معوق",
  debtInvalid: "بدهی معوق نادرست",
  insurance: "بیمه اشتغال",
  mandatoryInsurance: "بیمه اجباری",
  dualJob: "دوشغله شدن",
  licence: "مجوز",
  legalAge: "سن کمتر از ۱۸ سال",
  homeMinAge: "حداقل سن خانگی و خوداشتغالی",
  homeMaxAge: "حداکثر سن خانگی و خوداشتغالی",
  employerMinAge: "حداقل سن کارفرمایی و کارآفرینی",
  employerMaxAge: "حداکثر سن کارفرمایی و کارآفرینی",
  residence: "سکونت در محل اجرای طرح",
  amount: "مبلغ درخواستی",
  capHome: "سقف تسهیلات مشاغل خانگی",
  capSelf: "سقف تسهیلات خوداشتغالی",
  capEmployer: "سقف تسهیلات کارفرمایی",
  capEntrepreneur: "سقف تسهیلات کارآفرینی",
  overOneBillion: "تسهیلات بیش از یک میلیارد ریال",
  plansCommittee: "تصویب در کمیته تصویب طرح‌ها",
  absoluteCap: "سقف مطلق تسهیلات صندوق",
  wcCapSelf: "سقف سرمایه در گردش خوداشتغالی",
  wcCapEmployer: "سقف سرمایه در گردش کارفرمایی",
  wcWorkshop: "سرمایه در گردش کارگاه راه‌اندازی‌شده",
  repayment: "مدت بازپرداخت",
  repayHome: "بازپرداخت مشاغل خانگی",
  repaySelfUrban: "بازپرداخت خوداشتغالی شهری",
  repaySelfRural: "بازپرداخت خوداشتغالی روستایی",
  repayEmployerUrban: "بازپرداخت کارفرمایی شهری",
  repayEmployerRural: "بازپرداخت کارفرمایی روستایی",
  repayRuralExtension: "افزایش بازپرداخت روستایی",
  repayAbsolute: "سقف مطلق دوره بازپرداخت",
  wcRepayMin: "حداقل بازپرداخت سرمایه در گردش",
  wcRepayMax: "حداکثر بازپرداخت سرمایه در گردش",
  wcAnnual: "تقسیط سرمایه در گردش",
  graceInvalid: "دوره تنفس نادرست",
  graceAbsolute: "سقف مطلق دوره تنفس",
  graceHome: "تنفس مشاغل خانگی",
  graceSelf: "تنفس خوداشتغالی",
  graceEmployer: "تنفس کارفرمایی",
  graceExtension: "افزایش دوره تنفس",
  graceVsRepayment: "تنفس و دوره بازپرداخت",
  graceQuarterly: "تنفس تقسیط فصلی",
  graceAnnual: "تنفس تقسیط سالانه",
  lifeInsurance: "بیمه عمر",
} as const;

export function decideOmidEligibility(input: unknown): Decided {
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
  const noAgeLimit = brand === true;
  const specialCap = CAP_EMPLOYER.times(SPECIAL_FACTOR);
  const workingCapital = purpose === "سرمایه_در_گردش";
  const man = gender === "مرد";
  const rural = region === "روستایی";

  // ── the rules, in the file's order ──
  const fired: string[] = [];
  let reject = false;
  let refer = false;
  const no = (title: string) => {
    fired.push(title);
    reject = true;
  };
  const ask = (title: string) => {
    fired.push(title);
    refer = true;
  };

  if (!citizen) no(R.citizenship);
  if (man && military === undefined) no(R.militaryMissing);
  if (man && (military === "معافیت_موقت" || military === "مشمول")) no(R.military);
  if (debt.gt(ZERO)) no(R.debt);
  if (debt.lt(ZERO)) no(R.debtInvalid);
  if (insurance === "دولتی" || insurance === "خصوصی") no(R.insurance);
  if (insurance === "اجباری") fired.push(R.mandatoryInsurance);
  if (otherJob && homeOrSelf) no(R.dualJob);
  if (licence === "ندارد") no(R.licence);

  if (age.lt(LEGAL_AGE)) no(R.legalAge);
  if (homeOrSelf && !noAgeLimit && age.lt(HOME_MIN_AGE)) no(R.homeMinAge);
  if (homeOrSelf && !noAgeLimit && age.gt(HOME_MAX_AGE)) no(R.homeMaxAge);
  if (employer && !noAgeLimit && age.lt(EMPLOYER_MIN_AGE)) no(R.employerMinAge);
  if (employer && !noAgeLimit && age.gt(EMPLOYER_MAX_AGE)) no(R.employerMaxAge);

  if (homeOrSelf && !resides) no(R.residence);

  if (amount.lte(ZERO)) no(R.amount);
  if (plan === "خانگی" && amount.gt(CAP_HOME)) no(R.capHome);
  if (plan === "خوداشتغالی" && amount.gt(CAP_SELF)) no(R.capSelf);
  if (plan === "کارفرمایی" && amount.gt(specialCap)) no(R.capEmployer);
  if (plan === "کارآفرینی" && amount.gt(specialCap)) no(R.capEntrepreneur);
  if (employer && amount.gt(CAP_EMPLOYER) && amount.lte(specialCap)) ask(R.overOneBillion);
  if (amount.gt(PROVINCE_LIMIT) && amount.lte(CAP_EMPLOYER)) ask(R.plansCommittee);
  if (amount.gt(specialCap)) no(R.absoluteCap);
  if (workingCapital && plan === "خوداشتغالی" && amount.gt(WC_CAP_SELF)) no(R.wcCapSelf);
  if (workingCapital && employer && amount.gt(WC_CAP_EMPLOYER)) no(R.wcCapEmployer);
  if (workingCapital && plan !== "خانگی") ask(R.wcWorkshop);

  if (repay.lte(ZERO)) no(R.repayment);
  if (plan === "خانگی" && repay.gt(REPAY_HOME)) no(R.repayHome);
  if (plan === "خوداشتغالی" && !rural && repay.gt(REPAY_SELF_URBAN)) no(R.repaySelfUrban);
  if (plan === "خوداشتغالی" && rural && repay.gt(REPAY_SELF_RURAL)) no(R.repaySelfRural);
  if (employer && !rural && repay.gt(REPAY_EMPLOYER)) no(R.repayEmployerUrban);
  if (employer && rural && repay.gt(REPAY_EMPLOYER_RURAL)) no(R.repayEmployerRural);
  if (employer && rural && repay.gt(REPAY_EMPLOYER) && repay.lte(REPAY_EMPLOYER_RURAL))
    ask(R.repayRuralExtension);
  if (repay.gt(REPAY_EMPLOYER_RURAL)) no(R.repayAbsolute);
  if (workingCapital && repay.lt(WC_REPAY_MIN)) no(R.wcRepayMin);
  if (workingCapital && repay.gt(WC_REPAY_MAX)) no(R.wcRepayMax);
  if (workingCapital && instalments === "سالانه") no(R.wcAnnual);

  if (grace.lt(ZERO)) no(R.graceInvalid);
  if (grace.gt(GRACE_EMPLOYER_MAX)) no(R.graceAbsolute);
  if (plan === "خانگی" && grace.gt(GRACE_HOME)) no(R.graceHome);
  if (plan === "خوداشتغالی" && grace.gt(GRACE_SELF)) no(R.graceSelf);
  if (employer && grace.gt(GRACE_EMPLOYER_MAX)) no(R.graceEmployer);
  if (employer && grace.gt(GRACE_EMPLOYER) && grace.lte(GRACE_EMPLOYER_MAX)) ask(R.graceExtension);
  if (grace.gte(repay)) no(R.graceVsRepayment);
  if (instalments === "فصلی" && grace.gt(GRACE_QUARTERLY)) no(R.graceQuarterly);
  if (instalments === "سالانه" && grace.gt(ZERO)) no(R.graceAnnual);

  fired.push(R.lifeInsurance);

  return { decision: reject ? "reject" : refer ? "refer" : "accept", fired };
}
