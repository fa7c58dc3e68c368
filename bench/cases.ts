/**
 * Deterministic case corpora for the bench, in caller form (what a client sends): the same seed gives
 * the same cases, on every machine. A plain seeded PRNG (mulberry32), not Math.random.
 *
 * Both corpora lean on the boundaries, so that the rules really fire: about half the numbers are
 * drawn right at a cap or a limit, one below or one above it (one rial, one month, one year), the
 * rest uniformly. Keys are the Persian names or the ASCII aliases (half and half), numbers are JSON
 * numbers or decimal strings, optional inputs are sometimes left out — as clients send them.
 */

import {
  ELECTRONICS_ALIASES,
  GUARANTEE_TYPES,
  COLLATERAL_KINDS as KINDS,
  type CollateralKind as Kind,
  OMID_ALIASES,
  PLANS,
  type Plan,
} from "./inputs";

export type CaseJson = Record<string, unknown>;

/** mulberry32: a small, fast, well-mixed 32-bit generator; returns [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)] as T;
}

/** One of `edges` ±1 (or the edge itself) with probability `p`, else uniform in [lo, hi]. */
function around(rng: Rng, edges: readonly number[], p: number, lo: number, hi: number): number {
  if (rng() < p) return pick(rng, edges) + pick(rng, [-1, 0, 0, 1]);
  return int(rng, lo, hi);
}

/** Money as clients send it: mostly a decimal string, sometimes a JSON number. */
function money(rng: Rng, rials: number): string | number {
  return rng() < 0.85 ? String(rials) : rials;
}

/** Writes into `c` under the Persian names or (for the whole case) the ASCII aliases. */
function keyed(rng: Rng, names: Record<string, string>, c: CaseJson): (name: string, value: unknown) => void {
  const ascii = rng() < 0.5;
  return (name, value) => {
    const key = ascii ? names[name] : name;
    if (key === undefined) throw new Error(`no alias for ${name}`);
    c[key] = value;
  };
}

// ───────────────────────────── Electronics fee table (rulesets/electronics/versions/1.zb) ─────────────

/**
 * The value of the last collateral (in deduction order) that brings the cover to its edge, computed
 * exactly in integers (amounts below 2^53 / 6): the ruleset's 120% cover for bonds and notes, 100% or
 * 80% of the property's value for the property.
 */
function coverEdge(rng: Rng, kind: Kind, amount: number, cash: number, bonds: number, notes: number): number {
  // Sixths of a rial: bonds and notes cover their value ÷ 1.2 = 5/6 of it.
  const left6 = 6 * amount - 6 * cash - 5 * bonds - 5 * notes;
  switch (kind) {
    case "وجه_نقد":
      return amount;
    case "اوراق_بهادار":
    case "سفته":
      // 120% of what is left: ⌈1.2 × left⌉ = ⌈left6 / 5⌉.
      return Math.ceil(left6 / 5);
    case "ترهین_ملک":
    case "وکالت_بلاعزال_ملک": {
      const left = Math.ceil(left6 / 6);
      // 100% of the value (reject above it) or 80% of it (technical committee above it).
      return rng() < 0.5 ? left : Math.ceil((left * 5) / 4);
    }
  }
}

