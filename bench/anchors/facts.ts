/**
 * A caller-form case (bench/cases.ts: Persian names or ASCII aliases, money as decimal strings or JSON
 * numbers) read into the flat context the peer engines are given: what a service in front of GoRules
 * ZEN or json-rules-engine does with a request before it hands it over. Shared by both anchors
 * (./zen.ts, ./json-rules-engine.ts), and timed with them.
 *
 * It reads the case as honestly as the hand-written decisions do (../handwritten/read.ts): each key
 * resolved through its name or alias (unknown keys, and a name sent with its alias, are refused), each
 * value's type checked, one-of members checked. The context is keyed by the ASCII aliases, because
 * ZEN's expression language and json-rules-engine's JSON paths want plain identifiers.
 *
 * Numbers become JS numbers: both peers compute on them (ZEN converts them to rust_decimal inside,
 * json-rules-engine's operators compare them as they are). A decimal string is accepted only with at
 * most 15 significant digits, which a double carries exactly back to the same shortest text — so no
 * case reaches a peer with a value other than the one the engine reads. The bench's corpora stay
 * within that (rials below 10¹⁰, halves).
 */

import { BadCase, bool, fields, member, records, required } from "../handwritten/read";
import {
  COLLATERAL_ALIASES,
  COLLATERAL_KINDS,
  ELECTRONICS_ALIASES,
  EMPLOYMENT_INSURANCES,
  GENDERS,
  GUARANTEE_TYPES,
  INSTALMENTS,
  LICENCES,
  MILITARY_STATUSES,
  OMID_ALIASES,
  PLANS,
  PURPOSES,
  REGIONS,
} from "../inputs";

const PLAIN = /^-?(\d+)(?:\.(\d+))?$/;

/** A number as the peers take it: a JS number, refused when a double would not carry it exactly. */
export function num(v: unknown, name: string): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string") {
    const m = PLAIN.exec(v);
    if (m) {
      const digits = `${m[1] ?? ""}${m[2] ?? ""}`.replace(/^0+/, "").replace(/0+$/, "");
      if (digits.length <= 15) return Number(v);
      throw new BadCase(`${name}: more than 15 significant digits do not fit a double exactly`);
    }
  }
  throw new BadCase(`${name} must be a number`);
}

/** Name and alias → alias: the context's key for each accepted key. */
function toAlias(aliases: Readonly<Record<string, string>>): Map<string, string> {
  const m = new Map<string, string>();
  for (const [name, alias] of Object.entries(aliases)) {
    m.set(name, alias);
    m.set(alias, alias);
  }
  return m;
}

const set = (members: readonly string[]): ReadonlySet<string> => new Set(members);

// ───────────────────────────── Electronics fee table ─────────────────────────────

const E_KEYS = toAlias(ELECTRONICS_ALIASES);
const ITEM_KEYS = toAlias(COLLATERAL_ALIASES);
const TYPES = set(GUARANTEE_TYPES);
const KINDS = set(COLLATERAL_KINDS);

export interface ElectronicsFacts {
  guaranteeType: string;
  amount: number;
  termMonths: number;
  insured: boolean;
  collaterals: { kind: string; value: number }[];
  /** Absent when not sent. */
  propertyOutsideCityLimits?: boolean;
}

export function electronicsFacts(input: unknown): ElectronicsFacts {
  const f = fields(input, E_KEYS);
  const out: ElectronicsFacts = {
    guaranteeType: member(required(f, "guaranteeType"), TYPES, "guaranteeType"),
    amount: num(required(f, "amount"), "amount"),
    termMonths: num(required(f, "termMonths"), "termMonths"),
    insured: bool(required(f, "insured"), "insured"),
    collaterals: records(required(f, "collaterals"), "collaterals").map((item) => {
      const g = fields(item, ITEM_KEYS);
      return {
        kind: member(required(g, "kind"), KINDS, "collaterals.kind"),
        value: num(required(g, "value"), "collaterals.value"),
      };
    }),
  };
  const outside = f.get("propertyOutsideCityLimits");
  if (outside !== undefined) out.propertyOutsideCityLimits = bool(outside, "propertyOutsideCityLimits");
  return out;
}

// ───────────────────────────── Omid-style eligibility ─────────────────────────────

const O_KEYS = toAlias(OMID_ALIASES);
const PLAN_SET = set(PLANS);
const GENDER_SET = set(GENDERS);
const MILITARY_SET = set(MILITARY_STATUSES);
const INSURANCE_SET = set(EMPLOYMENT_INSURANCES);
const LICENCE_SET = set(LICENCES);
const REGION_SET = set(REGIONS);
const PURPOSE_SET = set(PURPOSES);
const INSTALMENT_SET = set(INSTALMENTS);

export interface OmidFacts {
  planType: string;
  /** Absent when not sent. */
  brand?: boolean;
  iranianCitizen: boolean;
  gender: string;
  age: number;
  /** Absent when not sent (women). */
  militaryService?: string;
  overdueDebt: number;
  employmentInsurance: string;
  otherJob: boolean;
  licence: string;
  residesAtSite: boolean;
  amount: number;
  region: string;
  purpose: string;
  repaymentMonths: number;
  graceMonths: number;
  instalments: string;
}

export function omidFacts(input: unknown): OmidFacts {
  const f = fields(input, O_KEYS);
  const out: OmidFacts = {
    planType: member(required(f, "planType"), PLAN_SET, "planType"),
    iranianCitizen: bool(required(f, "iranianCitizen"), "iranianCitizen"),
    gender: member(required(f, "gender"), GENDER_SET, "gender"),
    age: num(required(f, "age"), "age"),
    overdueDebt: num(required(f, "overdueDebt"), "overdueDebt"),
    employmentInsurance: member(required(f, "employmentInsurance"), INSURANCE_SET, "employmentInsurance"),
    otherJob: bool(required(f, "otherJob"), "otherJob"),
    licence: member(required(f, "licence"), LICENCE_SET, "licence"),
    residesAtSite: bool(required(f, "residesAtSite"), "residesAtSite"),
    amount: num(required(f, "amount"), "amount"),
    region: member(required(f, "region"), REGION_SET, "region"),
    purpose: member(required(f, "purpose"), PURPOSE_SET, "purpose"),
    repaymentMonths: num(required(f, "repaymentMonths"), "repaymentMonths"),
    graceMonths: num(required(f, "graceMonths"), "graceMonths"),
    instalments: member(required(f, "instalments"), INSTALMENT_SET, "instalments"),
  };
  const brand = f.get("brand");
  if (brand !== undefined) out.brand = bool(brand, "brand");
  const military = f.get("militaryService");
  if (military !== undefined) out.militaryService = member(military, MILITARY_SET, "militaryService");
  return out;
}
