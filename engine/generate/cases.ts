/**
 * Random valid cases for any artefact, in the form a caller sends them (engine/case.ts), for
 * differential and property tests and for `zavabet cases generate`.
 *
 * Per input, from its declared type:
 * - one-of: any member; yes/no: true or false; text: a short Persian-ish string;
 * - date: a valid Jalali date in 1370–1420, or one of the input's boundaries (half the draws when it
 *   has any), written "yyyy/mm/dd" or "yyyy-mm-dd", months and days padded or not;
 * - number, money, percent: two draws in three from the input's boundaries (engine/generate/
 *   boundaries.ts) when it has any, else from the type's range: number 0–1000 (integers mostly, some
 *   with one or two decimals), money 0–10¹³ rials (integers mostly, some with decimals), percent
 *   0–200 percent points with up to two decimals;
 * - list: 0–5 records whose fields follow the same rules (every field present);
 * - an optional input is left out a quarter of the time (sometimes as a JSON null, which counts as
 *   not sent).
 * Keys are the Persian names, sometimes the ASCII alias instead. Numbers are sent as JSON numbers
 * (when that is exact), ASCII strings, sometimes with Persian digits and «٫», or grouped by threes
 * with "," or «٬»; one-of members and keys are sometimes written with Arabic ي and ك. The engine
 * normalises all of these to the same case.
 */
import fc from "fast-check";
import jalaali from "jalaali-js";
import type { Artefact, RecordField, ScalarType, ValueType } from "../../artefact/types";
import { formatJalali } from "../jalali";
import { type Boundary, boundaries, isOrdered, type OrderedType, TYPE_RANGES } from "./boundaries";

export type Case = Record<string, unknown>;

/** How many of a hundred draws of a number-like input come from its boundaries (when it has any). */
const BOUNDARY_WEIGHT = 2;
const RANGE_WEIGHT = 1;

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const persianDigits = (s: string) => s.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)] ?? d);
/** The same text as an Arabic keyboard writes it: ي for ی and ك for ک (the engine maps them back). */
const arabicLetters = (s: string) => s.replace(/ی/g, "\u064A").replace(/ک/g, "\u0643");

const PERSIAN_LETTERS = [..."ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی", " ", "\u200C"];

/** A key as sent: the Persian name, sometimes the alias, rarely the name in Arabic letters. */
function keyOf(def: { name: string; alias?: string }): fc.Arbitrary<string> {
  const options: fc.WeightedArbitrary<string>[] = [{ arbitrary: fc.constant(def.name), weight: 16 }];
  if (def.alias !== undefined) options.push({ arbitrary: fc.constant(def.alias), weight: 3 });
  if (arabicLetters(def.name) !== def.name)
    options.push({ arbitrary: fc.constant(arabicLetters(def.name)), weight: 1 });
  return fc.oneof(...options);
}

/** A plain decimal string (caller form) as a caller may write it. */
function numberForms(text: string): fc.Arbitrary<string | number> {
  const forms: fc.WeightedArbitrary<string | number>[] = [{ arbitrary: fc.constant(text), weight: 6 }];
  const n = Number(text);
  if (String(n) === text && Number.isSafeInteger(Math.trunc(n)))
    forms.push({ arbitrary: fc.constant(n), weight: 4 });
  forms.push({ arbitrary: fc.constant(persianDigits(text).replace(".", "\u066B")), weight: 1 });
  forms.push({ arbitrary: fc.constant(persianDigits(text)), weight: 1 });
  const grouped = group(text);
  if (grouped !== text) {
    forms.push({ arbitrary: fc.constant(grouped), weight: 1 });
    forms.push({ arbitrary: fc.constant(persianDigits(grouped.replace(/,/g, "\u066C"))), weight: 1 });
  }
  return fc.oneof(...forms);
}

