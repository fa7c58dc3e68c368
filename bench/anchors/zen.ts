/**
 * GoRules ZEN (@gorules/zen-engine, a Rust engine with Node bindings) deciding the bench's two
 * decisions, as its users write them: a JDM graph per decision — decision tables (the Electronics fee
 * row and the fee-rate table, looped over the collaterals; one collect table of the rules) and
 * expression nodes (the computed values; the decision) — built here as JSON and loaded once with
 * `ZenEngine.createDecision`.
 *
 * Each graph returns what the decision-only hand-written version returns (../handwritten/read.ts
 * Decided): the decision (reject if a rejecting rule fired, else refer if a referring one did, else
 * accept), the titles of the fired rules in rule order (a collect table keeps its rows' order) and, for
 * Electronics, the fee. No outcome objects, messages or serialised values: ZEN is measured at the level
 * it is checked at.
 *
 * How it runs (bindings/nodejs/src/decision.rs and mt.rs of gorules/zen at nodejs-v0.54.0): `evaluate`
 * converts the context to serde JSON on the JS thread, runs the graph on a pool of
 * `available_parallelism()` native threads (tokio LocalPoolHandle: 2 here) and resolves the promise on
 * the JS thread with the result converted back. So `Promise.all` over a batch spreads the batch over
 * both cores, while one case at a time pays the round trip to a pool thread per case.
 *
 * Numbers: ZEN computes on rust_decimal (a 96-bit mantissa: 28–29 significant digits) inside, and every
 * number crosses the JS boundary as a double, in and out (./facts.ts hands it only numbers a double
 * carries exactly; the fee comes back as a double). Where the engine works to 40 digits a 28-digit
 * division can differ in the last places. That mattered once: the covers, written as 1.zb writes them
 * (÷ 1.2), flipped a rule on 2 of 20,000 cases at the exact edge of a cover, so the graph writes them
 * without the division (same value in exact arithmetic). The fee is compared as the whole rials the
 * ruleset's گرد rounds it to.
 */
import { type ZenDecision, ZenEngine } from "@gorules/zen-engine";
import type { Decided, Decision } from "../handwritten/read";
import { electronicsFacts, omidFacts } from "./facts";

// ───────────────────────────── JDM building blocks ─────────────────────────────

type JdmNode = { id: string; type: string; name: string; content?: Record<string, unknown> };

/** A ZEN string literal. */
const str = (s: string) => JSON.stringify(s);

const transform = (
  passThrough: boolean,
  inputField: string | null = null,
  outputPath: string | null = null,
) => ({
  passThrough,
  inputField,
  outputPath,
  executionMode: inputField === null ? "single" : "loop",
});

function expressionNode(id: string, expressions: Record<string, string>, passThrough = true): JdmNode {
  return {
    id,
    type: "expressionNode",
    name: id,
    content: {
      expressions: Object.entries(expressions).map(([key, value], i) => ({ id: `${id}${i}`, key, value })),
      ...transform(passThrough),
    },
  };
}

/** A rule as a row of the rules table: unary tests per field (empty: any), and what it does. */
interface ZenRule {
  title: string;
  /** What firing it does to the decision; none for a rule that only requires, warns or sets. */
  effect?: "reject" | "refer";
  when: Record<string, string>;
}

/**
 * The rules as one collect decision table: a column per field any rule tests, a row per rule in rule
 * order, each row giving its title and effect. Its hits go to `hits`.
 */
function rulesTable(rules: readonly ZenRule[]): JdmNode {
  const fields: string[] = [];
  for (const r of rules) for (const f of Object.keys(r.when)) if (!fields.includes(f)) fields.push(f);
  const col = (f: string) => `i${fields.indexOf(f)}`;
  return {
    id: "rules",
    type: "decisionTableNode",
    name: "rules",
    content: {
      hitPolicy: "collect",
      inputs: fields.map((f) => ({ id: col(f), name: f, field: f })),
      outputs: [
        { id: "title", name: "title", field: "title" },
        { id: "effect", name: "effect", field: "effect" },
      ],
      rules: rules.map((r, i) => {
        const row: Record<string, string> = {
          _id: `r${i}`,
          title: str(r.title),
          effect: str(r.effect ?? "none"),
        };
        for (const f of fields) row[col(f)] = r.when[f] ?? "";
        return row;
      }),
      ...transform(true, null, "hits"),
    },
  };
}

