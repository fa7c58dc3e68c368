/**
 * The bench's two decisions written by hand as plain json-rules-engine rules, the way its users write
 * them: the case's fields as runtime facts, each rule's conditions with the built-in operators
 * (equal, notEqual, in, notIn, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive; a fact
 * compared with another fact through `value: { fact }`), an event per rule carrying its title, and
 * what the built-in operators cannot compute — Electronics' collateral sums, required covers and fee —
 * as custom facts in JavaScript with decimal.js (the engine's configuration, so the fee is exact).
 * The floor the engine is measured against, not the engine's own reference evaluator (which runs the
 * compiler's artefact on json-rules-engine with our registered operators and facts).
 *
 * It returns what the decision-only hand-written version returns (../handwritten/read.ts Decided):
 * the decision, the fired rules' titles in rule order and, for Electronics, the fee. json-rules-engine
 * evaluates the rules of one priority concurrently and lists the events as their promises settle, so
 * each event carries its rule's position and the fired list is sorted by it.
 *
 * One `Engine` per decision, and its runs are never overlapped: json-rules-engine 7.3.1 keeps one
 * `status` per Engine, and a run that finishes makes every other run in flight on the same Engine skip
 * its remaining rules (issue 9). The bench awaits each `run` before starting the next; a service
 * would hold one Engine per concurrent run.
 */
import { Engine, type NestedCondition, type RuleProperties } from "json-rules-engine";
import { D, type Decided, type Decision, plain } from "../handwritten/read";
import { type ElectronicsFacts, electronicsFacts, omidFacts } from "./facts";

type Effect = "reject" | "refer" | "none";

interface HandRule {
  title: string;
  effect: Effect;
  all: NestedCondition[];
}

const fact = (name: string, operator: string, value: unknown): NestedCondition => ({
  fact: name,
  operator,
  value,
});
/** A fact compared with another fact. */
const vs = (name: string, operator: string, other: string): NestedCondition => ({
  fact: name,
  operator,
  value: { fact: other },
});

function rules(list: readonly HandRule[]): RuleProperties[] {
  return list.map((r, order) => ({
    name: r.title,
    conditions: { all: r.all },
    event: { type: r.effect, params: { title: r.title, order } },
  }));
}

interface FiredEvent {
  type: string;
  params?: Record<string, unknown>;
}

function decisionOf(events: readonly FiredEvent[]): { decision: Decision; fired: string[] } {
  const sorted = [...events].sort((a, b) => Number(a.params?.order) - Number(b.params?.order));
  let decision: Decision = "accept";
  for (const e of sorted) {
    if (e.type === "reject") decision = "reject";
    else if (e.type === "refer" && decision === "accept") decision = "refer";
  }
  return { decision, fired: sorted.map((e) => String(e.params?.title)) };
}

// ───────────────────────────── Electronics fee table (rulesets/electronics/versions/1.zb) ──────────