/** "1234567.5" → "1,234,567.5". */
function group(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  const int = (m[2] ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${m[1] ?? ""}${int}${m[3] ?? ""}`;
}

/** digits / 10^places as a plain decimal string (no trailing zeros). */
function scaled(digits: bigint, places: number): string {
  if (places === 0) return digits.toString();
  const negative = digits < 0n;
  const abs = (negative ? -digits : digits).toString().padStart(places + 1, "0");
  const int = abs.slice(0, abs.length - places);
  const frac = abs.slice(abs.length - places).replace(/0+$/, "");
  const text = frac ? `${int}.${frac}` : int;
  return negative && text !== "0" ? `-${text}` : text;
}

/** A caller-form value of a number-like type, drawn from its range (not its boundaries). */
function rangeValue(type: OrderedType): fc.Arbitrary<string> {
  const { lo, hi } = TYPE_RANGES[type.kind];
  const [min, max] = [BigInt(lo), BigInt(hi)];
  const withPlaces = (places: number) =>
    fc
      .bigInt({ min: min * 10n ** BigInt(places), max: max * 10n ** BigInt(places) })
      .map((d) => scaled(d, places));
  switch (type.kind) {
    case "number":
      return fc.oneof(
        { arbitrary: withPlaces(0), weight: 8 },
        { arbitrary: withPlaces(1), weight: 1 },
        { arbitrary: withPlaces(2), weight: 1 },
      );
    case "money":
      return fc.oneof(
        { arbitrary: withPlaces(0), weight: 10 },
        // round amounts, as most real ones are: a few significant digits
        {
          arbitrary: fc
            .tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 10 }))
            .map(([n, zeros]) => `${n}${"0".repeat(zeros)}`),
          weight: 6,
        },
        { arbitrary: withPlaces(2), weight: 1 },
      );
    case "percent":
      return fc.oneof(
        { arbitrary: withPlaces(0), weight: 2 },
        { arbitrary: withPlaces(1), weight: 1 },
        { arbitrary: withPlaces(2), weight: 1 },
      );
    case "date":
      return jalaliDate(Number(min), Number(max));
  }
}

/** A valid Jalali date (yyyy/mm/dd) between two day numbers. */
function jalaliDate(minDay: number, maxDay: number): fc.Arbitrary<string> {
  const year = (day: number) => Number(formatJalali(day).slice(0, 4));
  return fc
    .tuple(
      fc.integer({ min: year(minDay), max: year(maxDay) }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .map(([y, m, d]) => `${y}/${pad(m)}/${pad(Math.min(d, jalaali.jalaaliMonthLength(y, m)))}`);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date as a caller may write it: "/" or "-", padded or not, sometimes Persian digits. */
function dateForms(text: string): fc.Arbitrary<string> {
  const [y = "", m = "", d = ""] = text.split("/");
  const unpadded = `${y}/${Number(m)}/${Number(d)}`;
  return fc.oneof(
    { arbitrary: fc.constant(text), weight: 6 },
    { arbitrary: fc.constant(`${y}-${m}-${d}`), weight: 1 },
    { arbitrary: fc.constant(unpadded), weight: 1 },
    { arbitrary: fc.constant(persianDigits(text)), weight: 1 },
  );
}

function orderedValue(type: OrderedType, edges: readonly Boundary[]): fc.Arbitrary<string | number> {
  const range = rangeValue(type);
  const text =
    edges.length === 0
      ? range
      : fc.oneof(
          { arbitrary: fc.constantFrom(...edges.map((b) => b.value)), weight: BOUNDARY_WEIGHT },
          { arbitrary: range, weight: RANGE_WEIGHT },
        );
  return type.kind === "date" ? text.chain(dateForms) : text.chain(numberForms);
}

function scalarValue(type: ScalarType, edges: readonly Boundary[]): fc.Arbitrary<unknown> {
  if (isOrdered(type)) return orderedValue(type, edges);
  switch (type.kind) {
    case "bool":
      return fc.boolean();
    case "text":
      return fc.string({ unit: fc.constantFrom(...PERSIAN_LETTERS), maxLength: 12 });
    case "enum":
      return fc
        .constantFrom(...type.members)
        .chain((m) =>
          arabicLetters(m) === m
            ? fc.constant(m)
            : fc.oneof(
                { arbitrary: fc.constant(m), weight: 9 },
                { arbitrary: fc.constant(arabicLetters(m)), weight: 1 },
              ),
        );
  }
}

type Entry = [key: string, value: unknown] | null;

function recordOf(fields: readonly RecordField[], list: string, bounds: Map<string, Boundary[]>) {
  const entries = fields.map((f) =>
    fc.tuple(keyOf(f), scalarValue(f.type, bounds.get(`${list}.${f.name}`) ?? [])),
  );
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs) as Case);
}

function inputValue(type: ValueType, name: string, bounds: Map<string, Boundary[]>): fc.Arbitrary<unknown> {
  if (type.kind === "list") return fc.array(recordOf(type.fields, name, bounds), { maxLength: 5 });
  return scalarValue(type, bounds.get(name) ?? []);
}

/** A fast-check arbitrary of valid caller-form cases for the artefact. */
export function caseArbitrary(artefact: Artefact): fc.Arbitrary<Case> {
  const bounds = boundaries(artefact);
  const entries = artefact.inputs.map((input): fc.Arbitrary<Entry> => {
    const present = fc.tuple(keyOf(input), inputValue(input.type, input.name, bounds));
    if (input.required) return present;
    return fc.oneof(
      { arbitrary: present, weight: 12 },
      { arbitrary: fc.constant(null), weight: 3 },
      { arbitrary: keyOf(input).map((k): Entry => [k, null]), weight: 1 },
    );
  });
  return fc.tuple(...entries).map((pairs) => {
    const out: Case = {};
    for (const pair of pairs) if (pair) out[pair[0]] = pair[1];
    return out;
  });
}

/** Cases are drawn in chunks of this many; each chunk is one `fc.sample` with its own seed. */
export const CHUNK_SIZE = 1000;

/** The seed of chunk `i` of a run seeded `seed` (chunk 0 uses the seed itself). */
function chunkSeed(seed: number, i: number): number {
  return i === 0 ? seed : (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) + Math.imul(i, 0x85ebca6b)) | 0;
}

/**
 * `count` cases, deterministically from `seed`, yielded in chunks of at most CHUNK_SIZE without
 * materialising the rest. Chunk i is `fc.sample(caseArbitrary(artefact), { numRuns, seed: chunkSeed })`,
 * so the first CHUNK_SIZE cases are exactly `fc.sample(…, { numRuns: count, seed })`, and a shorter run
 * is always a prefix of a longer one with the same seed.
 */
export function* iterateCases(artefact: Artefact, count: number, seed: number): Generator<Case[], void> {
  const arbitrary = caseArbitrary(artefact);
  for (let i = 0, done = 0; done < count; i++) {
    const numRuns = Math.min(CHUNK_SIZE, count - done);
    yield fc.sample(arbitrary, { numRuns, seed: chunkSeed(seed, i) });
    done += numRuns;
  }
}

/** `count` cases, deterministically from `seed` (the chunks of iterateCases, concatenated). */
export function generateCases(artefact: Artefact, count: number, seed: number): Case[] {
  const out: Case[] = [];
  for (const chunk of iterateCases(artefact, count, seed)) out.push(...chunk);
  return out;
}