/** The last node: the decision, the fired titles (and what else the decision returns), nothing else. */
function decisionNode(extra: Record<string, string> = {}): JdmNode {
  return expressionNode(
    "decision",
    {
      decision:
        "some(hits, #.effect == 'reject') ? 'reject' : (some(hits, #.effect == 'refer') ? 'refer' : 'accept')",
      fired: "map(hits, #.title)",
      ...extra,
    },
    false,
  );
}

/** Input → nodes in order → output, one edge between each. */
function graph(nodes: readonly JdmNode[]): { nodes: JdmNode[]; edges: Record<string, string>[] } {
  const all: JdmNode[] = [
    { id: "request", type: "inputNode", name: "request" },
    ...nodes,
    { id: "response", type: "outputNode", name: "response" },
  ];
  const edges = all.slice(1).map((n, i) => ({
    id: `e${i}`,
    type: "edge",
    sourceId: (all[i] as JdmNode).id,
    targetId: n.id,
  }));
  return { nodes: all, edges };
}

// ───────────────────────────── Electronics fee table (rulesets/electronics/versions/1.zb) ──────────

const CASH = str("وجه_نقد");
const BONDS = str("اوراق_بهادار");
const NOTES = str("سفته");
const MORTGAGE = str("ترهین_ملک");
const POA = str("وکالت_بلاعزال_ملک");
const TENDER_ROW = str("شرکت در مناقصه و مزایده");
const OTHER_ROW = str("سایر امور");

/** Sum of the values of the collaterals of the given kinds. */
const sumOf = (...kinds: string[]) =>
  `sum(map(filter(rated, ${kinds.map((k) => `#.kind == ${k}`).join(" or ")}), #.value))`;
const has = (...kinds: string[]) => `some(rated, ${kinds.map((k) => `#.kind == ${k}`).join(" or ")})`;
/** 1.zb's گرد_بالا: to a whole rial, away from zero (decimal.js ROUND_UP), not ZEN's ceil (towards +∞). */
const roundUp = (key: string) => `$.${key} < 0 ? floor($.${key}) : ceil($.${key})`;

const ELECTRONICS_RULES: ZenRule[] = [
  { title: "مبلغ ضمانت‌نامه", effect: "reject", when: { amount: "<= 0" } },
  { title: "حداقل مدت ضمانت‌نامه", effect: "reject", when: { termMonths: "< 12" } },
  { title: "ارزش هر وثیقه", effect: "reject", when: { nonPositive: "true" } },
  { title: "ضمانت‌نامه بدون بیمه", effect: "refer", when: { insured: "false" } },
  { title: "وثیقه ضمانت‌نامه بدون بیمه", when: { insured: "false", count: "0" } },
  { title: "کارمزد ضمانت‌نامه بدون وثیقه", effect: "refer", when: { count: "0" } },
  { title: "وثایق ترکیبی", effect: "refer", when: { kinds: ">= 2" } },
  {
    title: "پوشش وجه نقد",
    effect: "reject",
    when: { hasCash: "true", hasBonds: "false", hasNotes: "false", hasProperty: "false", cash: "< amount" },
  },
  {
    title: "پوشش اوراق بهادار",
    effect: "reject",
    when: { hasBonds: "true", hasNotes: "false", hasProperty: "false", bonds: "< bondsRequired" },
  },
  {
    title: "پوشش سفته",
    effect: "reject",
    when: { hasNotes: "true", hasProperty: "false", notes: "< notesRequired" },
  },
  { title: "پوشش وثیقه ملکی", effect: "reject", when: { hasProperty: "true", remainder: "> property * 1" } },
  {
    title: "نسبت ارزش وثیقه ملکی با نظر کمیته فنی",
    effect: "refer",
    when: { hasProperty: "true", remainder: "> property * 0.8 and $ <= property * 1" },
  },
  { title: "ارزیابی وثیقه ملکی", when: { hasProperty: "true" } },
  { title: "بیمه تمام خطر وثیقه ملکی", when: { hasProperty: "true" } },
  {
    title: "ملک خارج از محدوده شهری",
    effect: "refer",
    when: { hasProperty: "true", propertyOutsideCityLimits: "true" },
  },
  { title: "وکالت بلاعزال", effect: "refer", when: { hasPoa: "true" } },
  { title: "بیمه ضمانت‌نامه در قبال سفته", effect: "reject", when: { hasNotes: "true", insured: "false" } },
  { title: "هزینه بیمه‌نامه", when: { insured: "true" } },
  { title: "تأیید اوراق توسط کارشناسان مالی", when: { hasBonds: "true" } },
  { title: "کارمزد ضمانت‌نامه", when: { fee: "!= null" } },
  { title: "مدارک درخواست", when: {} },
];