const ELECTRONICS: HandRule[] = [
  { title: "مبلغ ضمانت‌نامه", effect: "reject", all: [fact("amount", "lessThanInclusive", 0)] },
  { title: "حداقل مدت ضمانت‌نامه", effect: "reject", all: [fact("termMonths", "lessThan", 12)] },
  { title: "ارزش هر وثیقه", effect: "reject", all: [fact("nonPositive", "equal", true)] },
  { title: "ضمانت‌نامه بدون بیمه", effect: "refer", all: [fact("insured", "equal", false)] },
  {
    title: "وثیقه ضمانت‌نامه بدون بیمه",
    effect: "none",
    all: [fact("insured", "equal", false), fact("count", "equal", 0)],
  },
  { title: "کارمزد ضمانت‌نامه بدون وثیقه", effect: "refer", all: [fact("count", "equal", 0)] },
  { title: "وثایق ترکیبی", effect: "refer", all: [fact("kinds", "greaterThanInclusive", 2)] },
  {
    title: "پوشش وجه نقد",
    effect: "reject",
    all: [
      fact("hasCash", "equal", true),
      fact("hasBonds", "equal", false),
      fact("hasNotes", "equal", false),
      fact("hasProperty", "equal", false),
      vs("cash", "lessThan", "amount"),
    ],
  },
  {
    title: "پوشش اوراق بهادار",
    effect: "reject",
    all: [
      fact("hasBonds", "equal", true),
      fact("hasNotes", "equal", false),
      fact("hasProperty", "equal", false),
      vs("bonds", "lessThan", "bondsRequired"),
    ],
  },
  {
    title: "پوشش سفته",
    effect: "reject",
    all: [
      fact("hasNotes", "equal", true),
      fact("hasProperty", "equal", false),
      vs("notes", "lessThan", "notesRequired"),
    ],
  },
  {
    title: "پوشش وثیقه ملکی",
    effect: "reject",
    all: [fact("hasProperty", "equal", true), vs("remainder", "greaterThan", "propertyAtMost")],
  },
  {
    title: "نسبت ارزش وثیقه ملکی با نظر کمیته فنی",
    effect: "refer",
    all: [
      fact("hasProperty", "equal", true),
      vs("remainder", "greaterThan", "propertyAtLeast"),
      vs("remainder", "lessThanInclusive", "propertyAtMost"),
    ],
  },
  { title: "ارزیابی وثیقه ملکی", effect: "none", all: [fact("hasProperty", "equal", true)] },
  { title: "بیمه تمام خطر وثیقه ملکی", effect: "none", all: [fact("hasProperty", "equal", true)] },
  {
    title: "ملک خارج از محدوده شهری",
    effect: "refer",
    all: [fact("hasProperty", "equal", true), fact("propertyOutsideCityLimits", "equal", true)],
  },
  { title: "وکالت بلاعزال", effect: "refer", all: [fact("hasPoa", "equal", true)] },
  {
    title: "بیمه ضمانت‌نامه در قبال سفته",
    effect: "reject",
    all: [fact("hasNotes", "equal", true), fact("insured", "equal", false)],
  },
  { title: "هزینه بیمه‌نامه", effect: "none", all: [fact("insured", "equal", true)] },
  { title: "تأیید اوراق توسط کارشناسان مالی", effect: "none", all: [fact("hasBonds", "equal", true)] },
  { title: "کارمزد ضمانت‌نامه", effect: "none", all: [fact("fee", "notEqual", null)] },
  { title: "مدارک درخواست", effect: "none", all: [] },
];

// Parameters [ماده ۳] and the fee-rate table [ماده ۴], as fractions.
const COVER = new D("1.2");
const PROPERTY_MIN_SHARE = new D("0.8");
const PROPERTY_MAX_SHARE = new D(1);
const TWELVE = new D(12);
const RATES: Record<"tender" | "other", Record<string, InstanceType<typeof D>>> = {
  tender: {
    وجه_نقد: new D(0),
    اوراق_بهادار: new D("0.003"),
    سفته: new D("0.007"),
    ترهین_ملک: new D("0.01"),
    وکالت_بلاعزال_ملک: new D("0.0125"),
  },
  other: {
    وجه_نقد: new D(0),
    اوراق_بهادار: new D("0.005"),
    سفته: new D("0.012"),
    ترهین_ملک: new D("0.012"),
    وکالت_بلاعزال_ملک: new D("0.015"),
  },
};

/** What the rules test beyond the case, computed once per run (decimal.js), numbers for the operators. */
interface Collateral {
  count: number;
  cash: number;
  bonds: number;
  notes: number;
  hasCash: boolean;
  hasBonds: boolean;
  hasNotes: boolean;
  hasProperty: boolean;
  hasPoa: boolean;
  nonPositive: boolean;
  kinds: number;
  bondsRequired: number;
  notesRequired: number;
  remainder: number;
  propertyAtLeast: number;
  propertyAtMost: number;
  /** A plain decimal string (exact), null without collaterals (the weighted rate divides by zero). */
  fee: string | null;
}

/** 1.zb's گرد_بالا: to a whole rial, away from zero. */
const roundUp = (d: InstanceType<typeof D>) => d.toDecimalPlaces(0, D.ROUND_UP);