function electronicsCase(rng: Rng): CaseJson {
  const c: CaseJson = {};
  const put = keyed(rng, ELECTRONICS_ALIASES, c);
  const type = rng() < 0.3 ? "شرکت_در_مناقصه" : pick(rng, GUARANTEE_TYPES);

  let amount: number;
  const a = rng();
  if (a < 0.03) amount = pick(rng, [0, 1, -1_000_000]);
  else if (a < 0.6) amount = int(rng, 1, 50) * 100_000_000;
  else amount = int(rng, 1_000_000, 5_000_000_000);
  const fractionalAmount = rng() < 0.02;

  let months: number | string = around(rng, [12], 0.35, 1, 60);
  if (rng() < 0.04) months = `${months}.5`;
  else if (rng() < 0.3) months = String(months);

  put("نوع_ضمانت", type);
  put("مبلغ_ضمانت", fractionalAmount ? `${amount}.5` : money(rng, amount));
  put("مدت_ماه", months);
  put("بیمه_شده", rng() < 0.8);

  const n = pick(rng, [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 4]);
  const kinds: Kind[] = [];
  for (let i = 0; i < n; i++) kinds.push(pick(rng, KINDS));
  // Every collateral but the last (in deduction order) covers a random share; the last sits at the
  // edge of its cover (±1 rial) half the time.
  const order = [...kinds].sort((x, y) => KINDS.indexOf(x) - KINDS.indexOf(y));
  const base = Math.max(amount, 1_000_000);
  let cash = 0;
  let bonds = 0;
  let notes = 0;
  const values: number[] = order.map((kind, i) => {
    let v: number;
    if (rng() < 0.02) v = 0;
    else if (i === order.length - 1 && rng() < 0.6)
      v = Math.max(1, coverEdge(rng, kind, amount, cash, bonds, notes) + pick(rng, [-1, 0, 0, 1]));
    else v = Math.round(base * (0.1 + rng() * (i === order.length - 1 ? 1.8 : 0.6)));
    if (kind === "وجه_نقد") cash += v;
    else if (kind === "اوراق_بهادار") bonds += v;
    else if (kind === "سفته") notes += v;
    return v;
  });
  // Sent in a shuffled order (the ruleset does not care; the sums are exact).
  const items = order.map((kind, i) => ({ kind, value: values[i] ?? 0, key: rng() }));
  items.sort((x, y) => x.key - y.key);
  const itemAscii = rng() < 0.5;
  put(
    "وثایق",
    items.map(({ kind, value }) =>
      itemAscii ? { kind, value: money(rng, value) } : { نوع: kind, مبلغ: money(rng, value) },
    ),
  );

  const outside = rng();
  if (outside < 0.2) put("ملک_خارج_از_محدوده_شهری", true);
  else if (outside < 0.4) put("ملک_خارج_از_محدوده_شهری", false);
  return c;
}

export function electronicsCases(n: number, seed = 1): CaseJson[] {
  const rng = prng(seed);
  return Array.from({ length: n }, () => electronicsCase(rng));
}

// ───────────────────────────── Omid-style eligibility (bench/fixtures/omid-eligibility.zb) ───────────

const M = 1_000_000;

interface Applicant {
  plan: Plan;
  brand?: boolean;
  citizen: boolean;
  gender: "مرد" | "زن";
  age: number;
  military?: string;
  debt: number;
  insurance: string;
  otherJob: boolean;
  licence: string;
  resides: boolean;
  amount: number;
  region: "شهری" | "روستایی";
  purpose: string;
  repay: number;
  grace: number;
  instalments: string;
}

const employerPlan = (p: Plan) => p === "کارفرمایی" || p === "کارآفرینی";

/** An applicant who meets every condition (some still go to a committee). */
function eligible(rng: Rng): Applicant {
  const plan = pick(rng, PLANS);
  const employer = employerPlan(plan);
  const gender = rng() < 0.5 ? "مرد" : "زن";
  const region = rng() < 0.5 ? "شهری" : "روستایی";
  const purpose = rng() < 0.2 ? "سرمایه_در_گردش" : pick(rng, ["ایجاد", "تکمیل", "توسعه"]);
  const wc = purpose === "سرمایه_در_گردش";
  const cap =
    plan === "خانگی" ? 100 * M : plan === "خوداشتغالی" ? (wc ? 100 * M : 300 * M) : wc ? 500 * M : 1500 * M;
  const maxRepay = wc
    ? 36
    : plan === "خانگی"
      ? 36
      : plan === "خوداشتغالی"
        ? region === "روستایی"
          ? 60
          : 48
        : region === "روستایی"
          ? 66
          : 60;
  const repay = int(rng, wc ? 24 : 6, maxRepay);
  const instalments = rng() < 0.7 ? "ماهانه" : wc || rng() < 0.6 ? "فصلی" : "سالانه";
  const maxGrace = Math.min(
    plan === "خانگی" ? 3 : plan === "خوداشتغالی" ? 4 : 12,
    instalments === "فصلی" ? 6 : instalments === "سالانه" ? 0 : 12,
    repay - 1,
  );
  const a: Applicant = {
    plan,
    citizen: true,
    gender,
    age: employer ? int(rng, 25, 65) : int(rng, 18, 60),
    debt: 0,
    insurance: rng() < 0.1 ? "اجباری" : "ندارد",
    otherJob: employer && rng() < 0.3,
    licence: rng() < 0.5 ? "لازم_نیست" : "دارد",
    resides: employer ? rng() < 0.5 : true,
    amount: int(rng, 1, cap / M) * M - (rng() < 0.3 ? int(rng, 0, 999_999) : 0),
    region,
    purpose,
    repay,
    grace: int(rng, 0, Math.max(0, maxGrace)),
    instalments,
  };
  if (gender === "مرد") a.military = rng() < 0.7 ? "کارت_پایان_خدمت" : "معافیت_دائم";
  const brand = rng();
  if (brand < 0.1) a.brand = true;
  else if (brand < 0.25) a.brand = false;
  return a;
}