/** The Electronics JDM graph. */
export function electronicsGraph(): ReturnType<typeof graph> {
  const feeRow: JdmNode = {
    id: "feeRow",
    type: "decisionTableNode",
    name: "ردیف_جدول_کارمزد",
    content: {
      hitPolicy: "first",
      inputs: [{ id: "type", name: "guaranteeType", field: "guaranteeType" }],
      outputs: [{ id: "row", name: "feeRow", field: "feeRow" }],
      rules: [
        { _id: "tender", type: str("شرکت_در_مناقصه"), row: TENDER_ROW },
        { _id: "other", type: "", row: OTHER_ROW },
      ],
      ...transform(true),
    },
  };
  const rates: [row: string, kind: string, rate: string][] = [
    [TENDER_ROW, CASH, "0"],
    [TENDER_ROW, BONDS, "0.003"],
    [TENDER_ROW, NOTES, "0.007"],
    [TENDER_ROW, MORTGAGE, "0.01"],
    [TENDER_ROW, POA, "0.0125"],
    [OTHER_ROW, CASH, "0"],
    [OTHER_ROW, BONDS, "0.005"],
    [OTHER_ROW, NOTES, "0.012"],
    [OTHER_ROW, MORTGAGE, "0.012"],
    [OTHER_ROW, POA, "0.015"],
  ];
  const feeRate: JdmNode = {
    id: "feeRate",
    type: "decisionTableNode",
    name: "نرخ_کارمزد",
    content: {
      hitPolicy: "first",
      inputs: [
        { id: "row", name: "row", field: "row" },
        { id: "kind", name: "kind", field: "kind" },
      ],
      outputs: [{ id: "rate", name: "rate", field: "rate" }],
      rules: rates.map(([row, kind, rate], i) => ({ _id: `r${i}`, row, kind, rate })),
      // Once per collateral: each item of `items` in, the same item with its rate out, into `rated`.
      ...transform(true, "items", "rated"),
    },
  };
  return graph([
    feeRow,
    expressionNode("items", { items: "map(collaterals, {kind: #.kind, value: #.value, row: feeRow})" }),
    feeRate,
    expressionNode("values", {
      count: "len(collaterals)",
      total: "sum(map(rated, #.value))",
      cash: sumOf(CASH),
      bonds: sumOf(BONDS),
      notes: sumOf(NOTES),
      property: sumOf(MORTGAGE, POA),
      hasCash: has(CASH),
      hasBonds: has(BONDS),
      hasNotes: has(NOTES),
      hasProperty: has(MORTGAGE, POA),
      hasPoa: has(POA),
      nonPositive: "some(rated, #.value <= 0)",
      kinds: "($.hasCash ? 1 : 0) + ($.hasBonds ? 1 : 0) + ($.hasNotes ? 1 : 0) + ($.hasProperty ? 1 : 0)",
      // 1.zb's covers, 1.2 × (amount − cash − bonds ÷ 1.2) and amount − cash − bonds ÷ 1.2 − notes ÷ 1.2,
      // without dividing by 1.2: at 28 digits a ÷ 1.2 leaves a last-place error that rounding up turns
      // into a whole rial at the exact edge of a cover (2 of 20,000 corpus cases flipped a rule).
      // Written exactly, ZEN lands on the value the engine's 40 digits give.
      bondsExact: "1.2 * (amount - $.cash)",
      bondsRequired: roundUp("bondsExact"),
      notesExact: "1.2 * (amount - $.cash) - $.bonds",
      notesRequired: roundUp("notesExact"),
      remainderExact: "(6 * (amount - $.cash) - 5 * $.bonds - 5 * $.notes) / 6",
      remainder: roundUp("remainderExact"),
      weighted: "sum(map(rated, #.value * #.rate))",
      // No collaterals: a division by zero in 1.zb, so the rate and the fee are missing.
      rate: "$.total == 0 ? null : $.weighted / $.total * 1",
      fee: "$.rate == null ? null : round(termMonths * $.rate * amount / 12)",
    }),
    rulesTable(ELECTRONICS_RULES),
    decisionNode({ fee: "fee" }),
  ]);
}

// ───────────────────────────── Omid-style eligibility (bench/fixtures/omid-eligibility.zb) ──────────

const HOME = str("خانگی");
const SELF = str("خوداشتغالی");
const EMPLOYER = str("کارفرمایی");
const ENTREPRENEUR = str("کارآفرینی");
const BOARD_CAP = 1_500_000_000; // سقف_موارد_خاص = سقف_کارفرمایی × ۱۵۰٪