function collateral(f: ElectronicsFacts): Collateral {
  const rates = f.guaranteeType === "شرکت_در_مناقصه" ? RATES.tender : RATES.other;
  let total = new D(0);
  let weighted = new D(0);
  let cash = new D(0);
  let bonds = new D(0);
  let notes = new D(0);
  let property = new D(0);
  const seen = new Set<string>();
  let nonPositive = false;
  for (const { kind, value } of f.collaterals) {
    const v = new D(value);
    seen.add(kind);
    total = total.plus(v);
    weighted = weighted.plus(v.times(rates[kind] ?? 0));
    if (v.lte(0)) nonPositive = true;
    if (kind === "وجه_نقد") cash = cash.plus(v);
    else if (kind === "اوراق_بهادار") bonds = bonds.plus(v);
    else if (kind === "سفته") notes = notes.plus(v);
    else property = property.plus(v);
  }
  const hasProperty = seen.has("ترهین_ملک") || seen.has("وکالت_بلاعزال_ملک");
  const amount = new D(f.amount);
  const afterCash = amount.minus(cash);
  // The ruleset's order: the divisions last (see rulesets/electronics/versions/1.zb, سفته_لازم).
  const coveredByBonds = afterCash.times(COVER).minus(bonds);
  const rate = total.isZero() ? undefined : weighted.dividedBy(total);
  return {
    count: f.collaterals.length,
    cash: cash.toNumber(),
    bonds: bonds.toNumber(),
    notes: notes.toNumber(),
    hasCash: seen.has("وجه_نقد"),
    hasBonds: seen.has("اوراق_بهادار"),
    hasNotes: seen.has("سفته"),
    hasProperty,
    hasPoa: seen.has("وکالت_بلاعزال_ملک"),
    nonPositive,
    kinds:
      (seen.has("وجه_نقد") ? 1 : 0) +
      (seen.has("اوراق_بهادار") ? 1 : 0) +
      (seen.has("سفته") ? 1 : 0) +
      (hasProperty ? 1 : 0),
    bondsRequired: roundUp(COVER.times(afterCash)).toNumber(),
    notesRequired: roundUp(COVER.times(coveredByBonds).dividedBy(COVER)).toNumber(),
    remainder: roundUp(
      coveredByBonds.times(COVER).minus(notes.times(COVER)).dividedBy(COVER).dividedBy(COVER),
    ).toNumber(),
    propertyAtLeast: property.times(PROPERTY_MIN_SHARE).toNumber(),
    propertyAtMost: property.times(PROPERTY_MAX_SHARE).toNumber(),
    fee:
      rate === undefined
        ? null
        : plain(
            new D(f.termMonths)
              .times(rate)
              .times(amount)
              .dividedBy(TWELVE)
              .toDecimalPlaces(0, D.ROUND_HALF_UP),
          ),
  };
}

const COLLATERAL_FACTS: (keyof Collateral)[] = [
  "count",
  "cash",
  "bonds",
  "notes",
  "hasCash",
  "hasBonds",
  "hasNotes",
  "hasProperty",
  "hasPoa",
  "nonPositive",
  "kinds",
  "bondsRequired",
  "notesRequired",
  "remainder",
  "propertyAtLeast",
  "propertyAtMost",
  "fee",
];

export interface JreRunner {
  /** One case: its facts read, then `await engine.run(facts)` (never overlapping another run). */
  one(input: unknown): Promise<Decided>;
}

export function jreElectronics(): JreRunner {
  const engine = new Engine(rules(ELECTRONICS), { allowUndefinedFacts: true });
  // Computed once per run (the almanac caches a fact's value), from the case's own facts.
  engine.addFact<Promise<Collateral>>("collateral", async (_params, almanac) => {
    const f: ElectronicsFacts = {
      guaranteeType: await almanac.factValue<string>("guaranteeType"),
      amount: await almanac.factValue<number>("amount"),
      termMonths: await almanac.factValue<number>("termMonths"),
      insured: await almanac.factValue<boolean>("insured"),
      collaterals: await almanac.factValue<ElectronicsFacts["collaterals"]>("collaterals"),
    };
    return collateral(f);
  });
  for (const key of COLLATERAL_FACTS)
    engine.addFact(key, async (_params, almanac) => (await almanac.factValue<Collateral>("collateral"))[key]);
  return {
    async one(input) {
      const { events, almanac } = await engine.run(electronicsFacts(input));
      const fee = await almanac.factValue<string | null>("fee");
      return { ...decisionOf(events), fee };
    },
  };
}

// ───────────────────────────── Omid-style eligibility (bench/fixtures/omid-eligibility.zb) ──────────

const HOME_OR_SELF = fact("planType", "in", ["خانگی", "خوداشتغالی"]);
const EMPLOYER = fact("planType", "in", ["کارفرمایی", "کارآفرینی"]);
/** «نه بدون_محدودیت_سنی»: the brand is not «بله» (or not given). */
const AGE_LIMITED = fact("brand", "notEqual", true);
const WORKING_CAPITAL = fact("purpose", "equal", "سرمایه_در_گردش");
const BOARD_CAP = 1_500_000_000; // سقف_موارد_خاص = سقف_کارفرمایی × ۱۵۰٪
const plan = (p: string) => fact("planType", "equal", p);
const region = (r: string) => fact("region", "equal", r);