/** One change that may break a condition, mostly at its edge. */
function perturb(rng: Rng, a: Applicant): void {
  switch (int(rng, 0, 13)) {
    case 0:
      a.age = pick(rng, [17, 18, 24, 25, 60, 61, 65, 66, 0, 90]);
      break;
    case 1:
      a.age = pick(rng, [17, 18, 24, 25, 60, 61, 65, 66]);
      a.brand = rng() < 0.5;
      break;
    case 2:
      a.amount = around(rng, [0, 100 * M, 300 * M, 500 * M, 1000 * M, 1500 * M], 1, 0, 0);
      break;
    case 3:
      a.repay = around(rng, [0, 24, 36, 48, 60, 66], 1, 0, 0);
      break;
    case 4:
      a.grace = pick(rng, [-1, 0, 3, 4, 5, 6, 7, 12, 13, a.repay, a.repay - 1]);
      break;
    case 5:
      a.debt = pick(rng, [1, -1, 250 * M]);
      break;
    case 6:
      if (rng() < 0.5) a.gender = "مرد";
      a.military = pick(rng, [undefined, "معافیت_موقت", "مشمول", "معافیت_دائم"]);
      break;
    case 7:
      a.insurance = pick(rng, ["دولتی", "خصوصی", "اجباری"]);
      break;
    case 8:
      a.otherJob = true;
      break;
    case 9:
      a.licence = "ندارد";
      break;
    case 10:
      a.resides = false;
      break;
    case 11:
      a.citizen = false;
      break;
    case 12:
      a.instalments = pick(rng, ["ماهانه", "فصلی", "سالانه"]);
      break;
    case 13:
      a.purpose = "سرمایه_در_گردش";
      a.plan = pick(rng, PLANS);
      break;
  }
}

function omidCase(rng: Rng): CaseJson {
  const a = eligible(rng);
  const changes = pick(rng, [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 3]);
  for (let i = 0; i < changes; i++) perturb(rng, a);

  const c: CaseJson = {};
  const put = keyed(rng, OMID_ALIASES, c);
  put("نوع_طرح", a.plan);
  if (a.brand !== undefined) put("برند", a.brand);
  put("تابعیت_ایرانی", a.citizen);
  put("جنسیت", a.gender);
  put("سن", rng() < 0.8 ? a.age : String(a.age));
  if (a.military !== undefined) put("نظام_وظیفه", a.military);
  put("بدهی_معوق", money(rng, a.debt));
  put("بیمه_اشتغال", a.insurance);
  put("شغل_دیگر", a.otherJob);
  put("مجوز", a.licence);
  put("سکونت_در_محل_طرح", a.resides);
  put("مبلغ_درخواستی", money(rng, a.amount));
  put("منطقه", a.region);
  put("نوع_تسهیلات", a.purpose);
  put("مدت_بازپرداخت", rng() < 0.8 ? a.repay : String(a.repay));
  put("دوره_تنفس", a.grace);
  put("نحوه_تقسیط", a.instalments);
  return c;
}

export function omidCases(n: number, seed = 1): CaseJson[] {
  const rng = prng(seed);
  return Array.from({ length: n }, () => omidCase(rng));
}