const OMID_RULES: ZenRule[] = [
  { title: "تابعیت", effect: "reject", when: { iranianCitizen: "false" } },
  { title: "نظام وظیفه داده نشده", effect: "reject", when: { gender: str("مرد"), militaryService: "null" } },
  {
    title: "نظام وظیفه آقایان",
    effect: "reject",
    when: { gender: str("مرد"), militaryService: `${str("معافیت_موقت")}, ${str("مشمول")}` },
  },
  { title: "بدهی معوق", effect: "reject", when: { overdueDebt: "> 0" } },
  { title: "بدهی معوق نادرست", effect: "reject", when: { overdueDebt: "< 0" } },
  {
    title: "بیمه اشتغال",
    effect: "reject",
    when: { employmentInsurance: `${str("دولتی")}, ${str("خصوصی")}` },
  },
  { title: "بیمه اجباری", when: { employmentInsurance: str("اجباری") } },
  { title: "دوشغله شدن", effect: "reject", when: { otherJob: "true", homeOrSelf: "true" } },
  { title: "مجوز", effect: "reject", when: { licence: str("ندارد") } },
  { title: "سن کمتر از ۱۸ سال", effect: "reject", when: { age: "< 18" } },
  {
    title: "حداقل سن خانگی و خوداشتغالی",
    effect: "reject",
    when: { homeOrSelf: "true", noAgeLimit: "false", age: "< 18" },
  },
  {
    title: "حداکثر سن خانگی و خوداشتغالی",
    effect: "reject",
    when: { homeOrSelf: "true", noAgeLimit: "false", age: "> 60" },
  },
  {
    title: "حداقل سن کارفرمایی و کارآفرینی",
    effect: "reject",
    when: { employer: "true", noAgeLimit: "false", age: "< 25" },
  },
  {
    title: "حداکثر سن کارفرمایی و کارآفرینی",
    effect: "reject",
    when: { employer: "true", noAgeLimit: "false", age: "> 65" },
  },
  { title: "سکونت در محل اجرای طرح", effect: "reject", when: { homeOrSelf: "true", residesAtSite: "false" } },
  { title: "مبلغ درخواستی", effect: "reject", when: { amount: "<= 0" } },
  { title: "سقف تسهیلات مشاغل خانگی", effect: "reject", when: { planType: HOME, amount: "> 100000000" } },
  { title: "سقف تسهیلات خوداشتغالی", effect: "reject", when: { planType: SELF, amount: "> 300000000" } },
  {
    title: "سقف تسهیلات کارفرمایی",
    effect: "reject",
    when: { planType: EMPLOYER, amount: `> ${BOARD_CAP}` },
  },
  {
    title: "سقف تسهیلات کارآفرینی",
    effect: "reject",
    when: { planType: ENTREPRENEUR, amount: `> ${BOARD_CAP}` },
  },
  {
    title: "تسهیلات بیش از یک میلیارد ریال",
    effect: "refer",
    when: { employer: "true", amount: `> 1000000000 and $ <= ${BOARD_CAP}` },
  },
  {
    title: "تصویب در کمیته تصویب طرح‌ها",
    effect: "refer",
    when: { amount: "> 500000000 and $ <= 1000000000" },
  },
  { title: "سقف مطلق تسهیلات صندوق", effect: "reject", when: { amount: `> ${BOARD_CAP}` } },
  {
    title: "سقف سرمایه در گردش خوداشتغالی",
    effect: "reject",
    when: { workingCapital: "true", planType: SELF, amount: "> 100000000" },
  },
  {
    title: "سقف سرمایه در گردش کارفرمایی",
    effect: "reject",
    when: { workingCapital: "true", employer: "true", amount: "> 500000000" },
  },
  {
    title: "سرمایه در گردش کارگاه راه‌اندازی‌شده",
    effect: "refer",
    when: { workingCapital: "true", planType: `!= ${HOME}` },
  },
  { title: "مدت بازپرداخت", effect: "reject", when: { repaymentMonths: "<= 0" } },
  { title: "بازپرداخت مشاغل خانگی", effect: "reject", when: { planType: HOME, repaymentMonths: "> 36" } },
  {
    title: "بازپرداخت خوداشتغالی شهری",
    effect: "reject",
    when: { planType: SELF, region: str("شهری"), repaymentMonths: "> 48" },
  },
  {
    title: "بازپرداخت خوداشتغالی روستایی",
    effect: "reject",
    when: { planType: SELF, region: str("روستایی"), repaymentMonths: "> 60" },
  },
  {
    title: "بازپرداخت کارفرمایی شهری",
    effect: "reject",
    when: { employer: "true", region: str("شهری"), repaymentMonths: "> 60" },
  },
  {
    title: "بازپرداخت کارفرمایی روستایی",
    effect: "reject",
    when: { employer: "true", region: str("روستایی"), repaymentMonths: "> 66" },
  },
  {
    title: "افزایش بازپرداخت روستایی",
    effect: "refer",
    when: { employer: "true", region: str("روستایی"), repaymentMonths: "> 60 and $ <= 66" },
  },
  { title: "سقف مطلق دوره بازپرداخت", effect: "reject", when: { repaymentMonths: "> 66" } },
  {
    title: "حداقل بازپرداخت سرمایه در گردش",
    effect: "reject",
    when: { workingCapital: "true", repaymentMonths: "< 24" },
  },
  {
    title: "حداکثر بازپرداخت سرمایه در گردش",
    effect: "reject",
    when: { workingCapital: "true", repaymentMonths: "> 36" },
  },
  {
    title: "تقسیط سرمایه در گردش",
    effect: "reject",
    when: { workingCapital: "true", instalments: str("سالانه") },
  },
  { title: "دوره تنفس نادرست", effect: "reject", when: { graceMonths: "< 0" } },
  { title: "سقف مطلق دوره تنفس", effect: "reject", when: { graceMonths: "> 12" } },
  { title: "تنفس مشاغل خانگی", effect: "reject", when: { planType: HOME, graceMonths: "> 3" } },
  { title: "تنفس خوداشتغالی", effect: "reject", when: { planType: SELF, graceMonths: "> 4" } },
  { title: "تنفس کارفرمایی", effect: "reject", when: { employer: "true", graceMonths: "> 12" } },
  { title: "افزایش دوره تنفس", effect: "refer", when: { employer: "true", graceMonths: "> 6 and $ <= 12" } },
  { title: "تنفس و دوره بازپرداخت", effect: "reject", when: { graceMonths: ">= repaymentMonths" } },
  {
    title: "تنفس تقسیط فصلی",
    effect: "reject",
    when: { instalments: str("فصلی"), graceMonths: "> 6" },
  },
  { title: "تنفس تقسیط سالانه", effect: "reject", when: { instalments: str("سالانه"), graceMonths: "> 0" } },
  { title: "بیمه عمر", when: {} },
];