const OMID: HandRule[] = [
  { title: "تابعیت", effect: "reject", all: [fact("iranianCitizen", "equal", false)] },
  {
    title: "نظام وظیفه داده نشده",
    effect: "reject",
    // Not given: none of the statuses (json-rules-engine has no operator for a missing fact).
    all: [
      fact("gender", "equal", "مرد"),
      fact("militaryService", "notIn", ["کارت_پایان_خدمت", "معافیت_دائم", "معافیت_موقت", "مشمول"]),
    ],
  },
  {
    title: "نظام وظیفه آقایان",
    effect: "reject",
    all: [fact("gender", "equal", "مرد"), fact("militaryService", "in", ["معافیت_موقت", "مشمول"])],
  },
  { title: "بدهی معوق", effect: "reject", all: [fact("overdueDebt", "greaterThan", 0)] },
  { title: "بدهی معوق نادرست", effect: "reject", all: [fact("overdueDebt", "lessThan", 0)] },
  { title: "بیمه اشتغال", effect: "reject", all: [fact("employmentInsurance", "in", ["دولتی", "خصوصی"])] },
  { title: "بیمه اجباری", effect: "none", all: [fact("employmentInsurance", "equal", "اجباری")] },
  { title: "دوشغله شدن", effect: "reject", all: [fact("otherJob", "equal", true), HOME_OR_SELF] },
  { title: "مجوز", effect: "reject", all: [fact("licence", "equal", "ندارد")] },
  { title: "سن کمتر از ۱۸ سال", effect: "reject", all: [fact("age", "lessThan", 18)] },
  {
    title: "حداقل سن خانگی و خوداشتغالی",
    effect: "reject",
    all: [HOME_OR_SELF, AGE_LIMITED, fact("age", "lessThan", 18)],
  },
  {
    title: "حداکثر سن خانگی و خوداشتغالی",
    effect: "reject",
    all: [HOME_OR_SELF, AGE_LIMITED, fact("age", "greaterThan", 60)],
  },
  {
    title: "حداقل سن کارفرمایی و کارآفرینی",
    effect: "reject",
    all: [EMPLOYER, AGE_LIMITED, fact("age", "lessThan", 25)],
  },
  {
    title: "حداکثر سن کارفرمایی و کارآفرینی",
    effect: "reject",
    all: [EMPLOYER, AGE_LIMITED, fact("age", "greaterThan", 65)],
  },
  {
    title: "سکونت در محل اجرای طرح",
    effect: "reject",
    all: [HOME_OR_SELF, fact("residesAtSite", "equal", false)],
  },
  { title: "مبلغ درخواستی", effect: "reject", all: [fact("amount", "lessThanInclusive", 0)] },
  {
    title: "سقف تسهیلات مشاغل خانگی",
    effect: "reject",
    all: [plan("خانگی"), fact("amount", "greaterThan", 100_000_000)],
  },
  {
    title: "سقف تسهیلات خوداشتغالی",
    effect: "reject",
    all: [plan("خوداشتغالی"), fact("amount", "greaterThan", 300_000_000)],
  },
  {
    title: "سقف تسهیلات کارفرمایی",
    effect: "reject",
    all: [plan("کارفرمایی"), fact("amount", "greaterThan", BOARD_CAP)],
  },
  {
    title: "سقف تسهیلات کارآفرینی",
    effect: "reject",
    all: [plan("کارآفرینی"), fact("amount", "greaterThan", BOARD_CAP)],
  },
  {
    title: "تسهیلات بیش از یک میلیارد ریال",
    effect: "refer",
    all: [
      EMPLOYER,
      fact("amount", "greaterThan", 1_000_000_000),
      fact("amount", "lessThanInclusive", BOARD_CAP),
    ],
  },
  {
    title: "تصویب در کمیته تصویب طرح‌ها",
    effect: "refer",
    all: [fact("amount", "greaterThan", 500_000_000), fact("amount", "lessThanInclusive", 1_000_000_000)],
  },
  { title: "سقف مطلق تسهیلات صندوق", effect: "reject", all: [fact("amount", "greaterThan", BOARD_CAP)] },
  {
    title: "سقف سرمایه در گردش خوداشتغالی",
    effect: "reject",
    all: [WORKING_CAPITAL, plan("خوداشتغالی"), fact("amount", "greaterThan", 100_000_000)],
  },
  {
    title: "سقف سرمایه در گردش کارفرمایی",
    effect: "reject",
    all: [WORKING_CAPITAL, EMPLOYER, fact("amount", "greaterThan", 500_000_000)],
  },
  {
    title: "سرمایه در گردش کارگاه راه‌اندازی‌شده",
    effect: "refer",
    all: [WORKING_CAPITAL, fact("planType", "notEqual", "خانگی")],
  },
  { title: "مدت بازپرداخت", effect: "reject", all: [fact("repaymentMonths", "lessThanInclusive", 0)] },
  {
    title: "بازپرداخت مشاغل خانگی",
    effect: "reject",
    all: [plan("خانگی"), fact("repaymentMonths", "greaterThan", 36)],
  },
  {
    title: "بازپرداخت خوداشتغالی شهری",
    effect: "reject",
    all: [plan("خوداشتغالی"), region("شهری"), fact("repaymentMonths", "greaterThan", 48)],
  },
  {
    title: "بازپرداخت خوداشتغالی روستایی",
    effect: "reject",
    all: [plan("خوداشتغالی"), region("روستایی"), fact("repaymentMonths", "greaterThan", 60)],
  },
  {
    title: "بازپرداخت کارفرمایی شهری",
    effect: "reject",
    all: [EMPLOYER, region("شهری"), fact("repaymentMonths", "greaterThan", 60)],
  },
  {
    title: "بازپرداخت کارفرمایی روستایی",
    effect: "reject",
    all: [EMPLOYER, region("روستایی"), fact("repaymentMonths", "greaterThan", 66)],
  },
  {
    title: "افزایش بازپرداخت روستایی",
    effect: "refer",
    all: [
      EMPLOYER,
      region("روستایی"),
      fact("repaymentMonths", "greaterThan", 60),
      fact("repaymentMonths", "lessThanInclusive", 66),
    ],
  },
  { title: "سقف مطلق دوره بازپرداخت", effect: "reject", all: [fact("repaymentMonths", "greaterThan", 66)] },
  {
    title: "حداقل بازپرداخت سرمایه در گردش",
    effect: "reject",
    all: [WORKING_CAPITAL, fact("repaymentMonths", "lessThan", 24)],
  },
  {
    title: "حداکثر بازپرداخت سرمایه در گردش",
    effect: "reject",
    all: [WORKING_CAPITAL, fact("repaymentMonths", "greaterThan", 36)],
  },
  {
    title: "تقسیط سرمایه در گردش",
    effect: "reject",
    all: [WORKING_CAPITAL, fact("instalments", "equal", "سالانه")],
  },
  { title: "دوره تنفس نادرست", effect: "reject", all: [fact("graceMonths", "lessThan", 0)] },
  { title: "سقف مطلق دوره تنفس", effect: "reject", all: [fact("graceMonths", "greaterThan", 12)] },
  {
    title: "تنفس مشاغل خانگی",
    effect: "reject",
    all: [plan("خانگی"), fact("graceMonths", "greaterThan", 3)],
  },
  {
    title: "تنفس خوداشتغالی",
    effect: "reject",
    all: [plan("خوداشتغالی"), fact("graceMonths", "greaterThan", 4)],
  },
  { title: "تنفس کارفرمایی", effect: "reject", all: [EMPLOYER, fact("graceMonths", "greaterThan", 12)] },
  {
    title: "افزایش دوره تنفس",
    effect: "refer",
    all: [EMPLOYER, fact("graceMonths", "greaterThan", 6), fact("graceMonths", "lessThanInclusive", 12)],
  },
  {
    title: "تنفس و دوره بازپرداخت",
    effect: "reject",
    all: [vs("graceMonths", "greaterThanInclusive", "repaymentMonths")],
  },
  {
    title: "تنفس تقسیط فصلی",
    effect: "reject",
    all: [fact("instalments", "equal", "فصلی"), fact("graceMonths", "greaterThan", 6)],
  },
  {
    title: "تنفس تقسیط سالانه",
    effect: "reject",
    all: [fact("instalments", "equal", "سالانه"), fact("graceMonths", "greaterThan", 0)],
  },
  { title: "بیمه عمر", effect: "none", all: [] },
];

export function jreOmid(): JreRunner {
  const engine = new Engine(rules(OMID), { allowUndefinedFacts: true });
  return {
    async one(input) {
      const { events } = await engine.run(omidFacts(input));
      return decisionOf(events);
    },
  };
}