/** The Omid-style JDM graph. */
export function omidGraph(): ReturnType<typeof graph> {
  return graph([
    expressionNode("values", {
      homeOrSelf: `planType == ${HOME} or planType == ${SELF}`,
      employer: `planType == ${EMPLOYER} or planType == ${ENTREPRENEUR}`,
      noAgeLimit: "brand == true",
      workingCapital: `purpose == ${str("سرمایه_در_گردش")}`,
    }),
    rulesTable(OMID_RULES),
    decisionNode(),
  ]);
}

// ───────────────────────────── running it ─────────────────────────────

interface ZenOutput {
  decision: Decision;
  fired: string[];
  fee?: number | null;
}

/** The fee as the engine writes it (a plain decimal string), from ZEN's double. */
function feeText(fee: number | null | undefined): string | null {
  if (fee === null || fee === undefined) return null;
  // Object.is: a rounded negative fee of zero is -0 in a double, "0" in the engine.
  return Object.is(fee, -0) ? "0" : String(fee);
}

export interface ZenRunner {
  /** One case: its facts read, then `await decision.evaluate(facts)`. */
  one(input: unknown): Promise<Decided>;
  /** A batch at once: every case's facts read, then `Promise.all` over `decision.evaluate`. */
  batch(inputs: readonly unknown[]): Promise<Decided[]>;
}

function runner(decision: ZenDecision, read: (input: unknown) => object, hasFee: boolean): ZenRunner {
  const decided = (out: ZenOutput): Decided => {
    const d: Decided = { decision: out.decision, fired: out.fired };
    if (hasFee) d.fee = feeText(out.fee);
    return d;
  };
  return {
    one: async (input) => decided((await decision.evaluate(read(input))).result as ZenOutput),
    batch: async (inputs) => {
      const responses = await Promise.all(inputs.map((input) => decision.evaluate(read(input))));
      return responses.map((r) => decided(r.result as ZenOutput));
    },
  };
}

/** One engine per process, as a service holds it; a decision per graph, created once. */
let engine: ZenEngine | undefined;

export function zenElectronics(): ZenRunner {
  engine ??= new ZenEngine();
  return runner(engine.createDecision(electronicsGraph()), electronicsFacts, true);
}

export function zenOmid(): ZenRunner {
  engine ??= new ZenEngine();
  return runner(engine.createDecision(omidGraph()), omidFacts, false);
}
